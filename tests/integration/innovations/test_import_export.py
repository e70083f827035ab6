"""Import and export: all or nothing, every problem listed, and an exact round trip."""

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from shopwindow.innovations.models import Innovation, Revision
from shopwindow.innovations.services.exports import CSV_COLUMNS
from shopwindow.innovations.services.imports import preview_import
from shopwindow.innovations.vocabularies import THEME_CODES, WorkflowStatus
from tests.factories import create_innovation, innovation_record

pytestmark = pytest.mark.django_db


def write_document(path: Path, records: Sequence[object]) -> Path:
    path.write_text(json.dumps({"schema": "shopwindow/innovation-record/1", "records": records}))
    return path


def run_import(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_innovations", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def export(fmt: str, tmp_path: Path, name: str, *args: str) -> bytes:
    target = tmp_path / name
    call_command("export_innovations", "--format", fmt, "--output", str(target), *args)
    return target.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_round_trip_is_byte_identical(fmt: str, demo: None, tmp_path: Path) -> None:
    create_innovation(
        id="every-field",
        problem="Before: *three* teams.",
        partner_authorities=["E07000047"],
        other_partners=["NHS Devon"],
        started_on="2015-04",
        functions=["waste-collection", "street-cleansing"],
        outcomes={
            "annual_saving_gbp": 1234.5,
            "one_off_cost_gbp": 1000,
            "saving_basis": "2016-17 outturn",
            "saving_kind": "audited",
            "saving_year": "2016/17",
            "saving_shared_by": "lead",
            "metrics": [
                {
                    "name": "Calls",
                    "unit": "calls",
                    "baseline": 10.5,
                    "result": 3,
                    "period": "2016",
                    "kind": "reported",
                }
            ],
        },
        evidence={
            "level": 3,
            "verification": "peer-reviewed",
            "sources": [
                {
                    "title": "Report",
                    "url": "https://example.org/r",
                    "published_on": "2016",
                    "publisher": "Audit Wales",
                    "kind": "audit",
                    "supports": ["outcomes.annual_saving_gbp", "outcomes.one_off_cost_gbp"],
                },
                {
                    "title": "Outturn",
                    "url": "https://example.org/o",
                    "supports": ["outcomes.metrics[0]", "started_on"],
                },
            ],
        },
        guidance={
            "steps": [{"title": "Plan", "detail": "Agree it", "duration_weeks": 2.5}],
            "legal_basis": "s.101",
            "prerequisites": ["Trust"],
            "risks": [{"risk": "Delay", "mitigation": "Plan"}],
            "lessons": ["Start small"],
        },
        barriers=[{"barrier": "Rules", "ask_of_government": "Change them"}],
        contact={"name": "A Person", "role": "Head of waste", "email": "a.person@southhams.gov.uk"},
        adoptions=[
            {
                "authority": "E07000041",
                "status": "adopted",
                "started_on": "2017-01-02",
                "notes": "Went well",
            }
        ],
        tags=["émigré ünïcode", "waste"],
    )
    first = export(fmt, tmp_path, f"first.{fmt}")
    assert b"every-field" in first
    assert b"illustrative" in first

    Revision.objects.all().delete()
    Innovation.objects.all().delete()
    assert Innovation.objects.count() == 0
    run_import(tmp_path / f"first.{fmt}")

    second = export(fmt, tmp_path, f"second.{fmt}")
    assert second == first


def test_three_broken_records_among_good_ones_import_nothing(tmp_path: Path) -> None:
    records = [
        innovation_record(id="good-one"),
        innovation_record(id="broken-theme", themes=["shared-service"]),
        innovation_record(id="good-two"),
        innovation_record(id="broken-council", lead_authorities=["E07999999"]),
        innovation_record(id="broken-date", started_on="2015-02-30"),
        innovation_record(id="good-three"),
    ]
    path = write_document(tmp_path / "mixed.json", records)
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_innovations", str(path), stderr=err)
    assert raised.value.returncode == 1
    assert "3 problems found" in str(raised.value)
    assert "nothing was imported" in str(raised.value)
    lines = err.getvalue().splitlines()
    assert lines == [
        "record 2 (broken-theme): themes[0]: 'shared-service' is not an allowed value; allowed: "
        + ", ".join(THEME_CODES),
        "record 4 (broken-council): lead_authorities[0]: "
        "'E07999999' is not a known authority GSS code",
        "record 5 (broken-date): started_on: '2015-02-30' is not a real date",
    ]
    assert Innovation.objects.count() == 0
    assert Revision.objects.count() == 0


def test_jsonl_import_reports_bad_lines_by_record(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(
        json.dumps(innovation_record(id="line-one"))
        + "\n{not json\n"
        + json.dumps(innovation_record(id="line-three", status="finished"))
        + "\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_innovations", str(path), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("record 2 (no id): (record): line 2 is not valid JSON")
    assert lines[1].startswith("record 3 (line-three): status: 'finished' is not an allowed value")
    assert len(lines) == 2


def test_import_publishes_and_upserts(tmp_path: Path) -> None:
    path = write_document(tmp_path / "one.json", [innovation_record(id="upsert-me")])
    out, _ = run_import(path)
    assert "1 created" in out
    record = Innovation.objects.get(record_id="upsert-me")
    assert record.workflow_status == WorkflowStatus.PUBLISHED
    assert record.published_at

    write_document(path, [innovation_record(id="upsert-me", title="A better title here")])
    out, _ = run_import(path)
    assert "1 updated" in out
    assert Innovation.objects.get(record_id="upsert-me").title == "A better title here"
    out, _ = run_import(path)
    assert "1 unchanged" in out
    assert Innovation.objects.count() == 1


def test_import_as_draft(tmp_path: Path) -> None:
    path = write_document(tmp_path / "draft.json", [innovation_record(id="a-draft")])
    run_import(path, "--as-draft")
    assert Innovation.objects.get(record_id="a-draft").workflow_status == WorkflowStatus.DRAFT


def test_imported_adoptions_are_confirmed(tmp_path: Path) -> None:
    adoptions = [{"authority": "E07000041", "status": "in-progress"}]
    path = write_document(
        tmp_path / "a.json", [innovation_record(id="adopted", adoptions=adoptions)]
    )
    run_import(path)
    adoption = Innovation.objects.get(record_id="adopted").adoptions.get()
    assert adoption.confirmed
    assert adoption.confirmed_at
    assert adoption.source == "import"


def test_export_defaults_to_published(tmp_path: Path) -> None:
    create_innovation(id="public-one")
    create_innovation(id="draft-one", publish=False)
    published = json.loads(export("json", tmp_path, "p.json"))
    assert [r["id"] for r in published["records"]] == ["public-one"]
    everything = json.loads(export("json", tmp_path, "a.json", "--all"))
    assert [r["id"] for r in everything["records"]] == ["draft-one", "public-one"]


def test_csv_and_xlsx_have_documented_columns(tmp_path: Path) -> None:
    create_innovation(id="flat", themes=["shared-services", "procurement"], tags=["a", "b"])
    lines = export("csv", tmp_path, "r.csv").decode().splitlines()
    assert lines[0].split(",") == CSV_COLUMNS
    assert "shared-services; procurement" in lines[1]
    workbook = load_workbook(io.BytesIO(export("xlsx", tmp_path, "r.xlsx")))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[1][0] == "flat"
    documented = (settings.BASE_DIR / "docs" / "innovation-record.md").read_text(encoding="utf-8")
    assert all(f"`{column}`" in documented for column in CSV_COLUMNS)


def test_csv_cells_cannot_be_formulas(tmp_path: Path) -> None:
    create_innovation(id="formula", other_partners=['=HYPERLINK("http://evil")'])
    assert "'=HYPERLINK" in export("csv", tmp_path, "f.csv").decode()


def test_preview_lists_creates_and_updates() -> None:
    create_innovation(id="exists-already")
    create_innovation(id="stays-same", title="Same title as before")
    content = json.dumps(
        {
            "schema": "shopwindow/innovation-record/1",
            "records": [
                innovation_record(id="brand-new"),
                innovation_record(id="exists-already", title="A changed title"),
                innovation_record(id="stays-same", title="Same title as before"),
            ],
        }
    ).encode()
    preview = preview_import(content)
    assert preview.ok
    assert (preview.to_create, preview.to_update, preview.unchanged) == (
        ["brand-new"],
        ["exists-already"],
        ["stays-same"],
    )
    assert Innovation.objects.filter(record_id="brand-new").count() == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file: (file): is empty"),
        (
            b'{"schema": "other/1", "records": []}',
            "file: schema: must be 'shopwindow/innovation-record/1'",
        ),
        (
            b'{"schema": "shopwindow/innovation-record/1",\n "records": [}',
            "file: (file): is not valid JSON",
        ),
        (b"\xff\xfe", "file: (file): is not UTF-8 text"),
    ],
)
def test_file_level_problems(content: bytes, expected: str) -> None:
    messages = [str(e) for e in preview_import(content).errors]
    assert any(m.startswith(expected) for m in messages), messages
