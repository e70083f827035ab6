"""Saving per resident and projections from it, with numbers worked by hand (docs/projection.md).

A three-council partnership saved £1,200,000 a year: lead A (130,000 residents) with partners B
(140,000) and C (130,000). Made across all three (`saving_shared_by: all`, the default):
£1,200,000 ÷ 400,000 = £3.00 a resident. Across the lead only (`lead`): £1,200,000 ÷ 130,000 =
£9.23. Dividing by the lead alone while the saving was made across all three is what made
projections for partnerships 2–3 times too high.
"""

from decimal import Decimal

import pytest

from shopwindow.authorities.models import Authority
from shopwindow.innovations.per_resident import per_resident
from shopwindow.tailoring.projection import Projection, SavingRange, project

DISTRICT = "non-metropolitan-district"


def council(pk: int, name: str, population: int | None, **extra: object) -> Authority:
    # Unsaved but with a pk: per_resident reads pk, population and parent/combined ids only.
    return Authority(pk=pk, name=name, population=population, authority_type=DISTRICT, **extra)


A = council(1, "A", 130_000)
B = council(2, "B", 140_000)
C = council(3, "C", 130_000)
D = council(4, "D", 90_000)
SAVING = Decimal("1200000")


def test_three_council_partnership_divides_by_all_three() -> None:
    found = per_resident(annual_saving=SAVING, shared_by="all", leads=[A], partners=[B, C])
    assert found is not None
    assert found.population == 400_000
    assert found.rounded == Decimal("3.00")
    assert "£1,200,000 ÷ 400,000 residents = £3.00 a resident a year" in found.sentence
    assert "A (130,000 residents), B (140,000 residents), C (130,000 residents)" in found.sentence


def test_not_stated_means_all() -> None:
    found = per_resident(annual_saving=SAVING, shared_by="", leads=[A], partners=[B, C])
    assert found is not None
    assert found.population == 400_000


def test_lead_only_divides_by_the_leads() -> None:
    found = per_resident(annual_saving=SAVING, shared_by="lead", leads=[A], partners=[B, C])
    assert found is not None
    assert found.population == 130_000
    assert found.rounded == Decimal("9.23")  # 1,200,000 / 130,000 = 9.2308
    assert "the lead councils only" in found.sentence


def test_a_county_and_its_own_district_count_once() -> None:
    # County 800,000 residents; its district of 100,000 lives inside it. £400,000 saved together:
    # the people are the county's 800,000 (not 900,000), so £0.50 a resident.
    county = Authority(pk=10, name="Shire", population=800_000, authority_type="county")
    district = council(11, "Town", 100_000, parent_county_id=10)
    found = per_resident(
        annual_saving=Decimal("400000"), shared_by="all", leads=[county], partners=[district]
    )
    assert found is not None
    assert found.population == 800_000
    assert found.rounded == Decimal("0.50")
    assert [area.authority.name for area in found.counted] == ["Shire"]
    assert "Town (inside Shire, so already counted)" in found.sentence


def test_a_council_listed_twice_counts_once() -> None:
    found = per_resident(annual_saving=SAVING, shared_by="all", leads=[A], partners=[A, B])
    assert found is not None
    assert found.population == 270_000


def test_an_unknown_population_gives_no_figure() -> None:
    unknown = council(5, "Unknown", None)
    found = per_resident(annual_saving=SAVING, shared_by="all", leads=[A], partners=[unknown])
    assert found is not None
    assert found.rounded is None
    assert "no figure per resident" in found.sentence


def _projection(shared_by: str, kind: str = "reported") -> Projection:
    return project(
        council=D,
        leads=[A],
        partners=[B, C],
        shared_by=shared_by,
        saving_kind=kind,
        annual_saving=SAVING,
        one_off_cost=None,
        evidence_level=3,
        service_areas=["waste-and-environment"],
        matched=["waste-collection"],
        unmatched_labels=[],
        is_partnership=True,
    )


def test_projection_for_a_fourth_council() -> None:
    # £3.00 a resident × 90,000 = £270,000 central. Size ratio 400,000 / 90,000 = 4.444,
    # log2 = 2.152, size factor 1 + 0.2 × 2.152 = 1.4304; level 3: f = 1.6 × 1.4304 = 2.2886.
    # Low 270,000 / 2.2886 = 117,974 -> £120,000; high 270,000 × 2.2886 = 617,933 -> £620,000.
    result = _projection("all")
    assert result.saving == SavingRange(low=120_000, central=270_000, high=620_000)
    assert "divided by the residents of A, B, C together (400,000)" in result.method
    assert "£3.00 a resident" in result.method


def test_lead_only_projects_from_the_leads_population() -> None:
    # £1,200,000 / 130,000 × 90,000 = £830,769 -> £830,000 central.
    saving = _projection("lead").saving
    assert saving is not None
    assert saving.central == 830_000


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        # Forecast: f × 1.5 = 3.4330; low 270,000 / 3.4330 = 78,649 -> £79,000;
        # high 926,900 -> £930,000.
        ("projected", SavingRange(low=79_000, central=270_000, high=930_000)),
        # Audited: f × 0.8 = 1.8309; low 270,000 / 1.8309 = 147,467 -> £150,000;
        # high 494,346 -> £490,000.
        ("audited", SavingRange(low=150_000, central=270_000, high=490_000)),
        ("evaluated", SavingRange(low=150_000, central=270_000, high=490_000)),
    ],
)
def test_the_range_widens_for_forecasts_and_narrows_for_checked_figures(
    kind: str, expected: SavingRange
) -> None:
    result = _projection("all", kind)
    assert result.saving == expected
    assert ("forecast" in result.method) == (kind == "projected")
