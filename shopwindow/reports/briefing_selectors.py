"""Reads for briefing packs: the packs, their items, and the records and barriers to pick from.

Only published records can be picked (through `published_innovations`); illustrative ones are
offered too, labelled, because demo sites have few real records.
"""

from django.db.models import Q, QuerySet

from shopwindow.innovations.models import Barrier, Innovation
from shopwindow.innovations.selectors import published_innovations
from shopwindow.reports.models import BriefingItem, BriefingPack


def briefing_packs() -> QuerySet[BriefingPack]:
    return BriefingPack.objects.select_related("created_by")


def pack_items(pack: BriefingPack) -> list[BriefingItem]:
    """The pack's items in order, each with its (published or not) record."""
    return list(pack.items.select_related("innovation").order_by("position", "pk"))


def pickable_records(*, query: str = "", theme: str = "") -> QuerySet[Innovation]:
    qs = published_innovations().prefetch_related(None).prefetch_related("themes")
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    if theme:
        qs = qs.filter(themes__code=theme)
    return qs.distinct().order_by("title")


def pickable_barriers(*, query: str = "", theme: str = "") -> QuerySet[Barrier]:
    records = pickable_records(theme=theme).values("pk")
    qs = Barrier.objects.filter(innovation__in=records).select_related("innovation")
    if query:
        qs = qs.filter(
            Q(barrier__icontains=query)
            | Q(ask_of_government__icontains=query)
            | Q(innovation__title__icontains=query)
        )
    return qs.order_by("innovation__title", "position", "pk")
