"""What an option could save your council: a low–central–high range, a payback range, or a plain
reason why there is no basis for one. Method and worked example: docs/projection.md.

The central figure is the lead councils' annual saving per resident times your population. The
range divides and multiplies it by an uncertainty factor that grows as the evidence gets weaker
and as your council's size differs more from the lead councils'. Every figure is rounded to two
significant figures, so the page never shows one falsely precise number.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.innovations.per_resident import PerResident, per_resident
from shopwindow.innovations.vocabularies import SavingKind

if TYPE_CHECKING:
    from shopwindow.authorities.models import Authority

# Multiplier on each side of the central figure, by Nesta evidence level: a level 2 (correlation)
# saving could be half or double in another council; a level 5 (scaled) one within a quarter.
EVIDENCE_FACTORS: dict[int, float] = {5: 1.25, 4: 1.4, 3: 1.6, 2: 2.0, 1: 2.5}
# Each doubling of the size difference widens the factor by a further fifth: per-head scaling
# assumes a saving grows in step with population, which is least safe far from the lead's size.
SIZE_STEP = 0.2
SIGNIFICANT_FIGURES = 2
# How far the record's own figure was checked moves the range: a forecast (`projected`) is wider,
# a figure confirmed by audit or measured by an independent evaluation narrower. The factor never
# falls below 1 (the low figure is never above the central one).
KIND_FACTORS: dict[str, float] = {
    SavingKind.PROJECTED: 1.5,
    SavingKind.AUDITED: 0.8,
    SavingKind.EVALUATED: 0.8,
}
KIND_WORDS: dict[str, str] = {
    SavingKind.PROJECTED: "widened by 1.5 because the record's saving is a forecast",
    SavingKind.AUDITED: "narrowed by 0.8 because the record's saving was confirmed by audit",
    SavingKind.EVALUATED: "narrowed by 0.8 because an independent evaluation measured the saving",
}

# Service areas that span everything a council does: a saving in one of these scales with the
# whole council's budget, so it carries only between councils of the same kind (a district's
# shared chief executive says nothing about a city council's).
WHOLE_BUDGET_AREAS = frozenset({"whole-council", "corporate-services", "customer-services"})

# Kinds of council for projection. Northern Ireland districts run a district's range of services
# (waste, planning, leisure), so a per-head saving carries between them and English districts.
TIER_DISTRICT = "district"
TIER_COUNTY = "county"
TIER_SINGLE = "single-tier"
TIER_COMBINED = "combined"
PROJECTION_TIERS: dict[str, str] = {
    AuthorityType.NON_METROPOLITAN_DISTRICT: TIER_DISTRICT,
    AuthorityType.NI_DISTRICT: TIER_DISTRICT,
    AuthorityType.COUNTY: TIER_COUNTY,
    AuthorityType.UNITARY: TIER_SINGLE,
    AuthorityType.METROPOLITAN_DISTRICT: TIER_SINGLE,
    AuthorityType.LONDON_BOROUGH: TIER_SINGLE,
    AuthorityType.CITY_OF_LONDON: TIER_SINGLE,
    AuthorityType.WELSH_PRINCIPAL_AREA: TIER_SINGLE,
    AuthorityType.SCOTTISH_COUNCIL: TIER_SINGLE,
    AuthorityType.COMBINED_AUTHORITY: TIER_COMBINED,
    AuthorityType.STRATEGIC_AUTHORITY: TIER_COMBINED,
}
TIER_NAMES = {
    TIER_DISTRICT: "a district council",
    TIER_COUNTY: "a county council",
    TIER_SINGLE: "a single-tier council",
    TIER_COMBINED: "a combined or strategic authority",
}
NO_BASIS = "We cannot project a saving for your council because "


def round_sig(value: float, figures: int = SIGNIFICANT_FIGURES) -> float:
    """`value` rounded to `figures` significant figures (0 stays 0)."""
    # Decimal, rounding halves up: float round() rounds half to even (1,250,000 -> 1,200,000).
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value))) - figures + 1
    quantum = Decimal(1).scaleb(exponent)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def uncertainty_factor(
    evidence_level: int, lead_population: int, your_population: int, saving_kind: str = ""
) -> float:
    """The multiplier either side of the central figure: evidence factor × size factor × kind
    factor (never below 1), where the size factor is 1 + SIZE_STEP × log2(larger population ÷
    smaller population) and the kind factor is KIND_FACTORS' (1 for reported or not stated)."""
    ratio = max(lead_population, your_population) / min(lead_population, your_population)
    factor = EVIDENCE_FACTORS[evidence_level] * (1 + SIZE_STEP * math.log2(ratio))
    return max(1.0, factor * KIND_FACTORS.get(saving_kind, 1.0))


