"""Plan exports (CSV, XLSX, ICS) and the adoption API (record adoptions, plans by token)."""

import csv
import io
from datetime import date

import icalendar
import openpyxl
import pytest
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.adoption import services
from shopwindow.adoption.models import AdoptionPlan
from shopwindow.api.services import create_token
from shopwindow.authorities.models import Authority
from shopwindow.core.spreadsheets import safe_cell
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.vocabularies import WorkflowStatus

from .conftest import SOUTH_HAMS, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(member: User, record: Innovation) -> AdoptionPlan:
    plan = services.start_plan(
        user=member,
        innovation=record,
        council=Authority.objects.get(gss=SOUTH_HAMS),
        title="Our plan",
        start_date=date(2026, 1, 5),
    )
    services.add_task(user=member, plan=plan, title="=cmd|' /C calc'!A0", status="blocked")
    return plan


def test_csv_has_one_row_per_task_in_order(member: User, plan: AdoptionPlan) -> None:
    response = client_for(member).get(f"/plans/{plan.pk}/plan.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="our-plan.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Order", "Task"]
    assert [r[1] for r in rows[1:]] == [
        "Make the case",
        "Agree the governance",
        "Go live",
        "'=cmd|' /C calc'!A0",  # a formula is defused
    ]
    assert rows[1][4:6] == ["2026-01-05", "2026-01-19"]


def test_xlsx_opens_with_the_right_rows(member: User, plan: AdoptionPlan) -> None:
    response = client_for(member).get(f"/plans/{plan.pk}/plan.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["Tasks"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Order",
        "Task",
        "Detail",
        "Owner",
        "Start date",
        "Due date",
        "Status",
        "Notes",
    )
    # The same guarded text as the CSV: a formula is defused with a leading apostrophe.
    assert [r[1] for r in rows[1:]] == [safe_cell(t.title) for t in plan.tasks.order_by("position")]
    assert rows[4][1] == "'=cmd|' /C calc'!A0"
    assert rows[1][4].date() == date(2026, 1, 5)
    assert rows[1][5].date() == date(2026, 1, 19)
    assert rows[4][6] == "Blocked"
    assert sheet.cell(row=5, column=2).data_type == "s"  # text, not a formula
    assert book["Plan"]["B2"].value == "South Hams District Council"


def test_ics_has_one_all_day_event_per_dated_task(member: User, plan: AdoptionPlan) -> None:
    response = client_for(member).get(f"/plans/{plan.pk}/plan.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    dated = [t for t in plan.tasks.order_by("position") if t.due_date]
    assert len(events) == len(dated) == 2
    assert [str(e["summary"]) for e in events] == [t.title for t in dated]
    first = events[0]
    assert first.decoded("dtstart") == date(2026, 1, 19)
    assert "Write a business case." in str(first["description"])
    assert f"/innovations/{plan.innovation.record_id}/" in str(first["description"])
    again = icalendar.Calendar.from_ical(
        client_for(member).get(f"/plans/{plan.pk}/plan.ics").content
    )
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]


def test_printable_page_has_the_tasks_and_no_scripts_of_its_own(
    member: User, plan: AdoptionPlan
) -> None:
    body = client_for(member).get(f"/plans/{plan.pk}/print/").content.decode()
    assert "<caption" in body
    assert "Agree the governance" in body


def _token(user: User) -> str:
    _row, raw = create_token(user=user, name="test")
    return raw


def test_record_adoptions_api_lists_confirmed_ones_only(
    member: User, moderator: User, plan: AdoptionPlan, record: Innovation
) -> None:
    client = Client()
    services.update_plan(
        user=member,
        plan=plan,
        title=plan.title,
        start_date=plan.start_date,
        status="adopted",
        is_shared=False,
    )
    body = client.get(f"/api/v1/innovations/{record.record_id}/adoptions").json()
    assert body["count"] == 0
    adoption = record.adoptions.get()
    services.decide_adoption(moderator=moderator, adoption=adoption, confirm=True)
    body = client.get(f"/api/v1/innovations/{record.record_id}/adoptions").json()
    assert body["results"] == [
        {
            "authority": SOUTH_HAMS,
            "name": "South Hams",
            "status": "adopted",
            "started_on": "2026-01-05",
            "notes": "",
            "confirmed_at": body["results"][0]["confirmed_at"],
        }
    ]
    assert body["results"][0]["confirmed_at"]
    assert client.get("/api/v1/innovations/no-such-record/adoptions").status_code == 404
    record.workflow_status = WorkflowStatus.WITHDRAWN
    record.save()
    assert client.get(f"/api/v1/innovations/{record.record_id}/adoptions").status_code == 404


def test_plans_api_needs_a_token_and_shows_only_visible_plans(
    member: User, outsider: User, plan: AdoptionPlan
) -> None:
    client = Client()
    assert client.get("/api/v1/plans").status_code == 401
    mine = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {_token(member)}"})
    assert mine.status_code == 200
    assert [p["id"] for p in mine.json()["results"]] == [str(plan.pk)]
    one = client.get(
        f"/api/v1/plans/{plan.pk}", headers={"Authorization": f"Bearer {_token(member)}"}
    ).json()
    assert [t["title"] for t in one["tasks"]][:3] == [
        "Make the case",
        "Agree the governance",
        "Go live",
    ]
    other = {"Authorization": f"Bearer {_token(outsider)}"}
    assert client.get("/api/v1/plans", headers=other).json()["results"] == []
    assert client.get(f"/api/v1/plans/{plan.pk}", headers=other).status_code == 404
    assert client.get("/api/v1/plans/not-a-uuid", headers=other).status_code == 404
