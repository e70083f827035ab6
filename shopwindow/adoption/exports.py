"""Exports of an adoption plan: CSV, XLSX (openpyxl) and ICS (icalendar).

All three hold the same task rows, in the plan's order. The ICS has one all-day VEVENT per task
with a due date (the due date is the event's day); its UID is stable across exports
(task-<id>@<host>), so a calendar that imports it again updates rather than duplicates.
"""

from collections.abc import Sequence
from datetime import date, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from shopwindow.adoption.models import AdoptionPlan, PlanTask
from shopwindow.core.spreadsheets import append_row, csv_text, workbook_bytes

HEADERS = ["Order", "Task", "Detail", "Owner", "Start date", "Due date", "Status", "Notes"]


def task_row(task: PlanTask, number: int) -> list[str | int | date | None]:
    return [
        number,
        task.title,
        task.detail,
        task.owner_display,
        task.start_date,
        task.due_date,
        task.get_status_display(),
        task.notes,
    ]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def plan_csv(tasks: Sequence[PlanTask]) -> str:
    rows = ([_text(v) for v in task_row(task, number)] for number, task in enumerate(tasks, 1))
    return csv_text(HEADERS, rows)


def plan_xlsx(plan: AdoptionPlan, tasks: Sequence[PlanTask]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tasks"
    append_row(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, task in enumerate(tasks, start=1):
        append_row(sheet, task_row(task, number))
        for cell in sheet[sheet.max_row][4:6]:
            if cell.value is not None:
                cell.number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDEFGH", (7, 40, 60, 24, 12, 12, 14, 40), strict=True):
        sheet.column_dimensions[column].width = width
    about = book.create_sheet("Plan")
    append_row(about, ["Plan", plan.title])
    append_row(about, ["Council", plan.council.official_name])
    append_row(about, ["Record", plan.innovation.title])
    append_row(about, ["Start date", plan.start_date])
    append_row(about, ["Status", plan.get_status_display()])
    return workbook_bytes(book)


def _host() -> str:
    hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith("[")]
    return hosts[0] if hosts else "shopwindow.example"


def plan_ics(plan: AdoptionPlan, tasks: Sequence[PlanTask], *, record_url: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SERVICE_NAME}//Adoption plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", plan.title)
    stamp = timezone.now()
    host = _host()
    for task in tasks:
        if task.due_date is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"task-{task.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", task.title)
        event.add("dtstart", task.due_date)
        event.add("dtend", task.due_date + timedelta(days=1))
        detail = task.detail.strip()
        event.add("description", f"{detail}\n\n{record_url}" if detail else record_url)
        event.add("url", record_url)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
