"""Parsing the report's filters from a query string."""

import pytest

from shopwindow.reports.filters import FilterError, ReportFilters, parse_filters


def test_empty_query_means_everything_without_illustrative_examples() -> None:
    filters = parse_filters({})
    assert filters == ReportFilters()
    assert not filters.narrows
    assert filters.as_query() == {}


def test_values_round_trip_through_the_query_string() -> None:
    query = {
        "nation": "wales",
        "region": "wales",
        "theme": "prevention",
        "period_from": "2015",
        "period_to": "2020",
        "include_illustrative": "true",
    }
    filters = parse_filters(query)
    assert filters.period_from == 2015
    assert filters.include_illustrative
    assert parse_filters(filters.as_query()) == filters
    assert filters.key() == parse_filters(dict(query)).key()
    assert filters.key() != ReportFilters().key()
    assert "Theme: Prevention" in filters.describe()


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"nation": "mars"}, "nation"),
        ({"period_from": "2o15"}, "period_from"),
        ({"period_to": "1066"}, "period_to"),
        ({"period_from": "2020", "period_to": "2010"}, "period_to"),
        ({"include_illustrative": "maybe"}, "include_illustrative"),
    ],
)
def test_bad_values_name_their_parameter(query: dict[str, str], parameter: str) -> None:
    with pytest.raises(FilterError) as caught:
        parse_filters(query)
    assert caught.value.parameter == parameter
