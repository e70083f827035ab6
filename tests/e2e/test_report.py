"""The national evidence report in a browser: readable, filterable, accessible (axe-core)."""

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import Page, expect

from shopwindow.innovations.services.catalogue import load_catalogue
from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_report_with_and_without_filters_is_accessible(page: Page, live_server: Any) -> None:
    load_catalogue(directory=Path(settings.CATALOGUE_DIR))
    call_command("load_demo", verbosity=0)
    page.goto(f"{live_server.url}/report/")
    expect(page.get_by_role("heading", name="National evidence report")).to_be_visible()
    expect(page.locator("#total-records")).not_to_have_text("0")
    assert_accessible(page)

    # Filter with the form, as a visitor would (no JavaScript needed: a GET form).
    page.get_by_label("Nation", exact=True).select_option("england")
    page.get_by_label("Include illustrative examples").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#illustrative-warning")).to_be_visible()
    assert "nation=england" in page.url
    assert_accessible(page)

    # A filter that matches nothing: zeros and a plain explanation, not an error.
    page.goto(f"{live_server.url}/report/?nation=northern-ireland&period_from=2030")
    expect(page.locator("#no-records")).to_contain_text("No published records match")
    expect(page.locator("#total-achieved-saving")).to_have_text("No figure given")
    assert_accessible(page)

    # A bad value: an error summary linked to the field.
    page.goto(f"{live_server.url}/report/?period_from=soon&map=records")
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be a year")
    assert_accessible(page)


def test_pdf_being_prepared_page_refreshes_until_the_worker_has_built_it(
    page: Page, live_server: Any, monkeypatch: Any
) -> None:
    from shopwindow.reports import services
    from shopwindow.reports.filters import ReportFilters

    queued: list[ReportFilters] = []
    monkeypatch.setattr(services, "_enqueue_build", queued.append)  # the worker is busy
    monkeypatch.setattr(services, "render_report_pdf", lambda figures: b"%PDF-1.7 built\n%%EOF\n")
    page.goto(f"{live_server.url}/report/download?format=pdf&nation=wales")
    expect(page.get_by_role("heading", name="Your PDF is being prepared")).to_be_visible()
    expect(page.get_by_text("Nation: Wales")).to_be_visible()
    assert_accessible(page)
    assert queued == [ReportFilters(nation="wales")]
    # No refresh unless asked for (WCAG 2.2.1); asked for, it checks every 10 seconds.
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(0)
    page.get_by_role("link", name="Check automatically every 10 seconds").click()
    refresh = page.locator('meta[http-equiv="refresh"]').get_attribute("content")
    assert refresh is not None
    assert "waiting=1" in refresh
    expect(page.get_by_role("link", name="Stop checking automatically")).to_be_visible()
    assert len(queued) == 1  # checking again queued nothing more
    services.build_report_file(filters=queued[0])  # the worker gets to it
    link = page.get_by_role("link", name="Stop checking automatically").get_attribute("href")
    response = page.request.get(f"{live_server.url}{link}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-1.7 built")
