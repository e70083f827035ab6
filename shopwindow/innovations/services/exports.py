"""Exports of records: JSON and JSON Lines in the exchange format (they round-trip exactly), and
CSV and XLSX with one flattened row per record (columns documented in docs/innovation-record.md).
"""

import json
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

from shopwindow.core.spreadsheets import append_row, csv_text, workbook_bytes
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.selectors import derived_figures
from shopwindow.innovations.serialisation import DOCUMENT_SCHEMA, record_to_dict

FORMATS = ("json", "jsonl", "csv", "xlsx")
LIST_SEPARATOR = "; "

CSV_COLUMNS = [
    "id",
    "title",
    "summary",
    "problem",
    "approach",
    "themes",
    "service_areas",
    "lead_authorities",
    "partner_authorities",
    "other_partners",
    "status",
    "started_on",
    "functions",
    "annual_saving_gbp",
    "one_off_cost_gbp",
    "saving_basis",
    "saving_kind",
    "saving_year",
    "saving_shared_by",
    "metrics",
    "evidence_level",
    "verification",
    "sources",
    "guidance_steps",
    "legal_basis",
    "prerequisites",
    "risks",
    "lessons",
    "barriers",
    "contact_name",
    "contact_role",
    "contact_email",
    "adoptions",
    "tags",
    "payback_months",
    "saving_per_head_gbp",
    "verified",
]


def to_json(records: list[dict[str, Any]]) -> str:
    document = {"schema": DOCUMENT_SCHEMA, "records": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(
        json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n" for record in records
    )


def _join(items: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)


def _num(value: Any) -> str:
    return "" if value is None else str(value)


def flat_row(innovation: Innovation, *, include_contact: bool = True) -> dict[str, Any]:
    """One record as spreadsheet cells: lists joined with "; ", child rows as short phrases."""
    record = record_to_dict(innovation, include_contact=include_contact)
    outcomes = record.get("outcomes", {})
    evidence = record["evidence"]
    guidance = record.get("guidance", {})
    contact = record.get("contact", {})
    derived = derived_figures(innovation)
    return {
        "id": record["id"],
        "title": record["title"],
        "summary": record["summary"],
        "problem": record.get("problem", ""),
        "approach": record["approach"],
        "themes": _join(record["themes"]),
        "service_areas": _join(record["service_areas"]),
        "lead_authorities": _join(record["lead_authorities"]),
        "partner_authorities": _join(record.get("partner_authorities", [])),
        "other_partners": _join(record.get("other_partners", [])),
        "status": record["status"],
        "started_on": record.get("started_on", ""),
        "functions": _join(record.get("functions", [])),
        "annual_saving_gbp": outcomes.get("annual_saving_gbp"),
        "one_off_cost_gbp": outcomes.get("one_off_cost_gbp"),
        "saving_basis": outcomes.get("saving_basis", ""),
        "saving_kind": outcomes.get("saving_kind", ""),
        "saving_year": outcomes.get("saving_year", ""),
        "saving_shared_by": outcomes.get("saving_shared_by", ""),
        "metrics": _join(
            f"{m['name']}: {_num(m.get('baseline'))} -> {_num(m.get('result'))}"
            + (f" {m['unit']}" if m.get("unit") else "")
            + (f" ({m['period']})" if m.get("period") else "")
            + (f" [{m['kind']}]" if m.get("kind") else "")
            for m in outcomes.get("metrics", [])
        ),
        "evidence_level": evidence["level"],
        "verification": evidence["verification"],
        "sources": _join(
            f"{s['title']} <{s['url']}>"
            + (f", {s['publisher']}" if "publisher" in s else "")
            + (f" ({s['published_on']})" if "published_on" in s else "")
            + (f" [{s['kind']}]" if "kind" in s else "")
            + (f" supports: {', '.join(s['supports'])}" if "supports" in s else "")
            for s in evidence.get("sources", [])
        ),
        "guidance_steps": _join(
            s["title"] + (f" ({_num(s['duration_weeks'])} weeks)" if "duration_weeks" in s else "")
            for s in guidance.get("steps", [])
        ),
        "legal_basis": guidance.get("legal_basis", ""),
        "prerequisites": _join(guidance.get("prerequisites", [])),
        "risks": _join(
            r["risk"] + (f" (mitigation: {r['mitigation']})" if "mitigation" in r else "")
            for r in guidance.get("risks", [])
        ),
        "lessons": _join(guidance.get("lessons", [])),
        "barriers": _join(
            b["barrier"] + (f" (ask: {b['ask_of_government']})" if "ask_of_government" in b else "")
            for b in record.get("barriers", [])
        ),
        "contact_name": contact.get("name", ""),
        "contact_role": contact.get("role", ""),
        "contact_email": contact.get("email", ""),
        "adoptions": _join(
            f"{a['authority']} {a['status']}"
            + (f" ({a['started_on']})" if "started_on" in a else "")
            for a in record.get("adoptions", [])
        ),
        "tags": _join(record.get("tags", [])),
        "payback_months": derived["payback_months"],
        "saving_per_head_gbp": derived["saving_per_head_gbp"],
        "verified": "yes" if derived["verified"] else "no",
    }


def to_csv(innovations: Iterable[Innovation], *, include_contact: bool = True) -> str:
    rows = (flat_row(i, include_contact=include_contact) for i in innovations)
    return csv_text(
        CSV_COLUMNS, ([row[c] for c in CSV_COLUMNS] for row in rows), lineterminator="\n"
    )


def to_xlsx(innovations: Iterable[Innovation], *, include_contact: bool = True) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Innovation records"
    append_row(sheet, CSV_COLUMNS)
    for innovation in innovations:
        row = flat_row(innovation, include_contact=include_contact)
        append_row(sheet, [row[column] for column in CSV_COLUMNS])
    sheet.freeze_panes = "B2"
    return workbook_bytes(workbook)


def export_records(
    innovations: Iterable[Innovation], fmt: str, *, include_contact: bool = True
) -> bytes:
    """Records in one of FORMATS, as bytes ready to write or send."""
    items = list(innovations)
    if fmt == "json":
        return to_json([record_to_dict(i, include_contact=include_contact) for i in items]).encode()
    if fmt == "jsonl":
        return to_jsonl(
            [record_to_dict(i, include_contact=include_contact) for i in items]
        ).encode()
    if fmt == "csv":
        return to_csv(items, include_contact=include_contact).encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(items, include_contact=include_contact)
    raise ValueError(f"Unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
