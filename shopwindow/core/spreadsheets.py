"""The one spreadsheet-safe cell writer: every CSV and XLSX file the service makes goes through it.

A spreadsheet program runs text starting with `=`, `+`, `-` or `@` (or a tab or carriage
return before one) as a formula, so text written by people (a barrier, a plan task, a record's
title) could call out to a web address or run a command when the file is opened ("CSV
injection"). Following the OWASP guidance, such text is written with a leading apostrophe,
which spreadsheet programs show as text. Numbers stay numbers: a negative figure (an int,
float or Decimal, or text that is exactly a number such as "-12.5") is not touched.

The guard is reversible: `unguard_cell(safe_cell(text)) == text` for every text (text that
already starts with apostrophes before a trigger gets one more, so nothing is ambiguous).

Helpers: `csv_text` / `CsvRows` for CSV, `append_row` for an openpyxl sheet, and
`workbook_bytes` for an XLSX file whose bytes depend only on its content.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# OWASP "CSV Injection": these first characters make a cell a formula (or hide one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = re.compile(r"^'*[=+\-@\t\r]")  # text that needs (or, reading back, carries) a guard
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def needs_guard(text: str) -> bool:
    return bool(_GUARDED.match(text)) and not _PLAIN_NUMBER.match(text)


def safe_cell(value: Any) -> Any:
    """The value as it may go into a cell: formula-like text gets a leading apostrophe.

    Anything that is not text (numbers, dates, None) is returned unchanged.
    """
    if isinstance(value, str) and needs_guard(value):
        return "'" + value
    return value


def unguard_cell(text: str) -> str:
    """Undo `safe_cell` on text read back from one of our spreadsheets."""
    if text.startswith("'") and needs_guard(text[1:]):
        return text[1:]
    return text


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


class CsvRows:
    """A csv.writer that guards every cell it writes."""

    def __init__(self, out: io.StringIO, *, lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(out, lineterminator=lineterminator)

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow(safe_row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(
    header: Sequence[str], rows: Iterable[Iterable[Any]], *, lineterminator: str = "\r\n"
) -> str:
    """A whole CSV file as text: the header, then the rows, every cell guarded."""
    out = io.StringIO()
    writer = CsvRows(out, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append one guarded row to an openpyxl sheet; text cells are always typed as text."""
    sheet.append(safe_row(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl would otherwise read some text as a formula


# Workbooks are dated like this, so the same content always gives the same bytes.
FIXED_TIME = datetime(2015, 4, 16)  # naive: the XLSX core properties carry no zone
_FIXED_STAMP = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def workbook_bytes(workbook: Workbook) -> bytes:
    """An XLSX file that depends only on its content: fixed document dates and zip entry times
    (openpyxl stamps both with the time of writing)."""
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl sets "modified" as it saves
                content = _MODIFIED.sub(rb"\g<1>" + _FIXED_STAMP + rb"\g<2>", content)
            target.writestr(entry, content)
    return stable.getvalue()
