"""In Chromium: an associate applies (after a renamed .exe and a 30 MB file are refused), a
moderator vets, a council member raises a request, the shortlist shows the associate with
reasons, the council invites, the associate accepts, the work completes and is rated.
axe-core on the application form, the roster and the request with its shortlist."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect

from shopwindow.accounts import two_factor
from shopwindow.accounts.models import Role, User
from shopwindow.associates.models import AssociateProfile, Engagement
from shopwindow.authorities.models import Authority
from shopwindow.files.models import StoredFile
from tests.e2e.conftest import assert_accessible, enter_security_code
from tests.factories import TEST_PASSWORD, CouncilMembershipFactory, UserFactory, create_innovation

pytestmark = pytest.mark.e2e


def fill_date(page: Page, legend: str, day_month_year: str) -> None:
    """Type a date into GOV.UK's date input: the Day, Month and Year boxes of one group."""
    group = page.get_by_role("group", name=legend)
    for label, value in zip(("Day", "Month", "Year"), day_month_year.split("/"), strict=True):
        group.get_by_label(label).fill(value)


def small_pdf() -> bytes:
    """A real one-page PDF, written by hand (header, objects, cross-reference table, trailer)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    user = User.objects.get(email=email)
    if two_factor.required_for(user):
        enter_security_code(page, user)
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()


@contextmanager
def _session(browser: Browser, base: str, email: str) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    _sign_in(page, base, email)
    try:
        yield page
    finally:
        context.close()


def _fill_application(page: Page) -> None:
    page.get_by_label("Service delivery").check()
    page.get_by_role("textbox", name="Headline").fill("Former head of waste services")
    page.get_by_role("group", name="Service areas you know well").get_by_label(
        "Waste and environment"
    ).check()
    page.get_by_role("group", name="Capabilities").get_by_label("Procurement").check()
    page.get_by_role("group", name="Nations you will work in").get_by_label("England").check()
    page.get_by_role("group", name="Regions you will work in").get_by_label("South West").check()
    page.get_by_role("group", name="Remote or on site").get_by_label(
        "Remote or on site", exact=True
    ).check()
    page.get_by_label("Days a month you can give").fill("4")
    fill_date(page, "Available from", "1/1/2027")
    page.get_by_label("£400 to £600 a day").check()
    for n, who in (("First", "Ann"), ("Second", "Ben")):
        page.get_by_label(f"{n} referee's full name").fill(f"{who} Referee")
        page.get_by_label(f"{n} referee's role").fill("Director")
        page.get_by_label(f"{n} referee's organisation").fill("A Council")
        page.get_by_label(f"{n} referee's email address").fill(f"{who.lower()}@example.gov.uk")
    public = page.get_by_role("group", name="What to show on your public profile")
    public.get_by_label("Headline").check()
    public.get_by_label("Skills").check()


def test_apply_vet_request_shortlist_invite_accept_complete_rate(
    page: Page, browser: Browser, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    cache.clear()
    private = tmp_path / "private"
    settings.PRIVATE_MEDIA_ROOT = private
    base = live_server.url
    south_hams = Authority.objects.get(gss="E07000044")
    record = create_innovation(title="Joint waste service")
    applicant = UserFactory.create(full_name="Alice Able", email="alice@example.org")
    moderator = UserFactory.create(role=Role.MODERATOR, email="mod@shopwindow.example")
    member = UserFactory.create(full_name="Connie Council", email="connie@southhams.gov.uk")
    CouncilMembershipFactory.create(user=member, authority=south_hams)

    # The applicant applies. First, as a new user might: a renamed .exe, then a 30 MB PDF.
    _sign_in(page, base, applicant.email)
    page.goto(f"{base}/associates/apply/")
    assert_accessible(page)
    _fill_application(page)
    cv_input = page.get_by_label("Upload your CV")
    exe = b"MZ\x90\x00" + b"\x00" * 500 + b"This program cannot be run in DOS mode."
    cv_input.set_input_files({"name": "cv.pdf", "mimeType": "application/pdf", "buffer": exe})
    page.get_by_role("button", name="Send application").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The selected file must be a PDF or a Word document (.docx)")
    assert_accessible(page)
    assert not AssociateProfile.objects.exists()
    assert not StoredFile.objects.exists()

    # A file on disk: Chromium reads it directly (a 30 MB in-memory buffer is slow to send).
    big = tmp_path / "uploads" / "cv.pdf"
    big.parent.mkdir()
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024))
    page.get_by_label("Upload your CV").set_input_files(big, timeout=60_000)
    page.get_by_role("button", name="Send application").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The selected file must be smaller than 5 MB"
    )
    assert not AssociateProfile.objects.exists()
    assert not StoredFile.objects.exists()

    # The records she helped deliver: found by title and ticked (no ids to type).
    page.get_by_label("Search published records by title").fill(record.title.split()[0])
    page.get_by_role("button", name="Search records").click()
    page.get_by_role("checkbox", name=record.title).check()
    page.get_by_label("Upload your CV").set_input_files(
        {"name": "alice-cv.pdf", "mimeType": "application/pdf", "buffer": small_pdf()}
    )
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", name="Your associate profile")).to_be_visible()
    expect(page.get_by_text("Waiting for vetting")).to_be_visible()
    stored = list(StoredFile.objects.all())  # in the database, nothing on disk
    assert len(stored) == 1
    assert bytes(stored[0].content) == small_pdf()
    assert not private.exists()

    # Not on the roster until vetted.
    page.goto(f"{base}/associates/")
    expect(page.get_by_text("Alice Able")).to_have_count(0)

    # A moderator vets.
    with _session(browser, base, moderator.email) as mod:
        mod.goto(f"{base}/moderation/associates/")
        mod.get_by_role("link", name="Alice Able").click()
        expect(mod.get_by_text("Ann Referee, Director")).to_be_visible()
        mod.get_by_label("Approve: add them to the roster").check()
        mod.get_by_role("button", name="Save decision").click()
        expect(mod.locator(".govuk-notification-banner")).to_contain_text("Decision saved")

    # The roster shows her, with her public fields.
    page.goto(f"{base}/associates/")
    expect(page.get_by_role("link", name="Alice Able")).to_be_visible()
    expect(page.get_by_text("Former head of waste services")).to_be_visible()
    assert_accessible(page)

    # A council member raises a request and sees the shortlist with reasons.
    with _session(browser, base, member.email) as council:
        council.goto(f"{base}/help-requests/new/")
        council.get_by_label("Title", exact=True).fill("Merge our waste rounds")
        council.get_by_label("What do you want to achieve?").fill("Share rounds with a neighbour.")
        council.get_by_label("Search published records by title").fill(record.title)
        council.get_by_role("button", name="Search records").click()
        expect(council.get_by_label("Title", exact=True)).to_have_value("Merge our waste rounds")
        council.get_by_role("checkbox", name=record.title).check()
        council.get_by_label("Service area").select_option(label="Waste and environment")
        council.get_by_role("group", name="Capabilities needed").get_by_label("Procurement").check()
        council.get_by_label("Days of help needed").fill("8")
        council.get_by_label("£5,000 to £20,000").check()
        fill_date(council, "Start date", "1/3/2027")
        fill_date(council, "End date", "30/4/2027")
        council.get_by_role("group", name="Remote or on site").get_by_label(
            "On site", exact=True
        ).check()
        council.get_by_role("button", name="Raise the request").click()
        expect(council.get_by_role("heading", name="Merge our waste rounds")).to_be_visible()
        card = council.locator(".govuk-summary-card", has_text="Alice Able")
        expect(card).to_contain_text("Helped deliver “Joint waste service”")
        expect(card).to_contain_text("Works in South West, where South Hams is.")
        expect(card).to_contain_text(
            "Has 2 of the 3 skills needed: Waste and environment, Procurement."
        )
        assert_accessible(council)
        card.get_by_role("button", name="Invite Alice Able").click()
        expect(council.locator(".govuk-notification-banner")).to_contain_text("You invited")
        request_url = council.url

        # The associate accepts.
        page.goto(f"{base}/associates/invitations/")
        page.get_by_role("link", name="Merge our waste rounds").click()
        expect(page.get_by_text("Why you were shortlisted")).to_be_visible()
        page.get_by_label("Accept").check()
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#engagement-status")).to_have_text("Proposed")
        engagement = Engagement.objects.get()

        # The council agrees the terms, the associate starts, the council completes and rates.
        council.goto(f"{base}/engagements/{engagement.pk}/")
        council.get_by_role("button", name="Agree the terms").click()
        expect(council.locator("#engagement-status")).to_have_text("Agreed")
        page.reload()
        page.get_by_role("button", name="Start the work").click()
        expect(page.locator("#engagement-status")).to_have_text("Active")
        council.reload()
        council.get_by_label("Days used", exact=True).fill("7")
        council.get_by_label("5 – excellent").check()
        council.get_by_label("Comment on the rating").fill("Knew exactly what to do.")
        council.get_by_label("What was the outcome?").fill("Rounds merged; £80k a year saved.")
        council.get_by_role("button", name="Complete and rate").click()
        expect(council.locator("#engagement-status")).to_have_text("Completed")
        council.goto(request_url)

    # The associate is offered the draft record.
    page.reload()
    page.get_by_role("button", name="Create a draft record").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft record")
    engagement.refresh_from_db()
    assert engagement.rating == 5
    assert engagement.draft_record is not None
