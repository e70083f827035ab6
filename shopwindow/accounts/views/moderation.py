"""Moderators' pages: the membership queue, the email domain allowlist and the audit log."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit, selectors, services
from shopwindow.accounts.decorators import moderator_required
from shopwindow.accounts.forms import AuditFilterForm, EmailDomainForm, MembershipDecisionForm
from shopwindow.accounts.models import CouncilEmailDomain, CouncilMembership, User
from shopwindow.core.email import absolute_url
from shopwindow.core.pagination import govuk_pagination

AUDIT_PAGE_SIZE = 50
DOMAINS_PER_PAGE = 50


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@moderator_required
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/moderation/index.html",
        {"pending_count": selectors.pending_memberships().count()},
    )


@moderator_required
def membership_queue(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    pending = [(m, (now - m.requested_at).days) for m in selectors.pending_memberships()]
    return render(
        request,
        "accounts/moderation/memberships.html",
        {"pending": pending, "decisions": selectors.recent_decisions()},
    )


@moderator_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_decide(request: HttpRequest, pk: int) -> HttpResponseBase:
    membership = get_object_or_404(
        CouncilMembership.objects.select_related("user", "authority"), pk=pk, user__isnull=False
    )
    form = MembershipDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.decide_membership(
                membership=membership,
                moderator=_user(request),
                approve=approve,
                reason=form.cleaned_data["reason"],
                origin=audit.origin(request),
                account_link=absolute_url(reverse("accounts:dashboard")),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            assert membership.user is not None
            verb = "approved" if approve else "refused"
            who, council = membership.user.email, membership.authority.name
            messages.success(request, f"You {verb} {who}'s request to join {council}.")
            return redirect("moderation:memberships")
    return render(
        request,
        "accounts/moderation/membership_decide.html",
        {
            "membership": membership,
            "form": form,
            "other_memberships": selectors.memberships_of(membership.user).exclude(  # type: ignore[arg-type]
                pk=membership.pk
            ),
        },
    )


@moderator_required
@require_http_methods(["GET", "HEAD", "POST"])
def domains(request: HttpRequest) -> HttpResponse:
    form = EmailDomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = services.add_email_domain(
            authority=form.cleaned_data["council"],
            domain=form.cleaned_data["domain"],
            moderator=_user(request),
            origin=audit.origin(request),
        )
        messages.success(
            request,
            f"People with confirmed {entry.domain} addresses now join "
            f"{entry.authority.name} at once.",
        )
        return redirect("moderation:domains")
    query = request.GET.get("q", "")[:100]
    page = Paginator(selectors.email_domains(query=query), DOMAINS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounts/moderation/domains.html",
        {
            "form": form,
            "query": query,
            "entries": page,
            "pagination": govuk_pagination(page, request.GET, label="Pages of email domains"),
        },
    )


@moderator_required
@require_http_methods(["GET", "HEAD", "POST"])
def domain_remove(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(CouncilEmailDomain.objects.select_related("authority"), pk=pk)
    if request.method == "POST":
        services.remove_email_domain(
            entry=entry, moderator=_user(request), origin=audit.origin(request)
        )
        messages.success(
            request, f"Removed {entry.domain} from {entry.authority.name}'s allowlist."
        )
        return redirect("moderation:domains")
    return render(request, "accounts/moderation/domain_remove.html", {"entry": entry})


@moderator_required
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {
            "action": form.cleaned_data["action"],
            "actor_email": form.cleaned_data["actor"],
            "date_from": form.cleaned_data["date_from"],
            "date_to": form.cleaned_data["date_to"],
        }
    events = selectors.audit_events(**filters)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    pagination = govuk_pagination(page, request.GET, label="Pages of the audit log")
    return render(
        request,
        "accounts/moderation/audit_log.html",
        {
            "form": form,
            "page": page,
            "pagination": pagination,
            "rows": [(e, audit.ACTION_LABELS.get(e.action, e.action)) for e in page.object_list],
            "total": page.paginator.count,
        },
    )
