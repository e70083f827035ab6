"""How well an option fits a council: a score from 0 to 100 made of four parts, each with a
sentence for the page, plus the projection from projection.py. Weights and formulas:
docs/projection.md.

- Similarity (35): the most similar lead or adopting council, as 1 − 2 × its rebased distance
  from your council (the comparators' own measure), floored at 0.
- Powers (25): the share of the record's functions your council runs (functions.py), or of its
  service areas (powers.py) when the record lists no functions.
- Evidence (20): 4 points a Nesta level.
- Comparable adopters (20): 5 points for each of your 15 comparators that has adopted it, up to 4.

`fit_for_many(innovations, council)` computes many at once with a fixed number of queries: the
council's comparators and its group's profiles are loaded once, the records' relations are
prefetched once.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects

from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Adoption, Innovation, LeadAuthority, PartnerAuthority
from shopwindow.innovations.vocabularies import FUNCTION_LABELS, AdoptionStatus
from shopwindow.tailoring.comparators import (
    NEIGHBOURS,
    VARIABLES,
    comparison_group,
    standardised_profiles,
    weighted_distance,
)
from shopwindow.tailoring.functions import functions_run_by, who_runs
from shopwindow.tailoring.models import Comparator, ComparatorScope
from shopwindow.tailoring.powers import SERVICE_AREA_LABELS, services_run_by
from shopwindow.tailoring.projection import Projection, project

SIMILARITY_POINTS = 35
POWERS_POINTS = 25
EVIDENCE_POINTS_PER_LEVEL = 4  # level 5 = 20
ADOPTER_POINTS_EACH = 5
ADOPTERS_COUNTED = 4  # so at most 20 points
# A lead or adopter at half the distance of your least similar council of your kind scores 0.
SIMILARITY_SCALE = 2.0

NOT_PROVIDED = "Not a service your council provides"
GROUP_SHORT = {"district": "district", "county": "county", "single-tier": "single-tier"}
TYPE_PHRASES = {
    "county": "a county council",
    "non-metropolitan-district": "a district council",
    "unitary": "a unitary authority",
    "metropolitan-district": "a metropolitan district",
    "london-borough": "a London borough",
    "city-of-london": "the City of London",
    "welsh-principal-area": "a Welsh council",
    "scottish-council": "a Scottish council",
    "ni-district": "a Northern Ireland council",
    "combined-authority": "a combined authority",
    "strategic-authority": "the Greater London Authority",
}
EVIDENCE_NAMES = {
    1: "account of impact",
    2: "correlation",
    3: "causation",
    4: "independent replication",
    5: "scaled",
}


@dataclass(frozen=True)
class FitPart:
    key: str  # similarity, powers, evidence, adopters
    label: str
    points: float
    max_points: int
    sentence: str


@dataclass(frozen=True)
class Fit:
    innovation_id: int
    record_id: str
    score: int
    parts: tuple[FitPart, ...]
    matched: tuple[str, ...]  # function (or service-area) codes the council runs
    unmatched: tuple[str, ...]  # and those it does not
    projection: Projection
    evidence_level: int
    relationship: str = ""  # "led", "partnered" or "adopted" when the council already took part
    basis: str = "service-areas"  # what the powers check used: "functions" or "service-areas"
    run_elsewhere: tuple[str, ...] = ()  # "Devon County Council runs trading standards for …"
    areas_not_run: tuple[str, ...] = ()  # service-area codes the council does not run

    @property
    def powers_match(self) -> bool:
        """False when the council runs none of the record's services: flag it, never hide it."""
        return bool(self.matched)

    @property
    def powers_flag(self) -> str:
        return "" if self.powers_match else NOT_PROVIDED

    @property
    def reasons(self) -> list[str]:
        return [part.sentence for part in self.parts]

    @property
    def unmatched_labels(self) -> list[str]:
        return [_labels(self.basis).get(code, code) for code in self.unmatched]


def _labels(basis: str) -> dict[str, str]:
    return FUNCTION_LABELS if basis == "functions" else SERVICE_AREA_LABELS


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _join(words: Sequence[str]) -> str:
    """ "a and b"; with a serial comma when a label has its own "and" ("waste and environment,
    and customer services")."""
    if len(words) <= 1:
        return "".join(words)
    serial = "," if len(words) > 2 or any(" and " in word for word in words) else ""
    return ", ".join(words[:-1]) + f"{serial} and " + words[-1]


