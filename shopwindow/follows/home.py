"""What the user follows, on the account home (registered in FollowsConfig.ready)."""

from typing import Any

from django.urls import reverse

from shopwindow.accounts.home import HomeLink, count_words
from shopwindow.follows.selectors import follows_of


def follows_link(user: Any, council_ids: set[int]) -> list[HomeLink]:
    follows = follows_of(user).count()
    hint = count_words(follows, "follow", "follows")
    return [HomeLink("What you follow", reverse("follows:manage"), hint)]
