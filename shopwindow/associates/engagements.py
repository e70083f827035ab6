"""The engagement workflow and its close-out (writes; the services of engagements).

proposed -> agreed (the council confirms dates and days) -> active (the associate starts)
-> completed (the council records days used, a 1-5 rating and the outcome). Either party may
cancel before completion. After completion the associate may create a pre-filled draft record
through the innovations service, owned by the council, for the normal moderation workflow.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from shopwindow.accounts.audit import Origin
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import is_council_member
from shopwindow.accounts.services import record_event
from shopwindow.associates import emails
from shopwindow.associates.models import Engagement
from shopwindow.associates.vocabularies import EngagementStatus as S
from shopwindow.core.email import absolute_url
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.records import save_record
from shopwindow.innovations.vocabularies import Source

COUNCIL, ASSOCIATE = "council", "associate"
TO_COMPLETE = "[For the council to complete]"


def party_of(engagement: Engagement, user: Any) -> str | None:
    """ "council" for the request's council members, "associate" for the engagement's associate."""
    if is_council_member(user, engagement.help_request.council_id):
        return COUNCIL
    if engagement.associate and engagement.associate.user_id == user.pk:
        return ASSOCIATE
    return None


# (from, to) -> the party who may make the move.
TRANSITIONS: dict[tuple[str, str], set[str]] = {
    (S.PROPOSED, S.AGREED): {COUNCIL},
    (S.AGREED, S.ACTIVE): {ASSOCIATE},
    (S.ACTIVE, S.COMPLETED): {COUNCIL},
    (S.PROPOSED, S.CANCELLED): {COUNCIL, ASSOCIATE},
    (S.AGREED, S.CANCELLED): {COUNCIL, ASSOCIATE},
    (S.ACTIVE, S.CANCELLED): {COUNCIL, ASSOCIATE},
}


def allowed_moves(engagement: Engagement, user: Any) -> list[str]:
    party = party_of(engagement, user)
    return [
        to for (frm, to), who in TRANSITIONS.items() if frm == engagement.status and party in who
    ]


def _people(engagement: Engagement) -> list[str | None]:
    author = engagement.help_request.author
    associate = engagement.associate
    return [author.email if author else None, associate.user.email if associate else None]


@transaction.atomic
def move(
    *,
    engagement: Engagement,
    user: User,
    to: str,
    origin: Origin | None = None,
    start_on: date | None = None,
    end_on: date | None = None,
    days_agreed: int | None = None,
    days_used: int | None = None,
    rating: int | None = None,
    rating_comment: str = "",
    outcome: str = "",
    reason: str = "",
) -> Engagement:
    """Make one transition; the fields each step needs are checked here."""
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if to not in allowed_moves(engagement, user):
        raise PermissionDenied(f"You cannot move this engagement from {engagement.status} to {to}")
    if to == S.AGREED:
        engagement.start_on = start_on or engagement.start_on
        engagement.end_on = end_on or engagement.end_on
        engagement.days_agreed = days_agreed or engagement.days_agreed
        if engagement.end_on < engagement.start_on:
            raise ValidationError({"end_on": "The end date must be on or after the start date"})
    if to == S.COMPLETED:
        if days_used is None:
            raise ValidationError({"days_used": "Enter the days used"})
        if rating not in {1, 2, 3, 4, 5}:
            raise ValidationError({"rating": "Choose a rating from 1 to 5"})
        if not outcome.strip():
            raise ValidationError({"outcome": "Enter the outcome"})
        engagement.days_used, engagement.rating = days_used, rating
        engagement.rating_comment, engagement.outcome = rating_comment.strip(), outcome.strip()
    if to == S.CANCELLED:
        if not reason.strip():
            raise ValidationError({"reason": "Enter why the engagement is cancelled"})
        engagement.cancel_reason = reason.strip()
    before = engagement.status
    engagement.status = to
    engagement.save()
    record_event(
        actor=user,
        action=f"engagement.{to}",
        target=engagement,
        origin=origin,
        extra={"from": before, "to": to},
    )
    label = S(to).label.lower()
    to_list = _people(engagement)
    if to in {S.COMPLETED, S.CANCELLED}:
        to_list += emails.moderator_emails()
    emails.notify(
        to_list,
        f"engagement {label}: {engagement.help_request.title}",
        f"The engagement for “{engagement.help_request.title}” at "
        f"{engagement.help_request.council.name} is now {label}.",
        absolute_url(reverse("associates:engagement", args=[engagement.pk])),
    )
    return engagement


@transaction.atomic
def record_days(*, engagement: Engagement, user: User, days_used: int) -> Engagement:
    """The associate (or the council) keeps the days used up to date while the work is active."""
    if engagement.status != S.ACTIVE or party_of(engagement, user) is None:
        raise PermissionDenied("Days are recorded on an active engagement by its parties")
    engagement.days_used = days_used
    engagement.save(update_fields=["days_used", "updated_at"])
    record_event(
        actor=user, action="engagement.days_recorded", target=engagement, extra={"days": days_used}
    )
    return engagement


def draft_record_data(engagement: Engagement) -> dict[str, Any]:
    """A valid Innovation Record pre-filled from the request and the outcome; the parts the
    council must check are marked TO_COMPLETE."""
    hr = engagement.help_request
    themes = sorted({t.code for r in hr.linked_records.all() for t in r.themes.all()})
    base = slugify(f"{hr.council.name} {hr.title}")[:60].strip("-") or "help-request"
    record_id = f"{base}-{hr.pk}"
    n = 1
    while Innovation.objects.filter(record_id=record_id).exists():
        n += 1
        record_id = f"{base}-{hr.pk}-{n}"
    summary = f"{TO_COMPLETE} {hr.council.name}: {hr.title}. {engagement.outcome}"
    return {
        "id": record_id,
        "title": hr.title[:120],
        "summary": summary[:400],
        "problem": hr.goal,
        "approach": (
            f"{TO_COMPLETE} Describe what was done.\n\n"
            f"What the council set out to achieve: {hr.goal}\n\nOutcome: {engagement.outcome}"
        ),
        "themes": themes or ["service-redesign"],
        "service_areas": [hr.service_area],
        "lead_authorities": [hr.council.gss],
        "status": "pilot",
        "evidence": {"level": 1, "verification": "self-reported"},
    }


@transaction.atomic
def create_draft_record(
    *, engagement: Engagement, user: User, origin: Origin | None = None
) -> Innovation:
    """Offered to the associate once an engagement is completed; one draft per engagement."""
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if party_of(engagement, user) != ASSOCIATE or engagement.status != S.COMPLETED:
        raise PermissionDenied("The associate creates the draft once the engagement is completed")
    if engagement.draft_record_id:
        raise ValidationError("A draft record already exists for this engagement")
    council = engagement.help_request.council
    if not council.gss:
        raise ValidationError("The council has no GSS code, so a record cannot name it")
    result = save_record(
        draft_record_data(engagement),
        actor=user,
        publish=False,
        source=Source.FORM,
        owner=council,
    )
    engagement.draft_record = result.innovation
    engagement.save(update_fields=["draft_record", "updated_at"])
    record_event(
        actor=user, action="engagement.draft_record", target=result.innovation, origin=origin
    )
    emails.notify(
        _people(engagement)[:1],
        "a draft record from your engagement",
        f"{engagement.associate.name if engagement.associate else 'The associate'} created a draft "
        f"record, “{result.innovation.title}”, from the engagement. Complete the parts marked "
        f"{TO_COMPLETE} and submit it for moderation.",
        absolute_url(reverse("associates:engagement", args=[engagement.pk])),
    )
    return result.innovation
