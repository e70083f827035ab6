"""The innovations API: open reads of published records; token-authenticated draft writes."""

import json
from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.api.services import create_token, revoke_token
from shopwindow.innovations.models import Innovation, RevisionState
from shopwindow.innovations.services.validation import load_schema
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import create_innovation, innovation_record

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def bearer(user: User) -> dict[str, str]:
    _, value = create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {value}"}


def send(client: Client, method: str, url: str, body: Any, headers: dict[str, str]) -> Any:
    """Send `body` as JSON (None: a body that is not JSON at all)."""
    data = "{" if body is None else json.dumps(body)
    return getattr(client, method)(url, data=data, content_type="application/json", **headers)


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_schema_is_served(client: Client, version: str) -> None:
    response = client.get(f"/api/v1/schema/innovation-record-{version}.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/schema+json")
    assert json.loads(response.content) == load_schema(version)


def test_get_published_record(client: Client) -> None:
    create_innovation(
        id="api-record",
        outcomes={"annual_saving_gbp": 60000, "one_off_cost_gbp": 30000},
        contact={"name": "Sam Officer", "email": "sam@southhams.gov.uk"},
    )
    body = client.get("/api/v1/innovations/api-record").json()
    assert body["id"] == "api-record"
    assert body["url"] == "http://testserver/innovations/api-record/"
    assert body["published_at"]
    assert body["updated_at"]
    assert body["derived"]["payback_months"] == 6.0
    assert body["derived"]["verified"] is False
    assert body["outcomes"] == {"annual_saving_gbp": 60000, "one_off_cost_gbp": 30000}
    assert "contact" not in body  # personal data: not for the public


def test_contact_shown_to_council_members(south_hams_member: User) -> None:
    create_innovation(id="with-contact", contact={"name": "Sam Officer"})
    body = signed_in(south_hams_member).get("/api/v1/innovations/with-contact").json()
    assert body["contact"] == {"name": "Sam Officer"}


def test_drafts_and_pending_changes_are_not_public(client: Client, south_hams_member: User) -> None:
    create_innovation(id="secret-draft", publish=False)
    assert client.get("/api/v1/innovations/secret-draft").status_code == 404
    create_innovation(id="public-record", title="Published title here")
    send(
        client,
        "put",
        "/api/v1/innovations/public-record",
        innovation_record(id="public-record", title="Pending title here"),
        bearer(south_hams_member),
    )
    assert client.get("/api/v1/innovations/public-record").json()["title"] == "Published title here"
    listed = client.get("/api/v1/innovations").json()
    assert [r["id"] for r in listed["results"]] == ["public-record"]


