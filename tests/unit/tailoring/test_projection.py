"""The projected saving and payback, checked against ranges worked out by hand (docs/projection.md).

Uncertainty factor f = evidence factor × (1 + 0.2 × log2(larger ÷ smaller population)), with
evidence factors 5: 1.25, 4: 1.4, 3: 1.6, 2: 2.0, 1: 2.5. Low = central ÷ f, high = central × f,
each rounded to two significant figures (halves up).
"""

from decimal import Decimal

import pytest

from shopwindow.authorities.models import Authority
from shopwindow.tailoring.projection import (
    NO_BASIS,
    PaybackRange,
    Projection,
    SavingRange,
    payback_range,
    project,
    projected_range,
    round_sig,
    uncertainty_factor,
)


def council(population: int | None, kind: str = "non-metropolitan-district") -> Authority:
    # Unsaved: the projection reads only population and authority_type.
    return Authority(name="Somewhere", population=population, authority_type=kind)


def projection_for(**overrides: object) -> Projection:
    arguments: dict[str, object] = {
        "council": council(400_000),
        "leads": [council(100_000)],
        "annual_saving": Decimal("500000"),
        "one_off_cost": Decimal("250000"),
        "evidence_level": 3,
        "service_areas": ["waste-and-environment"],
        "matched": ["waste-and-environment"],
        "unmatched_labels": [],
        "is_partnership": False,
    }
    arguments.update(overrides)
    return project(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (892_857.14, 890_000),
        (4_480_000, 4_500_000),
        (1_250_000, 1_300_000),  # half rounds up, not to even
        (13.44, 13),
        (2.678, 2.7),
        (0, 0),
    ],
)
def test_round_to_two_significant_figures(value: float, expected: float) -> None:
    assert round_sig(value) == expected


def test_worked_example_single_lead() -> None:
    # Lead 100,000 people saved £500,000 a year at evidence level 3; yours has 400,000.
    # Per head £500,000 / 100,000 = £5; central £5 × 400,000 = £2,000,000.
    # Size ratio 4, log2 4 = 2, size factor 1 + 0.2 × 2 = 1.4; f = 1.6 × 1.4 = 2.24.
    # Low £2,000,000 / 2.24 = £892,857 -> £890,000; high £2,000,000 × 2.24 = £4,480,000
    # -> £4,500,000.
    saving, factor = projected_range(
        annual_saving=500_000, lead_population=100_000, your_population=400_000, evidence_level=3
    )
    assert factor == pytest.approx(2.24)
    assert saving == SavingRange(low=890_000, central=2_000_000, high=4_500_000)


def test_worked_example_payback() -> None:
    # One-off £250,000 scaled × 4 = £1,000,000; monthly saving £2,000,000 / 12 = £166,667;
    # central 6 months; range 6 / 2.24 = 2.68 -> 2.7 to 6 × 2.24 = 13.44 -> 13 months.
    payback = payback_range(
        one_off_cost=250_000,
        annual_saving=500_000,
        lead_population=100_000,
        your_population=400_000,
        factor=2.24,
    )
    assert payback == PaybackRange(low=2.7, central=6, high=13)


def test_partnership_uses_the_combined_population_of_the_lead_councils() -> None:
    # Leads of 60,000 and 40,000 saved £300,000 together: 100,000 people, £3 a head.
    # Yours has 100,000: central £300,000. Sizes equal, so size factor 1; level 2: f = 2.0.
    # Low £150,000, high £600,000. No one-off cost: no payback.
    result = projection_for(
        council=council(100_000),
        leads=[council(60_000), council(40_000)],
        annual_saving=Decimal("300000"),
        one_off_cost=None,
        evidence_level=2,
        is_partnership=True,
    )
    assert result.saving == SavingRange(low=150_000, central=300_000, high=600_000)
    assert result.payback is None
    assert any("residents of every lead and partner council" in note for note in result.notes)
    assert any("no one-off cost" in note for note in result.notes)


def test_level_5_and_a_smaller_council() -> None:
    # Lead 200,000 saved £1,000,000 (£5 a head) at level 5; yours has 50,000: central £250,000.
    # Ratio 4: size factor 1.4; f = 1.25 × 1.4 = 1.75. Low £250,000 / 1.75 = £142,857
    # -> £140,000; high £250,000 × 1.75 = £437,500 -> £440,000.
    saving, factor = projected_range(
        annual_saving=1_000_000, lead_population=200_000, your_population=50_000, evidence_level=5
    )
    assert factor == pytest.approx(1.75)
    assert saving == SavingRange(low=140_000, central=250_000, high=440_000)


def test_the_range_widens_with_weaker_evidence_and_bigger_size_differences() -> None:
    assert uncertainty_factor(1, 100, 100) > uncertainty_factor(3, 100, 100)
    assert uncertainty_factor(3, 100, 800) > uncertainty_factor(3, 100, 200)
    assert uncertainty_factor(3, 800, 100) == uncertainty_factor(3, 100, 800)


def test_the_full_projection_matches_the_worked_example() -> None:
    result = projection_for()
    assert result.available
    assert result.saving == SavingRange(low=890_000, central=2_000_000, high=4_500_000)
    assert result.payback == PaybackRange(low=2.7, central=6, high=13)
    assert "£5.00 a resident" in result.method
    assert "2.24" in result.method


def test_no_saving_means_no_projection() -> None:
    result = projection_for(annual_saving=None)
    assert not result.available
    assert result.saving is None
    assert result.payback is None
    assert result.reason == NO_BASIS + "the record does not state an annual saving."


def test_a_service_your_council_does_not_run_has_no_basis() -> None:
    result = projection_for(matched=[], unmatched_labels=["Adult social care"])
    assert not result.available
    assert "does not run what it covers: adult social care" in result.reason


def test_unknown_lead_population_has_no_basis() -> None:
    result = projection_for(leads=[council(100_000), council(None)])
    assert not result.available
    assert "the population of every council the saving was made across" in result.reason


def test_a_county_saving_does_not_carry_to_a_district() -> None:
    result = projection_for(leads=[council(1_000_000, "county")])
    assert not result.available
    assert "a county council and your council is a district council" in result.reason


def test_a_district_saving_carries_to_a_single_tier_council_with_a_note() -> None:
    result = projection_for(council=council(400_000, "unitary"))
    assert result.saving == SavingRange(low=890_000, central=2_000_000, high=4_500_000)
    assert any("other tier's services" in note for note in result.notes)


def test_a_whole_council_saving_does_not_carry_from_single_tier_to_a_district() -> None:
    result = projection_for(
        leads=[council(100_000, "unitary")],
        service_areas=["whole-council"],
        matched=["whole-council"],
    )
    assert not result.available
    assert "whole budget" in result.reason


def test_a_district_whole_council_saving_does_not_carry_to_a_city() -> None:
    # A shared chief executive for two districts says nothing about a city council's budget.
    result = projection_for(
        council=council(570_000, "metropolitan-district"),
        service_areas=["whole-council"],
        matched=["whole-council"],
    )
    assert not result.available
    assert "span its whole budget" in result.reason


def test_ni_and_english_districts_share_a_scale() -> None:
    result = projection_for(leads=[council(100_000, "ni-district")])
    assert result.available


def test_partly_matched_services_add_a_caveat() -> None:
    result = projection_for(unmatched_labels=["Public health"])
    assert result.available
    assert any("public health" in note for note in result.notes)
