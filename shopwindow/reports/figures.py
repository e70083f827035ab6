"""The national figures' types: plain, frozen dataclasses built by `selectors.national_figures`.

Money is Decimal pounds, or None where no record gives a figure ("no figure given", never £0);
"records" are counts of records (each record once per row).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.savings import Sums


@dataclass(frozen=True)
class Totals:
    """The headline. Saving totals come from `savings.sums` (achieved, verified, forecast, apart);
    payback is over achieved savings only, never forecasts."""

    sums: Sums
    payback_months: Decimal | None
    payback_records: int
    councils_shared: int
    councils_adopted: int
    adoptions: int

    @property
    def records(self) -> int:
        return self.sums.records


@dataclass(frozen=True)
class BreakdownRow:
    code: str
    label: str
    sums: Sums

    @property
    def records(self) -> int:
        return self.sums.records


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    heading: str  # what a row is: "Theme", "Nation"...
    rows: list[BreakdownRow]
    total: BreakdownRow  # each record once: equals the headline totals
    overlaps: bool  # whether a record can be in more than one row


@dataclass(frozen=True)
class LevelRow:
    level: int
    label: str
    sums: Sums

    @property
    def records(self) -> int:
        return self.sums.records


@dataclass(frozen=True)
class YearCount:
    year: str
    adoptions: int


@dataclass(frozen=True)
class BarrierExample:
    record_id: str
    title: str
    url: str
    barrier: str
    ask: str


@dataclass(frozen=True)
class BarrierGroup:
    code: str
    label: str
    barriers: int
    asks: int
    records: int
    examples: list[BarrierExample]


@dataclass(frozen=True)
class MapCell:
    """One district hex: the records its council (or a council above it) led or partnered in."""

    records: int
    achieved_saving: Decimal | None  # None: none of its records gives an achieved saving
    achieved_records: int


@dataclass(frozen=True)
class NationalFigures:
    filters: ReportFilters
    totals: Totals
    breakdowns: list[Breakdown]
    evidence_levels: list[LevelRow]
    adoptions_by_year: list[YearCount]  # every year from the first to the last, zeros included
    adoptions_year_unknown: int
    barrier_groups: list[BarrierGroup]
    barriers_total: int
    asks_total: int
    map_cells: dict[str, MapCell]
    illustrative_left_out: int
    data_as_of: dt.datetime | None
    generated_at: dt.datetime
    record_ids: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.totals.records == 0

    def breakdown(self, key: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.key == key)
