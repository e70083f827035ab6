"""The GOV.UK page a locked-out sign-in sees, and how axes reads the attempted email."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
    return render(
        request,
        "accounts/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": cooloff_minutes()},
        status=429,
    )
