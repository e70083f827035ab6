"""The associate programme's vocabularies: the skills taxonomy, bands and states.

Skills are codes with a prefix naming their vocabulary, so one list can hold all three:
"theme:<code>" and "service:<code>" (the Innovation Record vocabularies) and "capability:<code>"
(CAPABILITIES below, kept here as data).
"""

from django.db import models

from shopwindow.authorities.vocabularies import Nation, Region
from shopwindow.innovations.vocabularies import SERVICE_AREAS, THEMES

# (code, label): the professional capabilities councils ask associates for.
CAPABILITIES: list[tuple[str, str]] = [
    ("business-cases", "Business cases"),
    ("programme-management", "Programme management"),
    ("change-management", "Change management"),
    ("tupe-and-hr", "TUPE and HR"),
    ("legal-and-governance", "Legal and governance"),
    ("procurement", "Procurement"),
    ("financial-modelling", "Financial modelling"),
    ("digital", "Digital"),
    ("data", "Data"),
    ("commissioning", "Commissioning"),
    ("company-formation", "Company formation"),
]

THEME_SKILLS = [(f"theme:{code}", label) for code, label, _ in THEMES]
SERVICE_SKILLS = [(f"service:{code}", label) for code, label, _ in SERVICE_AREAS]
CAPABILITY_SKILLS = [(f"capability:{code}", label) for code, label in CAPABILITIES]
SKILL_LABELS: dict[str, str] = dict(THEME_SKILLS + SERVICE_SKILLS + CAPABILITY_SKILLS)

NATION_LABELS: dict[str, str] = dict(Nation.choices)
REGION_LABELS: dict[str, str] = dict(Region.choices)


def skill_label(code: str) -> str:
    return SKILL_LABELS.get(code, code)


class Background(models.TextChoices):
    CORPORATE = "corporate", "Corporate (for example finance, HR, legal, IT)"
    SERVICE = "service", "Service delivery (for example social care, housing, waste)"


class WorkMode(models.TextChoices):
    REMOTE = "remote", "Remote"
    ON_SITE = "on-site", "On site"
    EITHER = "either", "Remote or on site"


class DayRateBand(models.TextChoices):
    UP_TO_400 = "up-to-400", "Up to £400 a day"
    FROM_400_TO_600 = "400-600", "£400 to £600 a day"
    FROM_600_TO_800 = "600-800", "£600 to £800 a day"
    OVER_800 = "over-800", "Over £800 a day"
    VOLUNTARY = "voluntary", "No charge (voluntary)"


class BudgetBand(models.TextChoices):
    UNDER_5K = "under-5k", "Under £5,000"
    FROM_5K_TO_20K = "5k-20k", "£5,000 to £20,000"
    FROM_20K_TO_50K = "20k-50k", "£20,000 to £50,000"
    OVER_50K = "over-50k", "Over £50,000"
    NO_BUDGET = "none", "No budget yet"


class ProfileStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for vetting"
    MORE_INFO = "more-info", "More information needed"
    VETTED = "vetted", "Vetted"
    REFUSED = "refused", "Refused"


class InvitationStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class EngagementStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    AGREED = "agreed", "Agreed"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class HelpRequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


# What an associate may show on their public profile (their name is always shown).
PUBLIC_FIELDS: list[tuple[str, str]] = [
    ("headline", "Headline"),
    ("background", "Background"),
    ("skills", "Skills"),
    ("delivered", "Records you helped deliver"),
    ("areas", "Nations and regions"),
    ("work_mode", "Remote or on site"),
    ("availability", "Availability"),
    ("day_rate", "Day-rate band"),
    ("ratings", "Ratings from completed engagements"),
]
PUBLIC_FIELD_LABELS: dict[str, str] = dict(PUBLIC_FIELDS)


def public_field_label(code: str) -> str:
    return PUBLIC_FIELD_LABELS.get(code, code.replace("_", " ").capitalize())
