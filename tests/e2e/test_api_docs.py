"""The API docs page in a real browser, offline: Swagger UI renders every operation from this
site's own files, with the Content Security Policy on and nothing blocked."""

import pytest
from playwright.sync_api import Page, Request
from pytest_django.live_server_helper import LiveServer

pytestmark = pytest.mark.e2e


def test_swagger_ui_renders_from_this_site_under_the_csp(
    live_server: LiveServer, page: Page
) -> None:
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(m.text) if m.type == "error" or "Content Security" in m.text else None
        ),
    )
    elsewhere: list[str] = []

    def only_this_site(request: Request) -> None:
        if not request.url.startswith((live_server.url, "data:")):
            elsewhere.append(request.url)

    page.on("request", only_this_site)
    response = page.goto(live_server.url + "/api/v1/docs/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_text("/api/v1/authorities/{gss}/recommendations").first.wait_for()
    assert page.get_by_text("Shopwindow API").first.is_visible()
    assert elsewhere == [], f"requests to other sites: {elsewhere}"
    assert [p for p in problems if "Content Security" in p or "Refused" in p] == []
