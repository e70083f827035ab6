"""Shopwindow's own brand: GOV.UK patterns and components, but no GOV.UK crown, no Crown
copyright and no GDS Transport font, in the built CSS, the templates or the pages."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from pytest_django import Settings

BRAND_CSS = settings.FRONTEND_DIR / "static" / "brand" / "shopwindow.min.css"
PROJECT = Path(settings.BASE_DIR) / "shopwindow"
# What only a GOV.UK service may show: the crown logo (its SVG path and classes), the Royal Arms
# crest, Crown copyright and the GDS Transport typeface with its font files.
FORBIDDEN = [
    "gds transport",
    "crown copyright",
    "govuk-crest",
    "govuk-header__logotype",
    "govuk-footer__crown",
    "govuk-footer__copyright-logo",
    "/assets/fonts",
    "/assets/images/favicon",
]


def _offences(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in FORBIDDEN if word in lowered]


def test_the_built_css_has_no_gov_uk_font_crest_or_font_files() -> None:
    css = BRAND_CSS.read_text()
    assert ".govuk-button" in css  # every component is there
    assert ".govuk-error-summary" in css
    assert "system-ui" in css
    # The unused GOV.UK header's and footer crown's class selectors stay (every component is
    # built), but nothing draws a crown, a crest or the GOV.UK typeface.
    lowered = css.lower()
    assert "gds transport" not in lowered
    assert "crest" not in lowered
    assert "/assets/" not in lowered
    assert "@font-face" not in css
    assert ".woff" not in css


def test_no_template_or_static_file_dresses_as_gov_uk() -> None:
    files = [
        path
        for pattern in ("**/*.html", "**/*.css", "**/*.js", "**/*.scss", "**/*.svg")
        for path in PROJECT.glob(pattern)
    ]
    assert files
    offending = {str(path): _offences(path.read_text()) for path in files}
    assert {path: words for path, words in offending.items() if words} == {}


@pytest.mark.django_db
def test_pages_show_the_operator_copyright_and_the_open_government_licence(client: Client) -> None:
    html = client.get("/").content.decode()
    assert _offences(html) == []
    assert "govuk-generic-header" in html
    assert f"© {settings.SERVICE_OPERATOR}" in html
    assert "open-government-licence/version/3/" in html
    assert "brand/shopwindow.min.css" in html


@pytest.mark.django_db
def test_the_operator_is_a_setting(client: Client, settings: Settings) -> None:
    settings.SERVICE_OPERATOR = "Example Services Ltd"
    assert "© Example Services Ltd" in client.get("/").content.decode()
