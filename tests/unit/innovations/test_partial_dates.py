"""Partial dates keep the precision they were given."""

import datetime as dt

import pytest

from shopwindow.innovations.partial_dates import PartialDate


@pytest.mark.parametrize("text", ["2015", "2015-04", "2015-04-01", "1999-12-31"])
def test_round_trips_exactly(text: str) -> None:
    assert str(PartialDate.parse(text)) == text


def test_sort_date_is_first_possible_day() -> None:
    assert PartialDate.parse("2015").sort_date == dt.date(2015, 1, 1)
    assert PartialDate.parse("2015-04").sort_date == dt.date(2015, 4, 1)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2015-02-30", "not a real date"),
        ("2015-13", "not a real date"),
        ("15-04-01", "YYYY"),
        ("2015/04/01", "YYYY"),
        ("April 2015", "YYYY"),
    ],
)
def test_rejects_bad_dates(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        PartialDate.parse(text)


def test_display() -> None:
    assert PartialDate.parse("2015").display() == "2015"
    assert PartialDate.parse("2015-04").display() == "April 2015"
    assert PartialDate.parse("2015-04-01").display() == "1 April 2015"
