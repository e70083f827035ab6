"""Sign up, confirm the email address, sign in and out, and reset or change the password."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from shopwindow.accounts import audit, emails, services, tokens
from shopwindow.accounts.forms import (
    GovukPasswordChangeForm,
    GovukSetPasswordForm,
    PasswordResetForm,
    SignInForm,
    SignUpForm,
)
from shopwindow.accounts.models import User
from shopwindow.core import ratelimit
from shopwindow.core.email import absolute_url


def _rate_limited(request: HttpRequest, what: str) -> HttpResponse:
    return render(request, "accounts/rate_limited.html", {"what": what}, status=429)


def send_confirmation_link(user: User) -> None:
    link = absolute_url(
        reverse("accounts:confirm-email", args=[tokens.make_confirmation_token(user)])
    )
    emails.send_confirmation(user, link, hours=tokens.max_age() // 3600)


@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not ratelimit.hit("sign_up", audit.client_ip(request) or "", email):
            return _rate_limited(request, "create accounts")
        user = services.sign_up(
            email=email,
            password=form.cleaned_data["password1"],
            full_name=form.cleaned_data["full_name"],
            origin=audit.origin(request),
        )
        if user is not None:
            send_confirmation_link(user)
        else:
            emails.send_already_registered(
                email,
                absolute_url(reverse("accounts:sign-in")),
                absolute_url(reverse("accounts:password-reset")),
            )
        request.session["signed_up_email"] = email
        return redirect("accounts:sign-up-done")
    return render(request, "accounts/sign_up.html", {"form": form})


def sign_up_done(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/sign_up_done.html",
        {"email": request.session.get("signed_up_email", ""), "hours": tokens.max_age() // 3600},
    )


def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = tokens.user_for_token(token)
    except tokens.InvalidToken as error:
        return render(
            request, "accounts/confirm_failed.html", {"expired": error.expired}, status=400
        )
    if request.method == "POST":
        approved = services.confirm_email(user=user, origin=audit.origin(request))
        for membership in approved:
            messages.success(request, f"You are now a member of {membership.authority.name}.")
        messages.success(request, "Your email address is confirmed.")
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect("accounts:dashboard")
        return redirect("accounts:sign-in")
    # Confirm on a button press, not on GET: mail scanners open links too.
    return render(request, "accounts/confirm_email.html", {"confirm_user": user})


@login_required
@require_POST
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if user.email_confirmed_at is not None:
        return redirect("accounts:dashboard")
    if not ratelimit.hit("confirmation_email", audit.client_ip(request) or "", user.email):
        return _rate_limited(request, "send confirmation emails")
    send_confirmation_link(user)
    messages.success(request, f"We have sent a new link to {user.email}.")
    return redirect("accounts:dashboard")


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    template_name = "accounts/signed_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")
    extra_email_context = {"service_name": settings.SERVICE_NAME}

    def form_valid(self, form: Any) -> HttpResponse:
        email = str(form.cleaned_data["email"]).lower()
        if not ratelimit.hit("password_reset", audit.client_ip(self.request) or "", email):
            return _rate_limited(self.request, "ask for password reset emails")
        user = User.objects.filter(email=email).first()
        services.record_event(
            actor=user,
            action=audit.PASSWORD_RESET_REQUESTED,
            target=user,
            origin=audit.origin(self.request),
            extra={} if user else {"attempted_email": email},
        )
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = GovukSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.record_event(
            actor=form.user,
            action=audit.PASSWORD_CHANGED,
            target=form.user,
            origin=audit.origin(self.request),
            extra={"via": "reset link"},
        )
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = GovukPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:dashboard")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.record_event(
            actor=self.request.user,
            action=audit.PASSWORD_CHANGED,
            target=self.request.user,
            origin=audit.origin(self.request),
        )
        messages.success(self.request, "Your password has been changed.")
        return response
