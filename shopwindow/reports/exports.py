"""The national figures as data: a JSON-ready dict (downloads and /api/v1/stats) and tables.

`report_tables` is the one list of tables: the CSV download (a zip of one CSV per table) and the
XLSX download (one sheet per table) both write it, with the same columns; docs/report.md lists
every table and column. The first table, "about", states the date of the data and the filters.
Cells are written by `core.spreadsheets`, which keeps formula-like text (a barrier starting
with "=") from running as a formula.
"""

import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from shopwindow.core.charts import district_hexes
from shopwindow.core.spreadsheets import append_row, csv_text, workbook_bytes
from shopwindow.reports.savings import Sums
from shopwindow.reports.selectors import Breakdown, BreakdownRow, NationalFigures

Cell = str | int | float | None

# Money columns are empty (null in JSON) where no record gives a figure: never 0. Each money
# column has a `*_records` column saying how many records it comes from.
SUMS_COLUMNS = [
    "records",
    "achieved_saving_gbp",
    "achieved_records",
    "verified_saving_gbp",
    "verified_records",
    "forecast_saving_gbp",
    "forecast_records",
    "apart_saving_gbp",
    "apart_records",
    "one_off_cost_gbp",
    "cost_records",
]
BREAKDOWN_COLUMNS = ["code", "label", *SUMS_COLUMNS]


@dataclass(frozen=True)
class Table:
    name: str  # file and sheet name
    title: str
    columns: list[str]
    rows: list[list[Cell]]


def money(value: Decimal | None) -> float | None:
    """Pounds to the penny; None stays None ("no figure given", never 0)."""
    if value is None:
        return None
    return float(value.quantize(Decimal("0.01")))


def sums_dict(sums: Sums) -> dict[str, Any]:
    return {
        "records": sums.records,
        "achieved_saving_gbp": money(sums.achieved),
        "achieved_records": sums.achieved_records,
        "verified_saving_gbp": money(sums.verified),
        "verified_records": sums.verified_records,
        "forecast_saving_gbp": money(sums.forecast),
        "forecast_records": sums.forecast_records,
        "apart_saving_gbp": money(sums.apart),
        "apart_records": sums.apart_records,
        "one_off_cost_gbp": money(sums.one_off_cost),
        "cost_records": sums.cost_records,
    }


def stamp(value: Any) -> str | None:
    """An ISO 8601 time in the site's time zone, to the second."""
    if value is None:
        return None
    return str(timezone.localtime(value).replace(microsecond=0).isoformat())


def _row_dict(row: BreakdownRow) -> dict[str, Any]:
    return {"code": row.code, "label": row.label, **sums_dict(row.sums)}


def _breakdown_dict(breakdown: Breakdown) -> dict[str, Any]:
    return {
        "title": breakdown.title,
        "records_can_be_in_several_rows": breakdown.overlaps,
        "rows": [_row_dict(row) for row in breakdown.rows],
        "total": _row_dict(breakdown.total),
    }


def figures_as_dict(figures: NationalFigures) -> dict[str, Any]:
    """The figures as plain JSON data: the JSON download and the API return exactly this."""
    totals = figures.totals
    filters = figures.filters
    return {
        "generated_at": stamp(figures.generated_at),
        "data_as_of": stamp(figures.data_as_of),
        "filters": {
            "nation": filters.nation or None,
            "region": filters.region or None,
            "theme": filters.theme or None,
            "period_from": filters.period_from,
            "period_to": filters.period_to,
            "include_illustrative": filters.include_illustrative,
        },
        "illustrative_left_out": figures.illustrative_left_out,
        "totals": {
            **sums_dict(totals.sums),
            "reported_saving_gbp": money(totals.sums.reported),
            "no_figure_records": totals.sums.no_figure_records,
            "counts": totals.sums.counts,
            "payback_months": float(totals.payback_months)
            if totals.payback_months is not None
            else None,
            "payback_records": totals.payback_records,
            "councils_shared": totals.councils_shared,
            "councils_adopted": totals.councils_adopted,
            "adoptions": totals.adoptions,
        },
        "breakdowns": {b.key: _breakdown_dict(b) for b in figures.breakdowns},
        "evidence_levels": [
            {"level": row.level, "label": row.label, **sums_dict(row.sums)}
            for row in figures.evidence_levels
        ],
        "adoptions_by_year": [
            {"year": int(row.year), "adoptions": row.adoptions} for row in figures.adoptions_by_year
        ],
        "adoptions_year_unknown": figures.adoptions_year_unknown,
        "barriers": {
            "total": figures.barriers_total,
            "asks_of_government": figures.asks_total,
            "by_theme": [
                {
                    "theme": group.code,
                    "label": group.label,
                    "barriers": group.barriers,
                    "asks_of_government": group.asks,
                    "records": group.records,
                    "examples": [
                        {
                            "record_id": ex.record_id,
                            "title": ex.title,
                            "url": ex.url,
                            "barrier": ex.barrier,
                            "ask_of_government": ex.ask,
                        }
                        for ex in group.examples
                    ],
                }
                for group in figures.barrier_groups
            ],
        },
    }


