"""The nearest-neighbour maths, in the style of CIPFA's nearest neighbours model. Pure Python.

Each council is a profile of raw values (population, density, deprivation). Within a comparison
group every variable is transformed (logs for the skewed ones), standardised (mean 0, standard
deviation 1 across the group) and weighted; the distance between two councils is the weighted
Euclidean distance between their standardised profiles. For each council the distances are then
rebased so that the farthest council in the group is exactly 1. See docs/comparators.md.
"""

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from shopwindow.authorities.vocabularies import SINGLE_TIER_TYPES, AuthorityType

NEIGHBOURS = 15
METHOD_VERSION = "2025-1"


@dataclass(frozen=True)
class Variable:
    field: str  # the Authority field the raw value comes from
    label: str
    short_label: str  # for sentences: "population 40%"
    weight: float
    transform: Callable[[float], float]
    transform_label: str


# Weights sum to 1. Size gets the largest share because savings and costs scale with population;
# density (urban or rural: travel times, service delivery costs) and deprivation (demand) share
# the rest equally. docs/comparators.md gives the reasons and the variables left out.
VARIABLES: tuple[Variable, ...] = (
    Variable("population", "Population", "population", 0.4, math.log, "natural log"),
    Variable("density", "People per square kilometre", "density", 0.3, math.log, "natural log"),
    Variable(
        "deprivation_score",
        "Deprivation score (composite UK index)",
        "deprivation",
        0.3,
        float,
        "none",
    ),
)

GROUP_DISTRICT = "district"
GROUP_COUNTY = "county"
GROUP_SINGLE_TIER = "single-tier"
GROUP_LABELS = {
    GROUP_DISTRICT: "non-metropolitan district councils",
    GROUP_COUNTY: "county councils",
    GROUP_SINGLE_TIER: (
        "single-tier councils (unitary authorities, metropolitan districts, London boroughs, "
        "the City of London, and Welsh, Scottish and Northern Ireland councils)"
    ),
}


def comparison_group(authority_type: str) -> str | None:
    """The group a council is compared within, or None (combined authorities and the GLA)."""
    if authority_type == AuthorityType.NON_METROPOLITAN_DISTRICT:
        return GROUP_DISTRICT
    if authority_type == AuthorityType.COUNTY:
        return GROUP_COUNTY
    if authority_type in SINGLE_TIER_TYPES:
        return GROUP_SINGLE_TIER
    return None


def standardise(values: Sequence[float]) -> list[float]:
    """z-scores: (value - mean) / standard deviation, using the population standard deviation
    (the group is every council of its kind, not a sample). A constant variable scores 0."""
    n = len(values)
    if n == 0:
        return []
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    if sd == 0:
        return [0.0] * n
    return [(v - mean) / sd for v in values]


def weighted_distance(a: Sequence[float], b: Sequence[float], weights: Sequence[float]) -> float:
    """sqrt(sum of w_i * (a_i - b_i)^2): weighted Euclidean distance between two profiles."""
    return math.sqrt(sum(w * (x - y) ** 2 for x, y, w in zip(a, b, weights, strict=True)))


@dataclass(frozen=True)
class Neighbour:
    key: str
    rank: int
    distance: float  # rebased: 1 is the farthest council in the group from this one
    standardised_distance: float


def standardised_profiles(
    raw: Mapping[str, Sequence[float]], variables: Sequence[Variable] = VARIABLES
) -> dict[str, list[float]]:
    """Transform and standardise every variable across the councils in `raw` (one group)."""
    keys = list(raw)
    columns = []
    for index, variable in enumerate(variables):
        transformed = [variable.transform(raw[key][index]) for key in keys]
        columns.append(standardise(transformed))
    return {key: [column[row] for column in columns] for row, key in enumerate(keys)}


def nearest_neighbours(
    raw: Mapping[str, Sequence[float]],
    *,
    variables: Sequence[Variable] = VARIABLES,
    neighbours: int = NEIGHBOURS,
) -> dict[str, list[Neighbour]]:
    """For each council in one comparison group, its `neighbours` nearest others, nearest first.

    `raw` maps a key (GSS code) to its raw values in the order of `variables`. Ties are broken by
    key so the result never depends on the database's row order.
    """
    profiles = standardised_profiles(raw, variables)
    weights = [v.weight for v in variables]
    result: dict[str, list[Neighbour]] = {}
    for key, profile in profiles.items():
        distances = sorted(
            (weighted_distance(profile, other_profile, weights), other)
            for other, other_profile in profiles.items()
            if other != key
        )
        if not distances:
            result[key] = []
            continue
        farthest = distances[-1][0]
        result[key] = [
            Neighbour(
                key=other,
                rank=rank,
                distance=distance / farthest if farthest else 0.0,
                standardised_distance=distance,
            )
            for rank, (distance, other) in enumerate(distances[:neighbours], start=1)
        ]
    return result
