"""The foundation in a real browser: the brand's styles load and the key pages pass axe-core."""

import pytest
from playwright.sync_api import Browser, Page, Response
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e

PAGES = [
    ("/", "Find what works in UK local government"),
    ("/councils/", "Councils"),
    ("/councils/E07000044/", "South Hams District Council"),
]


def open_page(page: Page, url: str) -> list[Response]:
    """Open the page; return every stylesheet and font response it caused."""
    stylesheets: list[Response] = []
    page.on(
        "response",
        lambda r: (
            stylesheets.append(r) if r.request.resource_type in ("stylesheet", "font") else None
        ),
    )
    response = page.goto(url)
    assert response is not None
    assert response.status == 200
    page.wait_for_load_state("load")
    return stylesheets


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_is_styled_and_accessible(
    live_server: LiveServer, page: Page, path: str, heading: str
) -> None:
    stylesheets = open_page(page, live_server.url + path)
    brand_css = [r for r in stylesheets if "brand/shopwindow.min.css" in r.url]
    assert brand_css
    assert all(r.status == 200 for r in stylesheets)
    # Not a GOV.UK service: a system font stack on GOV.UK's typography classes, no web fonts.
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.startswith("system-ui")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("[...document.fonts].map(f => f.family)") == []
    assert [r.url for r in stylesheets if r.request.resource_type == "font"] == []
    assert page.locator(".govuk-header__logotype, .govuk-footer__crown").count() == 0
    assert "Crown copyright" not in page.locator("footer").inner_text()
    assert heading in page.locator("h1").inner_text()
    # GOV.UK Frontend's JavaScript ran (the CSP allows its one inline script by hash).
    assert "govuk-frontend-supported" in (page.locator("body").get_attribute("class") or "")
    assert_accessible(page)


def test_south_hams_shows_its_population(live_server: LiveServer, page: Page) -> None:
    open_page(page, live_server.url + "/councils/E07000044/")
    assert "89,812" in page.locator(".govuk-summary-list").inner_text()


def test_councils_search_works_without_javascript(
    live_server: LiveServer, browser: Browser
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/councils/")
        page.get_by_label("Search by name").fill("south hams")
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**/councils/?q=south+hams*")
        page.get_by_role("link", name="South Hams").click()
        assert "South Hams District Council" in page.locator("h1").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize(
    "path", ["/councils/E10000002/", "/councils/E47000014/", "/councils/?nation=narnia&former=on"]
)
def test_other_council_views_are_accessible(live_server: LiveServer, page: Page, path: str) -> None:
    open_page(page, live_server.url + path)
    assert_accessible(page)
