"""Reads of innovation records. Visibility is decided here: the public sees published records only.

Pages, the API, search and reports build on `published_innovations()`; they must not filter
`workflow_status` themselves.
"""

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from shopwindow.accounts.permissions import approved_council_ids, is_moderator
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import (
    Adoption,
    Innovation,
    LeadAuthority,
    PartnerAuthority,
    Revision,
    RevisionState,
)
from shopwindow.innovations.vocabularies import WorkflowStatus


def with_record_relations(qs: QuerySet[Innovation]) -> QuerySet[Innovation]:
    """Everything record_to_dict and the derived figures read, in a fixed number of queries."""
    return qs.select_related("evidence_level", "owner_council").prefetch_related(
        "themes",
        "service_areas",
        Prefetch("lead_links", queryset=LeadAuthority.objects.select_related("authority")),
        Prefetch("partner_links", queryset=PartnerAuthority.objects.select_related("authority")),
        "metrics",
        "sources",
        "steps",
        "risks",
        "barriers",
        Prefetch("adoptions", queryset=Adoption.objects.select_related("authority")),
    )


def published_innovations(*, include_illustrative: bool = False) -> QuerySet[Innovation]:
    """Published records with their relations prefetched, newest first by publication.

    Illustrative demo records are left out unless asked for: every list, search and total leaves
    them out by default. Look-ups of records the visitor already chose (by id) include them."""
    qs = Innovation.objects.filter(workflow_status=WorkflowStatus.PUBLISHED)
    if not include_illustrative:
        qs = qs.filter(is_illustrative=False)
    return with_record_relations(qs).order_by("-published_at", "record_id")


def get_published(record_id: str) -> Innovation | None:
    return published_innovations(include_illustrative=True).filter(record_id=record_id).first()


def all_innovations(*, published_only: bool) -> QuerySet[Innovation]:
    """For exports: published records (default) or every record, in id order."""
    qs = Innovation.objects.all()
    if published_only:
        qs = qs.filter(workflow_status=WorkflowStatus.PUBLISHED)
    return with_record_relations(qs).order_by("record_id")


def innovations_for_authority(authority: Authority) -> dict[str, QuerySet[Innovation]]:
    """Published records a council led, partnered in, or (confirmed) adopted — for its page."""
    base = published_innovations()
    return {
        "led": base.filter(lead_links__authority=authority).distinct(),
        "partnered": base.filter(partner_links__authority=authority).distinct(),
        "adopted": base.filter(
            adoptions__authority=authority, adoptions__confirmed=True
        ).distinct(),
    }


def editable_by_councils(council_ids: list[int]) -> QuerySet[Innovation]:
    """Records a council member may edit: those their councils own or lead."""
    return Innovation.objects.filter(
        Q(owner_council_id__in=council_ids) | Q(lead_links__authority_id__in=council_ids)
    ).distinct()


def pending_revision(innovation: Innovation) -> Revision | None:
    """The edit to a published record waiting for a moderator, if any."""
    return innovation.revisions.filter(state=RevisionState.PENDING).order_by("-created_at").first()


def pending_revisions() -> QuerySet[Revision]:
    """Every pending edit, oldest first (the moderators' queue)."""
    return (
        Revision.objects.filter(state=RevisionState.PENDING)
        .select_related("innovation", "author")
        .order_by("created_at", "pk")
    )


def revision_history(innovation: Innovation) -> QuerySet[Revision]:
    return innovation.revisions.select_related("author", "decided_by").order_by("created_at", "pk")


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def derived_figures(innovation: Innovation) -> dict[str, Any]:
    """The figures computed from a record, as the API and pages show them."""
    return {
        "payback_months": _float(innovation.payback_months),
        "saving_per_head_gbp": _float(innovation.saving_per_head),
        "verified": innovation.verified,
    }


def may_see_contact_name(user: Any) -> bool:
    """A record's contact name and role are for signed-in council members and moderators."""
    return bool(
        user and user.is_authenticated and (is_moderator(user) or approved_council_ids(user))
    )


def may_see_contact_email(user: Any, innovation: Innovation) -> bool:
    """The contact's email address is for moderators and the record's own councils only.

    Everyone else who may contact them sends a message through the service, which sets Reply-To
    to the sender: the address itself is never shown to a sender (page, download or API).
    """
    if not (user and user.is_authenticated):
        return False
    return is_moderator(user) or bool(approved_council_ids(user) & innovation.council_ids)


def public_history(innovation: Innovation) -> QuerySet[Revision]:
    """The record's changes the public may see, newest first: applied revisions (created,
    updated, imported, approved, corrected, publication status) since it was first published.

    Pending and rejected proposals are left out, and so are proposals marked approved: their
    content shows once, as the "Proposed change approved" revision that applied it. Work on the
    record before it was first published is not public. Callers must not show who made a change.
    """
    qs = innovation.revisions.filter(state=RevisionState.APPLIED)
    if innovation.published_at is not None:
        qs = qs.filter(created_at__gte=innovation.published_at)
    return qs.order_by("-created_at", "-pk")
