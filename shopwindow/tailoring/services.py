"""Writes for tailoring: rebuilding the stored comparators from the reference data."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from shopwindow.authorities.models import Authority
from shopwindow.tailoring.comparators import (
    NEIGHBOURS,
    VARIABLES,
    comparison_group,
    nearest_neighbours,
)
from shopwindow.tailoring.models import Comparator, ComparatorScope


@dataclass
class BuildSummary:
    groups: dict[str, int] = field(default_factory=dict)  # group -> councils compared (UK-wide)
    comparators: int = 0
    skipped: list[str] = field(default_factory=list)  # "GSS name: reason"


def _raw_values(authority: Authority) -> list[float] | None:
    """The council's raw values in VARIABLES order, or None when one is missing or not positive
    (a log of zero is undefined, and a council with no figures cannot be placed)."""
    values = []
    for variable in VARIABLES:
        value = getattr(authority, variable.field)
        if value is None or value <= 0:
            return None
        values.append(float(value))
    return values


@transaction.atomic
def build_comparators(*, neighbours: int = NEIGHBOURS) -> BuildSummary:
    """Replace every stored comparator with the `neighbours` nearest councils in each group, twice:
    within the council's nation (scope "nation", the default everywhere) and across the UK
    (scope "uk"). Northern Ireland's 11 districts therefore have 10 nation comparators each.

    Current councils only. Idempotent: it deletes and rebuilds in one transaction, so a failure
    leaves the previous comparators in place.
    """
    summary = BuildSummary()
    by_gss: dict[str, Authority] = {}
    groups: dict[str, dict[str, list[float]]] = defaultdict(dict)
    national: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(dict)
    for authority in Authority.objects.filter(is_current=True).exclude(gss="").order_by("gss"):
        group = comparison_group(authority.authority_type)
        if group is None:
            continue
        values = _raw_values(authority)
        if values is None:
            summary.skipped.append(f"{authority.gss} {authority.name}: missing reference figures")
            continue
        by_gss[authority.gss] = authority
        groups[group][authority.gss] = values
        national[(group, authority.nation)][authority.gss] = values

    rows: list[Comparator] = []
    sets: list[tuple[str, dict[str, list[float]]]] = [
        (str(ComparatorScope.UK), raw) for _, raw in sorted(groups.items())
    ] + [(str(ComparatorScope.NATION), raw) for _, raw in sorted(national.items())]
    for group, raw in sorted(groups.items()):
        summary.groups[group] = len(raw)
    for scope, raw in sets:
        for gss, found in nearest_neighbours(raw, neighbours=neighbours).items():
            rows.extend(
                Comparator(
                    authority=by_gss[gss],
                    comparator=by_gss[n.key],
                    scope=scope,
                    rank=n.rank,
                    distance=n.distance,
                    standardised_distance=n.standardised_distance,
                )
                for n in found
            )
    Comparator.objects.all().delete()
    Comparator.objects.bulk_create(rows, batch_size=1000)
    summary.comparators = len(rows)
    return summary
