"""In Chromium: a signed-out visitor opens a published record, follows "Report a problem with this
record", sends the form with mistakes (error summary), fixes them and sees the confirmation.
axe-core on the form with errors shown and on the confirmation page."""

from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from shopwindow.innovations.models import ProblemReport
from tests.e2e.conftest import assert_accessible
from tests.factories import create_innovation

pytestmark = pytest.mark.e2e

TITLE = "Shared waste service for two councils"


def test_report_a_problem_without_signing_in(page: Page, live_server: Any) -> None:
    cache.clear()  # the report rate limit lives in the cache
    base = live_server.url
    innovation = create_innovation(title=TITLE)

    page.goto(f"{base}/innovations/{innovation.record_id}/")
    page.get_by_text("History of changes").click()
    expect(page.locator("#history .govuk-details__text")).to_contain_text("First version")
    page.get_by_role("link", name="Report a problem with this record").click()
    expect(page.get_by_role("heading", name="Report a problem with this record")).to_be_visible()

    # Too short, and a bad email address: the error summary names both fields.
    page.get_by_label("What is wrong with this record?").fill("Wrong.")
    page.get_by_label("Your email address (optional)").fill("not an address")
    page.get_by_role("button", name="Send report").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("What is wrong with this record must be 10 characters or more")
    expect(summary).to_contain_text("Enter an email address in the correct format")
    assert_accessible(page)
    summary.get_by_role(
        "link", name="What is wrong with this record must be 10 characters or more"
    ).click()
    expect(page.get_by_label("What is wrong with this record?")).to_be_focused()
    assert not ProblemReport.objects.exists()

    page.get_by_label("What is wrong with this record?").fill(
        "The annual saving is the figure for two years, not one."
    )
    page.get_by_label("Figures and savings").check()
    page.get_by_label("Your email address (optional)").fill("")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".govuk-panel")).to_contain_text("Problem reported")
    assert_accessible(page)
    assert ProblemReport.objects.get().part == "figures"
