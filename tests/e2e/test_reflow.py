"""Reflow (WCAG 1.4.10): at 320 CSS pixels no page the journeys visit scrolls sideways. Wide
tables scroll inside their own labelled, focusable region instead. axe-core runs on each page."""

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from playwright.sync_api import Browser, Page

from shopwindow.accounts.models import Role, User
from shopwindow.adoption.services import start_plan
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.catalogue import load_catalogue
from shopwindow.innovations.services.submission import start_draft
from tests.e2e.conftest import assert_accessible
from tests.factories import TEST_PASSWORD, CouncilMembershipFactory, UserFactory, associate_profile

pytestmark = pytest.mark.e2e

WIDTH = 320

PUBLIC = [
    "/",
    "/innovations/",
    "/innovations/?q=shared+service",
    "/councils/",
    "/councils/E07000044/",
    "/councils/E08000003/comparators/",
    "/councils/E07000047/powers/",
    "/councils/who-runs-what/",
    "/councils/how-we-choose-comparators/",
    "/your-council/",
    "/spread/",
    "/report/",
    "/about/catalogue/",
    "/sign-in/",
    "/sign-up/",
]


def _document_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def _check_all(page: Page, base: str, paths: list[str]) -> list[str]:
    """What is wrong with each page at 320 px, in order (nothing: they all reflow)."""
    return [problem for path in paths for problem in _check(page, base + path)]


def _check(page: Page, url: str) -> list[str]:
    """Open the page at 320 px; return what is wrong with it (nothing: it reflows)."""
    response = page.goto(url)
    assert response is not None, url
    assert response.status == 200, f"{url}: {response.status}"
    problems = []
    width = _document_width(page)
    if width > WIDTH:
        widest = page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 1)
                .filter(e => !e.closest('[role=region][tabindex="0"]'))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))""",
            WIDTH,
        )
        problems.append(f"{url} is {width}px wide: {widest}")
    # Every scrolling table region has a name and can be reached by keyboard.
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('.app-table-scroll')]
            .filter(e => e.getAttribute('role') !== 'region' || !e.getAttribute('aria-label')
                         || e.getAttribute('tabindex') !== '0').length"""
    )
    if unnamed:
        problems.append(f"{url}: {unnamed} table regions without role, name or tabindex")
    assert_accessible(page)
    return problems


@pytest.fixture
def narrow_page(browser: Browser) -> Any:
    context = browser.new_context(locale="en-GB", viewport={"width": WIDTH, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def _sign_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in/" not in url)


def test_public_pages_reflow_at_320px(live_server: Any, narrow_page: Page) -> None:
    load_catalogue(directory=Path(settings.CATALOGUE_DIR))
    record = Innovation.objects.order_by("record_id").first()
    assert record is not None
    assert _check_all(narrow_page, live_server.url, [*PUBLIC, record.get_absolute_url()]) == []


def test_signed_in_pages_reflow_at_320px(live_server: Any, narrow_page: Page) -> None:
    cache.clear()
    load_catalogue(directory=Path(settings.CATALOGUE_DIR))
    south_hams = Authority.objects.get(gss="E07000044")
    member = UserFactory.create(email="officer@southhams.gov.uk")
    CouncilMembershipFactory.create(user=member, authority=south_hams)
    record = Innovation.objects.order_by("record_id").first()
    assert record is not None
    plan = start_plan(
        user=member,
        innovation=record,
        council=south_hams,
        title="Our plan",
        start_date=datetime.date(2027, 1, 4),
    )
    draft = start_draft(actor=member, council=south_hams)
    associate_profile()
    base = live_server.url
    _sign_in(narrow_page, base, member)
    paths = [
        "/account/",
        "/account/councils/join/",
        "/innovations/new/",
        "/innovations/mine/",
        f"/innovations/{draft.record_id}/edit/",
        *(
            f"/innovations/{draft.record_id}/edit/{section}/"
            for section in ("about", "who", "outcomes", "evidence", "guidance", "barriers")
        ),
        f"/plans/{plan.pk}/",
        "/plans/",
        "/associates/",
        "/associates/apply/",
        "/help-requests/new/",
        f"/councils/{south_hams.gss}/recommended/",
    ]
    assert _check_all(narrow_page, base, paths) == []


def test_moderation_pages_reflow_at_320px(live_server: Any, narrow_page: Page) -> None:
    cache.clear()
    moderator = UserFactory.create(email="mod@shopwindow.example", role=Role.MODERATOR)
    base = live_server.url
    _sign_in(narrow_page, base, moderator)
    paths = [
        "/moderation/memberships/",
        "/moderation/domains/",
        "/moderation/records/",
        "/moderation/associates/",
    ]
    assert _check_all(narrow_page, base, paths) == []
