"""The GOV.UK page a locked-out sign-in sees, and how axes reads the attempted email."""

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from shopwindow.core import ratelimit


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """Lockouts are per email address, however it was typed (case and spaces ignored)."""
    value = ""
    if credentials:
        value = str(credentials.get("username") or credentials.get("email") or "")
    if not value and request is not None and request.method == "POST":
        value = str(request.POST.get("username", ""))
    return value.strip().lower()


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """HTTP 429 with a GOV.UK page saying how long to wait and how to reset the password."""
    if getattr(request, "address_locked_out", False):
        from shopwindow.accounts.backends import ADDRESS_BUCKET

        seconds = ratelimit.retry_after(ADDRESS_BUCKET)
        context = {"minutes": math.ceil(seconds / 60), "whole_address": True}
    else:
        seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
        context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": cooloff_minutes()}
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
