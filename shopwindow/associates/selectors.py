"""Reads for the associate programme. Visibility is decided here, never in templates.

- The public roster and API see vetted profiles only, and match only what each made public.
- Help requests and engagements: the council's members and moderators, and invited associates.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from shopwindow.accounts.permissions import approved_council_ids, can, is_moderator
from shopwindow.associates import matching
from shopwindow.associates.models import AssociateProfile, Engagement, HelpRequest, Invitation
from shopwindow.associates.vocabularies import EngagementStatus, ProfileStatus
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.selectors import published_innovations


def profile_of(user: Any) -> AssociateProfile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return AssociateProfile.objects.filter(user_id=user.pk).first()


def is_vetted_associate(user: Any) -> bool:
    """Whether the user has a vetted profile (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False) or not user.pk:
        return False
    cached = getattr(user, "_vetted_associate", None)
    if cached is None:
        cached = AssociateProfile.objects.filter(
            user_id=user.pk, status=ProfileStatus.VETTED
        ).exists()
        user._vetted_associate = cached
    return bool(cached)


def forget_cached_vetting(user: Any) -> None:
    if hasattr(user, "_vetted_associate"):
        del user._vetted_associate


def vetted_profiles() -> QuerySet[AssociateProfile]:
    return (
        AssociateProfile.objects.filter(status=ProfileStatus.VETTED)
        .select_related("user")
        .prefetch_related("delivered_records")
        .order_by("user__full_name", "id")
    )


def roster(
    *,
    text: str = "",
    skill: str = "",
    area: str = "",
    available_by: date | None = None,
    min_days: int | None = None,
) -> QuerySet[AssociateProfile]:
    """The public roster, filtered on public fields only (the indexes hold nothing else)."""
    qs = vetted_profiles()
    for word in text.lower().split():
        qs = qs.filter(public_text__contains=word)
    if skill:
        qs = qs.filter(public_skills__contains=f"|{skill}|")
    if area:
        qs = qs.filter(public_areas__contains=f"|{area}|")
    if available_by is not None:
        qs = qs.filter(availability_public=True, available_from__lte=available_by)
    if min_days is not None:
        qs = qs.filter(availability_public=True, days_per_month__gte=min_days)
    return qs


def public_profile(pk: int) -> AssociateProfile | None:
    return vetted_profiles().filter(pk=pk).first()


def moderation_queue() -> QuerySet[AssociateProfile]:
    return (
        AssociateProfile.objects.filter(
            status__in=[ProfileStatus.SUBMITTED, ProfileStatus.MORE_INFO]
        )
        .select_related("user")
        .order_by("submitted_at", "id")
    )


@dataclass
class Experience:
    completed: int
    records: list[Innovation]
    average_rating: float | None


def experience(profile: AssociateProfile) -> Experience:
    """Completed engagements: how many, the published records linked to them, the mean rating."""
    done = Engagement.objects.filter(associate=profile, status=EngagementStatus.COMPLETED)
    summary = done.aggregate(n=Count("id"), avg=Avg("rating"))
    record_ids = set(done.values_list("help_request__linked_records", flat=True)) - {None}
    record_ids |= set(done.exclude(draft_record=None).values_list("draft_record", flat=True))
    records = list(published_innovations(include_illustrative=True).filter(pk__in=record_ids))
    average = round(float(summary["avg"]), 1) if summary["avg"] is not None else None
    return Experience(completed=summary["n"] or 0, records=records, average_rating=average)


# --- Help requests and engagements ---------------------------------------------------------------


def _request_base() -> QuerySet[HelpRequest]:
    return HelpRequest.objects.select_related("council", "author").prefetch_related(
        "linked_records"
    )


def requests_for(user: Any) -> QuerySet[HelpRequest]:
    """The requests a user may see: all (moderators), their councils', or those they were invited
    to (associates)."""
    qs = _request_base()
    if is_moderator(user):
        return qs
    councils = approved_council_ids(user)
    return qs.filter(
        Q(council_id__in=councils) | Q(invitations__associate__user_id=user.pk)
    ).distinct()


def visible_request(user: Any, pk: int) -> HelpRequest | None:
    """One request, or None (a 404) when the user may not see it."""
    found = _request_base().filter(pk=pk).first()
    if found is None or not can(user, "view", "help_request", found):
        return None
    return found


def invitations_for(user: Any) -> QuerySet[Invitation]:
    return Invitation.objects.filter(associate__user_id=user.pk).select_related(
        "help_request__council"
    )


def engagements_for(user: Any) -> QuerySet[Engagement]:
    qs = Engagement.objects.select_related(
        "help_request__council", "associate__user", "draft_record"
    )
    if is_moderator(user):
        return qs
    return qs.filter(
        Q(help_request__council_id__in=approved_council_ids(user)) | Q(associate__user_id=user.pk)
    )


def visible_engagement(user: Any, pk: int) -> Engagement | None:
    found = engagements_for(user).filter(pk=pk).first()
    if found is None or not can(user, "view", "engagement", found):
        return None
    return found


# --- Matching ------------------------------------------------------------------------------------


def _record(innovation: Innovation) -> matching.Record:
    return matching.Record(
        id=innovation.pk,
        title=innovation.title,
        themes=frozenset(t.code for t in innovation.themes.all()),
        service_areas=frozenset(s.code for s in innovation.service_areas.all()),
    )


def need_of(help_request: HelpRequest) -> matching.Need:
    linked = help_request.linked_records.prefetch_related("themes", "service_areas")
    council = help_request.council
    return matching.Need(
        service_area=help_request.service_area,
        capabilities=frozenset(help_request.capabilities or []),
        linked_records=tuple(_record(r) for r in linked.order_by("id")),
        council_name=council.name,
        nation=council.nation,
        region=council.region or "",
        work_mode=help_request.work_mode,
        start_on=help_request.start_on,
        end_on=help_request.end_on,
        days_needed=help_request.days_needed,
    )


def candidate_of(profile: AssociateProfile) -> matching.Candidate:
    delivered = profile.delivered_records.filter(workflow_status="published")
    delivered = delivered.prefetch_related("themes", "service_areas").order_by("id")
    return matching.Candidate(
        id=profile.pk,
        name=profile.name,
        skills=frozenset(profile.skills or []),
        delivered=tuple(_record(r) for r in delivered),
        nations=frozenset(profile.nations or []),
        regions=frozenset(profile.regions or []),
        work_mode=profile.work_mode,
        days_per_month=profile.days_per_month,
        available_from=profile.available_from,
    )


def shortlist_for(help_request: HelpRequest, *, limit: int = 10) -> list[matching.Match]:
    candidates = [candidate_of(p) for p in vetted_profiles()]
    return matching.rank(need_of(help_request), candidates, limit=limit)
