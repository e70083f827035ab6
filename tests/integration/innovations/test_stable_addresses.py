"""A record's old addresses (a draft's placeholder id, a renamed record) redirect for good."""

import pytest

from shopwindow.accounts.models import User
from shopwindow.innovations.models import Innovation, RecordAlias
from tests.factories import create_innovation

from .conftest import signed_in
from .test_form import fill_required, start

pytestmark = pytest.mark.django_db


def test_the_old_draft_address_redirects_once_it_has_a_title(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    draft = start(client)
    old_id = draft.record_id
    assert old_id.startswith("draft-")
    new_id = fill_required(client, draft)

    for suffix in ("edit/", "edit/about/", "edit/check/", "preview/"):
        response = client.get(f"/innovations/{old_id}/{suffix}?from=bookmark")
        assert response.status_code == 301, suffix
        assert response["Location"] == f"/innovations/{new_id}/{suffix}?from=bookmark"
    assert client.get(f"/innovations/{new_id}/edit/").status_code == 200
    # A form posted to the old address keeps its method (308), so nothing typed is lost.
    assert client.post(f"/innovations/{old_id}/edit/about/", {}).status_code == 308


def test_a_renamed_published_record_redirects_everywhere(client: object) -> None:
    innovation = create_innovation(id="old-name", title="Renamed")
    innovation = Innovation.objects.get(pk=innovation.pk)
    innovation.record_id = "new-name"
    innovation.save()
    assert RecordAlias.objects.get(old_id="old-name").innovation == innovation

    from django.test import Client

    visitor = Client()
    for old, new in (
        ("/innovations/old-name/", "/innovations/new-name/"),
        ("/innovations/old-name/download.json", "/innovations/new-name/download.json"),
        ("/api/v1/innovations/old-name", "/api/v1/innovations/new-name"),
    ):
        response = visitor.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
    assert visitor.get("/innovations/new-name/").status_code == 200
    assert visitor.get("/innovations/never-existed/").status_code == 404


def test_an_id_taken_back_is_no_longer_an_alias() -> None:
    innovation = Innovation.objects.get(pk=create_innovation(id="first").pk)
    innovation.record_id = "second"
    innovation.save()
    innovation.record_id = "first"
    innovation.save()
    assert list(RecordAlias.objects.values_list("old_id", flat=True)) == ["second"]
