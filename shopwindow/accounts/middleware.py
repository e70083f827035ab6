"""Locked down by default, sessions with time limits, and a second factor for privileged people.

- LockedDownMiddleware: every page needs a signed-in user unless public_urls.py lists it.
- SessionLimitsMiddleware: signs out a session idle too long or too old (session_limits.py).
- SecondFactorMiddleware: moderators and admins reach only the second-factor pages (and
  signing out) until their session has passed it (two_factor.py). It is the one place that
  enforces the second factor: every moderator or admin power is behind it.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from shopwindow.accounts import audit, session_limits, two_factor
from shopwindow.accounts.public_urls import SELF_GUARDED_PREFIXES, is_public


class LockedDownMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, driven by the public list rather than decorators.

    Signed-out visitors to a private page are redirected to sign-in with ?next= set.
    """

    def process_view(
        self,
        request: HttpRequest,
        view_func: Any,
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponseBase | None:
        if request.user.is_authenticated:
            return None
        if is_public(request.resolver_match, request.path_info):
            return None
        return self.handle_no_permission(request, view_func)


# Pages that answer for themselves when a session has just ended (no redirect to the ended page).
SESSION_PAGES = ("accounts:session-ended", "accounts:session-status", "accounts:session-extend")


class SessionLimitsMiddleware:
    """Ends a session past its idle or absolute limit and says why; otherwise records activity.

    The status page (polled by the timeout warning) does not count as activity.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            ended = self._end_if_expired(request)
            if ended is not None:
                return ended
        return self.get_response(request)

    def _end_if_expired(self, request: HttpRequest) -> HttpResponseBase | None:
        session = request.session
        reason = session_limits.expired_because(session)
        path = request.path_info
        if reason is None:
            if path != reverse("accounts:session-status"):
                session_limits.touch(session)
            return None
        from shopwindow.accounts.services import record_event

        user = request.user
        record_event(
            actor=user,
            action=audit.SESSION_EXPIRED,
            target=user,
            origin=audit.origin(request),
            extra={"reason": reason},
        )
        session.flush()
        request.user = AnonymousUser()
        request.session_ended_because = reason  # type: ignore[attr-defined]
        if path.startswith(SELF_GUARDED_PREFIXES) or path in {
            reverse(name) for name in SESSION_PAGES
        }:
            return None  # the API decides for itself; the session pages answer signed out
        query = urlencode({"reason": reason, "next": request.get_full_path()})
        return redirect(f"{reverse('accounts:session-ended')}?{query}")


# What a moderator or admin may open before passing the second factor.
SECOND_FACTOR_PAGES = frozenset(
    {
        "accounts:two-factor",
        "accounts:two-factor-set-up",
        "accounts:recovery-codes",
        "accounts:sign-out",
        "admin:logout",
        *SESSION_PAGES,
    }
)


class SecondFactorMiddleware:
    """Sends a moderator or admin whose session has not passed the second factor to set it up
    (no authenticator app yet) or to enter a code, with ?next= set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponseBase | None:
        user = request.user
        if not two_factor.required_for(user) or two_factor.is_verified(user):  # type: ignore[arg-type]
            return None
        match = request.resolver_match
        if match is not None and match.view_name in SECOND_FACTOR_PAGES:
            return None
        target = "accounts:two-factor" if two_factor.has_app(user) else "accounts:two-factor-set-up"  # type: ignore[arg-type]
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
