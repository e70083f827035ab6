"""Fit, projection and recommendations in a real browser, checked with axe-core: the comparators
page, the recommended page, and a record page once a council is chosen through /your-council/."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import assert_accessible, council_type_ahead

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def content(reference_data: None) -> None:
    """The transactional e2e database is reloaded without comparators or records: load the real
    catalogue (the demo now holds illustrative records only)."""
    from shopwindow.innovations.services.catalogue import load_catalogue
    from shopwindow.tailoring.models import Comparator

    if not Comparator.objects.exists():
        call_command("build_comparators", verbosity=0)
    load_catalogue(directory=Path(settings.CATALOGUE_DIR))


def choose_council(page: Page, base: str, name: str, next_path: str) -> None:
    page.goto(f"{base}/your-council/?next={next_path}")
    combobox = council_type_ahead(page, "Which council do you want to see options for?")
    combobox.fill(name)
    page.get_by_role("option", name=name, exact=True).click()
    page.get_by_role("button", name="Continue").click()


def test_comparators_page_links_to_recommendations(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server.url + "/councils/E08000003/comparators/")
    expect(page.locator("h1")).to_have_text("Councils like Manchester")
    assert_accessible(page)
    page.get_by_role("link", name="See the options recommended for Manchester").click()
    expect(page.locator("h1")).to_have_text("Options recommended for Manchester")


def test_recommended_page_is_accessible_and_filters(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server.url + "/councils/E08000003/recommended/")
    expect(page.locator("h1")).to_have_text("Options recommended for Manchester")
    expect(page.locator(".sw-recommendation").first).to_contain_text("out of 100")
    assert_accessible(page)
    page.get_by_label("Service area").select_option("adult-social-care")
    page.get_by_label("Only services this council runs").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"service_area=adult-social-care"))
    for item in page.locator(".sw-recommendation").all():
        expect(item).not_to_contain_text("Not a service your council provides")
    assert_accessible(page)


def test_record_page_with_a_council_chosen(live_server: LiveServer, page: Page) -> None:
    record = "/innovations/aberdeen-bon-accord-care-latc/"  # adult social care, single-tier
    page.goto(live_server.url + record)
    expect(page.get_by_role("heading", name="How this fits your council")).to_be_visible()
    choose_council(page, live_server.url, "Manchester", record)
    expect(page).to_have_url(live_server.url + record)
    expect(page.get_by_role("heading", name="How this fits Manchester")).to_be_visible()
    expect(page.get_by_text("Fit score:")).to_be_visible()
    expect(page.get_by_text("Your council runs adult social care")).to_be_visible()
    expect(page.get_by_text("Evidence level 1: account of impact")).to_be_visible()
    page.get_by_text("How we worked this out").click()
    expect(page.get_by_text("a resident. Times your council's population")).to_be_visible()
    assert_accessible(page)


def test_record_page_flags_a_service_the_council_does_not_run(
    live_server: LiveServer, page: Page
) -> None:
    record = "/innovations/hertfordshire-family-safeguarding/"  # children's: not a district's
    choose_council(page, live_server.url, "South Hams", record)
    expect(page.get_by_text("Not a service your council provides").first).to_be_visible()
    expect(page.get_by_text("We cannot project a saving for your council because")).to_be_visible()
    assert_accessible(page)
