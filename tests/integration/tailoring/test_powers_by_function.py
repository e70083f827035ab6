"""Powers by function (data/powers-functions.csv) against the real reference data: a district
does not run trading standards (its county does, and is named), a county does, and a Northern
Ireland district does not run housing (the Housing Executive does)."""

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.vocabularies import FUNCTION_CODES
from shopwindow.tailoring.fit import fit_for
from shopwindow.tailoring.functions import function_power, function_table, functions_match
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db

SOUTH_HAMS, DEVON, SURREY, BUCKS, BELFAST = (
    "E07000044", "E10000008", "E10000030", "E06000060", "N09000003",
)  # fmt: skip


def trading_standards_record() -> Innovation:
    # The case: a Surrey and Buckinghamshire trading standards partnership.
    return create_innovation(
        lead_authorities=[SURREY, BUCKS],
        service_areas=["regulatory-services"],
        functions=["trading-standards"],
        outcomes={"annual_saving_gbp": 500000, "saving_kind": "reported"},
    )


def test_every_row_has_a_source_and_every_pair_is_present() -> None:
    path = Path(settings.BASE_DIR) / "data" / "powers-functions.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(FUNCTION_CODES) * len(AuthorityType.values)
    assert all(row["source"].strip() for row in rows)
    assert len(function_table()) == len(rows)


def test_a_district_does_not_run_trading_standards_and_its_county_is_named() -> None:
    south_hams = Authority.objects.get(gss=SOUTH_HAMS)
    power = function_power(south_hams, "trading-standards")
    assert power is not None
    assert not power.runs
    assert power.body == "Devon County Council"
    fit = fit_for(trading_standards_record(), south_hams)
    assert not fit.powers_match
    assert fit.basis == "functions"
    powers_part = next(p for p in fit.parts if p.key == "powers")
    assert powers_part.points == 0  # was 25/25 when "regulatory services" was checked
    assert not fit.projection.available
    assert "Devon County Council runs trading standards for South Hams" in fit.projection.reason


def test_the_same_record_matches_for_the_county() -> None:
    devon = Authority.objects.get(gss=DEVON)
    fit = fit_for(trading_standards_record(), devon)
    assert fit.powers_match
    assert fit.matched == ("trading-standards",)
    assert next(p for p in fit.parts if p.key == "powers").points == 25


def test_a_northern_ireland_district_does_not_run_housing() -> None:
    belfast = Authority.objects.get(gss=BELFAST)
    matched, unmatched = functions_match(belfast, ["housing-and-homelessness", "waste-collection"])
    assert matched == ["waste-collection"]
    assert unmatched == ["housing-and-homelessness"]
    record = create_innovation(
        service_areas=["housing"],
        functions=["housing-and-homelessness"],
        outcomes={"annual_saving_gbp": 100000},
    )
    fit = fit_for(record, belfast)
    assert not fit.powers_match
    assert "The Northern Ireland Housing Executive runs housing and homelessness for Belfast" in (
        fit.projection.reason
    )


@pytest.mark.parametrize(
    "code", ["council-housing", "childrens-social-care", "education-and-send", "highways"]
)
def test_northern_ireland_functions_that_sit_with_other_bodies(code: str) -> None:
    power = function_power(Authority.objects.get(gss=BELFAST), code)
    assert power is not None
    assert not power.runs
    assert power.body


def test_overrides_apply_to_functions() -> None:
    # Gloucestershire is its own fire and rescue authority; Devon is not.
    glos = Authority.objects.get(gss="E10000013")
    assert function_power(glos, "fire-and-rescue").runs  # type: ignore[union-attr]
    devon = Authority.objects.get(gss=DEVON)
    assert not function_power(devon, "fire-and-rescue").runs  # type: ignore[union-attr]


def test_a_record_without_functions_falls_back_on_service_areas() -> None:
    record = create_innovation(functions=[], service_areas=["regulatory-services"])
    fit = fit_for(record, Authority.objects.get(gss=SOUTH_HAMS))
    assert fit.basis == "service-areas"
    assert fit.powers_match


def test_the_who_runs_what_page_summarises_functions_by_kind(client: Client) -> None:
    html = client.get("/councils/who-runs-what/").content.decode()
    assert "Functions each kind of authority runs" in html
    row = (
        html.split("data-function-matrix")[1].split(">Trading standards</th>")[1].split("</tr>")[0]
    )
    # District, county, English single-tier, Wales, Scotland, NI, combined authority, GLA.
    assert [cell.split("<")[0] for cell in row.split('govuk-table__cell">')[1:]] == [
        "No", "Yes", "Yes", "Yes", "Yes", "No", "No", "No",
    ]  # fmt: skip
