"""Input that used to give a 500 (issue 14): each is now a 400 naming the field, or works."""

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import AuditEvent, User
from shopwindow.adoption.services import start_plan
from shopwindow.api.services import CHANGE_PROPOSED, RECORD_CREATED, RECORD_UPDATED, create_token
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import GuidanceStep, Innovation
from shopwindow.innovations.services.imports import preview_import
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    create_innovation,
    innovation_record,
)

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775807"
LISTS = [
    "/api/v1/authorities",
    "/api/v1/associates",
    "/api/v1/innovations",
    "/api/v1/authorities/E07000044/recommendations",
]
TOKEN_LISTS = ["/api/v1/plans", "/api/v1/help-requests", "/api/v1/engagements"]


@pytest.fixture
def member() -> User:
    user = UserFactory.create()
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss="E07000044"))
    return user


def bearer(user: User) -> dict[str, Any]:
    _, value = create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {value}"}


def post(client: Client, body: str, headers: dict[str, Any]) -> Any:
    return client.post("/api/v1/innovations", data=body, content_type="application/json", **headers)


@pytest.mark.parametrize("url", LISTS + TOKEN_LISTS)
@pytest.mark.parametrize("name", ["page", "page_size"])
def test_a_huge_page_number_is_a_400_naming_it(
    client: Client, member: User, url: str, name: str
) -> None:
    response = client.get(url, {name: HUGE}, **bearer(member))
    assert response.status_code == 400, response.content
    assert response.json()["parameter"] == name


def test_the_last_allowed_page_is_an_empty_page(client: Client) -> None:
    response = client.get("/api/v1/authorities", {"page": "100000"})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_huge_id_in_a_path_is_a_400(client: Client, member: User) -> None:
    response = client.get(f"/api/v1/help-requests/{HUGE}0", **bearer(member))
    assert response.status_code == 400
    assert response.json()["parameter"] == "request_id"


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_a_non_finite_saving_in_an_api_body_is_a_400(
    client: Client, member: User, value: str
) -> None:
    body = json.dumps(innovation_record(id="nan-saving", outcomes={"annual_saving_gbp": 1}))
    body = body.replace('"annual_saving_gbp": 1', f'"annual_saving_gbp": {value}')
    response = post(client, body, bearer(member))
    assert response.status_code == 400
    assert response.json()["parameter"] == "body"
    assert "line 1 column" in response.json()["detail"]
    assert not Innovation.objects.filter(record_id="nan-saving").exists()


def test_an_enormous_saving_is_a_400_naming_the_field(client: Client, member: User) -> None:
    record = innovation_record(id="big-saving", outcomes={"annual_saving_gbp": 1e40})
    response = post(client, json.dumps(record), bearer(member))
    assert response.status_code == 400
    assert "outcomes.annual_saving_gbp: must be 10,000,000,000 or less" in response.json()["detail"]
    assert not Innovation.objects.filter(record_id="big-saving").exists()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e40"])
def test_an_import_names_the_bad_saving(value: str) -> None:
    record = json.dumps(innovation_record(id="imported", outcomes={"annual_saving_gbp": 1}))
    content = record.replace('"annual_saving_gbp": 1', f'"annual_saving_gbp": {value}').encode()
    errors = [str(e) for e in preview_import(content).errors]
    assert errors, "the file must be refused"
    if value == "1e40":
        assert "outcomes.annual_saving_gbp: must be 10,000,000,000 or less" in errors[0]
    else:
        assert f"{value} is not a number JSON allows" in errors[0]


def test_a_non_finite_number_from_a_form_is_refused() -> None:
    from shopwindow.innovations.services.validation import validate_record

    record = innovation_record(outcomes={"metrics": [{"name": "Calls", "result": float("nan")}]})
    problems = [str(e) for e in validate_record(record, require_sources=False)]
    assert any("outcomes.metrics[0].result: must be a finite number" in p for p in problems)


def test_a_step_of_1e300_weeks_is_refused() -> None:
    from shopwindow.innovations.services.validation import validate_record

    record = innovation_record(guidance={"steps": [{"title": "Wait", "duration_weeks": 1e300}]})
    problems = [str(e) for e in validate_record(record)]
    assert any("guidance.steps[0].duration_weeks: must be 520 or less" in p for p in problems)


