"""Writes to a record's adoptions that come from adoption plans (the adoption app calls these).

A plan's adoption is one `Adoption` row per record and council, with source "plan". It is not
part of the public record until a moderator confirms it (`confirmed=True`). Whenever the public
record changes (a confirmation, or a confirmed adoption marked abandoned) a revision is kept,
like every other change to a record.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Adoption, Innovation, Revision, RevisionKind
from shopwindow.innovations.partial_dates import PartialDate
from shopwindow.innovations.services.records import _fresh, diff_records
from shopwindow.innovations.vocabularies import AdoptionStatus, Source


def adoption_for(innovation: Innovation, authority: Authority) -> Adoption | None:
    return (
        Adoption.objects.filter(innovation=innovation, authority=authority).order_by("pk").first()
    )


def _keep_revision(
    innovation: Innovation, before: dict[str, object], *, actor: User | None, reason: str = ""
) -> Revision | None:
    after = _fresh(innovation)
    changes = diff_records(before, after)
    if not changes:
        return None
    Innovation.objects.filter(pk=innovation.pk).update(updated_at=timezone.now())
    return Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=RevisionKind.UPDATED,
        source=Source.PLAN,
        snapshot=after,
        changes=changes,
        workflow_status=innovation.workflow_status,
        reason=reason,
    )


def _partial(day: date | None) -> PartialDate | None:
    return PartialDate(day.year, day.month, day.day) if day else None


@transaction.atomic
def record_plan_status(
    *,
    innovation: Innovation,
    authority: Authority,
    status: str,
    started_on: date | None,
    actor: User | None,
) -> Adoption | None:
    """Reflect a plan's status on the record's adoptions (the rule is in docs/adoption.md).

    - exploring: nothing public; an unconfirmed adoption from a plan is removed.
    - in-progress / adopted: the adoption is created or updated and waits for a moderator
      (unconfirmed) unless it is already confirmed with that same status.
    - abandoned: an existing adoption (confirmed or not) is marked abandoned and keeps its
      confirmation, because abandoning never claims more than was confirmed.
    Returns the adoption row, or None when there is none.
    """
    if status not in AdoptionStatus.values:
        raise ValueError(f"Unknown adoption status {status!r}")
    existing = adoption_for(innovation, authority)
    before = _fresh(innovation)
    if status == AdoptionStatus.EXPLORING:
        if existing is not None and not existing.confirmed and existing.source == Source.PLAN:
            existing.delete()
            return None
        return existing
    if status == AdoptionStatus.ABANDONED:
        if existing is None:
            return None
        existing.status = status
        existing.save(update_fields=["status"])
        _keep_revision(innovation, before, actor=actor, reason="Adoption plan abandoned")
        return existing
    if existing is not None and existing.confirmed and existing.status == status:
        return existing
    adoption = existing or Adoption(
        innovation=innovation,
        authority=authority,
        position=innovation.adoptions.count(),
        source=Source.PLAN,
    )
    adoption.status = status
    adoption.started_on = _partial(started_on)
    adoption.confirmed = False
    adoption.confirmed_at = None
    adoption.source = Source.PLAN
    adoption.save()
    # A confirmed adoption that needs confirming again leaves the public record for now.
    _keep_revision(innovation, before, actor=actor, reason="Adoption waits for confirmation")
    return adoption


@transaction.atomic
def confirm_adoption(*, adoption: Adoption, actor: User, notes: str = "") -> Adoption:
    """A moderator makes a plan's adoption public. Keeps a revision of the record."""
    adoption = Adoption.objects.select_for_update().select_related("innovation").get(pk=adoption.pk)
    if adoption.confirmed:
        raise ValueError("This adoption is already confirmed")
    before = _fresh(adoption.innovation)
    adoption.confirmed = True
    adoption.confirmed_at = timezone.now()
    if notes:
        adoption.notes = notes
    adoption.save(update_fields=["confirmed", "confirmed_at", "notes"])
    _keep_revision(adoption.innovation, before, actor=actor, reason="Adoption confirmed")
    return adoption


@transaction.atomic
def reject_adoption(*, adoption: Adoption, actor: User, reason: str) -> None:
    """A moderator refuses a plan's adoption: the unconfirmed row goes (the plan keeps the
    reason). A confirmed adoption cannot be rejected here."""
    adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
    if adoption.confirmed:
        raise ValueError("A confirmed adoption cannot be rejected")
    adoption.delete()
