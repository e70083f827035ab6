"""Where each figure of a record comes from: its kind ("forecast", "confirmed by audit") and the
sources that back it (format 1.1 `supports`). The record page, search results and the catalogue
report all read figures' provenance from here, so they say the same thing.
"""

from dataclasses import dataclass, field
from typing import Any

from shopwindow.innovations.models import Innovation, SourceDocument
from shopwindow.innovations.vocabularies import SOURCED_FIGURES, SavingKind

# How a figure of each kind is described next to it, in plain words.
KIND_PHRASES = {
    SavingKind.PROJECTED: "Forecast",
    SavingKind.REPORTED: "Reported by the council",
    SavingKind.AUDITED: "Confirmed by audit",
    SavingKind.EVALUATED: "Measured by an independent evaluation",
}
NO_KIND = "Kind of figure not stated"
NO_SOURCE = "No source given for this figure"


def kind_phrase(kind: str, year: str = "") -> str:
    """ "Forecast, 2015/16"; "Reported by the council"; or that the kind is not stated."""
    phrase = KIND_PHRASES.get(SavingKind(kind), NO_KIND) if kind in SavingKind.values else NO_KIND
    return f"{phrase}, {year}" if year else phrase


@dataclass
class FigureProvenance:
    path: str  # the field path, as `supports` names it
    kind: str
    phrase: str
    sources: list[tuple[int, SourceDocument]] = field(default_factory=list)  # (number, source)

    @property
    def sourced(self) -> bool:
        return bool(self.sources)


def _backing(innovation: Innovation, path: str) -> list[tuple[int, SourceDocument]]:
    return [
        (number, source)
        for number, source in enumerate(innovation.sources.all(), start=1)
        if path in (source.supports or [])
    ]


def figures(innovation: Innovation) -> dict[str, FigureProvenance]:
    """Provenance of every figure the record gives, keyed by its path. Metrics use their own kind
    and fall back on nothing: a metric's kind is its own claim, not the saving's."""
    found: dict[str, FigureProvenance] = {}
    values = {
        "outcomes.annual_saving_gbp": innovation.annual_saving_gbp,
        "outcomes.one_off_cost_gbp": innovation.one_off_cost_gbp,
    }
    for path in SOURCED_FIGURES:
        if values[path] is None:
            continue
        kind = innovation.saving_kind if path.endswith("saving_gbp") else ""
        year = innovation.saving_year if kind else ""
        phrase = kind_phrase(kind, year) if kind else ""
        found[path] = FigureProvenance(path, kind, phrase, _backing(innovation, path))
    for i, metric in enumerate(innovation.metrics.all()):
        path = f"outcomes.metrics[{i}]"
        phrase = kind_phrase(metric.kind) if metric.kind else ""
        found[path] = FigureProvenance(path, metric.kind, phrase, _backing(innovation, path))
    return found


def unsourced_figures(innovation: Innovation) -> list[str]:
    """Paths of the figures no source backs (there must be none in a real 1.1 record)."""
    return [path for path, figure in figures(innovation).items() if not figure.sourced]


def source_rows(innovation: Innovation) -> list[dict[str, Any]]:
    """Every source, numbered as the figures cite them, with the labels of what it backs."""
    return [
        {
            "number": number,
            "source": source,
            "kind_label": source.get_kind_display() if source.kind else "",
            "backs": [path_label(path) for path in source.supports or []],
        }
        for number, source in enumerate(innovation.sources.all(), start=1)
    ]


def path_label(path: str) -> str:
    labels = {
        "outcomes.annual_saving_gbp": "annual saving",
        "outcomes.one_off_cost_gbp": "one-off cost",
        "started_on": "start date",
        "status": "status",
    }
    if path in labels:
        return labels[path]
    if path.startswith("outcomes.metrics["):
        return f"measure {int(path.split('[')[1].rstrip(']')) + 1}"
    if path.startswith("adoptions["):
        return f"adoption {int(path.split('[')[1].rstrip(']')) + 1}"
    return path