@dataclass(frozen=True)
class SavingRange:
    low: int
    central: int
    high: int


@dataclass(frozen=True)
class PaybackRange:
    """Months for the projected saving to repay the projected one-off cost."""

    low: float
    central: float
    high: float


def projected_range(
    *,
    annual_saving: float,
    lead_population: int,
    your_population: int,
    evidence_level: int,
    saving_kind: str = "",
) -> tuple[SavingRange, float]:
    """(the rounded low–central–high saving a year, the uncertainty factor used).
    `lead_population` is the population the saving was made across (per_resident)."""
    central = annual_saving / lead_population * your_population
    factor = uncertainty_factor(evidence_level, lead_population, your_population, saving_kind)
    rounded = SavingRange(
        low=int(round_sig(central / factor)),
        central=int(round_sig(central)),
        high=int(round_sig(central * factor)),
    )
    return rounded, factor


def payback_range(
    *,
    one_off_cost: float,
    annual_saving: float,
    lead_population: int,
    your_population: int,
    factor: float,
) -> PaybackRange:
    """The one-off cost scaled by population like the saving, divided by the saving a month. The
    shortest payback goes with the high saving and the longest with the low one. Computed from
    unrounded figures, then rounded to two significant figures."""
    scale = your_population / lead_population
    cost = one_off_cost * scale
    central_saving = annual_saving * scale
    central = cost / (central_saving / 12)
    return PaybackRange(
        low=round_sig(central / factor),
        central=round_sig(central),
        high=round_sig(central * factor),
    )


@dataclass(frozen=True)
class Projection:
    saving: SavingRange | None = None
    payback: PaybackRange | None = None
    reason: str = ""  # when there is no projection: "We cannot project a saving … because …"
    method: str = ""  # the sum, in words, with this record's numbers
    notes: tuple[str, ...] = field(default_factory=tuple)  # caveats and the payback in words

    @property
    def available(self) -> bool:
        return self.saving is not None


def _pounds(value: float | Decimal) -> str:
    return f"£{value:,.0f}"


def _people(value: int) -> str:
    return f"{value:,}"


def _months(value: float) -> str:
    return f"{value:g}"


def _tier_reason(
    leads: Sequence["Authority"], council: "Authority", service_areas: Sequence[str]
) -> tuple[str, str]:
    """(why a per-head saving does not carry from the lead councils to this one, or "";
    a caveat to show when it carries with one, or "")."""
    lead_tiers = {PROJECTION_TIERS.get(lead.authority_type) for lead in leads}
    yours = PROJECTION_TIERS.get(council.authority_type)
    if len(lead_tiers) > 1:
        return (
            "the councils the saving was made across are of different kinds, so there is no "
            "single scale to use.",
            "",
        )
    (lead_tier,) = lead_tiers
    if lead_tier is None or yours is None:
        return "we do not know what kind of council the lead or your council is.", ""
    if lead_tier == yours:
        return "", ""
    wide = set(service_areas) & WHOLE_BUDGET_AREAS
    if wide:
        return (
            f"the saving was made by {TIER_NAMES[lead_tier]} across services that span its "
            f"whole budget, and your council is {TIER_NAMES[yours]}, whose budget covers "
            "different services.",
            "",
        )
    if yours == TIER_SINGLE and lead_tier in {TIER_DISTRICT, TIER_COUNTY}:
        return "", (
            f"The saving was made by {TIER_NAMES[lead_tier]}. Your council also runs the other "
            "tier's services, which this projection does not cover."
        )
    if lead_tier == TIER_SINGLE and yours in {TIER_DISTRICT, TIER_COUNTY}:
        return "", (
            f"The saving was made by {TIER_NAMES[lead_tier]}; we scale only the services your "
            "council runs."
        )
    return (
        f"the saving was made by {TIER_NAMES[lead_tier]} and your council is "
        f"{TIER_NAMES[yours]}: they run different services, on budgets of a different scale.",
        "",
    )


