"""In Chromium: a South Hams council member submits a record through the form, a moderator asks
for changes, the member fixes them and resubmits, the moderator publishes, and a signed-out
visitor reads it. axe-core on the task list, a question page with errors, check your answers and
the public record page."""

import re
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect

from shopwindow.accounts import two_factor
from shopwindow.accounts.models import Role, User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from tests.e2e.conftest import assert_accessible, enter_security_code
from tests.factories import TEST_PASSWORD, CouncilMembershipFactory, UserFactory

pytestmark = pytest.mark.e2e

TITLE = "Shared street cleansing rounds"


def _sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    user = User.objects.get(email=email)
    if two_factor.required_for(user):
        enter_security_code(page, user)
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()


def _new_page(browser: Browser) -> Page:
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(15_000)
    return page


def test_submit_request_changes_fix_publish_and_read(
    page: Page, browser: Browser, live_server: Any
) -> None:
    cache.clear()  # the sign-in rate limits live in the cache
    base = live_server.url
    member = UserFactory.create(email="officer@southhams.gov.uk")
    CouncilMembershipFactory.create(user=member, authority=Authority.objects.get(gss="E07000044"))
    moderator = UserFactory.create(email="moderator@shopwindow.example", role=Role.MODERATOR)

    # The council member starts a record for South Hams.
    _sign_in(page, base, member.email)
    page.goto(f"{base}/innovations/new/")
    page.get_by_label("South Hams").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Submit a record")).to_be_visible()
    expect(page.get_by_text("Cannot start yet")).to_be_visible()
    assert_accessible(page)
    draft_address = page.url  # the placeholder address, before the record has a title

    # About the innovation: first with mistakes, to see the error summary.
    page.get_by_role("link", name="About the innovation").click()
    page.get_by_role("button", name="Save and continue").click()  # empty: every error, in order
    summary = page.locator(".govuk-error-summary")
    expect(summary.locator("li")).to_have_text(
        [
            "Enter a title",
            "Enter a summary",
            "Enter what you did",
            "Select at least one theme",
            "Select at least one service area",
            "Select where it is now",
        ]
    )
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill("Bins")
    page.get_by_role("button", name="Save and continue").click()
    expect(summary).to_contain_text("Title must be 5 characters or more")
    expect(summary).to_contain_text("Enter a summary")
    assert_accessible(page)
    summary.get_by_role("link", name="Title must be 5 characters or more").click()
    expect(page.get_by_label("Title", exact=True)).to_be_focused()

    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Summary").fill(
        "Two councils share street cleansing rounds and one depot, saving fuel and staff time."
    )
    page.get_by_label("The problem").fill("Rounds **overlapped** at the border.")
    page.get_by_label("What you did").fill("Joint rounds planned from one depot.")
    page.get_by_label("Shared services").check()
    page.get_by_label("Waste and environment").check()
    page.get_by_label("Implemented").check()
    page.get_by_label("Year").fill("2017")
    page.get_by_role("button", name="Preview the Markdown").click()
    expect(page.locator(".govuk-inset-text strong")).to_have_text("overlapped")
    page.get_by_role("button", name="Save and continue").click()

    # Who was involved: South Hams leads; add West Devon as a partner.
    page.get_by_role("link", name="Who was involved").click()
    page.locator("#id_partners-0-council").select_option(label="West Devon")
    page.get_by_role("button", name="Save and continue").click()

    # Outcomes and costs, with a measure.
    page.get_by_role("link", name="Outcomes and costs (optional)").click()
    page.get_by_label("Annual saving in pounds (optional)").fill("85,000")
    page.get_by_label("One-off cost in pounds (optional)").fill("40000")
    page.get_by_label("What was measured").fill("Missed collections a month")
    page.get_by_role("button", name="Save and continue").click()

    # Evidence: a level (each level's meaning is its hint).
    page.get_by_role("link", name="Evidence", exact=True).click()
    expect(page.get_by_text("Data show change (for example before and after)")).to_be_visible()
    page.get_by_label("Level 2: Correlation").check()
    # Format 1.1: every figure needs a source that states it.
    page.get_by_label("Title of the source").fill("Joint committee report, 2018")
    page.get_by_label("Web address").fill("https://democracy.example.gov.uk/joint-committee")
    page.get_by_label("Annual saving", exact=True).check()
    page.get_by_label("One-off cost", exact=True).check()
    page.get_by_label("Measure 1: Missed collections a month").check()
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("link", name="Check your answers and submit").click()
    expect(page.get_by_role("heading", name="Check your answers before submitting")).to_be_visible()
    expect(page.locator(".govuk-summary-card").first).to_contain_text(TITLE)
    # Markdown shows as it will be published, and every answer has its own Change link.
    expect(page.locator(".govuk-summary-card strong")).to_have_text("overlapped")
    expect(page.get_by_text("**overlapped**")).to_have_count(0)
    change = page.get_by_role("link", name="Change annual saving")
    expect(change).to_have_attribute("href", re.compile(r"/edit/outcomes/#id_annual_saving_gbp$"))
    assert_accessible(page)
    check_address = page.url
    # The draft's first address still works: it redirects to the record's address.
    page.goto(draft_address)
    assert page.url == check_address.removesuffix("check/")
    page.goto(check_address)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("heading", name="Record submitted")).to_be_visible()
    record_id = Innovation.objects.get(title=TITLE).record_id

    # Not public yet.
    visitor = _new_page(browser)
    assert visitor.goto(f"{base}/innovations/{record_id}/").status == 404  # type: ignore[union-attr]

    # The moderator asks for changes, from the queue.
    mod = _new_page(browser)
    _sign_in(mod, base, moderator.email)
    mod.goto(f"{base}/moderation/records/")
    mod.get_by_role("link", name=TITLE).click()
    mod.get_by_label("What needs to change?").fill("Say how the saving was worked out.")
    mod.get_by_role("button", name="Request changes").click()
    expect(mod.locator(".govuk-notification-banner")).to_contain_text("Changes requested")

    # The member sees the reason, fixes it and resubmits.
    page.goto(f"{base}/innovations/{record_id}/edit/")
    expect(page.locator("#changes-requested")).to_contain_text("Say how the saving was worked out.")
    page.get_by_role("link", name="Outcomes and costs (optional)").click()
    page.get_by_label("How the saving was worked out (optional)").fill(
        "Fuel and overtime budgets, 2018 against 2016."
    )
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("heading", name="Record submitted")).to_be_visible()

    # The moderator publishes.
    mod.goto(f"{base}/moderation/records/{record_id}/")
    mod.get_by_role("button", name="Publish the record").click()
    expect(mod.locator(".govuk-notification-banner")).to_contain_text("is published")

    # A signed-out visitor reads it.
    visitor.goto(f"{base}/innovations/{record_id}/")
    expect(visitor.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(visitor.get_by_text("£85,000 a year").first).to_be_visible()
    # The saving per resident, as a sum over South Hams and its partner West Devon.
    expect(visitor.locator("[data-per-resident-sum]")).to_contain_text("West Devon")
    expect(visitor.get_by_text("Fuel and overtime budgets, 2018 against 2016.")).to_be_visible()
    expect(visitor.get_by_role("link", name="West Devon").first).to_be_visible()
    assert_accessible(visitor)
    visitor.context.close()
    mod.context.close()
