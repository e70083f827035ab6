"""Template context shared by every page: service name, navigation, phase banner and footer."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from shopwindow.core.hooks import navigation_end, navigation_items
from shopwindow.core.middleware import JS_ENABLED_SCRIPT

# (label, URL name, path prefix that marks the item active). Later apps add their sections here.
NAVIGATION = [
    ("Find what works", "innovations:list", "/innovations/"),
    ("Councils", "authorities:list", "/councils/"),
    ("Spread", "spread:index", "/spread/"),
    ("Associates", "associates:list", "/associates/"),
    ("Evidence report", "reports:report", "/report/"),
    ("API", "api-docs", "/api/"),
]


def _navigation(request: HttpRequest) -> list[dict[str, Any]]:
    items = []
    for label, url_name, prefix in NAVIGATION:
        try:
            href = reverse(url_name)
        except NoReverseMatch:  # a section not built yet is left out of the menu
            continue
        items.append({"text": label, "href": href, "active": request.path.startswith(prefix)})
    return items


def service(request: HttpRequest) -> dict[str, Any]:
    feedback_url = settings.FEEDBACK_URL
    return {
        "service_name": settings.SERVICE_NAME,
        "js_enabled_script": JS_ENABLED_SCRIPT,
        "feedback_url": feedback_url,
        "service_operator": settings.SERVICE_OPERATOR,
        # The generic header above it carries the service's name, so the navigation does not.
        "service_navigation": {
            "serviceName": settings.SERVICE_NAME,
            "serviceUrl": "/",
            "navigation": _navigation(request) + navigation_items(request),
            "slots": {"navigationEnd": navigation_end(request)},
            "navigationLabel": "Menu",
        },
        "phase_banner": {
            "tag": {"text": "Beta"},
            "html": format_html(
                'This is a new service. Help us improve it and <a class="govuk-link" '
                'href="{}">give your feedback</a>.',
                feedback_url,
            ),
        },
        "footer_links": [
            {"href": reverse("core:about-data"), "text": "About the data"},
            {"href": reverse("core:accessibility"), "text": "Accessibility statement"},
            {"href": reverse("core:cookies"), "text": "Cookies"},
            {"href": reverse("core:privacy"), "text": "Privacy"},
            {"href": reverse("api-docs"), "text": "Open API"},
        ],
    }
