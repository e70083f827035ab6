"""build_comparators on the real reference data: every council of every group, groups respected,
and comparators a new user would recognise (tests/conftest.py has already run it once)."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.tailoring.comparators import comparison_group
from shopwindow.tailoring.models import Comparator
from shopwindow.tailoring.selectors import comparators_for
from shopwindow.tailoring.services import build_comparators

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("scope", ["nation", "uk"])
def test_every_current_district_level_and_county_council_has_15_comparators(scope: str) -> None:
    counts = dict(
        Comparator.objects.filter(scope=scope)
        .values_list("authority__gss")
        .annotate(n=Count("id"))
        .order_by()
    )
    grouped = Authority.objects.filter(is_current=True).exclude(
        authority_type__in=[AuthorityType.COMBINED_AUTHORITY, AuthorityType.STRATEGIC_AUTHORITY]
    )
    # Every group has far more than 16 members (21 counties, 164 districts, 197 single-tier).
    assert grouped.count() == 382
    for council in grouped:
        # Within the nation, Northern Ireland's 11 districts have the other 10.
        expected = 10 if scope == "nation" and council.nation == "northern-ireland" else 15
        assert counts.get(council.gss) == expected, council.name


def test_only_current_grouped_councils_have_comparators() -> None:
    assert not Comparator.objects.filter(authority__is_current=False).exists()
    assert not Comparator.objects.filter(comparator__is_current=False).exists()
    assert not Comparator.objects.filter(
        authority__authority_type__in=["combined-authority", "strategic-authority"]
    ).exists()


def test_no_council_is_its_own_comparator_and_groups_are_respected() -> None:
    pairs = Comparator.objects.values_list(
        "authority_id", "comparator_id", "authority__authority_type", "comparator__authority_type"
    )
    for authority_id, comparator_id, own_type, other_type in pairs:
        assert authority_id != comparator_id
        assert comparison_group(own_type) == comparison_group(other_type)


def test_distances_are_rebased_and_ranked() -> None:
    for council in Authority.objects.filter(gss__in=["E07000044", "E10000016", "S12000036"]):
        found = list(comparators_for(council))
        assert [c.rank for c in found] == list(range(1, 16))
        distances = [c.distance for c in found]
        assert distances == sorted(distances)
        assert all(0 < d < 1 for d in distances)  # 1 is the farthest, which is never in the 15


def test_manchester_is_compared_with_big_urban_councils() -> None:
    manchester = Authority.objects.get(gss="E08000003")
    found = [c.comparator for c in comparators_for(manchester)]
    types = Counter(c.authority_type for c in found)
    # No rural districts or counties: they are in other groups. Every comparator is a large city
    # council. In the real data the smallest is about 260,000 people and the least dense about
    # 1,500 per sq km (Bradford); we assert round thresholds well inside those.
    assert AuthorityType.NON_METROPOLITAN_DISTRICT not in types
    assert AuthorityType.COUNTY not in types
    assert all(c.population and c.population > 150_000 for c in found)
    assert all(c.density and c.density > 1_000 for c in found)
    # Its nearest neighbour is the obvious one.
    assert found[0].name == "Liverpool"
    # Mostly other English metropolitan districts and city unitaries.
    assert types[AuthorityType.METROPOLITAN_DISTRICT] + types[AuthorityType.UNITARY] >= 10


def test_a_small_rural_district_is_compared_with_rural_districts() -> None:
    west_devon = Authority.objects.get(gss="E07000047")
    found = [c.comparator for c in comparators_for(west_devon)]
    assert {c.authority_type for c in found} == {AuthorityType.NON_METROPOLITAN_DISTRICT}
    assert not any(c.authority_type == AuthorityType.LONDON_BOROUGH for c in found)
    # West Devon has 50 people per sq km; every comparator is a rural district (under 300 per
    # sq km, against more than 5,000 in inner London) with under 110,000 people.
    assert all(c.density is not None and c.density < 300 for c in found)
    assert all(c.population is not None and c.population < 110_000 for c in found)


def test_the_city_of_london_is_single_tier_but_far_from_everyone() -> None:
    city = Authority.objects.get(gss="E09000001")
    found = list(comparators_for(city))
    assert len(found) == 15
    assert found[0].distance > 0.3  # documented in docs/comparators.md
    assert {c.comparator.gss for c in found[:5]} >= {"E06000053"}  # the Isles of Scilly


def test_rebuilding_is_idempotent() -> None:
    before = sorted(
        Comparator.objects.values_list(
            "authority__gss", "scope", "comparator__gss", "rank", "distance"
        )
    )
    summary = build_comparators()
    call_command("build_comparators", verbosity=0)
    after = sorted(
        Comparator.objects.values_list(
            "authority__gss", "scope", "comparator__gss", "rank", "distance"
        )
    )
    assert before == after
    # Across the UK 15 each; within the nation 15 each except Northern Ireland's 11 (10 each).
    assert summary.comparators == len(after) == 382 * 15 + 371 * 15 + 11 * 10
    assert summary.groups == {"county": 21, "district": 164, "single-tier": 197}
    assert summary.skipped == []


def test_a_council_missing_a_figure_is_skipped_and_reported() -> None:
    Authority.objects.filter(gss="E07000047").update(deprivation_score=None)
    summary = build_comparators()
    assert any(line.startswith("E07000047") for line in summary.skipped)
    assert not Comparator.objects.filter(authority__gss="E07000047").exists()
    assert not Comparator.objects.filter(comparator__gss="E07000047").exists()
    assert summary.groups["district"] == 163
