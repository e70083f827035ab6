"""The search page in a real browser: accessible with filters and with no results, a typo gets
"Did you mean", and choosing a filter keeps the query."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def content(reference_data: None) -> None:
    """The real catalogue (the demo now holds illustrative records only)."""
    from shopwindow.innovations.services.catalogue import load_catalogue

    load_catalogue(directory=Path(settings.CATALOGUE_DIR))


def test_filtered_search_is_accessible(live_server: LiveServer, page: Page) -> None:
    page.goto(
        f"{live_server.url}/innovations/?q=shared+service&nation=england&theme=shared-services"
    )
    expect(page.locator("h1")).to_have_text("Find what works")
    expect(page.locator("#result-count")).to_contain_text("for “shared service”")
    expect(page.get_by_role("link", name="Remove filter Nation: England")).to_be_visible()
    assert_accessible(page)


def test_no_results_page_is_accessible(live_server: LiveServer, page: Page) -> None:
    page.goto(f"{live_server.url}/innovations/?q=zeppelin+airships&nation=wales")
    expect(page.locator("#result-count")).to_contain_text("No records found")
    expect(page.locator("#no-results")).to_contain_text("checking your spelling")
    assert_accessible(page)


def test_a_typo_suggests_the_right_words(live_server: LiveServer, page: Page) -> None:
    page.goto(f"{live_server.url}/innovations/")
    page.get_by_label("Search innovation records").fill("tradng standards")
    page.get_by_role("button", name="Search", exact=True).click()
    suggestion = page.locator("#did-you-mean a")
    expect(suggestion).to_have_text("trading standards")
    suggestion.click()
    # The corrected search finds trading standards records (the real catalogue has several).
    expect(page).to_have_url(re.compile(r"q=trading"))
    expect(page.locator(".app-results li h3 a").first).to_be_visible()
    titles = page.locator(".app-results li h3 a").all_inner_texts()[:5]
    assert any("trading standards" in title.lower() for title in titles), titles


def test_joint_consumer_protection_finds_surrey_and_bucks_first(
    live_server: LiveServer, page: Page
) -> None:
    page.goto(f"{live_server.url}/innovations/?q=joint+consumer+protection+service")
    first = page.locator(".app-results li h3 a").first
    expect(first).to_have_text(
        "Joint trading standards service for Surrey and Buckinghamshire county councils"
    )


def test_a_facet_click_keeps_the_query(live_server: LiveServer, page: Page) -> None:
    page.goto(f"{live_server.url}/innovations/?q=shared+service")
    page.get_by_label("Wales", exact=False).first.check()
    page.get_by_role("button", name="Apply filters").first.click()
    query = parse_qs(urlparse(page.url).query)
    assert query["q"] == ["shared service"]
    assert "wales" in query["nation"]
    expect(page.locator("#search-q")).to_have_value("shared service")
    expect(page.get_by_role("link", name="Clear filters")).to_be_visible()


def test_search_works_without_javascript(live_server: LiveServer, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/innovations/?q=libraries")
    page.locator("#f-status-implemented").check()
    page.get_by_role("button", name="Apply filters").first.click()
    assert "status=implemented" in page.url
    assert "q=libraries" in page.url
    context.close()
