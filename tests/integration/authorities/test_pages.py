"""The councils list and council pages."""

import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from shopwindow.authorities.models import Authority

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db


def text(response: "TestResponse") -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def result_count(response: "TestResponse") -> int:
    match = re.search(r'id="result-count"><strong>([\d,]+)</strong>', text(response))
    assert match, "no result count on the page"
    return int(match.group(1).replace(",", ""))


def test_list_shows_current_councils_by_default(client: Client) -> None:
    response = client.get("/councils/")
    assert response.status_code == 200
    assert result_count(response) == Authority.objects.filter(is_current=True).count() == 396
    assert "Former</strong>" not in text(response)


def test_list_can_include_former_councils(client: Client) -> None:
    response = client.get("/councils/", {"former": "on"})
    assert result_count(response) == Authority.objects.count()


def test_list_filters_by_nation_region_and_type(client: Client) -> None:
    wales = client.get("/councils/", {"nation": "wales"})
    assert result_count(wales) == 22
    assert "Cardiff" in text(wales)
    south_west = client.get("/councils/", {"region": "south-west", "type": "county"})
    expected = Authority.objects.filter(
        region="south-west", authority_type="county", is_current=True
    ).count()
    assert result_count(south_west) == expected > 0


def test_search_is_case_insensitive_on_names(client: Client) -> None:
    response = client.get("/councils/", {"q": "SOUTH HAMS"})
    assert result_count(response) == 1
    assert 'href="/councils/E07000044/"' in text(response)
    official = client.get("/councils/", {"q": "district council", "type": "county"})
    assert result_count(official) == 0


def test_bad_filter_value_shows_an_error_not_a_crash(client: Client) -> None:
    response = client.get("/councils/", {"nation": "narnia"})
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert "<title>Error: Councils" in page
    assert result_count(response) == 396  # the bad filter is ignored


def test_pagination_50_a_page_keeps_the_filters(client: Client) -> None:
    first = client.get("/councils/", {"nation": "england"})
    page = text(first)
    assert page.count('<tr class="govuk-table__row">') == 50 + 1  # plus the header row
    assert "govuk-pagination" in page
    assert "?nation=england&amp;page=2" in page
    count = result_count(first)
    last_page = (count + 49) // 50
    last = client.get("/councils/", {"nation": "england", "page": str(last_page)})
    rows = text(last).count('<tr class="govuk-table__row">') - 1
    assert rows == count - 50 * (last_page - 1)
    # A page number past the end shows the last page rather than an error.
    assert client.get("/councils/", {"nation": "england", "page": "999"}).status_code == 200


def test_south_hams_page(client: Client) -> None:
    response = client.get("/councils/E07000044/")
    assert response.status_code == 200
    page = text(response)
    assert "South Hams District Council</h1>" in page
    assert "89,812 (ONS mid-2022)" in page
    assert "govuk-summary-list" in page
    assert 'href="/councils/E10000008/"' in page  # Devon County Council, linked
    assert "of 296 districts" in page
    assert "fifth of UK councils" in page
    assert "Former council" not in page


def test_former_council_page_names_its_successor(client: Client) -> None:
    response = client.get("/councils/E10000002/")
    assert response.status_code == 200
    page = text(response)
    assert "Buckinghamshire County Council</h1>" in page
    assert 'govuk-tag--grey sw-former-tag">Former council' in page
    inset = re.search(r'<div class="govuk-inset-text">(.*?)</div>', page)
    assert inset
    assert 'href="/councils/E06000060/"' in inset.group(1)
    assert "31 March 2020" in inset.group(1)


def test_combined_authority_page_lists_its_members(client: Client) -> None:
    page = text(client.get("/councils/E47000014/"))
    assert "Member councils" in page
    for gss in ("E06000047", "E08000021", "E08000024"):
        assert f'href="/councils/{gss}/"' in page
    assert "Corrections to the published data" in page


def test_successor_lists_its_predecessors(client: Client) -> None:
    page = text(client.get("/councils/E06000060/"))
    assert 'href="/councils/E10000002/"' in page
    assert 'href="/councils/E07000004/"' in page  # Aylesbury Vale


def test_council_without_a_gss_code_has_a_page(client: Client) -> None:
    derry = Authority.objects.get(code="NIR-A")
    assert derry.get_absolute_url() == "/councils/NIR-A/"
    assert client.get(derry.get_absolute_url()).status_code == 200


def test_unknown_council_is_the_govuk_404_page(client: Client) -> None:
    response = client.get("/councils/E99999999/")
    assert response.status_code == 404
    assert "Page not found" in text(response)
    assert "govuk-template" in text(response)


def test_council_page_queries_are_bounded(
    client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_max_num_queries(10):
        client.get("/councils/E47000014/")
    with django_assert_max_num_queries(10):
        client.get("/councils/", {"former": "on"})
