"""What every page needs to warn a signed-in person before their session ends."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from shopwindow.accounts import session_limits


def session_timeout(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {}
    return {
        "session_timeout": {
            "seconds_left": session_limits.seconds_left(request.session),
            "warning_seconds": session_limits.warning_seconds(),
            "status_url": reverse("accounts:session-status"),
            "extend_url": reverse("accounts:session-extend"),
            "ended_url": reverse("accounts:session-ended"),
        }
    }
