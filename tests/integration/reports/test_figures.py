"""The national figures against totals worked out by hand from the fixture (see conftest.py).

Expected values are written out here, not computed by the code under test.
"""

from decimal import Decimal
from typing import Any

from django.utils import timezone

from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.selectors import national_figures
from tests.integration.reports.conftest import DEVON, SOUTH_HAMS, TEIGNBRIDGE, WEST_DEVON


def test_headline_totals_match_a_hand_calculation(report_records: Any) -> None:
    totals = national_figures(ReportFilters()).totals
    # R1 + R2 + R3 + R4 (R5 illustrative, R6 draft left out).
    assert totals.records == 4
    assert totals.sums.achieved == Decimal("450000")  # 300,000 + 100,000 + 50,000
    assert totals.sums.verified == Decimal("350000")  # R1 peer-reviewed + R3 evaluated
    assert totals.sums.reported == Decimal("100000")  # R2
    assert totals.sums.one_off_cost == Decimal("210000")  # 150,000 + 60,000
    # Payback over R1 and R3 (both give a cost and a saving): 210,000 / 350,000 x 12.
    assert totals.payback_months == Decimal("7.2")
    assert totals.payback_records == 2
    # South Hams, West Devon, Devon, Cardiff, Swansea, Edinburgh.
    assert totals.councils_shared == 6
    # Teignbridge (R1) and Swansea (R2); Teignbridge's abandoned R3 adoption does not count.
    assert totals.councils_adopted == 2
    assert totals.adoptions == 2


def test_a_shared_saving_counts_once_not_once_per_council(report_records: Any) -> None:
    only_partnership = national_figures(ReportFilters(theme="shared-services", period_to=2019))
    assert only_partnership.totals.records == 1
    assert only_partnership.totals.councils_shared == 3
    assert only_partnership.totals.sums.achieved == Decimal("300000")  # not 3 x 300,000
    cells = only_partnership.map_cells
    # Every area of the partnership shows the partnership's saving, once.
    for gss in (SOUTH_HAMS, WEST_DEVON, TEIGNBRIDGE):  # Teignbridge: inside partner Devon
        assert cells[gss].records == 1
        assert cells[gss].achieved_saving == Decimal("300000")
    assert DEVON not in cells  # a county has no hex of its own


def test_map_never_counts_a_record_twice_in_one_area(report_records: Any) -> None:
    cells = national_figures(ReportFilters()).map_cells
    # South Hams leads R1 and R3, and Devon (covering it) partners R1: still 2 records.
    assert cells[SOUTH_HAMS].records == 2
    assert cells[SOUTH_HAMS].achieved_saving == Decimal("350000")


def test_breakdown_rows_overlap_but_the_total_row_equals_the_headline(report_records: Any) -> None:
    figures = national_figures(ReportFilters())
    nations = figures.breakdown("nation")
    rows = {row.code: (row.records, row.sums.achieved) for row in nations.rows}
    assert rows == {
        "england": (2, Decimal("350000")),  # R1, R3
        "wales": (2, Decimal("150000")),  # R2, R3
        "scotland": (1, None),  # R4
    }
    assert nations.total.records == 4
    assert nations.total.sums.achieved == figures.totals.sums.achieved == Decimal("450000")
    themes = {row.code: row.records for row in figures.breakdown("theme").rows}
    assert themes == {
        "shared-services": 2,
        "service-redesign": 1,
        "digital-access": 1,
        "prevention": 1,
    }
    years = {row.label: row.sums.achieved for row in figures.breakdown("year_started").rows}
    assert years == {
        "2019": Decimal("300000"),
        "2021": Decimal("100000"),
        "2022": Decimal("50000"),
        "Not known": None,  # R4 gives no saving: no figure, not £0
    }
    types = {row.code: row.records for row in figures.breakdown("authority_type").rows}
    # Lead councils only: South Hams (district) in R1 and R3, Cardiff and Swansea (Welsh).
    assert types["non-metropolitan-district"] == 2
    assert types["welsh-principal-area"] == 2
    assert "county" not in types  # Devon is only a partner


def test_evidence_levels_adoptions_and_barriers(report_records: Any) -> None:
    figures = national_figures(ReportFilters())
    levels = {row.level: row.records for row in figures.evidence_levels}
    assert levels == {1: 1, 2: 1, 3: 1, 4: 1, 5: 0}
    by_year = {row.year: row.adoptions for row in figures.adoptions_by_year}
    this_year = timezone.localdate().year
    assert by_year["2021"] == 1  # Teignbridge's start date
    assert by_year[str(this_year)] == 1  # Swansea: no start date, so the year confirmed
    assert sum(by_year.values()) == 2
    assert len(by_year) == this_year - 2021 + 1  # every year, zeros included
    assert figures.barriers_total == 3
    assert figures.asks_total == 2
    groups = {g.code: (g.barriers, g.asks, g.records) for g in figures.barrier_groups}
    assert groups == {
        "shared-services": (2, 1, 1),
        "digital-access": (1, 1, 1),
        "service-redesign": (1, 1, 1),
    }
    assert figures.barrier_groups[0].code == "shared-services"  # largest first
    assert figures.barrier_groups[0].examples[0].url == "/innovations/report-partnership/"


def test_filters_change_the_figures(report_records: Any) -> None:
    wales = national_figures(ReportFilters(nation="wales")).totals
    assert (wales.records, wales.sums.achieved, wales.sums.verified) == (
        2,
        Decimal("150000"),
        Decimal("50000"),
    )
    england = national_figures(ReportFilters(nation="england")).totals
    assert (england.records, england.sums.achieved) == (2, Decimal("350000"))
    south_west = national_figures(ReportFilters(region="south-west")).totals
    assert south_west.sums.achieved == Decimal("350000")
    theme = national_figures(ReportFilters(theme="shared-services")).totals
    assert (theme.records, theme.sums.achieved) == (2, Decimal("350000"))
    period = national_figures(ReportFilters(period_from=2021, period_to=2022)).totals
    # R2 (2021) and R3 (2022); R4 has no start date, so a period leaves it out.
    assert (period.records, period.sums.achieved) == (2, Decimal("150000"))
    combined = national_figures(ReportFilters(nation="wales", period_from=2022)).totals
    assert (combined.records, combined.sums.achieved) == (1, Decimal("50000"))


def test_illustrative_records_only_with_the_switch(report_records: Any) -> None:
    without = national_figures(ReportFilters())
    assert without.illustrative_left_out == 1
    assert "report-illustrative" not in without.record_ids
    with_them = national_figures(ReportFilters(include_illustrative=True))
    assert with_them.totals.records == 5
    assert with_them.totals.sums.achieved == Decimal("1450000")
    assert with_them.illustrative_left_out == 0


def test_a_filter_matching_nothing_gives_no_figure_not_zero(report_records: Any) -> None:
    figures = national_figures(ReportFilters(nation="northern-ireland"))
    assert figures.is_empty
    assert figures.totals.records == 0
    assert figures.totals.sums.achieved is None  # "no figure given", never £0
    assert figures.totals.payback_months is None
    assert figures.data_as_of is None
    assert all(not b.rows for b in figures.breakdowns)
    assert figures.adoptions_by_year == []
    assert figures.map_cells == {}
