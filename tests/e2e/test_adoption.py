"""Adopt and spread, in a browser: a South Hams member adopts a demo record, edits and reorders its
tasks and marks it adopted; a moderator confirms; the record page and /spread/ show the new
adopter. The exports parse back; a member of another council gets 404s for the private plan and
is stopped by the message rate limit. axe-core on the plan page, the record page and /spread/."""

import io
import re
import uuid
from typing import Any

import icalendar
import openpyxl
import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from shopwindow.accounts.models import Role, User
from shopwindow.adoption.models import AdoptionPlan
from shopwindow.authorities.models import Authority
from tests.e2e.conftest import assert_accessible, enter_security_code
from tests.factories import (
    TEST_PASSWORD,
    CouncilMembershipFactory,
    UserFactory,
    create_innovation,
)

pytestmark = pytest.mark.e2e

RECORD = "joint-waste-collection-service"  # illustrative demo record with four guidance steps


def member_of(gss: str) -> User:
    user = UserFactory.create()
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss=gss))
    return user


def sign_in(page: Page, base: str, user: User, next_path: str = "/") -> None:
    page.goto(f"{base}/sign-in/?next={next_path}")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def task_titles(page: Page) -> list[str]:
    return [
        re.sub(r"^\d+\.\s*", "", text).rsplit(" ", 2)[0].strip()
        for text in page.locator(".sw-task h3").all_inner_texts()
    ]


def test_adopt_confirm_and_spread(
    live_server: Any, page: Page, browser: Browser, settings: Any
) -> None:
    call_command("load_demo", verbosity=0)
    settings.ACCOUNTS_RATE_LIMITS = {
        **settings.ACCOUNTS_RATE_LIMITS,
        "originator_message": (2, 3600),
        "originator_message_day": (20, 86400),
    }
    base = live_server.url
    member = member_of("E07000044")

    # A member signs in and adopts the record from its page.
    sign_in(page, base, member, f"/innovations/{RECORD}/")
    page.get_by_role("button", name="Adopt this for your council").click()
    expect(page.get_by_role("heading", name="Adopt this for your council")).to_be_visible()
    page.get_by_label("Day").fill("5")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Create the plan").click()
    expect(page.get_by_text("Your plan has been created")).to_be_visible()
    plan = AdoptionPlan.objects.get()
    assert page.url == f"{base}/plans/{plan.pk}/"
    steps = task_titles(page)
    assert len(steps) == 4

    # Edit the first task, then move it down one place.
    page.get_by_role("link", name=f"Edit {steps[0]}").click()
    page.get_by_label("Or another owner").fill("Waste team")
    page.get_by_label("Status").select_option("In progress")
    page.get_by_role("button", name="Save task").click()
    expect(page.get_by_text("The task has been saved.")).to_be_visible()
    page.get_by_role("button", name=f"Move down {steps[0]}").click()
    assert task_titles(page) == [steps[1], steps[0], steps[2], steps[3]]
    assert_accessible(page)

    # Mark it adopted.
    page.get_by_role("button", name="Change plan details or status").click()
    page.get_by_label("Adopted", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Waiting for a moderator to confirm it")).to_be_visible()

    # The exports parse back.
    ics = page.request.get(f"{base}/plans/{plan.pk}/plan.ics")
    events = list(icalendar.Calendar.from_ical(ics.body()).walk("VEVENT"))
    dated = [t for t in plan.tasks.order_by("position") if t.due_date]
    assert len(events) == len(dated) == 4
    assert [str(e["summary"]) for e in events] == [t.title for t in dated]
    xlsx = page.request.get(f"{base}/plans/{plan.pk}/plan.xlsx")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(xlsx.body()))["Tasks"].iter_rows(values_only=True)
    )
    assert [r[1] for r in rows[1:]] == [steps[1], steps[0], steps[2], steps[3]]
    assert rows[2][3] == "Waste team"
    assert rows[2][6] == "In progress"

    # Another council's member: the private plan is a 404, opened or guessed.
    outsider = member_of("E06000052")
    other = browser.new_context(locale="en-GB").new_page()
    sign_in(other, base, outsider)
    assert other.goto(f"{base}/plans/{plan.pk}/").status == 404  # type: ignore[union-attr]
    assert other.goto(f"{base}/plans/{uuid.uuid4()}/").status == 404  # type: ignore[union-attr]
    assert other.goto(f"{base}/plans/{plan.pk}/plan.xlsx").status == 404  # type: ignore[union-attr]

    # ...and cannot send more messages than the limit allows.
    contactable = create_innovation(
        contact={"name": "Rita Lead", "email": "rita@teignbridge.gov.uk"}
    )
    mail.outbox.clear()
    statuses = []
    for n in range(3):
        other.goto(f"{base}/innovations/{contactable.record_id}/contact/")
        expect(other.get_by_text("rita@teignbridge.gov.uk")).to_have_count(0)
        other.get_by_label("Your message").fill(f"Question {n}")
        with other.expect_response(
            lambda r: r.request.method == "POST" and "/contact/" in r.url
        ) as posted:
            other.get_by_role("button", name="Send message").click()
        statuses.append(posted.value.status)
    assert statuses == [302, 302, 429]
    expect(other.get_by_role("heading", name="You have sent too many messages")).to_be_visible()
    assert len(mail.outbox) == 2
    other.context.close()

    # A moderator confirms the adoption.
    moderator = UserFactory.create(role=Role.MODERATOR)
    mod = browser.new_context(locale="en-GB").new_page()
    sign_in(mod, base, moderator, "/moderation/adoptions/")
    enter_security_code(mod, moderator)  # then on to where they were going
    mod.get_by_role("link", name=re.compile("Decide on South Hams")).click()
    mod.get_by_label("Yes, confirm it").check()
    mod.get_by_role("button", name="Save decision").click()
    expect(mod.get_by_text("You confirmed South Hams's adoption")).to_be_visible()
    mod.context.close()

    # The record page shows the new adopter in its timeline, map and table.
    page.goto(f"{base}/innovations/{RECORD}/")
    expect(page.get_by_role("heading", name="Adopted: South Hams")).to_be_visible()
    hexes = page.locator("#spread-heading ~ figure svg path.sw-hex")
    assert hexes.count() == 361
    titles = hexes.evaluate_all("paths => paths.map(p => p.querySelector('title').textContent)")
    assert "South Hams: Adopting council" in titles
    page.get_by_text("Show the data as a table").first.click()
    table_rows = page.locator("#spread-heading ~ details table tbody tr").all_inner_texts()
    from_table = {f"{cells[0]}: {cells[2]}" for cells in (row.split("\t") for row in table_rows)}
    assert from_table == {t for t in titles if not t.endswith("Not involved")}
    assert_accessible(page)

    # /spread/ ranks it and maps South Hams as an adopter (illustrative records switched on).
    page.goto(f"{base}/spread/")
    expect(page.get_by_label("Include illustrative demo records")).not_to_be_checked()
    page.get_by_label("Include illustrative demo records").check()
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_role("link", name=plan.innovation.title)).to_be_visible()
    page.get_by_role("link", name="Records adopted").click()
    assert page.locator("svg.sw-hexmap path.sw-hex").count() == 361
    page.get_by_text("Show the data as a table").click()
    expect(page.get_by_role("row", name=re.compile(r"South Hams E07000044 1"))).to_be_visible()
    assert_accessible(page)
