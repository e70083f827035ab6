"""Child rows of an innovation record, each kept in the order it was given."""

from django.db import models

from shopwindow.innovations.evidence_files import evidence_storage, public_path
from shopwindow.innovations.partial_dates import PartialDate
from shopwindow.innovations.vocabularies import AdoptionStatus, SavingKind, Source, SourceKind


class _Ordered(models.Model):
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class LeadAuthority(_Ordered):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="lead_links"
    )
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="lead_links"
    )

    class Meta(_Ordered.Meta):
        constraints = [
            models.UniqueConstraint(fields=["innovation", "authority"], name="unique_lead")
        ]

    def __str__(self) -> str:
        return f"{self.authority_id} leads {self.innovation_id}"


class PartnerAuthority(_Ordered):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="partner_links"
    )
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="partner_links"
    )

    class Meta(_Ordered.Meta):
        constraints = [
            models.UniqueConstraint(fields=["innovation", "authority"], name="unique_partner")
        ]

    def __str__(self) -> str:
        return f"{self.authority_id} partners in {self.innovation_id}"


class Metric(_Ordered):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="metrics"
    )
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=80, blank=True)
    baseline = models.FloatField(null=True, blank=True)
    result = models.FloatField(null=True, blank=True)
    period = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=20, choices=SavingKind.choices, blank=True)

    def __str__(self) -> str:
        return self.name


class SourceDocument(_Ordered):
    """A published source of evidence for the record (`evidence.sources`)."""

    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="sources"
    )
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500)
    published_year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_month = models.PositiveSmallIntegerField(null=True, blank=True)
    published_day = models.PositiveSmallIntegerField(null=True, blank=True)
    published_sort = models.DateField(null=True, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=SourceKind.choices, blank=True)
    # Field paths of the record this source backs (`outcomes.annual_saving_gbp`, `metrics[0]`...).
    supports = models.JSONField(default=list, blank=True)
    # An uploaded PDF of the source (innovations.evidence_files): `url` is then its address on
    # this service, and the file is public while a published record lists it.
    file = models.FileField(
        storage=evidence_storage, upload_to="evidence/", max_length=200, blank=True
    )

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        """Where the page links: an uploaded document's path on this service, else the url."""
        return public_path(self.file.name) if self.file else self.url

    @property
    def published_on(self) -> PartialDate | None:
        return PartialDate.from_parts(self.published_year, self.published_month, self.published_day)

    @published_on.setter
    def published_on(self, value: PartialDate | None) -> None:
        self.published_year = value.year if value else None
        self.published_month = value.month if value else None
        self.published_day = value.day if value else None
        self.published_sort = value.sort_date if value else None


class GuidanceStep(_Ordered):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="steps"
    )
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    duration_weeks = models.FloatField(null=True, blank=True)

    def __str__(self) -> str:
        return self.title


class Risk(_Ordered):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="risks"
    )
    risk = models.TextField()
    mitigation = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.risk[:80]


class Barrier(_Ordered):
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="barriers"
    )
    barrier = models.TextField()
    ask_of_government = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.barrier[:80]


class Adoption(_Ordered):
    """A council taking up the innovation. Listed in a record (imported or submitted) it counts as
    confirmed; adoption plans (a later feature) add unconfirmed ones with source "plan"."""

    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="adoptions"
    )
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.PROTECT, related_name="adoptions"
    )
    status = models.CharField(max_length=20, choices=AdoptionStatus.choices)
    started_year = models.PositiveSmallIntegerField(null=True, blank=True)
    started_month = models.PositiveSmallIntegerField(null=True, blank=True)
    started_day = models.PositiveSmallIntegerField(null=True, blank=True)
    started_sort = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    confirmed = models.BooleanField(default=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.IMPORT)

    def __str__(self) -> str:
        return f"{self.authority_id} {self.status} {self.innovation_id}"

    @property
    def started_on(self) -> PartialDate | None:
        return PartialDate.from_parts(self.started_year, self.started_month, self.started_day)

    @started_on.setter
    def started_on(self, value: PartialDate | None) -> None:
        self.started_year = value.year if value else None
        self.started_month = value.month if value else None
        self.started_day = value.day if value else None
        self.started_sort = value.sort_date if value else None
