"""The national figures: every number on /report/, in its downloads and in /api/v1/stats.

`national_figures(filters)` is the one place these numbers are computed (the page, the PDF, the
CSV/XLSX/JSON downloads and the API all call it). It reads published records only, through
`innovations.selectors.published_innovations`, and works record by record in Python so that the
counting rules below are easy to read and to test. The rules (also on the page and in
docs/report.md, "Method and caveats"):

- Each record counts once. A saving shared by several councils belongs to the partnership: it is
  added once to the total, never once per council. A filter on the lead councils' nation or region
  keeps a record with two lead councils there once (`_narrow` ends in `distinct()`; a test fails
  without it).
- Which saving goes into which total (achieved, verified, forecast, shown apart, no figure) is
  decided in one place, `savings.py`; a sum over no figures is None, never £0.
- In a breakdown (theme, service area, nation, region, authority type of the lead councils), a
  record counts in full in EVERY category it touches, so the rows can add up to more than the
  total; the total row counts each record once and equals the headline figure.
- Payback = total one-off cost / total achieved saving x 12 months, over records that give both a
  one-off cost and an achieved saving above zero (never forecasts).
- Councils that adopted: distinct councils with a confirmed adoption that was not abandoned.
  Adoptions over time use the adoption's start date, else the date it was confirmed.
- Illustrative demo records are left out unless `filters.include_illustrative`.
"""

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from shopwindow.authorities.vocabularies import AuthorityType, Nation, Region
from shopwindow.innovations.models import (
    Adoption,
    EvidenceLevel,
    Innovation,
    LeadAuthority,
    PartnerAuthority,
)
from shopwindow.innovations.selectors import published_innovations
from shopwindow.innovations.vocabularies import SERVICE_AREAS, THEMES, AdoptionStatus
from shopwindow.reports.figures import (
    BarrierExample,
    BarrierGroup,
    Breakdown,
    BreakdownRow,
    LevelRow,
    MapCell,
    NationalFigures,
    Totals,
    YearCount,
)
from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.mapcells import map_cells
from shopwindow.reports.savings import ACHIEVED, saving_class, sums

__all__ = [
    "BarrierExample",
    "BarrierGroup",
    "Breakdown",
    "BreakdownRow",
    "LevelRow",
    "MapCell",
    "NationalFigures",
    "Totals",
    "YearCount",
    "data_version",
    "filtered_records",
    "national_figures",
]

ZERO = Decimal("0")
NOT_KNOWN = "Not known"
EXAMPLES_PER_GROUP = 3


def filtered_records(filters: ReportFilters) -> QuerySet[Innovation]:
    """Published records matching the filters, with what the figures read prefetched.

    Nation and region match a record when any of its lead councils is there (as the API's
    record filters do); a period keeps only records whose start year is known and inside it.
    """
    qs = published_innovations(include_illustrative=filters.include_illustrative)
    qs = _narrow(qs, filters)
    return (
        qs.prefetch_related(None)
        .select_related("evidence_level")
        .prefetch_related(
            "themes",
            "service_areas",
            "barriers",
            "sources",
            Prefetch("lead_links", queryset=LeadAuthority.objects.select_related("authority")),
            Prefetch(
                "partner_links", queryset=PartnerAuthority.objects.select_related("authority")
            ),
            Prefetch(
                "adoptions",
                queryset=Adoption.objects.filter(confirmed=True)
                .exclude(status=AdoptionStatus.ABANDONED)
                .select_related("authority"),
                to_attr="counted_adoptions",
            ),
        )
        .order_by("record_id")
    )


def _narrow(qs: QuerySet[Innovation], filters: ReportFilters) -> QuerySet[Innovation]:
    if filters.nation:
        qs = qs.filter(lead_links__authority__nation=filters.nation)
    if filters.region:
        qs = qs.filter(lead_links__authority__region=filters.region)
    if filters.theme:
        qs = qs.filter(themes__code=filters.theme)
    if filters.period_from is not None:
        qs = qs.filter(started_year__gte=filters.period_from)
    if filters.period_to is not None:
        qs = qs.filter(started_year__lte=filters.period_to)
    return qs.distinct()


