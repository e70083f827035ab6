"""Revisions: every change to a record, with who made it, when, the full record and what changed.

A revision in state `pending` is an edit to a published record held for a moderator: its
`snapshot` is the proposed record, and the live record is untouched until it is approved.
"""

from django.conf import settings
from django.db import models


class RevisionKind(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    IMPORTED = "imported", "Imported"
    PROPOSED = "proposed", "Change proposed"
    APPROVED = "approved", "Proposed change approved"
    STATUS = "status", "Publication status changed"
    CORRECTED = "corrected", "Corrected after a reported problem"


class RevisionState(models.TextChoices):
    APPLIED = "applied", "Applied"
    PENDING = "pending", "Pending approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Revision(models.Model):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="revisions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="innovation_revisions",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=20, choices=RevisionKind.choices)
    state = models.CharField(
        max_length=20, choices=RevisionState.choices, default=RevisionState.APPLIED
    )
    source = models.CharField(max_length=20, blank=True)
    # The record in the exchange format after this change (or, when pending, as proposed).
    snapshot = models.JSONField()
    # [{"path": "outcomes.annual_saving_gbp", "old": ..., "new": ...}, ...]
    changes = models.JSONField(default=list, blank=True)
    workflow_status = models.CharField(max_length=20, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_innovation_revisions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["innovation", "created_at", "pk"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return (
            f"{self.innovation.record_id}: {self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
        )

    @property
    def changed_paths(self) -> list[str]:
        return [change["path"] for change in self.changes]
