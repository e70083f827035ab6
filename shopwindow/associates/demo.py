"""Illustrative associates for the demo (`load_demo_accounts`), so that the roster, the shortlist
and invitations have someone to show on a developer's machine.

They are made up, and say so: each name ends "(illustrative)" and each headline starts
"Illustrative associate:". Only settings that allow demo content create them (the command checks).
The first is the demo associate account, which can sign in; the others cannot (no password).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.associates.models import AssociateProfile
from shopwindow.associates.vocabularies import PUBLIC_FIELDS, ProfileStatus

ILLUSTRATIVE = "(illustrative)"


@dataclass(frozen=True)
class DemoAssociate:
    email: str
    name: str
    headline: str
    background: str
    skills: tuple[str, ...]
    nations: tuple[str, ...]
    regions: tuple[str, ...]
    work_mode: str
    day_rate_band: str


DEMO_ASSOCIATES = (
    DemoAssociate(
        "associate@demo.shopwindow.example",
        "Ada Associate",
        "Former head of revenues and benefits for two shared-service districts",
        "service",
        ("service:revenues-and-benefits", "theme:shared-services", "capability:business-cases"),
        ("england",),
        ("south-west", "south-east"),
        "either",
        "400-600",
    ),
    DemoAssociate(
        "ravi.rounds@demo.shopwindow.example",
        "Ravi Rounds",
        "Waste services manager who merged two councils' collection rounds",
        "service",
        ("service:waste-and-environment", "capability:procurement", "capability:tupe-and-hr"),
        ("england", "wales"),
        ("south-west", "wales"),
        "on-site",
        "600-800",
    ),
    DemoAssociate(
        "gwen.governance@demo.shopwindow.example",
        "Gwen Governance",
        "Former monitoring officer: joint committees, shared chief executives and companies",
        "corporate",
        (
            "service:corporate-services",
            "capability:legal-and-governance",
            "capability:company-formation",
        ),
        ("england", "wales", "scotland"),
        ("wales", "scotland", "north-west"),
        "remote",
        "over-800",
    ),
)


def _user(demo: DemoAssociate) -> User:
    name = f"{demo.name} {ILLUSTRATIVE}"
    user = User.objects.filter(email=demo.email).first()
    if user is None:
        user = User.objects.create_user(email=demo.email, password=None, full_name=name)
    elif user.full_name != name:
        user.full_name = name
        user.save(update_fields=["full_name"])
    return user


@transaction.atomic
def ensure_demo_associates() -> list[str]:
    """Create or refresh the illustrative associates, vetted and on the roster. Idempotent."""
    done = []
    for demo in DEMO_ASSOCIATES:
        user = _user(demo)
        profile, created = AssociateProfile.objects.update_or_create(
            user=user,
            defaults={
                "status": ProfileStatus.VETTED,
                "background": demo.background,
                "headline": f"Illustrative associate: {demo.headline}",
                "skills": list(demo.skills),
                "nations": list(demo.nations),
                "regions": list(demo.regions),
                "work_mode": demo.work_mode,
                "days_per_month": 4,
                "available_from": datetime.date(2027, 1, 4),
                "day_rate_band": demo.day_rate_band,
                "referee_1_name": "Illustrative referee",
                "referee_1_role": "Director",
                "referee_1_organisation": "An example council",
                "referee_1_email": "referee.one@demo.shopwindow.example",
                "referee_2_name": "Illustrative referee",
                "referee_2_role": "Chief executive",
                "referee_2_organisation": "Another example council",
                "referee_2_email": "referee.two@demo.shopwindow.example",
                "public_fields": [code for code, _ in PUBLIC_FIELDS],
            },
        )
        if created or profile.vetted_at is None:
            profile.submitted_at = profile.submitted_at or timezone.now()
            profile.vetted_at = timezone.now()
            profile.save(update_fields=["submitted_at", "vetted_at"])
        done.append(f"{'Created' if created else 'Kept'} illustrative associate {profile.name}")
    return done
