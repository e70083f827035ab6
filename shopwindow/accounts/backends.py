"""The authentication backend that enforces lockouts: django-axes per account and address, and
the shared rate limiter per address across all accounts."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.http import HttpRequest

from shopwindow.accounts import audit
from shopwindow.core import ratelimit

# Failed sign-ins (and failed API tokens) per client address, whatever account they name.
ADDRESS_BUCKET = "sign_in_failure"


class LockoutBackend(AxesStandaloneBackend):  # type: ignore[misc]  # django-axes: untyped
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
        if ratelimit.exceeded(ADDRESS_BUCKET, audit.client_ip(request) or ""):
            request.address_locked_out = True  # type: ignore[attr-defined]
            request.axes_locked_out = True  # type: ignore[attr-defined]  # AxesMiddleware's page
            raise AxesBackendPermissionDenied("Too many failed sign-ins from this address")
        super().authenticate(request, username, password, **kwargs)  # raises if locked out
        return None
