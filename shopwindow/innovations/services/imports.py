"""Importing exchange files (a JSON document or JSON Lines): parse, preview, then all or nothing.

Used by `manage.py import_innovations`, the moderators' import page and `load_demo`.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from shopwindow.accounts.models import User
from shopwindow.core import safejson
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.selectors import with_record_relations
from shopwindow.innovations.serialisation import normalise_record, record_to_dict
from shopwindow.innovations.services.records import save_record
from shopwindow.innovations.services.validation import (
    ACCEPTED_SCHEMAS,
    SCHEMA_1_0,
    RecordError,
    RecordValidationError,
    validate_records,
)
from shopwindow.innovations.vocabularies import Source


@dataclass
class ImportPreview:
    errors: list[RecordError] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    to_create: list[str] = field(default_factory=list)
    to_update: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _file_error(path: str, problem: str) -> RecordError:
    return RecordError(0, None, path, problem)


def declares_1_0(content: bytes) -> bool:
    """Whether the file is a JSON document declaring format 1.0. Such files may leave figures
    unsourced (1.0 sources cannot say what they back); every other file speaks 1.1."""
    try:
        document = safejson.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(document, dict) and document.get("schema") == SCHEMA_1_0


def parse_file(content: bytes) -> tuple[list[Any], list[RecordError]]:
    """The records in a file, and any problems reading it (not yet validation of the records)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_file_error("(file)", "is not UTF-8 text")]
    if not text.strip():
        return [], [_file_error("(file)", "is empty")]
    try:
        document = safejson.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data" and not _first_line_is_json(text):
            where = f"line {exc.lineno} column {exc.colno}"
            return [], [_file_error("(file)", f"is not valid JSON: {exc.msg} ({where})")]
        # Otherwise JSON Lines: one record per line, read below.
    else:
        if isinstance(document, dict) and ("records" in document or "schema" in document):
            return _document_records(document)
        if isinstance(document, dict):
            return [document], []  # JSON Lines with a single record
        return [], [
            _file_error("(file)", 'must be {"schema": ..., "records": [...]} or JSON Lines')
        ]
    records: list[Any] = []
    errors: list[RecordError] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(safejson.loads(line))
        except json.JSONDecodeError as exc:
            n = len(records) + 1
            errors.append(
                RecordError(n, None, "(record)", f"line {line_number} is not valid JSON: {exc.msg}")
            )
            records.append(None)
    return records, errors


def _first_line_is_json(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        safejson.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _document_records(document: dict[str, Any]) -> tuple[list[Any], list[RecordError]]:
    errors = []
    if document.get("schema") not in ACCEPTED_SCHEMAS:
        accepted = " or ".join(repr(name) for name in ACCEPTED_SCHEMAS)
        errors.append(_file_error("schema", f"must be {accepted}"))
    extra = sorted(set(document) - {"schema", "records"})
    errors.extend(_file_error(name, "unknown field; allowed: schema, records") for name in extra)
    records = document.get("records")
    if not isinstance(records, list):
        errors.append(_file_error("records", "must be a list of records"))
        records = []
    return records, errors


def preview_import(content: bytes) -> ImportPreview:
    """Every problem in the file, or what importing it would create and change. Writes nothing."""
    records, errors = parse_file(content)
    parsed_ok = {i for i, r in enumerate(records) if r is not None}
    # Lines that were not JSON are already reported; validate the rest with their own numbers.
    errors += [
        e
        for e in validate_records(records, require_sources=not declares_1_0(content))
        if not (e.path == "(record)" and (e.n - 1) not in parsed_ok)
    ]
    if errors:
        return ImportPreview(errors=sorted(errors, key=lambda e: e.n))
    preview = ImportPreview(records=records)
    ids = [r["id"] for r in records]
    existing = {
        i.record_id: i for i in with_record_relations(Innovation.objects.filter(record_id__in=ids))
    }
    for record in records:
        current = existing.get(record["id"])
        if current is None:
            preview.to_create.append(record["id"])
        elif record_to_dict(current) == normalise_record(record):
            preview.unchanged.append(record["id"])
        else:
            preview.to_update.append(record["id"])
    return preview


@transaction.atomic
def run_import(
    content: bytes, *, actor: User | None = None, publish: bool = True, source: str = Source.IMPORT
) -> ImportResult:
    """Import every record or none: raises RecordValidationError listing every problem."""
    preview = preview_import(content)
    if not preview.ok:
        raise RecordValidationError(preview.errors)
    result = ImportResult()
    require_sources = not declares_1_0(content)
    for record in preview.records:
        saved = save_record(
            record,
            actor=actor,
            publish=publish,
            source=source,
            require_sources=require_sources,
        )
        if saved.created:
            result.created.append(record["id"])
        elif saved.pending:
            result.pending.append(record["id"])
        elif saved.revision is None:
            result.unchanged.append(record["id"])
        else:
            result.updated.append(record["id"])
    return result
