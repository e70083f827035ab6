"""Comparators, powers and the council picker in a real browser, with and without JavaScript."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import assert_accessible, council_type_ahead

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def comparators(reference_data: None) -> None:
    """The transactional e2e database is reloaded without comparators: build them."""
    from shopwindow.tailoring.models import Comparator

    if not Comparator.objects.exists():
        call_command("build_comparators", verbosity=0)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/councils/E08000003/comparators/", "Councils like Manchester"),
        ("/councils/E47000001/comparators/", "Councils like Greater Manchester"),
        ("/councils/E07000047/powers/", "Services West Devon runs"),
        ("/councils/how-we-choose-comparators/", "How we choose comparable councils"),
        ("/councils/who-runs-what/", "Which councils run which services"),
        ("/your-council/", "Your council"),
    ],
)
def test_pages_are_accessible(live_server: LiveServer, page: Page, path: str, heading: str) -> None:
    response = page.goto(live_server.url + path)
    assert response is not None
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(heading)
    assert_accessible(page)


def test_comparators_page_shows_the_15_nearest(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server.url + "/councils/E08000003/comparators/")
    rows = page.locator("table.govuk-table tbody tr")
    expect(rows).to_have_count(16)  # this council, then its 15 comparators
    expect(rows.nth(1)).to_contain_text("Liverpool")
    page.get_by_role("link", name="Read how we choose comparable councils").click()
    expect(page.locator("h1")).to_have_text("How we choose comparable councils")


def test_choosing_a_council_with_the_combobox(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server.url + "/your-council/")
    combobox = council_type_ahead(page, "Which council do you want to see options for?")
    expect(combobox).to_be_visible()
    expect(page.locator("select#id_council-select")).to_be_hidden()
    combobox.fill("west dev")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)  # with the list open
    combobox.press("ArrowDown")
    expect(combobox).to_have_attribute("aria-activedescendant", re.compile(r"__option--0$"))
    page.keyboard.press("Enter")  # the highlighted option has focus now
    expect(combobox).to_have_value("West Devon")
    expect(listbox).to_be_hidden()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Your council is West Devon.")).to_be_visible()
    expect(page.get_by_role("combobox")).to_have_value("West Devon")
    assert_accessible(page)


def test_typing_a_name_that_matches_nothing_is_an_error(
    live_server: LiveServer, page: Page
) -> None:
    page.goto(live_server.url + "/your-council/")
    combobox = council_type_ahead(page, "Which council do you want to see options for?")
    combobox.fill("Atlantis")
    expect(page.locator(".autocomplete__option--no-results")).to_have_text("No councils match")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a council")
    assert_accessible(page)


def test_choosing_a_council_without_javascript(live_server: LiveServer, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/your-council/")
        select = page.get_by_label("Which council do you want to see options for?")
        expect(select).to_be_visible()
        select.select_option("E07000044")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_text("Your council is South Hams.")).to_be_visible()
    finally:
        context.close()
