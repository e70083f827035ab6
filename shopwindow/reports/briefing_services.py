"""Writes for briefing packs: create, edit, pick, order and remove items, delete. Audit-logged."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max

from shopwindow.accounts.audit import Origin
from shopwindow.accounts.services import record_event
from shopwindow.innovations.models import Barrier, Innovation
from shopwindow.reports.models import BriefingItem, BriefingItemKind, BriefingPack


@transaction.atomic
def create_pack(
    *, actor: Any, title: str, introduction: str, origin: Origin | None = None
) -> BriefingPack:
    pack = BriefingPack.objects.create(title=title, introduction=introduction, created_by=actor)
    record_event(actor=actor, action="briefing_pack.created", target=pack, origin=origin)
    return pack


@transaction.atomic
def update_pack(
    *, pack: BriefingPack, actor: Any, title: str, introduction: str, origin: Origin | None = None
) -> BriefingPack:
    pack.title = title
    pack.introduction = introduction
    pack.save()
    record_event(actor=actor, action="briefing_pack.edited", target=pack, origin=origin)
    return pack


def _next_position(pack: BriefingPack) -> int:
    latest = pack.items.aggregate(latest=Max("position"))["latest"]
    return 0 if latest is None else latest + 1


def _touch(pack: BriefingPack) -> None:
    pack.save(update_fields=["updated_at"])


@transaction.atomic
def add_records(
    *, pack: BriefingPack, actor: Any, records: Iterable[Innovation], origin: Origin | None = None
) -> list[BriefingItem]:
    """Add records to the end of the pack, skipping those already in it."""
    present = set(
        pack.items.filter(kind=BriefingItemKind.RECORD).values_list("innovation_id", flat=True)
    )
    position = _next_position(pack)
    added = []
    for record in records:
        if record.pk in present:
            continue
        added.append(
            BriefingItem.objects.create(
                pack=pack, kind=BriefingItemKind.RECORD, innovation=record, position=position
            )
        )
        present.add(record.pk)
        position += 1
    if added:
        _touch(pack)
        record_event(
            actor=actor,
            action="briefing_pack.records_added",
            target=pack,
            origin=origin,
            extra={"records": [item.innovation.record_id for item in added]},
        )
    return added


@transaction.atomic
def add_barriers(
    *, pack: BriefingPack, actor: Any, barriers: Iterable[Barrier], origin: Origin | None = None
) -> list[BriefingItem]:
    """Add barriers (their wording copied) to the end of the pack, skipping repeats."""
    present = set(
        pack.items.filter(kind=BriefingItemKind.BARRIER).values_list(
            "innovation_id", "barrier", "ask_of_government"
        )
    )
    position = _next_position(pack)
    added = []
    for barrier in barriers:
        key = (barrier.innovation_id, barrier.barrier, barrier.ask_of_government)
        if key in present:
            continue
        added.append(
            BriefingItem.objects.create(
                pack=pack,
                kind=BriefingItemKind.BARRIER,
                innovation_id=barrier.innovation_id,
                barrier=barrier.barrier,
                ask_of_government=barrier.ask_of_government,
                position=position,
            )
        )
        present.add(key)
        position += 1
    if added:
        _touch(pack)
        record_event(
            actor=actor,
            action="briefing_pack.barriers_added",
            target=pack,
            origin=origin,
            extra={"barriers": len(added)},
        )
    return added


@transaction.atomic
def move_item(
    *, item: BriefingItem, actor: Any, direction: str, origin: Origin | None = None
) -> None:
    """Swap the item with its neighbour above ("up") or below ("down"); at an end, do nothing."""
    if direction not in ("up", "down"):
        raise ValueError("direction must be 'up' or 'down'")
    items = list(item.pack.items.select_for_update().order_by("position", "pk"))
    for index, each in enumerate(items):  # renumber, so positions are distinct
        each.position = index
    index = next(i for i, each in enumerate(items) if each.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items):
        each.position = position
    BriefingItem.objects.bulk_update(items, ["position"])
    _touch(item.pack)
    record_event(
        actor=actor,
        action="briefing_pack.reordered",
        target=item.pack,
        origin=origin,
        extra={"item": item.pk, "direction": direction},
    )


@transaction.atomic
def remove_item(*, item: BriefingItem, actor: Any, origin: Origin | None = None) -> None:
    pack = item.pack
    description = str(item)
    item.delete()
    _touch(pack)
    record_event(
        actor=actor,
        action="briefing_pack.item_removed",
        target=pack,
        origin=origin,
        extra={"item": description},
    )


@transaction.atomic
def delete_pack(*, pack: BriefingPack, actor: Any, origin: Origin | None = None) -> None:
    record_event(actor=actor, action="briefing_pack.deleted", target=pack, origin=origin)
    pack.delete()


def record_export(
    *, pack: BriefingPack, actor: Any, file_format: str, origin: Origin | None = None
) -> None:
    record_event(
        actor=actor,
        action="briefing_pack.exported",
        target=pack,
        origin=origin,
        extra={"format": file_format},
    )