@dataclass
class CouncilContext:
    """Everything about one council that every fit needs, loaded once."""

    council: Authority
    services: set[str]
    functions: set[str]
    comparators: dict[int, tuple[int, float]]  # comparator pk -> (rank, rebased distance)
    group: str | None = None
    _profiles: dict[str, list[float]] | None = field(default=None, repr=False)
    _farthest: float = 0.0

    @classmethod
    def load(cls, council: Authority) -> "CouncilContext":
        rows = Comparator.objects.filter(
            authority=council, scope=ComparatorScope.NATION
        ).values_list("comparator_id", "rank", "distance")
        return cls(
            council=council,
            services=services_run_by(council),
            functions=functions_run_by(council),
            comparators={pk: (rank, distance) for pk, rank, distance in rows},
            group=comparison_group(council.authority_type) if council.is_current else None,
        )

    def _load_profiles(self) -> dict[str, list[float]]:
        # The same councils and method as build_comparators, so a distance computed here equals
        # the stored one for the 15 nearest. Only needed for leads outside the 15, so lazy.
        if self._profiles is None:
            raw: dict[str, list[float]] = {}
            fields = [v.field for v in VARIABLES]
            for row in (
                Authority.objects.filter(is_current=True)
                .exclude(gss="")
                .values("pk", "authority_type", "nation", *fields)
            ):
                if comparison_group(row["authority_type"]) != self.group:
                    continue
                if row["nation"] != self.council.nation:  # comparators are within the nation
                    continue
                values = [row[name] for name in fields]
                if all(value is not None and value > 0 for value in values):
                    raw[str(row["pk"])] = [float(value) for value in values]
            mine_key = str(self.council.pk)
            self._profiles = standardised_profiles(raw) if mine_key in raw else {}
            if self._profiles:
                mine = self._profiles[mine_key]
                weights = [v.weight for v in VARIABLES]
                self._farthest = max(
                    weighted_distance(mine, other, weights)
                    for key, other in self._profiles.items()
                    if key != mine_key
                )
        return self._profiles

    def rebased_distance(self, authority: Authority) -> float | None:
        """This council's rebased distance to another in its group; None if not comparable."""
        if authority.pk in self.comparators:
            return self.comparators[authority.pk][1]
        if self.group is None or not authority.is_current:
            return None
        if comparison_group(authority.authority_type) != self.group:
            return None
        if authority.nation != self.council.nation:
            return None
        profiles = self._load_profiles()
        if str(authority.pk) not in profiles or not self._farthest:
            return None
        weights = [v.weight for v in VARIABLES]
        mine = profiles[str(self.council.pk)]
        return weighted_distance(mine, profiles[str(authority.pk)], weights) / self._farthest


def _similarity(
    context: CouncilContext, leads: list[Authority], adopters: list[Authority], relationship: str
) -> FitPart:
    def part(value: float, sentence: str) -> FitPart:
        return FitPart("similarity", "Similar councils", SIMILARITY_POINTS * value,
                       SIMILARITY_POINTS, sentence)  # fmt: skip

    if relationship in {"led", "adopted"}:
        verb = "led" if relationship == "led" else "has adopted"
        return part(1.0, f"Your council {verb} it")
    candidates = [("Led by", a) for a in leads] + [("Adopted by", a) for a in adopters]
    measured = [
        (distance, role, authority)
        for role, authority in candidates
        if (distance := context.rebased_distance(authority)) is not None
    ]
    if measured:
        distance, role, authority = min(measured, key=lambda item: (item[0], item[2].name))
        value = max(0.0, 1 - SIMILARITY_SCALE * distance)
        if authority.pk in context.comparators:
            rank = context.comparators[authority.pk][0]
            place = "most similar" if rank == 1 else f"{ordinal(rank)} most similar"
            return part(value, f"{role} {authority.name}, your {place} council")
        kind = GROUP_SHORT.get(context.group or "", "")
        return part(
            value,
            f"{role} {authority.name}, a {kind} council but not one of your {NEIGHBOURS} most "
            f"similar (distance {distance:.2f}, where 1 is the least similar {kind} council)",
        )
    if context.group is None:
        return part(0.0, "Your council is not compared with others, so similarity scores 0")
    first = leads[0] if leads else None
    if first is None:
        return part(0.0, "No lead council is recorded, so similarity scores 0")
    if not first.is_current:
        return part(0.0, f"Led by {first.name}, a former council: we compare current councils")
    if (
        comparison_group(first.authority_type) == context.group
        and first.nation != context.council.nation
    ):
        return part(
            0.0,
            f"Led by {first.name}, in {first.get_nation_display()}: we compare your council "
            f"with {GROUP_SHORT.get(context.group, '')} councils in "
            f"{context.council.get_nation_display()}",
        )
    return part(
        0.0,
        f"Led by {first.name}, {TYPE_PHRASES.get(first.authority_type, 'another kind of council')}"
        f": we compare your council only with {GROUP_SHORT.get(context.group, '')} councils",
    )


def _powers(
    matched: list[str], unmatched: list[str], basis: str = "service-areas",
    elsewhere: Sequence[str] = (),
) -> FitPart:  # fmt: skip
    total = len(matched) + len(unmatched)
    points = POWERS_POINTS * len(matched) / total if total else 0.0
    names = _labels(basis)
    labels = [names.get(code, code).lower() for code in matched]
    missing = [names.get(code, code).lower() for code in unmatched]
    if not matched:
        sentence = f"{NOT_PROVIDED}: {_join(missing)}"
        if elsewhere:
            sentence += f" ({'; '.join(elsewhere)})"
    elif matched == ["whole-council"] and not unmatched:
        sentence = "A whole-council change, which any council can make"
    else:
        sentence = f"Your council runs {_join(labels)}"
        if missing:
            sentence += f" but not {_join(missing)}"
    return FitPart("powers", "Powers", points, POWERS_POINTS, sentence)