def test_list_is_paginated_without_n_plus_one(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    for n in range(12):
        create_innovation(
            id=f"listed-{n:02d}",
            partner_authorities=["E07000047"],
            adoptions=[{"authority": "E07000041", "status": "adopted"}],
            guidance={"steps": [{"title": "One"}]},
        )
    with django_assert_max_num_queries(16):
        body = client.get("/api/v1/innovations?page_size=10").json()
    assert body["count"] == 12
    assert len(body["results"]) == 10
    assert body["next"].endswith("page=2&page_size=10") or "page=2" in body["next"]
    # The list is the search API (shopwindow.search): summaries with facets, not full records.
    assert body["results"][0]["url"].startswith("http://testserver/innovations/listed-")
    assert "facets" in body


def test_post_creates_a_draft(client: Client, south_hams_member: User) -> None:
    response = send(
        client,
        "post",
        "/api/v1/innovations",
        innovation_record(id="via-api"),
        bearer(south_hams_member),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["workflow_status"] == "draft"
    assert body["published_at"] is None
    record = Innovation.objects.get(record_id="via-api")
    assert record.workflow_status == WorkflowStatus.DRAFT
    assert record.submitted_by == south_hams_member
    assert record.owner_council is not None
    assert record.owner_council.gss == "E07000044"
    assert client.get("/api/v1/innovations/via-api").status_code == 404


def test_post_with_an_unsourced_saving_is_a_400_with_the_spec_text(
    client: Client, south_hams_member: User
) -> None:
    record = innovation_record(
        id="unsourced-via-api",
        outcomes={"annual_saving_gbp": 80000},
        evidence={"level": 1, "verification": "self-reported", "sources": []},
    )
    response = send(client, "post", "/api/v1/innovations", record, bearer(south_hams_member))
    assert response.status_code == 400
    assert response.json()["errors"] == [
        "record 1 (unsourced-via-api): outcomes.annual_saving_gbp: no source supports this figure"
    ]
    assert not Innovation.objects.filter(record_id="unsourced-via-api").exists()


def test_post_without_token_is_401(client: Client) -> None:
    response = send(client, "post", "/api/v1/innovations", innovation_record(), {})
    assert response.status_code == 401
    bad = send(
        client,
        "post",
        "/api/v1/innovations",
        innovation_record(),
        {"HTTP_AUTHORIZATION": "Bearer nope"},
    )
    assert bad.status_code == 401


def test_revoked_token_is_401(client: Client, south_hams_member: User) -> None:
    token, value = create_token(user=south_hams_member, name="old")
    assert revoke_token(user=south_hams_member, token_id=token.pk)
    response = send(
        client,
        "post",
        "/api/v1/innovations",
        innovation_record(),
        {"HTTP_AUTHORIZATION": f"Bearer {value}"},
    )
    assert response.status_code == 401


def test_non_members_are_403(client: Client, other_council_member: User, db: None) -> None:
    from tests.factories import UserFactory

    response = send(
        client, "post", "/api/v1/innovations", innovation_record(), bearer(other_council_member)
    )
    assert response.status_code == 403
    plain = UserFactory.create()
    assert (
        send(client, "post", "/api/v1/innovations", innovation_record(), bearer(plain)).status_code
        == 403
    )
    create_innovation(id="south-hams-draft", publish=False)
    taken = innovation_record(id="south-hams-draft", lead_authorities=["E07000041"])
    assert (
        send(
            client,
            "put",
            "/api/v1/innovations/south-hams-draft",
            taken,
            bearer(other_council_member),
        ).status_code
        == 403
    )


def test_moderators_may_write_for_any_council(client: Client, moderator: User) -> None:
    response = send(
        client,
        "post",
        "/api/v1/innovations",
        innovation_record(id="by-moderator"),
        bearer(moderator),
    )
    assert response.status_code == 201


def test_invalid_record_lists_every_problem(client: Client, south_hams_member: User) -> None:
    data = innovation_record(id="bad-api", themes=["nope"], status="done")
    response = send(client, "post", "/api/v1/innovations", data, bearer(south_hams_member))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert len(errors) == 2
    assert errors[0].startswith("record 1 (bad-api): status: 'done' is not an allowed value")
    assert errors[1].startswith("record 1 (bad-api): themes[0]: 'nope' is not an allowed value")
    assert not Innovation.objects.filter(record_id="bad-api").exists()
    not_json = send(client, "post", "/api/v1/innovations", None, bearer(south_hams_member))
    assert not_json.status_code == 400


def test_put_updates_a_draft_and_never_publishes(client: Client, south_hams_member: User) -> None:
    headers = bearer(south_hams_member)
    send(client, "post", "/api/v1/innovations", innovation_record(id="editable"), headers)
    response = send(
        client,
        "put",
        "/api/v1/innovations/editable",
        innovation_record(id="editable", title="Edited by API"),
        headers,
    )
    assert response.status_code == 200
    record = Innovation.objects.get(record_id="editable")
    assert record.title == "Edited by API"
    assert record.workflow_status == WorkflowStatus.DRAFT
    assert record.revisions.count() == 2
    mismatch = send(
        client, "put", "/api/v1/innovations/editable", innovation_record(id="other-id"), headers
    )
    assert mismatch.status_code == 400
    assert mismatch.json()["errors"] == [
        "record 1 (editable): id: must be 'editable', as in the URL"
    ]


def test_put_on_published_record_makes_pending_revision(
    client: Client, south_hams_member: User
) -> None:
    create_innovation(id="published-one", title="Original title here")
    response = send(
        client,
        "put",
        "/api/v1/innovations/published-one",
        innovation_record(id="published-one", title="Changed title here"),
        bearer(south_hams_member),
    )
    assert response.status_code == 200
    assert response.json()["pending_revision"] is True
    record = Innovation.objects.get(record_id="published-one")
    assert record.title == "Original title here"
    assert record.revisions.filter(state=RevisionState.PENDING).count() == 1


def test_post_existing_id_is_409(client: Client, south_hams_member: User) -> None:
    create_innovation(id="taken-id")
    response = send(
        client,
        "post",
        "/api/v1/innovations",
        innovation_record(id="taken-id"),
        bearer(south_hams_member),
    )
    assert response.status_code == 409


def test_token_use_is_recorded(client: Client, south_hams_member: User) -> None:
    token, value = create_token(user=south_hams_member, name="used")
    send(
        client,
        "post",
        "/api/v1/innovations",
        innovation_record(),
        {"HTTP_AUTHORIZATION": f"Bearer {value}"},
    )
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_submitted_records_are_locked_for_members(client: Client, south_hams_member: User) -> None:
    innovation = create_innovation(id="with-moderators", publish=False)
    Innovation.objects.filter(pk=innovation.pk).update(workflow_status=WorkflowStatus.SUBMITTED)
    data = innovation_record(id="with-moderators", title="Sneaky change here")
    response = send(
        client, "put", "/api/v1/innovations/with-moderators", data, bearer(south_hams_member)
    )
    assert response.status_code == 409
    assert Innovation.objects.get(pk=innovation.pk).title != "Sneaky change here"


def test_openapi_documents_the_endpoints(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/innovations", "/api/v1/innovations/{record_id}"} <= set(document["paths"])
    assert document["paths"]["/api/v1/innovations"]["post"]["security"] == [{"ApiTokenAuth": []}]