def project(
    *,
    council: "Authority",
    leads: Sequence["Authority"],
    annual_saving: Decimal | None,
    one_off_cost: Decimal | None,
    evidence_level: int,
    service_areas: Sequence[str],
    matched: Sequence[str],
    unmatched_labels: Sequence[str],
    is_partnership: bool,
    partners: Sequence["Authority"] = (),
    shared_by: str = "",
    saving_kind: str = "",
    who_runs: Sequence[str] = (),
) -> Projection:
    """The projection for one record and one council, or the reason there is none.

    `matched` and `unmatched_labels` are the record's functions (or, without functions, its
    service areas) that the council does and does not run; `who_runs` names the body that runs
    each unmatched one for the council's area ("Devon County Council runs trading standards for
    South Hams"). The saving per resident is per_resident's: the saving over the population of
    the union of the councils it was made across (`shared_by`: all, or the leads only).
    """
    if not annual_saving:
        return Projection(reason=NO_BASIS + "the record does not state an annual saving.")
    if not matched:
        reason = (
            NO_BASIS
            + "your council does not run what it covers: "
            + ", ".join(label.lower() for label in unmatched_labels)
            + "."
        )
        if who_runs:
            reason += " " + "; ".join(who_runs) + "."
        return Projection(reason=reason)
    if not council.population:
        return Projection(reason=NO_BASIS + "we do not know your council's population.")
    basis = per_resident(
        annual_saving=annual_saving, shared_by=shared_by, leads=leads, partners=partners
    )
    if not leads or basis is None or not basis.population:
        return Projection(
            reason=NO_BASIS
            + "we do not know the population of every council the saving was made across."
        )
    counted = [area.authority for area in basis.counted]
    reason, caveat = _tier_reason(counted, council, service_areas)
    if reason:
        return Projection(reason=NO_BASIS + reason)

    population = basis.population
    saving, factor = projected_range(
        annual_saving=float(annual_saving),
        lead_population=population,
        your_population=council.population,
        evidence_level=evidence_level,
        saving_kind=saving_kind,
    )
    method = _method(basis, council, saving, factor, evidence_level, saving_kind)
    notes: list[str] = []
    if caveat:
        notes.append(caveat)
    if unmatched_labels:
        notes.append(
            "Part of the saving may come from work your council does not do ("
            + ", ".join(label.lower() for label in unmatched_labels)
            + "), so it may be lower."
            + ("" if not who_runs else " " + "; ".join(who_runs) + ".")
        )
    if is_partnership:
        notes.append(
            f"This was a partnership: we divided the saving by the residents of {basis.whose} "
            "(overlapping areas once)."
        )
    payback = None
    if one_off_cost:
        payback = payback_range(
            one_off_cost=float(one_off_cost),
            annual_saving=float(annual_saving),
            lead_population=population,
            your_population=council.population,
            factor=factor,
        )
        notes.append(
            f"Payback: the one-off cost ({_pounds(one_off_cost)}) scaled to your council in the "
            f"same way, divided by the projected saving: about {_months(payback.central)} months, "
            f"between {_months(payback.low)} and {_months(payback.high)} months."
        )
    else:
        notes.append("The record gives no one-off cost, so we cannot estimate the payback.")
    return Projection(saving=saving, payback=payback, method=method, notes=tuple(notes))


def _method(
    basis: PerResident,
    council: "Authority",
    saving: SavingRange,
    factor: float,
    evidence_level: int,
    saving_kind: str,
) -> str:
    """The sum in words, with this record's numbers."""
    population = basis.population or 0
    your = council.population or 0
    counted = basis.counted
    if len(counted) == 1:
        whose = f"{counted[0].authority.name} ({_people(population)})"
    else:
        names = ", ".join(area.authority.name for area in counted)
        whose = f"{names} together ({_people(population)})"
    ratio = max(population, your) / min(population, your)
    kind = KIND_WORDS.get(saving_kind, "")
    return (
        f"The record's saving of {_pounds(basis.saving)} a year, divided by the residents of "
        f"{whose}, is £{float(basis.value or 0):,.2f} a resident. Times your council's "
        f"population ({_people(your)}) that is about {_pounds(saving.central)} a year. The "
        f"range divides and multiplies this by {factor:.2f}: "
        f"{EVIDENCE_FACTORS[evidence_level]:g} for evidence level {evidence_level}, widened by "
        f"{1 + SIZE_STEP * math.log2(ratio):.2f} because one population is {ratio:.1f} times the "
        f"other{', ' + kind if kind else ''}. Rounded to two significant figures."
    )
