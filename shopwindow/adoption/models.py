"""Adoption plans (a council turning a record's playbook into its own plan), their tasks, and
messages sent to a record's contact.

A plan belongs to one council and one published record (one plan per council per record). Its id
is a random UUID so that plan URLs cannot be guessed. The permission matrix
(shopwindow.accounts.permissions, rows adoption_plan:private / adoption_plan:shared) reads
`council_ids`, `owner_id` and `is_shared` from a plan.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from shopwindow.innovations.vocabularies import AdoptionStatus


class PlanStatus(models.TextChoices):
    """The same codes as the record's adoption statuses, so a plan's status feeds an adoption."""

    EXPLORING = AdoptionStatus.EXPLORING.value, "Exploring"
    IN_PROGRESS = AdoptionStatus.IN_PROGRESS.value, "In progress"
    ADOPTED = AdoptionStatus.ADOPTED.value, "Adopted"
    ABANDONED = AdoptionStatus.ABANDONED.value, "Abandoned"


class AdoptionReview(models.TextChoices):
    """What a moderator last decided about the adoption this plan fed to the record."""

    NONE = "", "Not asked"
    PENDING = "pending", "Waiting for a moderator"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Not confirmed"


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    IN_PROGRESS = "in-progress", "In progress"
    DONE = "done", "Done"
    BLOCKED = "blocked", "Blocked"


class AdoptionPlan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    council = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="adoption_plans"
    )
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="adoption_plans"
    )
    title = models.CharField(max_length=200)
    start_date = models.DateField()
    status = models.CharField(
        max_length=20, choices=PlanStatus.choices, default=PlanStatus.EXPLORING
    )
    is_shared = models.BooleanField(
        default=False, help_text="Shared plans can be read by anyone signed in"
    )
    review = models.CharField(
        max_length=20, choices=AdoptionReview.choices, default=AdoptionReview.NONE, blank=True
    )
    review_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_plans",
    )
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "innovation"], name="one_plan_per_council_and_record"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("adoption:plan", kwargs={"plan_id": self.pk})

    # Read by shopwindow.accounts.permissions.can().
    @property
    def council_ids(self) -> set[int]:
        return {self.council_id}

    @property
    def owner_id(self) -> int | None:
        return self.created_by_id


class PlanTask(models.Model):
    plan = models.ForeignKey(AdoptionPlan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    owner_name = models.CharField("owner", max_length=150, blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_tasks",
    )
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    # How long the task takes, for recalculating dates when the plan's start date moves.
    duration_days = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_display(self) -> str:
        if self.owner_user is not None:
            return str(self.owner_user)
        return self.owner_name


class OriginatorMessage(models.Model):
    """A message a council member sent to a record's contact. The address is kept for the log
    (what was sent where) but never shown to the sender."""

    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="originator_messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="originator_messages",
    )
    council = models.ForeignKey(
        "authorities.Authority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="originator_messages",
    )
    body = models.TextField()
    recipient_email = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Message about {self.innovation_id} at {self.sent_at:%Y-%m-%d %H:%M}"
