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

if TYPE_CHECKING:
    from shopwindow.authorities.models import Authority

# Multiplier on each side of the central figure, by Nesta evidence level: a level 2 (correlation)
# saving could be half or double in another council; a level 5 (scaled) one within a quarter.
EVIDENCE_FACTORS: dict[int, float] = {5: 1.25, 4: 1.4, 3: 1.6, 2: 2.0, 1: 2.5}
# Each doubling of the size difference widens the factor by a further fifth: per-head scaling
# assumes a saving grows in step with population, which is least safe far from the lead's size.
SIZE_STEP = 0.2
SIGNIFICANT_FIGURES = 2

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


def uncertainty_factor(evidence_level: int, lead_population: int, your_population: int) -> float:
    """The multiplier either side of the central figure: evidence factor × size factor, where the
    size factor is 1 + SIZE_STEP × log2(larger population ÷ smaller population)."""
    ratio = max(lead_population, your_population) / min(lead_population, your_population)
    return EVIDENCE_FACTORS[evidence_level] * (1 + SIZE_STEP * math.log2(ratio))


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
    *, annual_saving: float, lead_population: int, your_population: int, evidence_level: int
) -> tuple[SavingRange, float]:
    """(the rounded low–central–high saving a year, the uncertainty factor used)."""
    central = annual_saving / lead_population * your_population
    factor = uncertainty_factor(evidence_level, lead_population, your_population)
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
        return "the lead councils are of different kinds, so there is no single scale to use.", ""
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
) -> Projection:
    """The projection for one record and one council, or the reason there is none."""
    if not annual_saving:
        return Projection(reason=NO_BASIS + "the record does not state an annual saving.")
    if not matched:
        return Projection(
            reason=NO_BASIS
            + "your council does not run the services it covers: "
            + ", ".join(label.lower() for label in unmatched_labels)
            + "."
        )
    if not council.population:
        return Projection(reason=NO_BASIS + "we do not know your council's population.")
    if not leads or any(not lead.population for lead in leads):
        return Projection(reason=NO_BASIS + "we do not know every lead council's population.")
    reason, caveat = _tier_reason(leads, council, service_areas)
    if reason:
        return Projection(reason=NO_BASIS + reason)

    lead_population = sum(lead.population or 0 for lead in leads)
    saving, factor = projected_range(
        annual_saving=float(annual_saving),
        lead_population=lead_population,
        your_population=council.population,
        evidence_level=evidence_level,
    )
    per_head = float(annual_saving) / lead_population
    whose = "the lead council" if len(leads) == 1 else f"the {len(leads)} lead councils together"
    ratio = max(lead_population, council.population) / min(lead_population, council.population)
    method = (
        f"The record's saving of {_pounds(annual_saving)} a year, divided by the population of "
        f"{whose} ({_people(lead_population)}), is £{per_head:,.2f} a resident. Times your "
        f"council's population ({_people(council.population)}) that is "
        f"about {_pounds(saving.central)} a year. The range divides and multiplies this by "
        f"{factor:.2f}: {EVIDENCE_FACTORS[evidence_level]:g} for evidence level "
        f"{evidence_level}, widened by {1 + SIZE_STEP * math.log2(ratio):.2f} because one "
        f"population is {ratio:.1f} times the other. Rounded to two significant figures."
    )
    notes: list[str] = []
    if caveat:
        notes.append(caveat)
    if unmatched_labels:
        notes.append(
            "Part of the saving may come from services your council does not run ("
            + ", ".join(label.lower() for label in unmatched_labels)
            + "), so it may be lower."
        )
    if is_partnership:
        notes.append(
            "This was a partnership: we used the combined population of the lead councils. "
            "Where partner councils share the saving too, it may be lower."
        )
    payback = None
    if one_off_cost:
        payback = payback_range(
            one_off_cost=float(one_off_cost),
            annual_saving=float(annual_saving),
            lead_population=lead_population,
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
