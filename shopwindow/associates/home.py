"""Help requests, the associate profile, invitations and engagements on the account home
(registered in AssociatesConfig.ready)."""

from typing import Any

from django.db.models import Q
from django.urls import reverse

from shopwindow.accounts.home import HomeEngagement, HomeLink, count_words
from shopwindow.associates.models import Engagement, HelpRequest
from shopwindow.associates.selectors import profile_of


def help_requests_link(user: Any, council_ids: set[int]) -> list[HomeLink]:
    if not council_ids:
        return []
    requests = HelpRequest.objects.filter(council_id__in=council_ids).count()
    hint = count_words(requests, "request", "requests")
    return [HomeLink("Help requests", reverse("associates:requests"), hint)]


def associate_links(user: Any, council_ids: set[int]) -> list[HomeLink]:
    profile = profile_of(user)
    if profile is None:
        return []
    invitations = count_words(profile.invitations.count(), "invitation", "invitations")
    return [
        HomeLink("Your associate profile", reverse("associates:dashboard"), ""),
        HomeLink("Invitations to help", reverse("associates:invitations"), invitations),
    ]


def engagements(user: Any, council_ids: set[int]) -> list[HomeEngagement]:
    """The ten newest engagements for the user's councils or with the user as associate."""
    found = (
        Engagement.objects.filter(
            Q(help_request__council_id__in=council_ids) | Q(associate__user_id=user.pk)
        )
        .select_related("help_request__council", "associate__user")
        .order_by("-created_at")[:10]
    )
    return [
        HomeEngagement(
            f"{e.help_request.title} ({e.help_request.council.name})",
            reverse("associates:engagement", args=[e.pk]),
            e.get_status_display(),
        )
        for e in found
    ]
