"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

axe-core comes from npm (node_modules/axe-core) and is evaluated in the page over the DevTools
protocol, so the service's Content Security Policy stays on during the tests.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test body
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _site_url(request: pytest.FixtureRequest, settings: Any) -> None:
    """Links in emails point at SITE_URL: here, the live server the browser is using."""
    if "live_server" in request.fixturenames:
        settings.SITE_URL = request.getfixturevalue("live_server").url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make chromium`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page and return its violations (an empty list means none)."""
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return list(result["violations"])


def council_type_ahead(page: Page, label: str) -> Locator:
    """The council type-ahead input, once the script has replaced the plain select.

    A plain select is a combobox too, so asking for the combobox before the module script has
    run can catch the select just as it is hidden; waiting for the renamed select avoids that.
    """
    page.locator("select[data-council-picker][id$='-select']").first.wait_for(state="attached")
    return page.locator("input.autocomplete__input").and_(page.get_by_role("combobox", name=label))


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]
    assert violations == [], f"axe-core violations on {page.url}:\n" + "\n".join(summary)


@pytest.fixture(autouse=True)
def reference_data(transactional_db: None) -> None:
    """Transactional tests start from an empty database: load every council again."""
    from django.core.management import call_command

    from shopwindow.authorities.models import Authority

    if not Authority.objects.exists():
        call_command("load_reference", verbosity=0)
        call_command("build_comparators", verbosity=0)


def enter_security_code(page: Page, user: Any) -> None:
    """A moderator or admin past their password: type the code their authenticator app shows.

    Gives them an app first if they have none. A code works once per 30-second step, so this
    waits for the next step when the current one was already used.
    """
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from playwright.sync_api import expect

    from shopwindow.accounts import two_factor

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        # Without an app they were sent to set one up: give them one, and they are asked for a code.
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
        device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
        page.reload()
    while TOTP(device.bin_key, device.step, device.t0, device.digits).t() <= device.last_t:
        time.sleep(1)
    expect(page.get_by_role("heading", name="Enter your security code")).to_be_visible()
    page.get_by_label("Security code").fill(two_factor.current_code(device))
    page.get_by_role("button", name="Continue").click()
