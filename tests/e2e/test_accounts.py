"""In Chromium: sign up, confirm by the emailed link, ask to join South Hams, a moderator approves,
and the member sees their council's dashboard. axe-core on sign-up, sign-in and the dashboard."""

import base64
import re
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django_otp.oath import TOTP
from playwright.sync_api import Browser, Page, expect

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, Role
from tests.e2e.conftest import assert_accessible, council_type_ahead
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.e2e

EMAIL = "jo.bloggs@example.org"
PASSWORD = "an-unusual-e2e-passphrase"


def _sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def _set_up_authenticator_app(page: Page) -> None:
    """A moderator's first sign-in: add the app from the key shown as text, then save the codes."""
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#secret-key").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Enter the 6-digit code from the app").fill(f"{TOTP(key).token():06d}")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("button", name="I have saved my recovery codes").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()


def _choose_council(page: Page, option: str) -> None:
    """Type into the accessible-autocomplete type-ahead and pick the council from its list."""
    combobox = council_type_ahead(page, "Which council do you work for?")
    combobox.fill(option.split(" (")[0])
    page.get_by_role("option", name=option, exact=True).click()
    expect(combobox).to_have_value(option)


def _sign_up_and_confirm(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-up/")
    page.get_by_label("Full name").fill("Sam Officer")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    match = re.search(r"https?://\S+/confirm-email/\S+", str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    page.goto(match.group(0))
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_an_officer_on_the_councils_domain_joins_at_once(page: Page, live_server: Any) -> None:
    """South Hams' domains come from the government domain register, seeded as `make run` does."""
    cache.clear()
    call_command("seed_email_domains", verbosity=0)
    base = live_server.url
    email = "sam.officer@southhams.gov.uk"
    _sign_up_and_confirm(page, base, email)
    _sign_in(page, base, email, PASSWORD)
    page.get_by_role("link", name="Ask to join a council").click()
    expect(page.locator("select#id_council-select")).to_be_hidden()  # the type-ahead replaced it
    assert_accessible(page)
    combobox = council_type_ahead(page, "Which council do you work for?")
    combobox.fill("south ha")
    expect(page.get_by_role("listbox")).to_be_visible()
    assert_accessible(page)  # with the list open
    page.get_by_role("option", name="South Hams (E07000044)", exact=True).click()
    page.get_by_role("button", name="Ask to join").click()
    expect(page.locator("table")).to_contain_text("Approved")
    membership = CouncilMembership.objects.get(user__email=email)
    assert membership.status == MembershipStatus.APPROVED
    assert membership.auto_approved


def test_joining_without_javascript_uses_the_plain_select(
    browser: Browser, live_server: Any
) -> None:
    cache.clear()
    call_command("seed_email_domains", verbosity=0)
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        base = live_server.url
        email = "kim.officer@westdevon.gov.uk"
        _sign_up_and_confirm(page, base, email)
        _sign_in(page, base, email, PASSWORD)
        page.goto(f"{base}/account/councils/join/")
        page.get_by_label("Which council do you work for?").select_option(
            label="West Devon (E07000047)"
        )
        page.get_by_role("button", name="Ask to join").click()
        expect(page.locator("table")).to_contain_text("Approved")
    finally:
        context.close()


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
    _choose_council(page, "South Hams (E07000044)")
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
        _set_up_authenticator_app(mod_page)
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


def test_a_warning_before_the_session_ends(page: Page, live_server: Any, settings: Any) -> None:
    """The GOV.UK timeout warning: a dialog before the end; staying signed in closes it; doing
    nothing ends on the page that says why. (Limits shortened to seconds for the test.)"""
    cache.clear()
    settings.SESSION_IDLE_SECONDS = 12
    settings.SESSION_WARNING_SECONDS = 6
    member = UserFactory.create()
    base = live_server.url
    _sign_in(page, base, member.email, TEST_PASSWORD)
    dialog = page.get_by_role("dialog", name="You’re about to be signed out")
    expect(dialog).to_be_visible(timeout=15_000)
    expect(dialog).to_contain_text("we will sign you out in")
    assert_accessible(page)
    dialog.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()

    # Doing nothing this time: the dialog comes back, then the session ends.
    expect(dialog).to_be_visible(timeout=15_000)
    expect(page.get_by_role("heading", name="You have been signed out")).to_be_visible(
        timeout=20_000
    )
    expect(page.locator("main")).to_contain_text("You had not used Shopwindow for 12 seconds")
