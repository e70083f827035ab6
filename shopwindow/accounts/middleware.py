"""Locked down by default: every page needs a signed-in user unless public_urls.py lists it."""

from typing import Any

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponseBase

from shopwindow.accounts.public_urls import is_public


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