def _headline(figures: NationalFigures) -> list[list[Cell]]:
    """measure, label, value (empty where no record gives a figure), unit, what it counts."""
    t = figures.totals
    sums, counts = t.sums, t.sums.counts
    payback = float(t.payback_months) if t.payback_months is not None else None
    return [
        ["records", "Records", t.records, "count", "Published records matching the filters"],
        ["achieved_saving", "Savings achieved a year", money(sums.achieved), "GBP a year",
         counts["achieved_saving"]],
        ["verified_saving", "of which verified", money(sums.verified), "GBP a year",
         counts["verified_saving"]],
        ["forecast_saving", "Forecast savings a year (shown separately)", money(sums.forecast),
         "GBP a year", counts["forecast_saving"]],
        ["apart_saving", "Savings without a source or kind (shown apart)", money(sums.apart),
         "GBP a year", counts["apart_saving"]],
        ["no_figure_records", "Records giving no saving", sums.no_figure_records, "count",
         "Records that state no annual saving"],
        ["one_off_cost", "One-off costs", money(sums.one_off_cost), "GBP", counts["one_off_cost"]],
        ["payback_months", "Payback", payback, "months",
         f"Over {t.payback_records} records giving both a cost and an achieved saving"],
        ["councils_shared", "Councils that shared", t.councils_shared, "count",
         "Lead and partner councils, each once"],
        ["councils_adopted", "Councils that adopted", t.councils_adopted, "count",
         "Councils with a confirmed adoption, not abandoned"],
        ["adoptions", "Confirmed adoptions", t.adoptions, "count", "Not abandoned"],
    ]  # fmt: skip


def _sums_cells(sums: Sums) -> list[Cell]:
    values = sums_dict(sums)
    return [values[column] for column in SUMS_COLUMNS]


def _breakdown_rows(breakdown: Breakdown) -> list[list[Cell]]:
    return [
        [row.code, row.label, *_sums_cells(row.sums)] for row in [*breakdown.rows, breakdown.total]
    ]


def report_tables(figures: NationalFigures) -> list[Table]:
    """Every table of the report, in order (see docs/report.md for the columns)."""
    filters = figures.filters
    about: list[list[Cell]] = [
        ["title", "Shopwindow national evidence report"],
        ["data_as_of", stamp(figures.data_as_of) or "no records"],
        ["generated_at", stamp(figures.generated_at)],
        *[list[Cell](["filter", line]) for line in filters.describe()],
        ["illustrative_left_out", figures.illustrative_left_out],
        ["method", "See 'Method and caveats' on /report/ and docs/report.md"],
    ]
    tables = [
        Table("about", "About this download", ["field", "value"], about),
        Table(
            "headline",
            "Headline figures",
            ["measure", "label", "value", "unit", "counts"],
            _headline(figures),
        ),
    ]
    tables += [
        Table(f"by_{b.key}", b.title, BREAKDOWN_COLUMNS, _breakdown_rows(b))
        for b in figures.breakdowns
    ]
    tables.append(
        Table(
            "evidence_levels",
            "Evidence levels",
            ["level", "label", *SUMS_COLUMNS],
            [[r.level, r.label, *_sums_cells(r.sums)] for r in figures.evidence_levels],
        )
    )
    years: list[list[Cell]] = [[r.year, r.adoptions] for r in figures.adoptions_by_year]
    if figures.adoptions_year_unknown:
        years.append(["not known", figures.adoptions_year_unknown])
    tables.append(Table("adoptions_by_year", "Adoptions by year", ["year", "adoptions"], years))
    tables.append(
        Table(
            "barriers_by_theme",
            "Barriers and asks of government by theme",
            ["theme", "label", "barriers", "asks_of_government", "records"],
            [[g.code, g.label, g.barriers, g.asks, g.records] for g in figures.barrier_groups],
        )
    )
    tables.append(
        Table(
            "barrier_examples",
            "Example barriers",
            ["theme", "record_id", "title", "url", "barrier", "ask_of_government"],
            [
                [g.code, ex.record_id, ex.title, ex.url, ex.barrier, ex.ask]
                for g in figures.barrier_groups
                for ex in g.examples
            ],
        )
    )
    hexes = district_hexes()
    tables.append(
        Table(
            "councils_map",
            "Records and savings by council area (hex map)",
            ["gss", "council", "records", "achieved_saving_gbp", "achieved_records"],
            [
                [
                    gss,
                    hexes[gss].name,
                    cell.records,
                    money(cell.achieved_saving),
                    cell.achieved_records,
                ]
                for gss, cell in sorted(figures.map_cells.items(), key=lambda i: hexes[i[0]].name)
            ],
        )
    )
    return tables


def csv_zip(figures: NationalFigures) -> bytes:
    """A zip holding one CSV (UTF-8 with a byte-order mark, for Excel) per table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in report_tables(figures):
            text = csv_text(table.columns, table.rows)
            archive.writestr(f"{table.name}.csv", "\ufeff" + text)
    return buffer.getvalue()


def xlsx(figures: NationalFigures) -> bytes:
    """A workbook with one sheet per table, named as the CSV files are."""
    book = Workbook()
    book.remove(book.active)
    for table in report_tables(figures):
        sheet = book.create_sheet(table.name[:31])
        append_row(sheet, table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            append_row(sheet, row)
        sheet.freeze_panes = "A2"
    return workbook_bytes(book)
