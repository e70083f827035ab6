"""Problems reported with published records by anyone (signed in or not), and what moderators did.

A report is `open` until a moderator either corrects the record (`corrected`, linked to the
revision the correction made) or closes it with no change (`no-change`). `public_note` is shown
on the record page's history for corrections; the reporter's email address is never shown.
"""

from django.conf import settings
from django.db import models


class ProblemPart(models.TextChoices):
    FIGURES = "figures", "Figures and savings"
    SOURCES = "sources", "Sources"
    COUNCILS = "councils", "Councils involved"
    DATES = "dates", "Dates or status"
    DESCRIPTION = "description", "Description"
    OTHER = "other", "Something else"


class ProblemState(models.TextChoices):
    OPEN = "open", "Open"
    CORRECTED = "corrected", "Corrected"
    NO_CHANGE = "no-change", "No change needed"


class ProblemReport(models.Model):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="problem_reports"
    )
    part = models.CharField(max_length=20, choices=ProblemPart.choices, blank=True)
    description = models.TextField()
    email = models.EmailField(blank=True)  # for a reply only; never shown publicly
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=20, choices=ProblemState.choices, default=ProblemState.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_problem_reports",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    public_note = models.TextField(blank=True)
    revision = models.ForeignKey(
        "innovations.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problem_reports",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.innovation.record_id}: problem reported {self.created_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.state == ProblemState.OPEN
