"""How long is left of a session, keeping it alive, and the page that says it has ended.

The timeout warning (static/accounts/timeout-warning.js) asks `status` how long is left (which
does not count as activity, so an open tab does not keep a session alive by itself) and posts to
`extend` when the person chooses to stay signed in. Without JavaScript, the first request after
the limit lands on `ended`, which says why (see SessionLimitsMiddleware).
"""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from shopwindow.accounts import session_limits


def _state(request: HttpRequest) -> dict[str, object]:
    if not request.user.is_authenticated:
        # Why the session ended, when SessionLimitsMiddleware ended it on this very request.
        reason = getattr(request, "session_ended_because", "")
        return {"signed_in": False, "seconds_left": 0, "can_extend": False, "reason": reason}
    return {
        "signed_in": True,
        "seconds_left": session_limits.seconds_left(request.session),
        "can_extend": session_limits.can_extend(request.session),
    }


@never_cache
@require_GET
def status(request: HttpRequest) -> JsonResponse:
    return JsonResponse(_state(request))


@never_cache
@require_POST
def extend(request: HttpRequest) -> HttpResponse:
    """Count as activity now. JSON for the warning's script; a redirect back without it."""
    if request.user.is_authenticated:
        session_limits.touch(request.session, force=True)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(_state(request))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("accounts:dashboard")
    return redirect(back)


@never_cache
def ended(request: HttpRequest) -> HttpResponse:
    """'You have been signed out', and why. A signed-in visitor here still has time left."""
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    reason = request.GET.get("reason", "")
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    sign_in = reverse("accounts:sign-in")
    return render(
        request,
        "accounts/session_ended.html",
        {
            "reason": reason if reason in session_limits.REASONS else "",
            "idle": session_limits.duration_words(session_limits.idle_seconds()),
            "absolute": session_limits.duration_words(session_limits.absolute_seconds()),
            "sign_in_url": f"{sign_in}?{urlencode({'next': back})}" if back else sign_in,
        },
    )
