"""In Chromium: sign up, confirm by the emailed link, ask to join South Hams, a moderator approves,
and the member sees their council's dashboard. axe-core on sign-up, sign-in and the dashboard."""

import re
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, Role
from tests.e2e.conftest import assert_accessible
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

EMAIL = "jo.bloggs@example.org"
PASSWORD = "an-unusual-e2e-passphrase"


def _sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_sign_up_confirm_join_and_approval(page: Page, browser: Browser, live_server: Any) -> None:
    cache.clear()  # the rate limits live in the cache
    base = live_server.url

    # Sign up, with one mistake first to see the error summary.
    page.goto(f"{base}/sign-up/")
    assert_accessible(page)
    page.get_by_label("Full name").fill("Jo Bloggs")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill("a-different-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The passwords do not match")
    assert_accessible(page)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    # Open the emailed link (the live server shares this process's locmem outbox).
    assert len(mail.outbox) == 1
    match = re.search(r"https?://\S+/confirm-email/\S+", str(mail.outbox[0].body))
    assert match, mail.outbox[0].body
    page.goto(match.group(0))
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("confirmed")
    assert_accessible(page)

    _sign_in(page, base, EMAIL, PASSWORD)
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    assert_accessible(page)

    # Ask to join South Hams.
    page.get_by_role("link", name="Ask to join a council").click()
    page.get_by_label("Which council do you work for?").select_option(
        label="South Hams (E07000044)"
    )
    page.get_by_role("button", name="Ask to join").click()
    expect(page.locator("table")).to_contain_text("Waiting for a decision")
    membership = CouncilMembership.objects.get(user__email=EMAIL)
    assert membership.status == MembershipStatus.REQUESTED

    # A moderator approves it, in their own browser session.
    moderator = UserFactory.create(email="mod@shopwindow.example", role=Role.MODERATOR)
    context = browser.new_context(locale="en-GB")
    mod_page = context.new_page()
    try:
        _sign_in(mod_page, base, moderator.email, TEST_PASSWORD)
        mod_page.goto(f"{base}/moderation/memberships/")
        mod_page.get_by_role("link", name=re.compile(r"Decide.*jo\.bloggs")).click()
        mod_page.get_by_label("Approve").check()
        mod_page.get_by_role("button", name="Save decision").click()
        expect(mod_page.locator(".govuk-notification-banner")).to_contain_text("You approved")
    finally:
        context.close()

    # The member sees the approval and their council's dashboard.
    page.goto(f"{base}/account/")
    expect(page.locator("table")).to_contain_text("Approved")
    assert_accessible(page)
    page.get_by_role("link", name="South Hams").first.click()
    expect(page.get_by_role("heading", name="South Hams")).to_be_visible()
    expect(page.locator("body")).to_contain_text("You are a member of South Hams District Council")
    assert_accessible(page)