def national_figures(filters: ReportFilters) -> NationalFigures:
    """Every figure of the national report for these filters (see the module docstring)."""
    records = list(filtered_records(filters))
    illustrative_left_out = 0
    if not filters.include_illustrative:
        illustrative_left_out = (
            _narrow(published_innovations(include_illustrative=True), filters)
            .filter(is_illustrative=True)
            .count()
        )
    adoptions = [a for r in records for a in r.counted_adoptions]  # type: ignore[attr-defined]
    by_year, unknown_year = _adoptions_by_year(adoptions)
    groups, barriers_total, asks_total = _barrier_groups(records)
    stamps = [r.updated_at for r in records] + [a.confirmed_at for a in adoptions if a.confirmed_at]
    return NationalFigures(
        filters=filters,
        totals=_totals(records, adoptions),
        breakdowns=_breakdowns(records),
        evidence_levels=_evidence_levels(records),
        adoptions_by_year=by_year,
        adoptions_year_unknown=unknown_year,
        barrier_groups=groups,
        barriers_total=barriers_total,
        asks_total=asks_total,
        map_cells=map_cells(records),
        illustrative_left_out=illustrative_left_out,
        data_as_of=max(stamps) if stamps else None,
        generated_at=timezone.now(),
        record_ids=[r.record_id for r in records],
    )


def _achieved(record: Innovation) -> Decimal | None:
    return record.annual_saving_gbp if saving_class(record) == ACHIEVED else None


def _totals(records: list[Innovation], adoptions: list[Adoption]) -> Totals:
    with_both = [
        (r.one_off_cost_gbp, saving)
        for r in records
        if r.one_off_cost_gbp is not None and (saving := _achieved(r)) is not None and saving > ZERO
    ]
    basis_cost = sum((cost for cost, _ in with_both), ZERO)
    basis_saving = sum((saving for _, saving in with_both), ZERO)
    payback = (basis_cost / basis_saving * 12).quantize(Decimal("0.1")) if with_both else None
    shared = {link.authority_id for r in records for link in r.lead_links.all()}
    shared |= {link.authority_id for r in records for link in r.partner_links.all()}
    return Totals(
        sums=sums(records),
        payback_months=payback,
        payback_records=len(with_both),
        councils_shared=len(shared),
        councils_adopted=len({a.authority_id for a in adoptions}),
        adoptions=len(adoptions),
    )


def _row(code: str, label: str, records: Iterable[Innovation]) -> BreakdownRow:
    return BreakdownRow(code=code, label=label, sums=sums(records))


def _breakdown(
    records: list[Innovation],
    *,
    key: str,
    title: str,
    heading: str,
    categories: Callable[[Innovation], set[str]],
    labels: dict[str, str],
    overlaps: bool = True,
) -> Breakdown:
    """One row per category with records, in `labels` order; "Not known" last."""
    members: dict[str, list[Innovation]] = defaultdict(list)
    for record in records:
        for code in categories(record) or {""}:
            members[code].append(record)
    order = list(labels) + sorted(c for c in members if c not in labels and c)
    rows = [_row(code, labels.get(code, code), members[code]) for code in order if code in members]
    if "" in members:
        rows.append(_row("", NOT_KNOWN, members[""]))
    return Breakdown(
        key=key,
        title=title,
        heading=heading,
        rows=rows,
        total=_row("total", "All records (each counted once)", records),
        overlaps=overlaps,
    )


def _lead_values(attribute: str) -> Callable[[Innovation], set[str]]:
    def values(record: Innovation) -> set[str]:
        return {getattr(link.authority, attribute) for link in record.lead_links.all()} - {""}

    return values


