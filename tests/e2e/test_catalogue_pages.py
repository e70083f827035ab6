"""In Chromium, over the real catalogue: a record page with its sources and each figure's
provenance, /about/catalogue/ with the coverage tables, and search with the illustrative switch.
axe-core on each, and none is wider than the screen at 320 CSS pixels (WCAG 2.2 reflow)."""

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import Page, expect

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.catalogue import load_catalogue
from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def _fits_320(page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} is {width}px wide at 320px"
    page.set_viewport_size({"width": 1280, "height": 800})


def test_record_sources_about_catalogue_and_search(page: Page, live_server: Any) -> None:
    load_catalogue(directory=Path(settings.CATALOGUE_DIR))
    call_command("load_demo", verbosity=0)
    base = live_server.url
    # A record whose saving and measures are sourced (many cite several sources).
    record = (
        Innovation.objects.filter(is_illustrative=False, annual_saving_gbp__isnull=False)
        .exclude(metrics=None)
        .order_by("record_id")
        .first()
    )
    assert record is not None

    page.goto(f"{base}{record.get_absolute_url()}")
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()
    expect(page.locator("#source-1")).to_be_visible()
    expect(page.locator(".app-provenance").first).to_contain_text("Source:")
    assert_accessible(page)
    _fits_320(page)

    page.goto(f"{base}/about/catalogue/")
    expect(page.get_by_role("heading", name="How the catalogue is made")).to_be_visible()
    expect(page.get_by_role("table", name="Theme")).to_be_visible()
    assert_accessible(page)
    _fits_320(page)

    page.goto(f"{base}/innovations/?q=shared+service")
    expect(page.locator(".app-results")).not_to_contain_text("Illustrative example")
    page.get_by_label("Include illustrative examples").check()
    page.get_by_role("button", name="Apply filters").first.click()
    expect(page.get_by_text("Illustrative examples included")).to_be_visible()
    assert_accessible(page)
