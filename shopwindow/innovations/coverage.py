"""The catalogue's coverage: real published records by nation, theme, function, saving kind,
evidence level and status; sources by kind; and every figure no source backs.

`manage.py catalogue_report`, the /about/catalogue/ page and the coverage test all read
`catalogue_coverage()`, so they always agree. Illustrative demo records are never counted.
"""

from collections import Counter
from dataclasses import dataclass, field

from shopwindow.authorities.vocabularies import Nation
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.provenance import unsourced_figures
from shopwindow.innovations.selectors import published_innovations
from shopwindow.innovations.vocabularies import (
    FUNCTIONS,
    THEMES,
    VERIFIED_KINDS,
    RecordStatus,
    SavingKind,
    SourceKind,
)

NO_SAVING = "no-saving"
FELL_SHORT_TAG = "fell-short"  # a record that continues but did not deliver what it set out to

# The floor the catalogue must meet (issue 12); the coverage test and the report check these.
MINIMUM_RECORDS = 150
MINIMUM_PER_DEVOLVED_NATION = 10
MINIMUM_PER_THEME = 3
MINIMUM_AUDITED_OR_EVALUATED = 15
MINIMUM_ENDED_OR_FELL_SHORT = 12


@dataclass
class Coverage:
    records: int = 0
    by_nation: Counter[str] = field(default_factory=Counter)
    by_theme: Counter[str] = field(default_factory=Counter)
    by_function: Counter[str] = field(default_factory=Counter)
    by_saving_kind: Counter[str] = field(default_factory=Counter)
    by_evidence_level: Counter[int] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    sources_by_kind: Counter[str] = field(default_factory=Counter)
    audited_or_evaluated: int = 0
    ended_or_fell_short: int = 0
    with_adoptions: int = 0
    unsourced: list[tuple[str, str]] = field(default_factory=list)  # (record id, figure path)

    def unmet_minimums(self) -> list[str]:
        """What the catalogue still lacks, in words; empty when every minimum is met."""
        unmet = []
        if self.records < MINIMUM_RECORDS:
            unmet.append(f"{self.records} records, fewer than {MINIMUM_RECORDS}")
        for nation in (Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND):
            if self.by_nation[nation] < MINIMUM_PER_DEVOLVED_NATION:
                unmet.append(
                    f"{nation.label}: {self.by_nation[nation]} records, "
                    f"fewer than {MINIMUM_PER_DEVOLVED_NATION}"
                )
        for code, label, _ in THEMES:
            if self.by_theme[code] < MINIMUM_PER_THEME:
                unmet.append(f"theme {label}: {self.by_theme[code]}, fewer than 3")
        if self.audited_or_evaluated < MINIMUM_AUDITED_OR_EVALUATED:
            unmet.append(
                f"{self.audited_or_evaluated} records with audited or evaluated figures, "
                f"fewer than {MINIMUM_AUDITED_OR_EVALUATED}"
            )
        if self.ended_or_fell_short < MINIMUM_ENDED_OR_FELL_SHORT:
            unmet.append(
                f"{self.ended_or_fell_short} records discontinued or fell short, "
                f"fewer than {MINIMUM_ENDED_OR_FELL_SHORT}"
            )
        if self.unsourced:
            unmet.append(f"{len(self.unsourced)} figures without a source")
        return unmet

    def tables(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """Every count as (heading, [(label, count), ...]) in vocabulary order."""
        nations = [(str(n.label), self.by_nation[n.value]) for n in Nation]
        kinds = [(str(k.label), self.by_saving_kind[k.value]) for k in SavingKind]
        kinds.append(("No annual saving given", self.by_saving_kind[NO_SAVING]))
        return [
            ("Nation (of the lead councils)", nations),
            ("Theme", [(label, self.by_theme[code]) for code, label, _ in THEMES]),
            ("Function", [(label, self.by_function[code]) for code, label in FUNCTIONS]),
            ("Kind of saving figure", kinds),
            (
                "Evidence level",
                [(f"Level {level}", self.by_evidence_level[level]) for level in range(1, 6)],
            ),
            ("Status", [(str(s.label), self.by_status[s.value]) for s in RecordStatus]),
            (
                "Sources by kind",
                [(str(k.label), self.sources_by_kind[k.value]) for k in SourceKind],
            ),
        ]


def _count(coverage: Coverage, innovation: Innovation) -> None:
    coverage.records += 1
    coverage.by_nation.update({lead.nation for lead in innovation.ordered_leads})
    coverage.by_theme.update(theme.code for theme in innovation.themes.all())
    coverage.by_function.update(innovation.functions or [])
    has_saving = innovation.annual_saving_gbp is not None
    kind = (innovation.saving_kind or "not-stated") if has_saving else NO_SAVING
    coverage.by_saving_kind[kind] += 1
    coverage.by_evidence_level[innovation.evidence_level.level] += 1
    coverage.by_status[innovation.status] += 1
    coverage.sources_by_kind.update(source.kind or "other" for source in innovation.sources.all())
    kinds = {innovation.saving_kind if has_saving else ""} | {
        metric.kind for metric in innovation.metrics.all()
    }
    coverage.audited_or_evaluated += bool(kinds & set(VERIFIED_KINDS))
    fell_short = FELL_SHORT_TAG in (innovation.tags or [])
    coverage.ended_or_fell_short += innovation.status == RecordStatus.DISCONTINUED or fell_short
    coverage.with_adoptions += any(a.confirmed for a in innovation.adoptions.all())
    coverage.unsourced += [(innovation.record_id, path) for path in unsourced_figures(innovation)]


def catalogue_coverage() -> Coverage:
    """Coverage of the published real records (illustrative ones are never counted)."""
    coverage = Coverage()
    for innovation in published_innovations(include_illustrative=False).order_by("record_id"):
        _count(coverage, innovation)
    return coverage
