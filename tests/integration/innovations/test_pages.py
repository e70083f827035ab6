"""The moderators' import page and the API token page."""

import json
from collections.abc import Sequence

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from shopwindow.accounts.models import AuditEvent, User
from shopwindow.api.models import ApiToken, hash_token
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import UserFactory, create_innovation, innovation_record

from .conftest import signed_in

pytestmark = pytest.mark.django_db
IMPORT_URL = "/moderation/import/"


def upload(records: Sequence[object], name: str = "records.json") -> SimpleUploadedFile:
    content = json.dumps({"schema": "shopwindow/innovation-record/1", "records": records})
    return SimpleUploadedFile(name, content.encode(), content_type="application/json")


def test_import_page_is_for_moderators_only(client: Client, south_hams_member: User) -> None:
    assert client.get(IMPORT_URL).status_code == 302  # signed out: to sign in
    assert signed_in(south_hams_member).get(IMPORT_URL).status_code == 403


def test_import_page_lists_every_problem_and_imports_nothing(moderator: User) -> None:
    client = signed_in(moderator)
    assert client.get(IMPORT_URL).status_code == 200
    records = [
        innovation_record(id="fine-one"),
        innovation_record(id="bad-theme", themes=["sharedservices"]),
        innovation_record(id="bad-status", status="done"),
    ]
    response = client.post(
        IMPORT_URL, {"action": "check", "file": upload(records), "mode": "publish"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The file has 2 problems" in page
    assert (
        "record 2 (bad-theme): themes[0]: &#x27;sharedservices&#x27; is not an allowed value"
        in page
    )
    assert "record 3 (bad-status): status:" in page
    assert Innovation.objects.count() == 0


def test_import_page_previews_then_imports_on_confirm(moderator: User) -> None:
    create_innovation(id="to-change", title="Old title for record")
    client = signed_in(moderator)
    records = [
        innovation_record(id="to-create"),
        innovation_record(id="to-change", title="New title for record"),
    ]
    response = client.post(
        IMPORT_URL, {"action": "check", "file": upload(records), "mode": "draft"}
    )
    page = response.content.decode()
    assert "Check the import" in page
    assert "to-create" in page
    assert "to-change" in page
    assert not Innovation.objects.filter(record_id="to-create").exists()

    done = client.post(IMPORT_URL, {"action": "confirm"}, follow=True)
    assert "1 created" in done.content.decode()
    assert Innovation.objects.get(record_id="to-create").workflow_status == WorkflowStatus.DRAFT
    # A draft import of a published record waits for approval; the public version stays.
    assert Innovation.objects.get(record_id="to-change").title == "Old title for record"
    assert "1 waiting for approval" in done.content.decode()


def test_import_page_requires_a_file_and_a_choice(moderator: User) -> None:
    response = signed_in(moderator).post(IMPORT_URL, {"action": "check"})
    page = response.content.decode()
    assert "Select a file to import" in page
    assert "Select whether to publish the records or import them as drafts" in page


def test_confirm_without_a_checked_file(moderator: User) -> None:
    response = signed_in(moderator).post(IMPORT_URL, {"action": "confirm"}, follow=True)
    assert "Upload the file again" in response.content.decode()


def test_token_page_shows_token_once_and_revokes(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    assert client.get("/account/api-tokens/").status_code == 200
    response = client.post("/account/api-tokens/", {"name": "Spreadsheet sync"}, follow=True)
    page = response.content.decode()
    token = ApiToken.objects.get(user=south_hams_member)
    value = page.split('<code class="sw-token">')[1].split("</code>")[0]
    assert token.token_hash == hash_token(value)
    assert value not in token.token_hash
    assert "You will not be able to see it again" in page
    assert value not in client.get("/account/api-tokens/").content.decode()

    client.post(f"/account/api-tokens/{token.pk}/revoke/", follow=True)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_token_page_needs_sign_in_and_a_name(client: Client, south_hams_member: User) -> None:
    assert client.get("/account/api-tokens/").status_code == 302
    response = signed_in(south_hams_member).post("/account/api-tokens/", {"name": ""})
    assert "Enter a name for the token" in response.content.decode()


def test_cannot_revoke_someone_elses_token(south_hams_member: User, moderator: User) -> None:
    from shopwindow.api.services import create_token

    token, _ = create_token(user=moderator, name="mine")
    signed_in(south_hams_member).post(f"/account/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_creation_and_revocation_are_audited(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    client.post("/account/api-tokens/", {"name": "Spreadsheet sync"}, REMOTE_ADDR="192.0.2.7")
    token = ApiToken.objects.get(user=south_hams_member)
    client.post(f"/account/api-tokens/{token.pk}/revoke/", REMOTE_ADDR="192.0.2.8")
    events = list(
        AuditEvent.objects.filter(action__startswith="api_token.").order_by("created_at", "pk")
    )
    assert [(e.action, e.actor_id, e.object_id, e.ip_address) for e in events] == [
        ("api_token.created", south_hams_member.pk, str(token.pk), "192.0.2.7"),
        ("api_token.revoked", south_hams_member.pk, str(token.pk), "192.0.2.8"),
    ]
    assert events[0].extra == {"name": "Spreadsheet sync", "prefix": token.prefix}
    # Revoking twice changes nothing and logs nothing more.
    client.post(f"/account/api-tokens/{token.pk}/revoke/")
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1


def test_a_member_of_no_council_cannot_create_a_token(db: None) -> None:
    from shopwindow.api.services import create_token

    loner = UserFactory.create(email="loner@example.org")
    client = signed_in(loner)
    page = client.get("/account/api-tokens/").content.decode()
    assert "Only members of a council and vetted associates can create API tokens" in page
    assert 'name="name"' not in page
    assert client.post("/account/api-tokens/", {"name": "sneaky"}).status_code == 403
    assert not ApiToken.objects.filter(user=loner).exists()
    # A token kept from when they belonged to a council can still be revoked.
    old, _ = create_token(user=loner, name="from before")
    client.post(f"/account/api-tokens/{old.pk}/revoke/")
    old.refresh_from_db()
    assert old.revoked_at is not None
