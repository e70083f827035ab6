"""The submission form: start a draft, save sections, errors on the right fields, check, submit."""

from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation, RevisionState
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import create_innovation

from .conftest import signed_in

pytestmark = pytest.mark.django_db

ABOUT = {
    "action": "save",
    "title": "Shared planning enforcement team",
    "summary": "Two districts share one planning enforcement team and close cases faster.",
    "problem": "Cases took **months** to close.",
    "approach": "One team, one IT system, one manager.",
    "themes": ["shared-services"],
    "service_areas": ["planning-and-development"],
    "status": "implemented",
    "started-month": "4",
    "started-year": "2019",
}
WHO = {"action": "save", "leads-count": "1", "leads-0-council": "", "partners-count": "1",
       "partners-0-council": "E07000047", "other_partners": "Devon County Council\n"}  # fmt: skip
EVIDENCE = {
    "action": "save",
    "level": "2",
    "sources-count": "1",
    "sources-0-title": "Committee report",
    "sources-0-url": "https://example.org/report.pdf",
    "sources-0-published_on-year": "2020",
}


def _draft(innovation: Innovation) -> dict[str, Any]:
    data = Innovation.objects.get(pk=innovation.pk).draft_data
    assert data is not None
    return dict(data)


def start(client: Client) -> Innovation:
    south_hams = Authority.objects.get(gss="E07000044")
    response = client.post("/innovations/new/", {"council": str(south_hams.pk)})
    assert response.status_code == 302
    innovation = Innovation.objects.get()
    assert response["Location"] == f"/innovations/{innovation.record_id}/edit/"
    return innovation


def fill_required(client: Client, innovation: Innovation) -> str:
    response = client.post(f"/innovations/{innovation.record_id}/edit/about/", ABOUT)
    assert response.status_code == 302, response.content.decode()[:3000]
    record_id = Innovation.objects.get(pk=innovation.pk).record_id
    assert record_id == "shared-planning-enforcement-team"
    for section, data in (("who", WHO), ("evidence", EVIDENCE)):
        response = client.post(f"/innovations/{record_id}/edit/{section}/", data)
        assert response.status_code == 302, response.content.decode()[:3000]
    return record_id


def test_new_record_needs_a_council(client: Client, moderator: User) -> None:
    assert signed_in(moderator).get("/innovations/new/").status_code == 403
    assert client.get("/innovations/new/").status_code == 302  # to sign in


def test_full_submission(south_hams_member: User, moderator: User) -> None:
    client = signed_in(south_hams_member)
    page = client.get("/innovations/new/").content.decode()
    assert "South Hams" in page
    innovation = start(client)
    tasks = client.get(f"/innovations/{innovation.record_id}/edit/").content.decode()
    assert tasks.count("Not yet started") == 7
    assert "Cannot start yet" in tasks

    record_id = fill_required(client, innovation)
    tasks = client.get(f"/innovations/{record_id}/edit/").content.decode()
    assert tasks.count("Completed") == 3
    assert "Cannot start yet" not in tasks
    # The draft is not public, and the live fields are untouched until it is submitted.
    assert Client().get(f"/innovations/{record_id}/").status_code == 404
    assert Innovation.objects.get(record_id=record_id).title == ""

    check = client.get(f"/innovations/{record_id}/edit/check/")
    assert check.status_code == 200
    assert "Shared planning enforcement team" in check.content.decode()
    assert "Exeter" not in check.content.decode()
    done = client.post(f"/innovations/{record_id}/edit/check/")
    assert done.status_code == 200
    assert "Record submitted" in done.content.decode()
    innovation = Innovation.objects.get(record_id=record_id)
    assert innovation.workflow_status == WorkflowStatus.SUBMITTED
    assert innovation.title == "Shared planning enforcement team"
    assert innovation.started_on is not None
    assert str(innovation.started_on) == "2019-04"
    assert [a.gss for a in innovation.ordered_leads] == ["E07000044"]
    assert innovation.owner_council is not None
    assert innovation.draft_data is None
    # Submitted: the council cannot change it until a moderator asks.
    assert "cannot be changed now" in client.get(f"/innovations/{record_id}/edit/").content.decode()
    assert client.get(f"/innovations/{record_id}/edit/about/").status_code == 403


