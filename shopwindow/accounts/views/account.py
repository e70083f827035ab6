"""The member's own pages: dashboard, councils, their data and closing the account."""

import json
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from shopwindow.accounts import audit, permissions, selectors, services
from shopwindow.accounts.forms import DeleteAccountForm, JoinCouncilForm
from shopwindow.accounts.home import account_home
from shopwindow.accounts.models import CouncilMembership, User
from shopwindow.authorities.models import Authority


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return render(
        request,
        "accounts/dashboard.html",
        {
            "memberships": selectors.memberships_of(user),
            "role_label": permissions.user_role_label(user),
            "is_moderator": permissions.can(user, "view", "moderation"),
            "home": account_home(user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def join_council(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.email_confirmed_at is None:
        return render(request, "accounts/join_council_unconfirmed.html")
    form = JoinCouncilForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        council = form.cleaned_data["council"]
        try:
            changed = services.request_memberships(
                user=user, authorities=[council], origin=audit.origin(request)
            )
        except ValidationError as error:
            form.add_error("council", error.message_dict.get("councils", error.messages))
        else:
            membership = changed[0] if changed else None
            if membership is None:
                messages.info(request, f"You have already asked to join {council.name}.")
            elif membership.status == "approved":
                messages.success(
                    request,
                    f"You are now a member of {council.name}: your email address is one of "
                    "the council's.",
                )
            else:
                messages.success(
                    request,
                    f"You have asked to join {council.name}. A moderator will check your "
                    "request and we will email you when they decide.",
                )
            return redirect("accounts:dashboard")
    return render(request, "accounts/join_council.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def leave_council(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    membership = get_object_or_404(
        CouncilMembership.objects.select_related("authority"), pk=pk, user=user
    )
    if request.method == "POST":
        services.leave_council(membership=membership, user=user, origin=audit.origin(request))
        messages.success(request, f"You are no longer linked to {membership.authority.name}.")
        return redirect("accounts:dashboard")
    return render(request, "accounts/leave_council.html", {"membership": membership})


@login_required
def council_dashboard(request: HttpRequest, gss: str) -> HttpResponse:
    """A council's page for its members: who else is here, and what the council is working on."""
    user = _user(request)
    council = get_object_or_404(Authority, gss=gss)
    if not permissions.can(
        user, "view", "council_dashboard", SimpleNamespace(council_ids={council.pk})
    ):
        raise PermissionDenied("Only the council's members can see its dashboard")
    colleagues = selectors.council_colleagues(council)
    return render(
        request,
        "accounts/council_dashboard.html",
        {
            "council": council,
            "colleagues": colleagues,
            "is_member": permissions.is_council_member(user, council),
        },
    )


@login_required
@require_POST
def download_data(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    services.record_event(
        actor=user, action=audit.DATA_DOWNLOADED, target=user, origin=audit.origin(request)
    )
    data = selectors.user_data(user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="shopwindow-my-data-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.delete_account(user=user, origin=audit.origin(request))
        logout(request)
        return render(request, "accounts/account_deleted.html")
    return render(request, "accounts/delete_account.html", {"form": form})
