"""Reports: report PDFs (built by the worker, kept in the database), and briefing packs."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from shopwindow.files.storage import private_storage


class ReportFile(models.Model):
    """The report PDF for one set of filters and one version of the data: asked for, then built.

    A row is made when the PDF is first asked for (`built_at` empty: the worker is preparing
    it) and completed by the worker, which stores the PDF in the private file storage (the
    database). `data_version` is `selectors.data_version()` when it was asked for: a row whose
    version is not the current one is stale and is never served. At most
    REPORTS_PDF_MAX_FILES rows are kept; `services` removes the oldest with their files.
    """

    filters_key = models.CharField(max_length=64)
    filters = models.JSONField(default=dict, help_text="The query string the file was built for")
    data_version = models.CharField(max_length=64)
    file = models.FileField(
        storage=private_storage, upload_to="reports/", max_length=200, blank=True
    )
    data_as_of = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["filters_key", "data_version"], name="unique_report_file"
            )
        ]

    def __str__(self) -> str:
        state = f"built {self.built_at:%Y-%m-%d %H:%M}" if self.built_at else "being prepared"
        return f"Report PDF {self.filters_key[:8]} {state}"

    @property
    def ready(self) -> bool:
        return self.built_at is not None and bool(self.file)


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
