"""Every write of the associate programme. Keyword-only arguments; one transaction each; every
decision goes to the audit log and emails the people involved."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from shopwindow.accounts.audit import Origin
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import can
from shopwindow.accounts.services import record_event
from shopwindow.associates import cv, emails
from shopwindow.associates.models import AssociateProfile, Engagement, HelpRequest, Invitation
from shopwindow.associates.selectors import forget_cached_vetting
from shopwindow.associates.vocabularies import (
    InvitationStatus,
    ProfileStatus,
)
from shopwindow.authorities.models import Authority
from shopwindow.core.email import absolute_url
from shopwindow.innovations.models import Innovation

# --- Profiles and vetting ------------------------------------------------------------------------

PROFILE_FIELDS = [
    "background",
    "headline",
    "skills",
    "nations",
    "regions",
    "work_mode",
    "days_per_month",
    "available_from",
    "day_rate_band",
    "referee_1_name",
    "referee_1_role",
    "referee_1_organisation",
    "referee_1_email",
    "referee_2_name",
    "referee_2_role",
    "referee_2_organisation",
    "referee_2_email",
    "public_fields",
]


@transaction.atomic
def save_application(
    *,
    user: User,
    data: dict[str, Any],
    delivered: list[Innovation],
    cv_upload: UploadedFile | None,
    origin: Origin | None = None,
) -> AssociateProfile:
    """Create or update the user's profile. A new, refused or "more information" profile goes
    (back) to the moderators; a vetted profile stays vetted. `data` is a form's cleaned data."""
    profile = AssociateProfile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if profile is None:
        profile = AssociateProfile(user=user)
    if cv_upload is None and not profile.cv_file:
        raise ValidationError({"cv": "Select your CV"})
    for name in PROFILE_FIELDS:
        setattr(profile, name, data[name])
    if cv_upload is not None:
        kind = cv.check_cv(cv_upload)  # checked again here: services never trust the caller
        # Stored in the database, in this transaction: if anything below fails, the new file
        # goes with the rollback and the old one stays.
        cv.delete_cv(profile.cv_file)
        profile.cv_file, profile.cv_kind = cv.store_cv(cv_upload, kind), kind
        profile.cv_original_name = (cv_upload.name or "")[:255]
        profile.cv_size = cv_upload.size or 0
    resubmitted = profile.status != ProfileStatus.VETTED
    if resubmitted:
        profile.status = ProfileStatus.SUBMITTED
        profile.submitted_at = timezone.now()
    profile.save()
    profile.delivered_records.set(delivered)
    action = "associate.applied" if created else "associate.profile_updated"
    record_event(actor=user, action=action, target=profile, origin=origin)
    if resubmitted:
        emails.notify(
            emails.moderator_emails(),
            "an associate application to vet",
            f"{profile.name} has {'applied' if created else 'updated their application'} "
            "to join the associate roster.",
            absolute_url(reverse("associates:moderation-detail", args=[profile.pk])),
        )
    forget_cached_vetting(user)
    return profile


DECISIONS = {"approve", "refuse", "more-info"}


@transaction.atomic
def vet(
    *,
    profile: AssociateProfile,
    moderator: User,
    decision: str,
    message: str = "",
    origin: Origin | None = None,
) -> AssociateProfile:
    """Approve, refuse (with a reason) or ask for more (with a message the applicant sees)."""
    if not can(moderator, "publish", "associate_profile", profile):
        raise PermissionDenied("Only moderators vet associates")
    if decision not in DECISIONS:
        raise ValidationError({"decision": "Choose approve, refuse or ask for more information"})
    if decision != "approve" and not message.strip():
        raise ValidationError({"message": "Enter the message for the applicant"})
    profile = AssociateProfile.objects.select_for_update().get(pk=profile.pk)
    now = timezone.now()
    if decision == "approve":
        profile.status, profile.vetted_at, profile.vetted_by = ProfileStatus.VETTED, now, moderator
        profile.moderator_message = ""
        text = "Your application to join the associate roster was approved. You are on the roster."
    elif decision == "refuse":
        profile.status, profile.moderator_message = ProfileStatus.REFUSED, message.strip()
        text = f"Your application to join the associate roster was refused.\n\nReason: {message}"
    else:
        profile.status, profile.moderator_message = ProfileStatus.MORE_INFO, message.strip()
        text = (
            "A moderator needs more information before vetting your application.\n\n"
            f"{message}\n\nUpdate your application and send it again."
        )
    profile.save()
    record_event(
        actor=moderator,
        action=f"associate.{decision.replace('-', '_')}",
        target=profile,
        origin=origin,
        extra={"message": message.strip()} if message.strip() else None,
    )
    emails.notify(
        [profile.user.email],
        "your associate application",
        text,
        absolute_url(reverse("associates:dashboard")),
    )
    forget_cached_vetting(profile.user)
    return profile


