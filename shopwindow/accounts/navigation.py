"""The signed-in part of the service navigation: account, moderation, sign in and sign out."""

from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from shopwindow.accounts.permissions import is_moderator


def account_items(request: HttpRequest) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        href = reverse("accounts:sign-in")
        return [{"text": "Sign in", "href": href, "active": request.path.startswith(href)}]
    items = []
    if is_moderator(user):
        items.append(
            {
                "text": "Moderation",
                "href": reverse("moderation:index"),
                "active": request.path.startswith("/moderation/"),
            }
        )
    items.append(
        {
            "text": "Your account",
            "href": reverse("accounts:dashboard"),
            "active": request.path.startswith("/account/"),
        }
    )
    return items


def sign_out_slot(request: HttpRequest) -> SafeString | str:
    """Signing out changes state, so it is a POST form styled as a navigation link."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return format_html(
        '<li class="govuk-service-navigation__item">'
        '<form method="post" action="{}" class="sw-sign-out">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button type="submit" class="govuk-service-navigation__link sw-sign-out__button">'
        "Sign out</button></form></li>",
        reverse("accounts:sign-out"),
        get_token(request),
    )
