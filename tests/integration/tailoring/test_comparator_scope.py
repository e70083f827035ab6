"""Comparators within the nation by default, across the UK on request (docs/comparators.md):
Rutland's are all English, `?scope=uk` may cross nations, a Northern Ireland district has the
other 10 districts. Reads the real reference data (tests/conftest.py builds comparators once)."""

import pytest
from django.test import Client

from shopwindow.authorities.models import Authority
from shopwindow.tailoring.selectors import comparators_for

pytestmark = pytest.mark.django_db

RUTLAND = "E06000017"
BELFAST = "N09000003"


def _nations(gss_codes: list[str]) -> set[str]:
    return set(Authority.objects.filter(gss__in=gss_codes).values_list("nation", flat=True))


def test_rutland_api_lists_only_english_councils(client: Client) -> None:
    response = client.get(f"/api/v1/authorities/{RUTLAND}/comparators")
    assert response.status_code == 200
    body = response.json()
    codes = [c["gss"] for c in body["comparators"]]
    assert len(codes) == 15
    assert _nations(codes) == {"england"}
    assert body["method"]["scope"] == "nation"
    assert "deprivation index" in body["method"]["scope_text"]


def test_scope_uk_may_cross_nations(client: Client) -> None:
    body = client.get(f"/api/v1/authorities/{RUTLAND}/comparators?scope=uk").json()
    codes = [c["gss"] for c in body["comparators"]]
    assert len(codes) == 15
    assert body["method"]["scope"] == "uk"
    # The finding: across the UK, Rutland's nearest include Welsh and Scottish councils.
    assert _nations(codes) - {"england"}


def test_a_bad_scope_is_refused_naming_the_parameter(client: Client) -> None:
    response = client.get(f"/api/v1/authorities/{RUTLAND}/comparators?scope=world")
    assert response.status_code == 400
    assert response.json()["parameter"] == "scope"


def test_a_northern_ireland_district_has_ten_comparators_all_in_northern_ireland(
    client: Client,
) -> None:
    body = client.get(f"/api/v1/authorities/{BELFAST}/comparators").json()
    codes = [c["gss"] for c in body["comparators"]]
    assert len(codes) == 10
    assert _nations(codes) == {"northern-ireland"}
    assert BELFAST not in codes
    assert [c["rank"] for c in body["comparators"]] == list(range(1, 11))


def test_the_page_has_a_compare_across_the_uk_switch(client: Client) -> None:
    page = client.get(f"/councils/{RUTLAND}/comparators/").content.decode()
    assert "Compare across the UK" in page
    nation = {c.comparator.name for c in comparators_for(Authority.objects.get(gss=RUTLAND))}
    assert all(name in page for name in nation)
    uk_page = client.get(f"/councils/{RUTLAND}/comparators/?scope=uk").content.decode()
    assert "Compared across the UK" in uk_page
    uk = comparators_for(Authority.objects.get(gss=RUTLAND), "uk")
    assert all(item.comparator.name in uk_page for item in uk)
