"""Follows: a signed-in person follows a theme, a service area or a record, and gets a weekly
email digest of what is new or changed in what they follow.

A follow is (user, kind, code): `code` is the theme or service area code, or the record's id
(its `record_id` slug, stable for the record's life). See shopwindow/follows/services.py for the
small API other apps use.
"""

from django.conf import settings
from django.db import models


class FollowKind(models.TextChoices):
    THEME = "theme", "Theme"
    SERVICE_AREA = "service-area", "Service area"
    RECORD = "record", "Record"


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(max_length=20, choices=FollowKind.choices)
    code = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "code"], name="unique_follow")
        ]
        indexes = [models.Index(fields=["kind", "code"])]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.kind} {self.code}"


class DigestLog(models.Model):
    """One row per digest email sent, so a second run in the same week sends nothing twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_logs"
    )
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    item_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Digest to {self.user_id} at {self.sent_at:%Y-%m-%d}"