def _breakdowns(records: list[Innovation]) -> list[Breakdown]:
    years = sorted({r.started_year for r in records if r.started_year is not None})
    return [
        _breakdown(
            records,
            key="theme",
            title="By theme",
            heading="Theme",
            categories=lambda r: {t.code for t in r.themes.all()},
            labels={code: label for code, label, _ in THEMES},
        ),
        _breakdown(
            records,
            key="service_area",
            title="By service area",
            heading="Service area",
            categories=lambda r: {s.code for s in r.service_areas.all()},
            labels={code: label for code, label, _ in SERVICE_AREAS},
        ),
        _breakdown(
            records,
            key="nation",
            title="By nation of the lead councils",
            heading="Nation",
            categories=_lead_values("nation"),
            labels=dict(Nation.choices),
        ),
        _breakdown(
            records,
            key="region",
            title="By region of the lead councils",
            heading="Region",
            categories=_lead_values("region"),
            labels=dict(Region.choices),
        ),
        _breakdown(
            records,
            key="authority_type",
            title="By type of lead council",
            heading="Authority type",
            categories=_lead_values("authority_type"),
            labels=dict(AuthorityType.choices),
        ),
        _breakdown(
            records,
            key="year_started",
            title="By year started",
            heading="Year started",
            categories=lambda r: {str(r.started_year)} if r.started_year is not None else set(),
            labels={str(year): str(year) for year in years},
            overlaps=False,
        ),
    ]


def _evidence_levels(records: list[Innovation]) -> list[LevelRow]:
    return [
        LevelRow(
            level=level.level,
            label=level.label,
            sums=sums(r for r in records if r.evidence_level_id == level.pk),
        )
        for level in EvidenceLevel.objects.order_by("level")
    ]


def _adoption_year(adoption: Adoption) -> int | None:
    if adoption.started_year is not None:
        return adoption.started_year
    if adoption.confirmed_at is not None:
        return timezone.localtime(adoption.confirmed_at).year
    return None


def _adoptions_by_year(adoptions: list[Adoption]) -> tuple[list[YearCount], int]:
    counts: dict[int, int] = defaultdict(int)
    unknown = 0
    for adoption in adoptions:
        year = _adoption_year(adoption)
        if year is None:
            unknown += 1
        else:
            counts[year] += 1
    if not counts:
        return [], unknown
    span = range(min(counts), max(counts) + 1)
    return [YearCount(year=str(year), adoptions=counts.get(year, 0)) for year in span], unknown


def _barrier_groups(records: list[Innovation]) -> tuple[list[BarrierGroup], int, int]:
    """Barriers grouped by the themes of their records (a record in two themes shows its
    barriers under both); largest group first."""
    labels = {code: label for code, label, _ in THEMES}
    position = {code: index for index, code in enumerate(labels)}
    grouped: dict[str, list[tuple[Innovation, str, str]]] = defaultdict(list)
    barriers_total = asks_total = 0
    for record in records:
        items = [(b.barrier, b.ask_of_government) for b in record.barriers.all()]
        barriers_total += len(items)
        asks_total += sum(1 for _, ask in items if ask.strip())
        for theme in record.themes.all():
            grouped[theme.code].extend((record, text, ask) for text, ask in items)
    groups = [
        BarrierGroup(
            code=code,
            label=labels.get(code, code),
            barriers=len(items),
            asks=sum(1 for _, _, ask in items if ask.strip()),
            records=len({record.pk for record, _, _ in items}),
            examples=[
                BarrierExample(
                    record_id=record.record_id,
                    title=record.title,
                    url=record.get_absolute_url(),
                    barrier=text,
                    ask=ask,
                )
                for record, text, ask in items[:EXAMPLES_PER_GROUP]
            ],
        )
        for code, items in grouped.items()
        if items
    ]
    groups.sort(key=lambda g: (-g.barriers, position.get(g.code, 99)))
    return groups, barriers_total, asks_total


def data_version() -> str:
    """Changes whenever a published record or an adoption is added, changed or removed.

    Covers all published records (illustrative too), so one version serves every filter.
    """
    records = (
        published_innovations(include_illustrative=True)
        .prefetch_related(None)
        .order_by()
        .aggregate(count=Count("pk"), latest=Max("updated_at"), last_published=Max("published_at"))
    )
    published = (
        published_innovations(include_illustrative=True)
        .prefetch_related(None)
        .order_by()
        .values("pk")
    )
    adoptions = Adoption.objects.filter(innovation__in=published).aggregate(
        count=Count("pk"),
        latest_pk=Max("pk"),
        confirmed=Count("pk", filter=Q(confirmed=True)),
        abandoned=Count("pk", filter=Q(status=AdoptionStatus.ABANDONED)),
        latest_confirmed=Max("confirmed_at"),
    )
    text = repr(sorted(records.items())) + repr(sorted(adoptions.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:32]
