"""View decorators other apps reuse: moderators only."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from shopwindow.accounts.permissions import can

View = Callable[..., HttpResponseBase]


def moderator_required(view: View) -> View:
    """Signed-out visitors go to sign-in; signed-in people who are not moderators get a 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can(request.user, "view", "moderation"):
            raise PermissionDenied("Moderators only")
        return view(request, *args, **kwargs)

    return wrapper
