"""Reads about people: memberships, the moderation queue, the audit log and a user's own data."""

import datetime
from typing import Any

from django.db import models
from django.db.models import QuerySet

from shopwindow.accounts.models import (
    AuditEvent,
    CouncilEmailDomain,
    CouncilMembership,
    MembershipStatus,
    User,
)
from shopwindow.accounts.signals import collect_user_data
from shopwindow.authorities.models import Authority


def memberships_of(user: User) -> QuerySet[CouncilMembership]:
    return (
        CouncilMembership.objects.filter(user=user)
        .select_related("authority")
        .order_by("authority__name")
    )


def joinable_councils() -> QuerySet[Authority]:
    """Current councils, which are the only ones that take new members."""
    return Authority.objects.filter(is_current=True).order_by("name")


def pending_memberships() -> QuerySet[CouncilMembership]:
    """The moderation queue: oldest request first."""
    return (
        CouncilMembership.objects.filter(status=MembershipStatus.REQUESTED, user__isnull=False)
        .select_related("user", "authority")
        .order_by("requested_at", "id")
    )


def recent_decisions(limit: int = 20) -> QuerySet[CouncilMembership]:
    return (
        CouncilMembership.objects.exclude(status=MembershipStatus.REQUESTED)
        .select_related("user", "authority", "decided_by")
        .order_by("-decided_at", "-id")[:limit]
    )


def council_colleagues(authority: Authority) -> QuerySet[User]:
    """Approved members of a council, for its members' dashboard."""
    return User.objects.filter(
        memberships__authority=authority,
        memberships__status=MembershipStatus.APPROVED,
        is_active=True,
    ).order_by("full_name", "email")


def email_domains(*, query: str = "") -> QuerySet[CouncilEmailDomain]:
    """The allowlist, by council; `query` matches a council's name or a domain."""
    entries = CouncilEmailDomain.objects.select_related("authority", "added_by")
    query = query.strip()
    if query:
        entries = entries.filter(
            models.Q(authority__name__icontains=query) | models.Q(domain__icontains=query)
        )
    return entries.order_by("authority__name", "domain")


def audit_events(
    *,
    action: str = "",
    actor_email: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[AuditEvent]:
    """The audit log, newest first, filtered. Dates are whole days in the service's time zone."""
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action=action)
    if actor_email:
        events = events.filter(actor_email__icontains=actor_email.strip())
    if date_from:
        events = events.filter(created_at__date__gte=date_from)
    if date_to:
        events = events.filter(created_at__date__lte=date_to)
    return events.order_by("-created_at", "-id")


def audit_actions() -> list[str]:
    return list(AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct())


def _when(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value else None


def user_data(user: User) -> dict[str, Any]:
    """Everything held about the user, as JSON-ready data, for the download."""
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "date_joined": _when(user.date_joined),
            "email_confirmed_at": _when(user.email_confirmed_at),
            "last_login": _when(user.last_login),
        },
        "council_memberships": [
            {
                "council": m.authority.official_name,
                "gss": m.authority.gss,
                "status": m.status,
                "reason": m.reason,
                "requested_at": _when(m.requested_at),
                "decided_at": _when(m.decided_at),
            }
            for m in memberships_of(user)
        ],
        "security_events": [
            {
                "when": _when(e.created_at),
                "action": e.action,
                "object": e.object_description,
                "ip_address": e.ip_address,
                "user_agent": e.user_agent,
            }
            for e in AuditEvent.objects.filter(actor=user).order_by("created_at", "id")
        ],
    }
    for _receiver, sections in collect_user_data.send(sender=User, user=user):
        if isinstance(sections, dict):
            data.update(sections)
    return data