def test_adoption_survives_a_stored_step_of_1e300_weeks(member: User) -> None:
    """A step saved before the bound existed (or written some other way) must not stop
    councils adopting the record."""
    innovation = create_innovation(guidance={"steps": [{"title": "One"}, {"title": "Two"}]})
    GuidanceStep.objects.filter(innovation=innovation).update(duration_weeks=1e300)
    council = Authority.objects.get(gss="E07000044")
    plan = start_plan(
        user=member, innovation=innovation, council=council, title="Adopt", start_date=date.today()
    )
    tasks = list(plan.tasks.order_by("position"))
    assert [t.duration_days for t in tasks] == [3640, 3640]
    assert tasks[0].due_date is not None
    assert tasks[1].due_date is not None
    assert tasks[1].due_date > tasks[0].due_date


def test_deep_nesting_is_a_400_in_the_api_and_an_error_in_an_import(
    client: Client, member: User
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    response = post(client, deep, bearer(member))
    assert response.status_code == 400
    assert "nested more than 64 levels deep" in response.json()["detail"]
    errors = [str(e) for e in preview_import(deep.encode()).errors]
    assert errors == [
        "file: (file): is not valid JSON: nested more than 64 levels deep (line 1 column 65)"
    ]


def test_a_second_post_of_the_same_id_is_a_409_and_changes_nothing(
    client: Client, member: User
) -> None:
    headers = bearer(member)
    first = post(client, json.dumps(innovation_record(id="twice", title="First title")), headers)
    assert first.status_code == 201
    second = post(client, json.dumps(innovation_record(id="twice", title="Second title")), headers)
    assert second.status_code == 409
    assert second.json()["parameter"] == "id"
    assert Innovation.objects.get(record_id="twice").title == "First title"


def test_a_create_never_overwrites_even_past_the_early_check(member: User) -> None:
    """The service itself refuses a create of a taken id (the API's early check aside)."""
    from shopwindow.innovations.services.records import RecordExistsError, save_record

    save_record(innovation_record(id="taken"), actor=member, publish=False, create_only=True)
    with pytest.raises(RecordExistsError):
        save_record(
            innovation_record(id="taken", title="Another title here"),
            actor=member,
            publish=False,
            create_only=True,
        )
    assert Innovation.objects.get(record_id="taken").title != "Another title here"


def test_api_writes_are_in_the_audit_log(client: Client, member: User) -> None:
    headers = bearer(member)
    post(client, json.dumps(innovation_record(id="audited")), headers)
    client.put(
        "/api/v1/innovations/audited",
        data=json.dumps(innovation_record(id="audited", title="A new title for it")),
        content_type="application/json",
        **headers,
    )
    create_innovation(id="live-one")
    client.put(
        "/api/v1/innovations/live-one",
        data=json.dumps(innovation_record(id="live-one", title="A proposed title")),
        content_type="application/json",
        **headers,
    )
    events = AuditEvent.objects.filter(actor=member, action__startswith="api.record").order_by("pk")
    assert [(e.action, e.object_id) for e in events] == [
        (RECORD_CREATED, str(Innovation.objects.get(record_id="audited").pk)),
        (RECORD_UPDATED, str(Innovation.objects.get(record_id="audited").pk)),
        (CHANGE_PROPOSED, str(Innovation.objects.get(record_id="live-one").pk)),
    ]


@pytest.mark.parametrize("leads", [[{"gss": "E07000044"}], 5, "E07000044"])
def test_a_wrongly_typed_list_is_a_400_not_a_500(client: Client, member: User, leads: Any) -> None:
    """Found by schemathesis: an object in lead_authorities was a TypeError."""
    record = innovation_record(id="odd-leads", lead_authorities=leads, adoptions=7)
    response = post(client, json.dumps(record), bearer(member))
    assert response.status_code == 400
    assert "lead_authorities" in response.json()["detail"] + " ".join(response.json()["errors"])


@pytest.mark.parametrize("url", ["http://[", "https://example.org:port/", "http://[::1"])
def test_a_malformed_source_address_is_a_400_not_a_500(
    client: Client, member: User, url: str
) -> None:
    """Found by schemathesis: urlparse raises ValueError for "http://[" (an invalid IPv6 host)."""
    record = innovation_record(id="bad-url")
    record["evidence"] = {
        "level": 2,
        "verification": "self-reported",
        "sources": [{"title": "A report", "url": url}],
    }
    response = post(client, json.dumps(record), bearer(member))
    assert response.status_code == 400
    assert "evidence.sources[0].url: must be a web address" in " ".join(response.json()["errors"])