def _evidence(level: int) -> FitPart:
    return FitPart(
        "evidence",
        "Evidence",
        float(EVIDENCE_POINTS_PER_LEVEL * level),
        EVIDENCE_POINTS_PER_LEVEL * 5,
        f"Evidence level {level}: {EVIDENCE_NAMES.get(level, '')}",
    )


def _adopters(context: CouncilContext, adopters: list[Authority]) -> FitPart:
    maximum = ADOPTER_POINTS_EACH * ADOPTERS_COUNTED
    if not context.comparators:
        return FitPart(
            "adopters", "Comparable adopters", 0.0, maximum,
            "Your council has no comparable councils, so none can have adopted it",
        )  # fmt: skip
    count = len({a.pk for a in adopters if a.pk in context.comparators})
    total = len(context.comparators)
    if count == 0:
        sentence = f"None of your {total} comparable councils has adopted it yet"
    elif count == 1:
        sentence = f"1 of your {total} comparable councils has adopted it"
    else:
        sentence = f"{count} of your {total} comparable councils have adopted it"
    points = float(ADOPTER_POINTS_EACH * min(count, ADOPTERS_COUNTED))
    return FitPart("adopters", "Comparable adopters", points, maximum, sentence)


FIT_PREFETCH = (
    "service_areas",
    Prefetch("lead_links", queryset=LeadAuthority.objects.select_related("authority")),
    Prefetch("partner_links", queryset=PartnerAuthority.objects.select_related("authority")),
    Prefetch("adoptions", queryset=Adoption.objects.select_related("authority")),
)


def _fit(innovation: Innovation, context: CouncilContext) -> Fit:
    council = context.council
    leads = [link.authority for link in innovation.lead_links.all()]
    partners = [link.authority for link in innovation.partner_links.all()]
    adopters = [
        a.authority
        for a in innovation.adoptions.all()
        if a.confirmed and a.status == AdoptionStatus.ADOPTED
    ]
    relationship = ""
    if any(a.pk == council.pk for a in leads):
        relationship = "led"
    elif any(a.pk == council.pk for a in adopters):
        relationship = "adopted"
    elif any(a.pk == council.pk for a in partners):
        relationship = "partnered"
    areas = [area.code for area in innovation.service_areas.all()]
    areas_not_run = [code for code in dict.fromkeys(areas) if code not in context.services]
    functions = [code for code in innovation.functions or [] if code in FUNCTION_LABELS]
    if functions:
        basis, codes, runs = "functions", functions, context.functions
    else:
        basis, codes, runs = "service-areas", areas, context.services
    matched = [code for code in dict.fromkeys(codes) if code in runs]
    unmatched = [code for code in dict.fromkeys(codes) if code not in runs]
    elsewhere = who_runs(council, unmatched) if basis == "functions" else []
    level = innovation.evidence_level.level
    parts = (
        _similarity(context, leads, adopters, relationship),
        _powers(matched, unmatched, basis, elsewhere),
        _evidence(level),
        _adopters(context, adopters),
    )
    projection = project(
        council=council,
        leads=leads,
        annual_saving=innovation.annual_saving_gbp,
        one_off_cost=innovation.one_off_cost_gbp,
        evidence_level=level,
        service_areas=areas,
        matched=matched,
        unmatched_labels=[_labels(basis).get(code, code) for code in unmatched],
        is_partnership=len(leads) > 1 or bool(partners),
        partners=partners,
        shared_by=innovation.saving_shared_by,
        saving_kind=innovation.saving_kind,
        who_runs=elsewhere,
    )
    return Fit(
        innovation_id=innovation.pk,
        record_id=innovation.record_id,
        score=round(sum(part.points for part in parts)),
        parts=parts,
        matched=tuple(matched),
        unmatched=tuple(unmatched),
        projection=projection,
        evidence_level=level,
        relationship=relationship,
        basis=basis,
        run_elsewhere=tuple(elsewhere),
        areas_not_run=tuple(areas_not_run),
    )


def fit_for_many(innovations: Iterable[Innovation], council: Authority) -> dict[int, Fit]:
    """{innovation pk: Fit} for every record given. Relations already prefetched (as by
    published_innovations()) are reused; otherwise they are fetched once for the whole batch."""
    records = list(innovations)
    if not records:
        return {}
    prefetch_related_objects(records, "evidence_level", *FIT_PREFETCH)
    context = CouncilContext.load(council)
    return {record.pk: _fit(record, context) for record in records}


def fit_for(innovation: Innovation, council: Authority) -> Fit:
    return fit_for_many([innovation], council)[innovation.pk]
