"""Exports of an adoption plan: CSV, XLSX (openpyxl) and ICS (icalendar).

All three hold the same task rows, in the plan's order. The ICS has one all-day VEVENT per task
with a due date (the due date is the event's day); its UID is stable across exports
(task-<id>@<host>), so a calendar that imports it again updates rather than duplicates.
"""

import csv
import io
from collections.abc import Sequence
from datetime import date, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from shopwindow.adoption.models import AdoptionPlan, PlanTask

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


def _safe(value: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
    return "'" + value if value[:1] in {"=", "+", "-", "@"} else value


def plan_csv(tasks: Sequence[PlanTask]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for number, task in enumerate(tasks, start=1):
        writer.writerow([_safe(_text(v)) for v in task_row(task, number)])
    return out.getvalue()


def plan_xlsx(plan: AdoptionPlan, tasks: Sequence[PlanTask]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tasks"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, task in enumerate(tasks, start=1):
        sheet.append(task_row(task, number))
        cells = sheet[sheet.max_row]
        for cell in cells:
            # openpyxl reads "=..." as a formula: keep people's text as text.
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"
        for cell in cells[4:6]:
            if cell.value is not None:
                cell.number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDEFGH", (7, 40, 60, 24, 12, 12, 14, 40), strict=True):
        sheet.column_dimensions[column].width = width
    about = book.create_sheet("Plan")
    about.append(["Plan", plan.title])
    about.append(["Council", plan.council.official_name])
    about.append(["Record", plan.innovation.title])
    about.append(["Start date", plan.start_date])
    about.append(["Status", plan.get_status_display()])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


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
