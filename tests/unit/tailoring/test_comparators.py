"""The nearest-neighbour maths on a hand-checked example (the one in docs/comparators.md)."""

import math

import pytest

from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.tailoring.comparators import (
    VARIABLES,
    Variable,
    comparison_group,
    nearest_neighbours,
    standardise,
    standardised_profiles,
    weighted_distance,
)


def _identity(value: float) -> float:
    return value


# Three measures already transformed, weighted 0.4, 0.3, 0.3 like the real ones.
HAND_VARIABLES = (
    Variable("m1", "Measure 1", "m1", 0.4, _identity, "none"),
    Variable("m2", "Measure 2", "m2", 0.3, _identity, "none"),
    Variable("m3", "Measure 3", "m3", 0.3, _identity, "none"),
)
HAND_RAW = {"A": (0.0, 0.0, 0.0), "B": (0.0, 2.0, 0.0), "C": (2.0, 0.0, 0.0), "D": (2.0, 2.0, 4.0)}


def test_standardise_uses_mean_and_population_standard_deviation() -> None:
    # mean 1; deviations -1, -1, -1, 3; variance 12 / 4 = 3.
    assert standardise([0, 0, 0, 4]) == pytest.approx(
        [-1 / math.sqrt(3), -1 / math.sqrt(3), -1 / math.sqrt(3), math.sqrt(3)]
    )
    assert standardise([0, 2, 0, 2]) == pytest.approx([-1, 1, -1, 1])


def test_a_constant_measure_scores_zero_rather_than_dividing_by_zero() -> None:
    assert standardise([5, 5, 5]) == [0.0, 0.0, 0.0]


def test_hand_checked_standardised_profiles() -> None:
    profiles = standardised_profiles(HAND_RAW, HAND_VARIABLES)
    third = 1 / math.sqrt(3)
    assert profiles["A"] == pytest.approx([-1, -1, -third])
    assert profiles["D"] == pytest.approx([1, 1, math.sqrt(3)])


def test_hand_checked_distances_ranks_and_rebasing() -> None:
    result = nearest_neighbours(HAND_RAW, variables=HAND_VARIABLES, neighbours=15)
    from_a = result["A"]
    # By hand: A-B differs only on measure 2 by 2: sqrt(0.3 * 4) = sqrt(1.2);
    # A-C only on measure 1 by 2: sqrt(0.4 * 4) = sqrt(1.6);
    # A-D on all three (2, 2 and 4/sqrt(3)): sqrt(1.6 + 1.2 + 0.3 * 16/3) = sqrt(4.4).
    assert [n.key for n in from_a] == ["B", "C", "D"]
    assert [n.rank for n in from_a] == [1, 2, 3]
    assert [n.standardised_distance for n in from_a] == pytest.approx(
        [math.sqrt(1.2), math.sqrt(1.6), math.sqrt(4.4)]
    )
    # Rebased on A's farthest council (D): 0.522, 0.603, 1.
    assert [n.distance for n in from_a] == pytest.approx([0.52223, 0.60302, 1.0], abs=1e-5)
    # From B: C sqrt(2.8), A sqrt(1.2), D sqrt(3.2); farthest is D.
    from_b = {n.key: n for n in result["B"]}
    assert from_b["C"].standardised_distance == pytest.approx(math.sqrt(2.8))
    assert from_b["D"].distance == pytest.approx(1.0)
    assert from_b["A"].distance == pytest.approx(math.sqrt(1.2 / 3.2))


def test_distance_is_symmetric_before_rebasing_but_not_after() -> None:
    result = nearest_neighbours(HAND_RAW, variables=HAND_VARIABLES)
    raw = {(k, n.key): n.standardised_distance for k, ns in result.items() for n in ns}
    rebased = {(k, n.key): n.distance for k, ns in result.items() for n in ns}
    for (a, b), distance in raw.items():
        assert raw[(b, a)] == pytest.approx(distance)
    # A's farthest is D (sqrt 4.4), B's is D (sqrt 3.2): A->B and B->A rebase differently.
    assert rebased[("A", "B")] != pytest.approx(rebased[("B", "A")])


def test_weighted_distance_is_symmetric_on_real_variables() -> None:
    a, b = [0.3, -1.2, 2.0], [-0.7, 0.4, 1.1]
    weights = [v.weight for v in VARIABLES]
    assert weighted_distance(a, b, weights) == weighted_distance(b, a, weights)


def test_a_council_is_never_its_own_comparator_and_neighbours_are_capped() -> None:
    raw = {f"K{i:02}": (float(i), float(i % 3 + 1), float(i * i % 7)) for i in range(1, 21)}
    result = nearest_neighbours(raw, variables=HAND_VARIABLES, neighbours=15)
    for key, found in result.items():
        assert len(found) == 15
        assert key not in {n.key for n in found}
        assert [n.rank for n in found] == list(range(1, 16))
        distances = [n.standardised_distance for n in found]
        assert distances == sorted(distances)
        assert all(0 <= n.distance <= 1 for n in found)


def test_ties_are_broken_by_key_not_input_order() -> None:
    raw = {"Z": (1.0, 0.0, 0.0), "A": (0.0, 0.0, 0.0), "M": (1.0, 0.0, 0.0)}
    reversed_raw = dict(reversed(list(raw.items())))
    assert (
        nearest_neighbours(raw, variables=HAND_VARIABLES)["A"]
        == nearest_neighbours(reversed_raw, variables=HAND_VARIABLES)["A"]
    )
    assert [n.key for n in nearest_neighbours(raw, variables=HAND_VARIABLES)["A"]] == ["M", "Z"]


def test_real_variables_take_logs_of_population_and_density() -> None:
    # Populations 1,000, 10,000 and 100,000 are equal steps once logged, so the middle one
    # standardises to exactly 0 and the others to -/+ sqrt(3/2).
    raw = {"a": (1_000.0, 10.0, 5.0), "b": (10_000.0, 100.0, 5.0), "c": (100_000.0, 1000.0, 5.0)}
    profiles = standardised_profiles(raw)
    assert profiles["b"][0] == pytest.approx(0.0)
    assert profiles["a"][0] == pytest.approx(-math.sqrt(1.5))
    assert profiles["c"][1] == pytest.approx(math.sqrt(1.5))
    assert sum(v.weight for v in VARIABLES) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("authority_type", "group"),
    [
        (AuthorityType.NON_METROPOLITAN_DISTRICT, "district"),
        (AuthorityType.COUNTY, "county"),
        (AuthorityType.UNITARY, "single-tier"),
        (AuthorityType.METROPOLITAN_DISTRICT, "single-tier"),
        (AuthorityType.LONDON_BOROUGH, "single-tier"),
        (AuthorityType.CITY_OF_LONDON, "single-tier"),
        (AuthorityType.WELSH_PRINCIPAL_AREA, "single-tier"),
        (AuthorityType.SCOTTISH_COUNCIL, "single-tier"),
        (AuthorityType.NI_DISTRICT, "single-tier"),
        (AuthorityType.COMBINED_AUTHORITY, None),
        (AuthorityType.STRATEGIC_AUTHORITY, None),
    ],
)
def test_comparison_groups(authority_type: str, group: str | None) -> None:
    assert comparison_group(authority_type) == group
