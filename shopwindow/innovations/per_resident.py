"""Saving per resident: a record's annual saving divided by the people it was made across.

Format 1.1's `saving_shared_by` says whose budgets the saving was made across: `all` (the default,
also when it is not stated) means every lead and partner council; `lead` means the lead councils
only. The population is that of the UNION of their areas, so overlapping areas count once: a
district inside a county that is also counted adds nobody (the county's residents include the
district's), and so does a council inside a counted combined authority. The record page shows
the sum in words (`PerResident.sentence`); projections scale the same figure (docs/projection.md).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import STRATEGIC_TYPES
from shopwindow.innovations.vocabularies import SavingSharedBy

PENNY = Decimal("0.01")


@dataclass(frozen=True)
class CountedArea:
    authority: Authority
    population: int | None
    inside: Authority | None  # the counted council whose area already includes this one

    @property
    def counted(self) -> bool:
        return self.inside is None


@dataclass(frozen=True)
class PerResident:
    saving: Decimal
    shared_by: str  # "all" or "lead"
    areas: tuple[CountedArea, ...]
    population: int | None  # None when a counted council's population is unknown

    @property
    def counted(self) -> list[CountedArea]:
        return [area for area in self.areas if area.counted]

    @property
    def value(self) -> Decimal | None:
        """Pounds a resident a year, unrounded; None without a population."""
        if not self.population:
            return None
        return self.saving / self.population

    @property
    def rounded(self) -> Decimal | None:
        value = self.value
        return value.quantize(PENNY) if value is not None else None

    @property
    def whose(self) -> str:
        return (
            "the lead councils only"
            if self.shared_by == SavingSharedBy.LEAD
            else "every lead and partner council"
        )

    @property
    def sentence(self) -> str:
        """The sum in words and numbers, for the record page."""
        parts = ", ".join(
            f"{area.authority.name} ({_people(area.population)})" for area in self.counted
        )
        left_out = [
            f"{area.authority.name} (inside {area.inside.name}, so already counted)"
            for area in self.areas
            if area.inside is not None
        ]
        text = f"£{self.saving:,.0f} a year, made across {self.whose}: {parts}"
        if left_out:
            text += "; " + "; ".join(left_out)
        if self.population is None or self.rounded is None:
            return text + ". We do not know every population, so there is no figure per resident."
        return (
            f"{text}. {_pounds(self.saving)} ÷ {self.population:,} residents = "
            f"£{self.rounded:,.2f} a resident a year."
        )


def _people(value: int | None) -> str:
    return f"{value:,} residents" if value else "population not known"


def _pounds(value: Decimal) -> str:
    return f"£{value:,.0f}"


def _inside(authority: Authority, present: dict[int, Authority]) -> Authority | None:
    """The counted council whose area contains this one: its county, its combined authority (or
    the GLA), or its county's combined authority. Reads ids first, so no query unless needed."""
    for pk in (authority.parent_county_id, authority.combined_authority_id):
        if pk is not None and pk in present:
            return present[pk]
    strategic = any(a.authority_type in STRATEGIC_TYPES for a in present.values())
    if authority.parent_county_id and strategic:
        county = authority.parent_county
        if county is not None and county.combined_authority_id in present:
            return present[county.combined_authority_id]
    return None


def _key(authority: Authority) -> int:
    return authority.pk if authority.pk is not None else id(authority)


def union_areas(authorities: Sequence[Authority]) -> tuple[CountedArea, ...]:
    """Each council once, in the order given, marked with the counted council it lies inside (if
    any). Only containment that the reference data records is known: a county and its own
    districts, a combined authority (or the GLA) and its members."""
    # Unsaved councils (in unit tests) have no pk: tell them apart by identity.
    unique = list({_key(authority): authority for authority in authorities}.values())
    present = {authority.pk: authority for authority in unique if authority.pk is not None}
    return tuple(
        CountedArea(authority, authority.population, _inside(authority, present))
        for authority in unique
    )


def per_resident(
    *,
    annual_saving: Decimal | None,
    shared_by: str,
    leads: Sequence[Authority],
    partners: Sequence[Authority],
) -> PerResident | None:
    """The saving per resident, or None when the record states no saving (or a zero one)."""
    if not annual_saving:
        return None
    kind = SavingSharedBy.LEAD if shared_by == SavingSharedBy.LEAD else SavingSharedBy.ALL
    members = list(leads) if kind == SavingSharedBy.LEAD else [*leads, *partners]
    areas = union_areas(members)
    counted = [area for area in areas if area.counted]
    population: int | None = None
    if counted and all(area.population for area in counted):
        population = sum(area.population or 0 for area in counted)
    saving = annual_saving if isinstance(annual_saving, Decimal) else Decimal(str(annual_saving))
    return PerResident(saving=saving, shared_by=str(kind), areas=areas, population=population)


def for_record(innovation: object) -> PerResident | None:
    """`per_resident` for an Innovation, reading its (prefetchable) lead and partner links."""
    leads = [link.authority for link in innovation.lead_links.all()]  # type: ignore[attr-defined]
    partners = [link.authority for link in innovation.partner_links.all()]  # type: ignore[attr-defined]
    return per_resident(
        annual_saving=innovation.annual_saving_gbp,  # type: ignore[attr-defined]
        shared_by=innovation.saving_shared_by,  # type: ignore[attr-defined]
        leads=leads,
        partners=partners,
    )
