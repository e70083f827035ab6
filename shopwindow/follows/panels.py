"""Panels follows shows on other apps' pages (registered in FollowsConfig.ready)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from shopwindow.accounts.models import User
from shopwindow.follows.selectors import described_follows


def learning_panel(request: HttpRequest) -> dict[str, Any] | None:
    """ "Learn what works" on the associate's dashboard: what they follow and a link to change it.

    The dashboard's own context gives `skill_topics` ("theme:<code>" and "service:<code>"),
    which the panel's form posts to follow them all at once.
    """
    if not isinstance(request.user, User):
        return None
    return {
        "follows_url": reverse("follows:manage"),
        "followed": described_follows(request.user),
    }
