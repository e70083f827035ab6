"""The one saving calculation behind every total of the national report (page, PDF, CSV, XLSX,
JSON and /api/v1/stats): which records' savings are added to which total, and what each total
says it counts. docs/report.md ("Method and caveats") gives the rules in words:

- A record's saving is **achieved** when its kind (format 1.1 `saving_kind`) is reported, audited
  or evaluated, and a source backs it; **verified** when achieved and audited or evaluated.
- It is a **forecast** when its kind is `projected`. Forecasts are never added to achieved
  savings: they are a separate total.
- A saving with no source, or no kind (format 1.0 records), is **shown apart** and left out of the
  headline totals.
- A record without a saving gives **no figure**. A sum over records that give no figure is None
  ("no figure given"), never £0; £0 means records did give figures and they add up to nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.vocabularies import ACHIEVED_KINDS, VERIFIED_KINDS, SavingKind

ACHIEVED = "achieved"
FORECAST = "forecast"
APART = "apart"  # unsourced, or kind not stated (format 1.0)
NO_FIGURE = "no-figure"
SAVING_PATH = "outcomes.annual_saving_gbp"
NO_FIGURE_TEXT = "No figure given"


def saving_class(record: Innovation) -> str:
    """Which total a record's annual saving belongs to (see the module docstring)."""
    if record.annual_saving_gbp is None:
        return NO_FIGURE
    sourced = any(SAVING_PATH in (source.supports or []) for source in record.sources.all())
    if not sourced or record.saving_kind not in SavingKind.values:
        return APART
    return FORECAST if record.saving_kind == SavingKind.PROJECTED else ACHIEVED


def is_verified(record: Innovation) -> bool:
    return saving_class(record) == ACHIEVED and record.saving_kind in VERIFIED_KINDS


def _sum(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal("0")) if values else None


@dataclass(frozen=True)
class Sums:
    """The saving totals over a set of records; each money figure is None when no record in the
    set gives one. `*_records` say how many records each figure comes from."""

    records: int
    achieved: Decimal | None
    achieved_records: int
    verified: Decimal | None
    verified_records: int
    forecast: Decimal | None
    forecast_records: int
    apart: Decimal | None
    apart_records: int
    one_off_cost: Decimal | None
    cost_records: int

    @property
    def no_figure_records(self) -> int:
        return self.records - self.achieved_records - self.forecast_records - self.apart_records

    @property
    def reported(self) -> Decimal | None:
        """The achieved savings not (yet) verified: reported by the councils themselves."""
        if self.achieved is None:
            return None
        return self.achieved - (self.verified or Decimal("0"))

    def coverage(self, count: int) -> str:
        """ "figures from 3 of 10 records"."""
        noun = "record" if self.records == 1 else "records"
        return f"figures from {count} of {self.records} {noun}"

    @property
    def counts(self) -> dict[str, str]:
        """What each total counts, in words: the page, downloads and API all state these."""
        return {
            "achieved_saving": (
                "Savings achieved a year: reported by the council, confirmed by audit or "
                f"independently evaluated, with a source; {self.coverage(self.achieved_records)}"
            ),
            "verified_saving": (
                "The part of the savings achieved that was confirmed by audit or independently "
                f"evaluated; {self.coverage(self.verified_records)}"
            ),
            "forecast_saving": (
                "Forecast savings a year, never added to savings achieved; "
                f"{self.coverage(self.forecast_records)}"
            ),
            "apart_saving": (
                "Savings without a source or without a stated kind (format 1.0 records), shown "
                f"apart and left out of the totals above; {self.coverage(self.apart_records)}"
            ),
            "one_off_cost": f"One-off costs; {self.coverage(self.cost_records)}",
        }


def sums(records: Iterable[Innovation]) -> Sums:
    """Every saving total over these records (each record once)."""
    items = list(records)
    classes = [(record, saving_class(record)) for record in items]

    def savings(kind: str, verified: bool = False) -> list[Decimal]:
        return [
            record.annual_saving_gbp
            for record, found in classes
            if found == kind
            and record.annual_saving_gbp is not None
            and (not verified or record.saving_kind in VERIFIED_KINDS)
        ]

    achieved, verified = savings(ACHIEVED), savings(ACHIEVED, verified=True)
    forecast, apart = savings(FORECAST), savings(APART)
    costs = [r.one_off_cost_gbp for r in items if r.one_off_cost_gbp is not None]
    return Sums(
        records=len(items),
        achieved=_sum(achieved),
        achieved_records=len(achieved),
        verified=_sum(verified),
        verified_records=len(verified),
        forecast=_sum(forecast),
        forecast_records=len(forecast),
        apart=_sum(apart),
        apart_records=len(apart),
        one_off_cost=_sum(costs),
        cost_records=len(costs),
    )


def achieved_saving(record: Innovation) -> Decimal | None:
    """The record's saving if it counts as achieved, else None (for per-record figures)."""
    return record.annual_saving_gbp if saving_class(record) == ACHIEVED else None


__all__ = [
    "ACHIEVED",
    "ACHIEVED_KINDS",
    "APART",
    "FORECAST",
    "NO_FIGURE",
    "NO_FIGURE_TEXT",
    "Sums",
    "achieved_saving",
    "is_verified",
    "saving_class",
    "sums",
]
