"""Reads for follows: what a person follows, who follows something, and what a digest holds."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet
from django.urls import reverse

from shopwindow.accounts.models import User
from shopwindow.follows.models import DigestLog, Follow, FollowKind
from shopwindow.innovations.models import Innovation, RevisionKind, ServiceArea, Theme
from shopwindow.innovations.selectors import published_innovations
from shopwindow.innovations.vocabularies import WorkflowStatus

# Revisions that change what the public sees on a published record.
PUBLIC_CHANGES = (RevisionKind.APPROVED, RevisionKind.UPDATED, RevisionKind.IMPORTED)


def follows_of(user: User) -> QuerySet[Follow]:
    return Follow.objects.filter(user=user).order_by("kind", "code")


def followers_of(kind: str, code: str) -> QuerySet[User]:
    return User.objects.filter(follows__kind=kind, follows__code=code, is_active=True).distinct()


def is_following(user: User, kind: str, code: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(user=user, kind=kind, code=code).exists()


@dataclass
class Followed:
    follow: Follow
    label: str
    url: str | None


def described_follows(user: User) -> list[Followed]:
    """The user's follows with names and links, for the /follows/ page."""
    follows = list(follows_of(user))
    themes = dict(Theme.objects.values_list("code", "label"))
    areas = dict(ServiceArea.objects.values_list("code", "label"))
    records = dict(
        Innovation.objects.filter(
            record_id__in=[f.code for f in follows if f.kind == FollowKind.RECORD]
        ).values_list("record_id", "title")
    )
    result = []
    for each in follows:
        if each.kind == FollowKind.THEME:
            result.append(Followed(each, themes.get(each.code, each.code), None))
        elif each.kind == FollowKind.SERVICE_AREA:
            result.append(Followed(each, areas.get(each.code, each.code), None))
        else:
            title = records.get(each.code, each.code)
            result.append(Followed(each, title, f"/innovations/{each.code}/"))
    return result


@dataclass
class DigestItem:
    innovation: Innovation
    is_new: bool
    because: list[str] = field(default_factory=list)


def digest_items(user: User, since: datetime) -> list[DigestItem]:
    """Published records new or changed since `since` that match the user's follows."""
    follows = list(follows_of(user))
    if not follows:
        return []
    codes: dict[str, set[str]] = {kind: set() for kind in FollowKind.values}
    for each in follows:
        codes[each.kind].add(each.code)
    matching = Q(themes__code__in=codes[FollowKind.THEME]) | Q(
        service_areas__code__in=codes[FollowKind.SERVICE_AREA]
    )
    matching |= Q(record_id__in=codes[FollowKind.RECORD])
    changed = Q(published_at__gte=since) | Q(
        revisions__created_at__gte=since,
        revisions__kind__in=PUBLIC_CHANGES,
        revisions__workflow_status=WorkflowStatus.PUBLISHED,
    )
    ids = (
        Innovation.objects.filter(workflow_status=WorkflowStatus.PUBLISHED)
        .filter(matching)
        .filter(changed)
        .values("pk")
    )
    themes = dict(Theme.objects.values_list("code", "label"))
    areas = dict(ServiceArea.objects.values_list("code", "label"))
    items = []
    records = published_innovations(include_illustrative=True).filter(pk__in=ids)
    for innovation in records.order_by("title"):
        because = [
            f"theme: {themes[t.code]}" for t in innovation.themes.all() if t.code in codes["theme"]
        ]
        because += [
            f"service area: {areas[s.code]}"
            for s in innovation.service_areas.all()
            if s.code in codes[FollowKind.SERVICE_AREA]
        ]
        if innovation.record_id in codes[FollowKind.RECORD]:
            because.append("you follow this record")
        is_new = bool(innovation.published_at and innovation.published_at >= since)
        items.append(DigestItem(innovation, is_new, because))
    return items


def users_with_follows() -> QuerySet[User]:
    return User.objects.filter(is_active=True, follows__isnull=False).distinct().order_by("pk")


def last_digest_at(user: User) -> datetime | None:
    log = DigestLog.objects.filter(user=user).order_by("-sent_at").first()
    return log.sent_at if log else None


def unsubscribe_path(token: str) -> str:
    return reverse("follows:unsubscribe", kwargs={"token": token})
