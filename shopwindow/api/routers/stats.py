"""GET /api/v1/stats: the national evidence report's figures, with the report's filters.

Returns exactly what the report's JSON download returns (`reports.exports.figures_as_dict`),
computed by the same selector as the /report/ page.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from shopwindow.api.errors import bad_parameter, code_enum, responses
from shopwindow.authorities.vocabularies import Nation, Region
from shopwindow.innovations.vocabularies import THEME_CODES
from shopwindow.reports.exports import figures_as_dict
from shopwindow.reports.filters import EARLIEST_YEAR, LATEST_YEAR, FilterError, parse_filters
from shopwindow.reports.selectors import national_figures

router = Router()
ThemeCode = code_enum("StatsThemeCode", THEME_CODES)


class Sums(Schema):
    """Money in pounds a year; null, never 0, where no record gives a figure."""

    records: int
    achieved_saving_gbp: float | None
    achieved_records: int
    verified_saving_gbp: float | None
    verified_records: int
    forecast_saving_gbp: float | None
    forecast_records: int
    apart_saving_gbp: float | None = Field(description="Savings without a source or kind")
    apart_records: int
    one_off_cost_gbp: float | None
    cost_records: int


class Totals(Sums):
    reported_saving_gbp: float | None
    no_figure_records: int
    counts: dict[str, str] = Field(description="What each total counts, in words")
    payback_months: float | None
    payback_records: int
    councils_shared: int
    councils_adopted: int
    adoptions: int


class BreakdownRow(Sums):
    code: str
    label: str


class BreakdownOut(Schema):
    title: str
    records_can_be_in_several_rows: bool
    rows: list[BreakdownRow]
    total: BreakdownRow


class EvidenceLevelRow(Sums):
    level: int
    label: str


class AdoptionsInYear(Schema):
    year: int
    adoptions: int


class BarrierExample(Schema):
    record_id: str
    title: str
    url: str
    barrier: str
    ask_of_government: str


class BarrierTheme(Schema):
    theme: str
    label: str
    barriers: int
    asks_of_government: int
    records: int
    examples: list[BarrierExample]


class Barriers(Schema):
    total: int
    asks_of_government: int
    by_theme: list[BarrierTheme]


class AppliedFilters(Schema):
    nation: str | None
    region: str | None
    theme: str | None
    period_from: int | None
    period_to: int | None
    include_illustrative: bool


class StatsOut(Schema):
    generated_at: str | None
    data_as_of: str | None
    filters: AppliedFilters
    illustrative_left_out: int
    totals: Totals
    breakdowns: dict[str, BreakdownOut] = Field(description="By theme, service area, nation, ...")
    evidence_levels: list[EvidenceLevelRow]
    adoptions_by_year: list[AdoptionsInYear]
    adoptions_year_unknown: int
    barriers: Barriers


class StatsFilters(Schema):
    nation: Nation | None = Field(None, description="A nation code, e.g. england")
    region: Region | None = Field(None, description="A region code, e.g. south-west")
    theme: ThemeCode | None = Field(  # type: ignore[valid-type]
        None, description="A theme code, e.g. shared-services"
    )
    period_from: int | None = Field(
        None, ge=EARLIEST_YEAR, le=LATEST_YEAR, description="Records started in or after this year"
    )
    period_to: int | None = Field(
        None,
        ge=EARLIEST_YEAR,
        le=LATEST_YEAR,
        description="Records started in or before this year (not before period_from)",
    )
    include_illustrative: bool = Field(
        False, description="true to include illustrative demo records (left out by default)"
    )


@router.get(
    "/stats",
    response=responses({200: StatsOut}),
    summary="National figures",
    operation_id="getStats",
    description=(
        "Totals (savings achieved, the verified part of them, forecast savings kept separate, "
        "savings without a source or kind shown apart, one-off costs, payback, records, councils "
        "that shared and adopted; `totals.counts` says what each counts; a money figure is null, "
        "never 0, where no record gives one), breakdowns by theme, service area, nation, region, "
        "authority type and year started, evidence levels, adoptions by year and barriers by "
        "theme, over published records. A saving shared by several councils counts once. "
        "Illustrative demo records are left out unless include_illustrative=true. "
        "Method: /report/#method."
    ),
)
def stats(request: HttpRequest, filters: Query[StatsFilters]) -> dict[str, Any]:
    try:
        parsed = parse_filters(filters.dict())
    except FilterError as error:
        raise bad_parameter(error.parameter, error.message) from None
    return figures_as_dict(national_figures(parsed))
