"""One account home: the signed-in user's work across the service, linked from their account page.

For a council member: their councils' records (drafts first), adoption plans, help requests and
engagements; for everyone: what they follow; for an associate: their profile, invitations and
engagements. Each entry says how many there are, so that the page is a place to start from and
no list of one's own work is a dead end. Reads only (the other apps' selectors).
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse

from shopwindow.accounts.permissions import approved_council_ids


@dataclass(frozen=True)
class HomeLink:
    text: str
    href: str
    hint: str


@dataclass(frozen=True)
class HomeEngagement:
    text: str
    href: str
    status: str


@dataclass
class AccountHome:
    links: list[HomeLink] = field(default_factory=list)
    engagements: list[HomeEngagement] = field(default_factory=list)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _council_links(user: Any, council_ids: set[int]) -> list[HomeLink]:
    from shopwindow.adoption.selectors import council_plans
    from shopwindow.associates.models import HelpRequest
    from shopwindow.innovations.selectors import editable_by_councils
    from shopwindow.innovations.vocabularies import WorkflowStatus

    records = editable_by_councils(sorted(council_ids))
    drafts = records.filter(
        workflow_status__in=[WorkflowStatus.DRAFT, WorkflowStatus.CHANGES_REQUESTED]
    ).count()
    plans = council_plans(user).count()
    requests = HelpRequest.objects.filter(council_id__in=council_ids).count()
    return [
        HomeLink(
            "Your council's records",
            reverse("innovations:mine"),
            f"{_count(drafts, 'draft', 'drafts')} in progress, "
            f"{_count(records.count(), 'record', 'records')} in all",
        ),
        HomeLink(
            "Adoption plans",
            reverse("adoption:plans"),
            _count(plans, "plan", "plans"),
        ),
        HomeLink(
            "Help requests",
            reverse("associates:requests"),
            _count(requests, "request", "requests"),
        ),
    ]


def account_home(user: Any) -> AccountHome:
    from shopwindow.associates.models import Engagement
    from shopwindow.associates.selectors import profile_of
    from shopwindow.follows.selectors import follows_of

    home = AccountHome()
    council_ids = approved_council_ids(user)
    if council_ids:
        home.links += _council_links(user, council_ids)
    follows = follows_of(user).count()
    home.links.append(
        HomeLink("What you follow", reverse("follows:manage"), _count(follows, "follow", "follows"))
    )
    profile = profile_of(user)
    if profile is not None:
        home.links += [
            HomeLink("Your associate profile", reverse("associates:dashboard"), ""),
            HomeLink(
                "Invitations to help",
                reverse("associates:invitations"),
                _count(profile.invitations.count(), "invitation", "invitations"),
            ),
        ]
    engagements = (
        Engagement.objects.filter(
            Q(help_request__council_id__in=council_ids) | Q(associate__user_id=user.pk)
        )
        .select_related("help_request__council", "associate__user")
        .order_by("-created_at")[:10]
    )
    home.engagements = [
        HomeEngagement(
            f"{e.help_request.title} ({e.help_request.council.name})",
            reverse("associates:engagement", args=[e.pk]),
            e.get_status_display(),
        )
        for e in engagements
    ]
    return home
