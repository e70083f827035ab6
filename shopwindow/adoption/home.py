"""Adoption plans on the account home (registered in AdoptionConfig.ready)."""

from typing import Any

from django.urls import reverse

from shopwindow.accounts.home import HomeLink, count_words
from shopwindow.adoption.selectors import council_plans


def plans_link(user: Any, council_ids: set[int]) -> list[HomeLink]:
    if not council_ids:
        return []
    plans = council_plans(user).count()
    return [
        HomeLink("Adoption plans", reverse("adoption:plans"), count_words(plans, "plan", "plans"))
    ]
