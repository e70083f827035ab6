"""The powers table: complete, consistent with docs/powers.md, and applied per council."""

import pytest

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.innovations.vocabularies import SERVICE_AREAS
from shopwindow.tailoring import powers
from shopwindow.tailoring.powers import powers_match, runs_service, services_run_by

CODES = [code for code, _, _ in SERVICE_AREAS]


def test_every_type_and_service_area_has_an_answer() -> None:
    table = powers.type_table()
    assert len(table) == len(AuthorityType.values) * len(CODES)


@pytest.mark.parametrize("authority_type", AuthorityType.values)
def test_whole_council_runs_for_everyone(authority_type: str) -> None:
    assert runs_service(authority_type, "whole-council")


@pytest.mark.parametrize(
    ("authority_type", "runs", "does_not_run"),
    [
        (
            AuthorityType.NON_METROPOLITAN_DISTRICT,
            ["waste-and-environment", "housing", "planning-and-development",
             "revenues-and-benefits", "regulatory-services", "culture-libraries-leisure"],
            ["adult-social-care", "childrens-services", "education", "public-health",
             "highways-and-transport", "fire-and-rescue"],
        ),
        (
            AuthorityType.COUNTY,
            ["adult-social-care", "childrens-services", "education", "public-health",
             "highways-and-transport", "waste-and-environment", "regulatory-services"],
            ["housing", "revenues-and-benefits", "fire-and-rescue"],
        ),
        (
            AuthorityType.NI_DISTRICT,
            ["waste-and-environment", "planning-and-development", "culture-libraries-leisure",
             "regulatory-services"],
            ["adult-social-care", "education", "housing", "highways-and-transport",
             "revenues-and-benefits"],
        ),
        (
            AuthorityType.COMBINED_AUTHORITY,
            ["highways-and-transport", "planning-and-development", "education"],
            ["adult-social-care", "housing", "waste-and-environment", "fire-and-rescue"],
        ),
        (
            AuthorityType.STRATEGIC_AUTHORITY,
            ["highways-and-transport", "planning-and-development", "fire-and-rescue"],
            ["adult-social-care", "childrens-services"],
        ),
    ],
)  # fmt: skip
def test_the_division_of_functions(
    authority_type: str, runs: list[str], does_not_run: list[str]
) -> None:
    assert all(runs_service(authority_type, code) for code in runs)
    assert not any(runs_service(authority_type, code) for code in does_not_run)


@pytest.mark.parametrize(
    "authority_type",
    [AuthorityType.UNITARY, AuthorityType.METROPOLITAN_DISTRICT, AuthorityType.LONDON_BOROUGH,
     AuthorityType.CITY_OF_LONDON],
)  # fmt: skip
def test_english_single_tier_councils_run_everything_but_fire(authority_type: str) -> None:
    # This is also why the method page's "English single-tier" column can stand for all four.
    assert {c for c in CODES if runs_service(authority_type, c)} == set(CODES) - {"fire-and-rescue"}


@pytest.mark.parametrize(
    "authority_type", [AuthorityType.WELSH_PRINCIPAL_AREA, AuthorityType.SCOTTISH_COUNCIL]
)
def test_welsh_and_scottish_councils_run_the_main_services(authority_type: str) -> None:
    assert {c for c in CODES if not runs_service(authority_type, c)} == {
        "public-health",
        "fire-and-rescue",
    }


def test_unknown_codes_run_nothing() -> None:
    assert not runs_service("parish", "housing")
    assert not runs_service(AuthorityType.UNITARY, "space-programme")


def test_overrides_apply_to_named_councils_only() -> None:
    surrey = Authority(gss="E10000030", authority_type=AuthorityType.COUNTY)
    kent = Authority(gss="E10000016", authority_type=AuthorityType.COUNTY)
    assert "fire-and-rescue" in services_run_by(surrey)
    assert "fire-and-rescue" not in services_run_by(kent)
    gmca = Authority(gss="E47000001", authority_type=AuthorityType.COMBINED_AUTHORITY)
    assert {"fire-and-rescue", "waste-and-environment"} <= services_run_by(gmca)


def test_override_codes_are_known_service_areas() -> None:
    assert {area for _, area in powers.override_table()} <= set(CODES)


def test_powers_match_splits_in_order_without_repeats() -> None:
    district = Authority(gss="E07000044", authority_type=AuthorityType.NON_METROPOLITAN_DISTRICT)
    matched, unmatched = powers_match(
        district, ["adult-social-care", "housing", "whole-council", "housing", "education"]
    )
    assert matched == ["housing", "whole-council"]
    assert unmatched == ["adult-social-care", "education"]
    assert powers_match(district, []) == ([], [])


def test_powers_for_lists_every_service_area_with_notes() -> None:
    county = Authority(gss="E10000016", authority_type=AuthorityType.COUNTY)
    rows = powers.powers_for(county)
    assert [row.service_area for row in rows] == CODES
    trading = next(row for row in rows if row.service_area == "regulatory-services")
    assert trading.runs
    assert "Trading standards" in trading.note
