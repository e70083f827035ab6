"""Privacy hooks: profiles and CVs go with the account; requests stay with the council."""

from typing import Any

from django.dispatch import receiver

from shopwindow.accounts.signals import collect_user_data, user_deleting
from shopwindow.associates.models import AssociateProfile, Engagement, HelpRequest, Invitation


@receiver(user_deleting)
def _user_deleting(sender: Any, user: Any, **kwargs: Any) -> None:
    from shopwindow.associates.services import delete_profile_for

    HelpRequest.objects.filter(author_id=user.pk).update(author=None)
    Invitation.objects.filter(invited_by_id=user.pk).update(invited_by=None)
    delete_profile_for(user)


@receiver(collect_user_data)
def _collect(sender: Any, user: Any, **kwargs: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    profile = AssociateProfile.objects.filter(user_id=user.pk).first()
    if profile is not None:
        data["associate_profile"] = {
            "status": profile.status,
            "background": profile.background,
            "headline": profile.headline,
            "skills": profile.skills,
            "delivered_records": [r.record_id for r in profile.delivered_records.all()],
            "nations": profile.nations,
            "regions": profile.regions,
            "work_mode": profile.work_mode,
            "days_per_month": profile.days_per_month,
            "available_from": profile.available_from.isoformat(),
            "day_rate_band": profile.day_rate_band,
            "referees": [
                {
                    "name": getattr(profile, f"referee_{n}_name"),
                    "role": getattr(profile, f"referee_{n}_role"),
                    "organisation": getattr(profile, f"referee_{n}_organisation"),
                    "email": getattr(profile, f"referee_{n}_email"),
                }
                for n in (1, 2)
            ],
            "cv_file_name": profile.cv_original_name,
            "public_fields": profile.public_fields,
            "moderator_message": profile.moderator_message,
        }
        data["associate_engagements"] = [
            {
                "help_request": e.help_request.title,
                "council": e.help_request.council.name,
                "status": e.status,
                "days_used": e.days_used,
                "rating": e.rating,
            }
            for e in Engagement.objects.filter(associate=profile).select_related(
                "help_request__council"
            )
        ]
    requests = HelpRequest.objects.filter(author_id=user.pk).select_related("council")
    if requests:
        data["help_requests"] = [
            {"title": r.title, "council": r.council.name, "created_at": r.created_at.isoformat()}
            for r in requests
        ]
    return data