def test_errors_link_to_their_fields(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    innovation = start(client)
    bad = dict(ABOUT, title="Tiny", summary="Too short", themes=[], **{"started-month": "13"})
    response = client.post(f"/innovations/{innovation.record_id}/edit/about/", bad)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_title"' in page
    assert "Title must be 5 characters or more" in page
    assert 'href="#id_summary"' in page
    assert 'href="#id_themes"' in page
    assert 'href="#id_started-month"' in page
    assert _draft(innovation)["completed"] == []


def test_number_and_row_errors(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    innovation = start(client)
    data = {
        "action": "save",
        "annual_saving_gbp": "lots",
        "one_off_cost_gbp": "£1,200",
        "metrics-count": "2",
        "metrics-0-name": "Days to close a case",
        "metrics-0-baseline": "90",
        "metrics-0-result": "thirty",
        "metrics-1-name": "",
    }
    response = client.post(f"/innovations/{innovation.record_id}/edit/outcomes/", data)
    page = response.content.decode()
    assert "Annual saving in pounds must be a number, like 120" in page
    assert "Measure 1: After must be a number, like 120" in page
    assert 'href="#id_metrics-0-result"' in page
    data.update(annual_saving_gbp="12,000", **{"metrics-0-result": "30"})
    response = client.post(f"/innovations/{innovation.record_id}/edit/outcomes/", data)
    assert response.status_code == 302
    record = _draft(innovation)["record"]
    assert record["outcomes"] == {
        "annual_saving_gbp": 12000,
        "one_off_cost_gbp": 1200,
        "metrics": [{"name": "Days to close a case", "baseline": 90, "result": 30}],
    }


def test_a_saving_needs_a_source_that_backs_it(south_hams_member: User) -> None:
    """The Outcomes page takes the figure; the Evidence page asks for the source that backs it."""
    client = signed_in(south_hams_member)
    innovation = start(client)
    url = f"/innovations/{innovation.record_id}/edit/"
    response = client.post(url + "outcomes/", {"action": "save", "annual_saving_gbp": "45000"})
    assert response.status_code == 302
    evidence = {
        "action": "save",
        "level": "2",
        "sources-count": "1",
        "sources-0-title": "Cabinet report, March 2017",
        "sources-0-url": "https://democracy.example.gov.uk/cabinet",
    }
    page = client.post(url + "evidence/", evidence).content.decode()
    assert "Annual saving: no source supports this figure" in page
    assert 'href="#id_sources-0-supports"' in page
    assert 'value="outcomes.annual_saving_gbp"' in page
    evidence["sources-0-supports"] = "outcomes.annual_saving_gbp"
    evidence["sources-0-kind"] = "council-report"
    assert client.post(url + "evidence/", evidence).status_code == 302
    source = _draft(innovation)["record"]["evidence"]["sources"][0]
    assert source["supports"] == ["outcomes.annual_saving_gbp"]
    assert source["kind"] == "council-report"


def test_add_another_and_remove_rows_without_javascript(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    innovation = start(client)
    url = f"/innovations/{innovation.record_id}/edit/barriers/"
    data = {"action": "add:barriers", "barriers-count": "1", "barriers-0-barrier": "VAT rules"}
    page = client.post(url, data).content.decode()
    assert 'name="barriers-count" value="2"' in page
    assert "Barrier 2" in page
    data = {
        "action": "save",
        "barriers-count": "2",
        "barriers-0-barrier": "VAT rules",
        "barriers-0-remove": "on",
        "barriers-1-barrier": "Pension fund rules",
        "barriers-1-ask_of_government": "Allow shared pension admin",
    }
    assert client.post(url, data).status_code == 302
    record = _draft(innovation)["record"]
    assert record["barriers"] == [
        {"barrier": "Pension fund rules", "ask_of_government": "Allow shared pension admin"}
    ]


def test_markdown_preview_renders_on_the_server(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    innovation = start(client)
    data = dict(ABOUT, action="preview", approach="Use **bold** <script>alert(1)</script>")
    page = client.post(f"/innovations/{innovation.record_id}/edit/about/", data).content.decode()
    assert "<strong>bold</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert _draft(innovation)["completed"] == []


def test_other_councils_and_visitors_cannot_edit(
    south_hams_member: User, other_council_member: User
) -> None:
    innovation = start(signed_in(south_hams_member))
    url = f"/innovations/{innovation.record_id}/edit/"
    assert signed_in(other_council_member).get(url).status_code == 404
    assert signed_in(other_council_member).post(url + "about/", ABOUT).status_code == 404
    assert Client().get(url).status_code == 302


def test_editing_a_published_record_makes_a_pending_revision(south_hams_member: User) -> None:
    live = create_innovation(title="Published shared waste service")
    client = signed_in(south_hams_member)
    tasks = client.get(f"/innovations/{live.record_id}/edit/").content.decode()
    assert "Completed" in tasks
    data = dict(ABOUT, title="A new title for the waste service")
    response = client.post(f"/innovations/{live.record_id}/edit/about/", data)
    assert response.status_code == 302
    assert Innovation.objects.get(pk=live.pk).record_id == live.record_id  # id kept
    response = client.post(f"/innovations/{live.record_id}/edit/check/")
    assert "Changes submitted" in response.content.decode()
    live.refresh_from_db()
    assert live.title == "Published shared waste service"
    assert live.workflow_status == WorkflowStatus.PUBLISHED
    pending = live.revisions.get(state=RevisionState.PENDING)
    assert "title" in pending.changed_paths
    public = Client().get(f"/innovations/{live.record_id}/").content.decode()
    assert "Published shared waste service" in public
    assert "A new title for the waste service" not in public


def test_my_records_lists_the_councils_records(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    start(client)
    create_innovation(title="Published South Hams record")
    page = client.get("/innovations/mine/").content.decode()
    assert "Untitled draft" in page
    assert "Published South Hams record" in page


def test_previewing_a_draft_shows_it_and_writes_nothing(south_hams_member: User) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(south_hams_member)
    record_id = fill_required(client, start(client))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/innovations/{record_id}/preview/").content.decode()
    assert "Shared planning enforcement team" in page
    assert "<strong>months</strong>" in page  # the draft's problem, rendered
    assert "Committee report" in page  # its source
    assert "Exeter" not in page
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "SAVEPOINT"))
        and "django_session" not in q["sql"]
    ]
    assert writes == []
    # The live record is untouched: its fields stay empty until the draft is submitted.
    live = Innovation.objects.get(record_id=record_id)
    assert live.title == ""
    assert live.sources.count() == 0


def test_a_sources_publication_date_uses_the_date_boxes(south_hams_member: User) -> None:
    """A year, a month and year or a whole date, in GOV.UK's date input; a date that cannot be
    is an error naming the field, linked from the summary, and nothing is saved."""
    client = signed_in(south_hams_member)
    innovation = start(client)
    url = f"/innovations/{innovation.record_id}/edit/evidence/"
    bad = {**EVIDENCE, "sources-0-published_on-month": "13", "sources-0-published_on-year": "2017"}
    page = client.post(url, bad).content.decode()
    assert "Source 1: Published must be a real date" in page
    assert 'href="#id_sources-0-published_on"' in page
    assert 'name="sources-0-published_on-month" type="text" value="13"' in page
    assert "sources" not in _draft(innovation)["record"].get("evidence", {})
    good = {**bad, "sources-0-published_on-month": "3"}
    assert client.post(url, good).status_code == 302
    assert _draft(innovation)["record"]["evidence"]["sources"][0]["published_on"] == "2017-03"
    page = client.get(url).content.decode()
    assert 'name="sources-0-published_on-month" type="text" value="3"' in page
    assert 'name="sources-0-published_on-year" type="text" value="2017"' in page
