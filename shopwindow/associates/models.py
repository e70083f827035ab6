"""Associate profiles, councils' help requests, invitations and engagements.

Lists of codes (skills, nations, regions, public fields) are JSON lists. For filtering on every
database, `save()` also writes "|code|code|" index strings holding only what the associate made
public, so the public roster can never match on a hidden field.
"""

from typing import Any

from django.conf import settings
from django.db import models

from shopwindow.associates.vocabularies import (
    Background,
    BudgetBand,
    DayRateBand,
    EngagementStatus,
    HelpRequestStatus,
    InvitationStatus,
    ProfileStatus,
    WorkMode,
    public_field_label,
    skill_label,
)


def _index(codes: list[str]) -> str:
    return "|" + "|".join(codes) + "|" if codes else ""


class AssociateProfile(models.Model):
    """One person's application to the roster and, once vetted, their roster entry."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="associate_profile"
    )
    status = models.CharField(
        max_length=20, choices=ProfileStatus.choices, default=ProfileStatus.SUBMITTED
    )
    background = models.CharField(max_length=20, choices=Background.choices)
    headline = models.CharField(max_length=200)
    skills = models.JSONField(default=list, help_text="Prefixed codes, e.g. capability:data")
    delivered_records = models.ManyToManyField(
        "innovations.Innovation", blank=True, related_name="delivering_associates"
    )
    nations = models.JSONField(default=list)
    regions = models.JSONField(default=list)
    work_mode = models.CharField(max_length=20, choices=WorkMode.choices)
    days_per_month = models.PositiveSmallIntegerField()
    available_from = models.DateField()
    day_rate_band = models.CharField(max_length=20, choices=DayRateBand.choices)
    referee_1_name = models.CharField(max_length=150)
    referee_1_role = models.CharField(max_length=150)
    referee_1_organisation = models.CharField(max_length=150)
    referee_1_email = models.EmailField()
    referee_2_name = models.CharField(max_length=150)
    referee_2_role = models.CharField(max_length=150)
    referee_2_organisation = models.CharField(max_length=150)
    referee_2_email = models.EmailField()
    # The CV is a stored file (shopwindow.files, in the database) with a random name under cvs/;
    # only moderators download it.
    cv_file = models.CharField(max_length=200, blank=True, editable=False)
    cv_original_name = models.CharField(max_length=255, blank=True)
    cv_kind = models.CharField(max_length=10, blank=True, help_text="pdf or docx")
    cv_size = models.PositiveIntegerField(default=0)
    public_fields = models.JSONField(default=list)
    moderator_message = models.TextField(
        blank=True, help_text="The last request for more information, or the refusal reason"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    vetted_at = models.DateTimeField(null=True, blank=True)
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Public-only indexes, rewritten on save (see the module docstring).
    public_text = models.TextField(blank=True, editable=False)
    public_skills = models.TextField(blank=True, editable=False)
    public_areas = models.TextField(blank=True, editable=False)
    availability_public = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        public = set(self.public_fields or [])
        skills = list(self.skills or []) if "skills" in public else []
        text = [self.name]
        if "headline" in public:
            text.append(self.headline)
        text += [skill_label(code) for code in skills]
        self.public_text = " ".join(text).lower()
        self.public_skills = _index(skills)
        areas = [f"nation:{n}" for n in self.nations or []]
        areas += [f"region:{r}" for r in self.regions or []]
        self.public_areas = _index(areas) if "areas" in public else ""
        self.availability_public = "availability" in public
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return self.user.full_name or "Associate"

    def shows(self, field: str) -> bool:
        return field in (self.public_fields or [])

    # The accounts permission matrix reads these (docs/permissions.md).
    @property
    def is_vetted(self) -> bool:
        return self.status == ProfileStatus.VETTED

    @property
    def owner_id(self) -> int | None:
        return self.user_id

    @property
    def public_field_labels(self) -> list[str]:
        """What the associate made public, in words (never the field codes)."""
        return [public_field_label(code) for code in self.public_fields or []]


class HelpRequest(models.Model):
    """A council's request for an associate's help."""

    council = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="help_requests"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
    )
    title = models.CharField(max_length=120)
    goal = models.TextField(help_text="What the council wants to achieve")
    linked_records = models.ManyToManyField(
        "innovations.Innovation", blank=True, related_name="help_requests"
    )
    service_area = models.CharField(max_length=40)
    capabilities = models.JSONField(default=list, help_text="Capability codes (no prefix)")
    days_needed = models.PositiveSmallIntegerField()
    budget_band = models.CharField(max_length=20, choices=BudgetBand.choices)
    start_on = models.DateField()
    end_on = models.DateField()
    work_mode = models.CharField(max_length=20, choices=WorkMode.choices)
    status = models.CharField(
        max_length=20, choices=HelpRequestStatus.choices, default=HelpRequestStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def service_area_label(self) -> str:
        return skill_label(f"service:{self.service_area}")

    @property
    def capability_labels(self) -> list[str]:
        return [skill_label(f"capability:{code}") for code in self.capabilities or []]

    @property
    def council_ids(self) -> set[int]:
        return {self.council_id}

    @property
    def associate_ids(self) -> set[int]:
        """User ids of the invited associates (the matrix's "if invited")."""
        return set(
            self.invitations.exclude(associate__isnull=True).values_list(
                "associate__user_id", flat=True
            )
        )


class Invitation(models.Model):
    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="invitations"
    )
    associate = models.ForeignKey(
        AssociateProfile, on_delete=models.CASCADE, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.INVITED
    )
    reasons = models.JSONField(default=list, help_text="The shortlist's reasons when invited")
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["help_request", "associate"], name="one_invitation_per_associate"
            )
        ]

    def __str__(self) -> str:
        return f"{self.associate} invited to {self.help_request}"


class Engagement(models.Model):
    """An associate's work for a council: proposed, agreed, active, then completed or cancelled."""

    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="engagements"
    )
    # Kept (associate nulled) if the associate deletes their account: the council's history stays.
    associate = models.ForeignKey(
        AssociateProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagements",
    )
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="engagement"
    )
    status = models.CharField(
        max_length=20, choices=EngagementStatus.choices, default=EngagementStatus.PROPOSED
    )
    start_on = models.DateField()
    end_on = models.DateField()
    days_agreed = models.PositiveSmallIntegerField()
    days_used = models.PositiveSmallIntegerField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    cancel_reason = models.TextField(blank=True)
    draft_record = models.ForeignKey(
        "innovations.Innovation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.associate or 'Former associate'} for {self.help_request}"

    @property
    def council_ids(self) -> set[int]:
        return {self.help_request.council_id}

    @property
    def associate_ids(self) -> set[int]:
        return {self.associate.user_id} if self.associate else set()
