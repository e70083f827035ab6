"""The authentication backend that enforces django-axes lockouts."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check, for sign-ins that come through a web request.

    The service's sign-in view always passes the request. Code without a request (operator
    commands, the test client's login()) has no client address to lock out, so it is passed on
    to the next backend instead of failing.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