@transaction.atomic
def delete_profile_for(user: Any) -> None:
    """The profile and its CV go with the account; engagements stay with the council."""
    for profile in AssociateProfile.objects.filter(user_id=user.pk):
        cv.delete_cv(profile.cv_file)  # in this transaction, like the profile
        profile.delete()


# --- Help requests and invitations ---------------------------------------------------------------


@transaction.atomic
def create_help_request(
    *,
    author: User,
    council: Authority,
    data: dict[str, Any],
    linked: list[Innovation],
    origin: Origin | None = None,
) -> HelpRequest:
    probe = HelpRequest(council=council)
    if not can(author, "create", "help_request", probe):
        raise PermissionDenied("Only the council's members can raise its help requests")
    fields = "title goal service_area capabilities days_needed budget_band start_on end_on"
    help_request = HelpRequest(
        council=council,
        author=author,
        work_mode=data["work_mode"],
        **{name: data[name] for name in fields.split()},
    )
    help_request.save()
    help_request.linked_records.set(linked)
    record_event(actor=author, action="help_request.created", target=help_request, origin=origin)
    emails.notify(
        emails.moderator_emails(),
        f"a help request from {council.name}",
        f"{council.name} asked for help: {help_request.title}.",
        absolute_url(reverse("associates:request-detail", args=[help_request.pk])),
    )
    return help_request


@transaction.atomic
def invite(
    *,
    help_request: HelpRequest,
    profile: AssociateProfile,
    actor: User,
    reasons: list[str],
    origin: Origin | None = None,
) -> Invitation:
    if not can(actor, "edit", "help_request", help_request):
        raise PermissionDenied("Only the council's members and moderators invite associates")
    if not profile.is_vetted:
        raise ValidationError("Only vetted associates can be invited")
    invitation, created = Invitation.objects.get_or_create(
        help_request=help_request,
        associate=profile,
        defaults={"invited_by": actor, "reasons": reasons},
    )
    if created:
        record_event(
            actor=actor,
            action="help_request.invited",
            target=invitation,
            origin=origin,
            extra={"associate_profile": profile.pk, "help_request": help_request.pk},
        )
        emails.notify(
            [profile.user.email],
            f"{help_request.council.name} invites you to help",
            f"{help_request.council.name} invites you to help with: {help_request.title}.",
            absolute_url(reverse("associates:invitation", args=[invitation.pk])),
        )
    return invitation


@transaction.atomic
def respond(
    *,
    invitation: Invitation,
    user: User,
    accept: bool,
    origin: Origin | None = None,
) -> Engagement | None:
    """The invited associate accepts (an engagement is proposed) or declines."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("help_request__council", "associate")
        .get(pk=invitation.pk)
    )
    if invitation.associate.user_id != user.pk:
        raise PermissionDenied("Only the invited associate can answer an invitation")
    if invitation.status != InvitationStatus.INVITED:
        raise ValidationError("You have already answered this invitation")
    help_request = invitation.help_request
    invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save()
    engagement = None
    if accept:
        engagement = Engagement.objects.create(
            help_request=help_request,
            associate=invitation.associate,
            invitation=invitation,
            start_on=help_request.start_on,
            end_on=help_request.end_on,
            days_agreed=help_request.days_needed,
        )
    verb = "accepted" if accept else "declined"
    record_event(actor=user, action=f"help_request.{verb}", target=invitation, origin=origin)
    path = (
        reverse("associates:engagement", args=[engagement.pk])
        if engagement
        else reverse("associates:request-detail", args=[help_request.pk])
    )
    emails.notify(
        [help_request.author.email if help_request.author else None],
        f"{invitation.associate.name} {verb} your invitation",
        f"{invitation.associate.name} {verb} your invitation to help with: {help_request.title}.",
        absolute_url(path),
    )
    return engagement
