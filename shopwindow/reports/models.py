"""Reports: cached report PDFs, and the moderators' briefing packs."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class ReportFile(models.Model):
    """A built report PDF for one set of filters and one version of the data.

    `data_version` is `selectors.data_version()` when the file was built: a file whose version is
    not the current one is stale and is rebuilt on the next download.
    """

    filters_key = models.CharField(max_length=64)
    filters = models.JSONField(default=dict, help_text="The query string the file was built for")
    data_version = models.CharField(max_length=64)
    content = models.BinaryField()
    data_as_of = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-built_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["filters_key", "data_version"], name="unique_report_file"
            )
        ]

    def __str__(self) -> str:
        return f"Report PDF {self.filters_key[:8]} built {self.built_at:%Y-%m-%d %H:%M}"


class BriefingPack(models.Model):
    """A moderator's selection of records and barriers, with an introduction, for a spending
    review submission or a consultation response."""

    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True, help_text="Markdown")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="briefing_packs",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("briefings:detail", kwargs={"pk": self.pk})


class BriefingItemKind(models.TextChoices):
    RECORD = "record", "Record"
    BARRIER = "barrier", "Barrier"


class BriefingItem(models.Model):
    """One record, or one barrier of a record, in a briefing pack.

    A barrier's wording is copied when it is picked: a record's barriers are rewritten whenever
    the record is saved, so a link to the row would not survive an edit.
    """

    pack = models.ForeignKey(BriefingPack, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=BriefingItemKind.choices)
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="briefing_items"
    )
    barrier = models.TextField(blank=True)
    ask_of_government = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        if self.kind == BriefingItemKind.BARRIER:
            return f"Barrier: {self.barrier[:60]}"
        return f"Record: {self.innovation_id}"
