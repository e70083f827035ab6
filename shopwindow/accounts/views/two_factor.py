"""The second factor for moderators and admins: set up an authenticator app, enter a code, and
see new recovery codes once. SecondFactorMiddleware sends people here; see two_factor.py."""

from datetime import datetime
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from shopwindow.accounts import audit, two_factor
from shopwindow.accounts.forms import SecurityCodeForm, SetUpAppForm
from shopwindow.accounts.models import RecoveryCodeDevice, User

NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"
NEXT_SESSION_KEY = "two_factor_next"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("accounts:dashboard")


def _with_next(name: str, next_url: str | None) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}" if next_url else reverse(name)


def _wrong_code(form: forms.Form, wait_until: datetime | None, message: str) -> None:
    seconds = int((wait_until - timezone.now()).total_seconds()) if wait_until else 0
    if seconds > 2:
        message = (
            f"{message}. You have entered too many wrong codes: wait {seconds} seconds before "
            "trying again"
        )
    form.add_error("code", message)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def set_up(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: show its secret (as text and a QR code), confirm with a code."""
    user = _user(request)
    if not two_factor.required_for(user):
        return redirect("accounts:dashboard")
    if two_factor.has_app(user) and not two_factor.is_verified(user):
        # Replacing an app needs a code from the old one (or a recovery code) first.
        return redirect(_with_next("accounts:two-factor", request.GET.get("next")))
    device = two_factor.start_set_up(user=user)
    form = SetUpAppForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = two_factor.confirm_set_up(
            user=user, device=device, code=form.cleaned_data["code"], origin=audit.origin(request)
        )
        if check.ok:
            two_factor.mark_verified(request, device)
            request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(
                user=user, origin=audit.origin(request)
            )
            request.session[NEXT_SESSION_KEY] = _safe_next(request, request.GET.get("next"))
            return redirect("accounts:recovery-codes")
        _wrong_code(form, check.wait_until, "The code is not correct: check the app and try again")
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "form": form,
            "secret": two_factor.base32_secret(device),
            "qr_svg": two_factor.qr_code_svg(device.config_url),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Enter a code from the app, or a recovery code, to use moderator or admin powers."""
    user = _user(request)
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if not two_factor.required_for(user) or two_factor.is_verified(user):
        return redirect(next_url)
    if not two_factor.has_app(user):
        return redirect(_with_next("accounts:two-factor-set-up", next_url))
    form = SecurityCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = two_factor.verify(
            user=user, code=form.cleaned_data["code"], origin=audit.origin(request)
        )
        if check.device is not None:
            two_factor.mark_verified(request, check.device)
            return redirect(next_url)
        _wrong_code(form, check.wait_until, "The code is not correct")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes, shown once: leaving the page forgets them."""
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    next_url = request.session.pop(NEXT_SESSION_KEY, None) or reverse("accounts:dashboard")
    if not codes:
        return redirect("accounts:two-factor-settings")
    return render(
        request, "accounts/two_factor_recovery_codes.html", {"codes": codes, "next": next_url}
    )


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """The second factor on the account: how many recovery codes are left; get new ones."""
    user = _user(request)
    if not two_factor.required_for(user):
        return redirect("accounts:dashboard")
    device = RecoveryCodeDevice.objects.filter(user=user).first()
    return render(
        request,
        "accounts/two_factor_settings.html",
        {"app": two_factor.app_device(user), "codes_left": device.codes_left() if device else 0},
    )


@login_required
@require_POST
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not two_factor.required_for(user):
        return redirect("accounts:dashboard")
    request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(
        user=user, origin=audit.origin(request)
    )
    request.session[NEXT_SESSION_KEY] = reverse("accounts:two-factor-settings")
    messages.success(request, "Your old recovery codes no longer work.")
    return redirect("accounts:recovery-codes")
