"""The report's charts, drawn from `NationalFigures` with the shared chart library.

The page and the PDF both call `report_charts`, so they show the same charts; each chart comes
with a table of the same data (the templates draw those from the figures).
"""

from dataclasses import dataclass
from typing import Literal

from shopwindow.core.charts import (
    Chart,
    HexMap,
    format_count,
    format_pounds,
    palette,
    render_bar_chart,
    render_hexmap,
    render_time_chart,
)
from shopwindow.reports.selectors import Breakdown, NationalFigures

MapMode = Literal["savings", "records"]
MAP_MODES: dict[str, str] = {"savings": "Annual savings", "records": "Number of records"}


@dataclass(frozen=True)
class BreakdownBlock:
    breakdown: Breakdown
    chart: Chart


@dataclass(frozen=True)
class ReportCharts:
    breakdowns: list[BreakdownBlock]
    evidence: Chart
    adoptions: Chart
    hexmap: HexMap
    map_mode: str


def _breakdown_chart(breakdown: Breakdown) -> Chart:
    overlap = (
        " A record in several categories counts in each, so bars can add up to more than the total."
        if breakdown.overlaps
        else ""
    )
    return render_bar_chart(
        [(row.label, row.sums.achieved) for row in breakdown.rows],
        title=f"Savings achieved {breakdown.title.lower()}",
        description=(
            "Horizontal bars: the savings achieved a year (reported, audited or evaluated; "
            f"forecasts are not included) by the records in each {breakdown.heading.lower()}. "
            'Where no record gives such a figure the chart says "No figure given" and draws no '
            f"bar.{overlap} The table that follows gives the same figures."
        ),
        value_format=format_pounds,
        label_heading=breakdown.heading,
        value_heading="Savings achieved",
        id_prefix=f"chart-{breakdown.key}",
    )


def report_charts(figures: NationalFigures, *, map_mode: str = "savings") -> ReportCharts:
    """Every chart of the report. `map_mode` colours the hex map by savings or by records."""
    mode = map_mode if map_mode in MAP_MODES else "savings"
    evidence = render_bar_chart(
        [(f"Level {row.level}: {row.label}", row.records) for row in figures.evidence_levels],
        title="Records by evidence level",
        description=(
            "Horizontal bars: how many records reach each Nesta Standards of Evidence level, "
            "from 1 (account of impact) to 5 (scaled)."
        ),
        label_heading="Evidence level",
        value_heading="Records",
        colour=palette.GREEN,
        id_prefix="chart-evidence",
    )
    adoptions = render_time_chart(
        [(row.year, row.adoptions) for row in figures.adoptions_by_year],
        title="Confirmed adoptions by year",
        description=(
            "Columns: how many confirmed adoptions started in each year (the year confirmed if "
            "no start date was given), every year from the first to the last."
        ),
        label_heading="Year",
        value_heading="Adoptions",
        id_prefix="chart-adoptions",
    )
    if mode == "records":
        values = {gss: cell.records for gss, cell in figures.map_cells.items()}
        hexmap = render_hexmap(
            values,
            title="Records by council area",
            description=(
                "Hex map of UK council areas, one hexagon each, shaded by how many records their "
                "council, or a county or combined authority covering them, led or partnered in. "
                "Grey: none."
            ),
            mode="sequential",
            value_format=format_count,
            value_heading="Records",
            id_prefix="chart-map",
        )
    else:
        money_values = {
            gss: cell.achieved_saving
            for gss, cell in figures.map_cells.items()
            if cell.achieved_saving is not None
        }
        hexmap = render_hexmap(
            money_values,
            title="Savings achieved by council area",
            description=(
                "Hex map of UK council areas, one hexagon each, shaded by the savings achieved "
                "(not forecasts) by the records their council, or a county or combined authority "
                "covering them, led or partnered in. A shared saving shows in full on every area "
                "that shared it, so hexes must not be added up. Grey: no figure given, or £0."
            ),
            mode="sequential",
            value_format=format_pounds,
            value_heading="Savings achieved",
            none_label="No figure given, or £0",
            id_prefix="chart-map",
        )
    return ReportCharts(
        breakdowns=[BreakdownBlock(b, _breakdown_chart(b)) for b in figures.breakdowns],
        evidence=evidence,
        adoptions=adoptions,
        hexmap=hexmap,
        map_mode=mode,
    )
