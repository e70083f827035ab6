"""The API docs page: Swagger UI from this site (npm's swagger-ui-dist), under the site's CSP."""

import re

import pytest
from django.test import Client

from shopwindow.core.middleware import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL)


def test_the_docs_page_has_the_csp_and_only_same_origin_scripts(client: Client) -> None:
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    html = response.content.decode()
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 2
    for attributes, body in scripts:
        assert body.strip() == "", "no inline script"
        src = re.search(r'src="([^"]+)"', attributes)
        assert src is not None
        assert src.group(1).startswith("/static/"), src.group(1)
        served = client.get(src.group(1))
        assert served.status_code == 200, f"{src.group(1)} is not served"
    for href in re.findall(r'<link[^>]*href="([^"]+)"', html):
        assert href.startswith("/static/")
        assert client.get(href).status_code == 200
    assert "//" not in "".join(re.findall(r'(?:src|href)="([^"]+)"', html))
    assert 'data-openapi-url="/api/v1/openapi.json"' in html


def test_the_docs_page_says_where_the_document_is_without_javascript(client: Client) -> None:
    html = client.get("/api/v1/docs/").content.decode()
    assert "<noscript>" in html
    assert 'href="/api/v1/openapi.json"' in html


def test_api_redirects_to_the_docs(client: Client) -> None:
    response = client.get("/api/")
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/docs/"
