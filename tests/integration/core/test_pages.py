"""Core pages: each renders with its heading in the GOV.UK template, with security headers."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = [
    ("/", "Find what works in UK local government"),
    ("/about-the-data/", "About the data"),
    ("/accessibility/", "Accessibility statement for Shopwindow"),
    ("/cookies/", "Cookies"),
    ("/privacy/", "Privacy notice"),
]


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_renders_with_its_heading(client: Client, path: str, heading: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf"<h1 class=\"govuk-heading-[a-z]+\">{re.escape(heading)}</h1>", html)
    assert 'class="govuk-template"' in html
    assert "brand/shopwindow.min.css" in html
    assert "Shopwindow" in html
    assert "govuk-phase-banner" in html
    assert "Open Government Licence" in html


def test_home_page_counts_current_councils(client: Client) -> None:
    html = client.get("/").content.decode()
    assert "all 396 current councils" in html


def test_about_the_data_attributes_every_source(client: Client) -> None:
    html = client.get("/about-the-data/").content.decode()
    for text in (
        "mySociety",
        "CC BY 4.0",
        "Open Government Licence v3.0",
        "Open Innovations",
        "MIT",
    ):
        assert text in html


def test_footer_links_to_the_support_pages(client: Client) -> None:
    html = client.get("/").content.decode()
    for path in ("/accessibility/", "/cookies/", "/privacy/", "/about-the-data/"):
        assert f'href="{path}"' in html


def test_unknown_page_is_the_govuk_404_page(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found</h1>" in html
    assert "brand/shopwindow.min.css" in html
    assert "Content-Security-Policy" in response.headers


def test_unknown_api_path_is_a_json_404(client: Client) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_security_headers(client: Client) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self' 'sha256-" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_styles(client: Client) -> None:
    for path, _ in PAGES:
        assert "style=" not in client.get(path).content.decode(), path
    for path in ("/councils/", "/councils/E07000044/", "/councils/E10000002/"):
        assert "style=" not in client.get(path).content.decode(), path
