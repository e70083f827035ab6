"""Follows: the small API, the /follows/ page, the weekly digest task and one-click unsubscribe."""

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.follows import services
from shopwindow.follows.models import DigestLog, Follow
from shopwindow.follows.selectors import followers_of, follows_of
from shopwindow.follows.tasks import send_weekly_digests
from shopwindow.innovations.models import Innovation
from tests.factories import UserFactory, create_innovation, otp_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def user() -> User:
    return UserFactory.create()


def signed_in(user: User) -> Client:
    client = Client()
    otp_login(client, user)
    return client


def test_follow_api(user: User) -> None:
    record = create_innovation()
    services.follow(user, "theme", "shared-services")
    services.follow(user, "theme", "shared-services")  # idempotent
    services.follow(user, "record", record.pk)  # an id works too
    assert {(f.kind, f.code) for f in follows_of(user)} == {
        ("theme", "shared-services"),
        ("record", record.record_id),
    }
    assert list(followers_of("record", record.record_id)) == [user]
    with pytest.raises(services.FollowError):
        services.follow(user, "theme", "no-such-theme")
    with pytest.raises(services.FollowError):
        services.follow(user, "council", "E07000044")
    assert services.unfollow(user, "theme", "shared-services") is True
    assert services.unfollow(user, "theme", "shared-services") is False


def test_follow_and_unfollow_buttons_on_the_record_page(user: User) -> None:
    record = create_innovation()
    client = signed_in(user)
    page = client.get(f"/innovations/{record.record_id}/").content.decode()
    assert "Follow this record" in page
    client.post(
        "/follows/follow/",
        {"kind": "record", "code": record.record_id, "next": f"/innovations/{record.record_id}/"},
    )
    assert Follow.objects.filter(user=user, code=record.record_id).exists()
    page = client.get(f"/innovations/{record.record_id}/").content.decode()
    assert "Unfollow<span" in page
    response = client.post(
        "/follows/unfollow/",
        {"kind": "record", "code": record.record_id, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/follows/"  # no open redirect
    assert not Follow.objects.filter(user=user).exists()


def test_manage_page_checkboxes(user: User) -> None:
    client = signed_in(user)
    assert client.get("/follows/").status_code == 200
    client.post("/follows/", {"themes": ["prevention", "assets"], "service_areas": ["housing"]})
    assert {(f.kind, f.code) for f in follows_of(user)} == {
        ("theme", "prevention"),
        ("theme", "assets"),
        ("service-area", "housing"),
    }
    client.post("/follows/", {"themes": ["assets"]})
    assert {(f.kind, f.code) for f in follows_of(user)} == {("theme", "assets")}


def _old(record: Innovation) -> None:
    when = timezone.now() - timedelta(days=30)
    Innovation.objects.filter(pk=record.pk).update(published_at=when)
    record.revisions.update(created_at=when)


def test_weekly_digest_sends_matching_news_and_skips_empty(user: User, after_commit: Any) -> None:
    other = UserFactory.create()
    new = create_innovation(title="Brand new waste idea", themes=["shared-services"])
    old = create_innovation(themes=["shared-services"], title="Old idea")
    _old(old)
    services.follow(user, "theme", "shared-services")
    services.follow(other, "theme", "prevention")  # nothing new there: no email
    with after_commit():
        result = send_weekly_digests.enqueue()  # the test settings run tasks immediately
    assert result.return_value == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [user.email]
    assert "Brand new waste idea" in email.body
    assert "Old idea" not in email.body
    assert f"/innovations/{new.record_id}/" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/follows/unsubscribe/" in email.extra_headers["List-Unsubscribe"]
    assert DigestLog.objects.filter(user=user, item_count=1).exists()
    # A second run the same week sends nothing again.
    out = StringIO()
    with after_commit():
        call_command("send_digests", stdout=out)
    assert len(mail.outbox) == 1
    assert "Sent 0" in out.getvalue()


def test_approved_change_to_a_followed_record_is_in_the_digest(
    user: User, after_commit: Any
) -> None:
    record = create_innovation(title="Followed record")
    _old(record)
    services.follow(user, "record", record.record_id)
    assert send_weekly_digests.call() == 0
    from shopwindow.innovations.serialisation import record_to_dict
    from shopwindow.innovations.services.records import approve_revision, propose_change

    data = record_to_dict(record)
    data["summary"] = "A new summary after a year of running it."
    moderator = UserFactory.create(role="moderator")
    revision = propose_change(record, data, actor=user)
    assert revision is not None
    approve_revision(revision, actor=moderator)
    with after_commit():
        assert send_weekly_digests.call() == 1
    assert "Followed record (changed)" in mail.outbox[0].body


def test_one_click_unsubscribe(user: User) -> None:
    services.follow(user, "theme", "assets")
    token = services.unsubscribe_token(user)
    client = Client()  # signed out
    page = client.get(f"/follows/unsubscribe/{token}/")
    assert page.status_code == 200
    assert "Unsubscribe" in page.content.decode()
    assert Follow.objects.filter(user=user).exists()  # GET changes nothing
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/follows/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.filter(user=user).exists()
    assert Client().get("/follows/unsubscribe/forged-token/").status_code == 404


def test_follows_are_in_the_data_download(user: User) -> None:
    from shopwindow.accounts.selectors import user_data

    services.follow(user, "theme", "assets")
    assert user_data(user)["follows"][0]["code"] == "assets"
