"""The innovation record: one proven improvement option, as the exchange format describes it."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from shopwindow.innovations.partial_dates import PartialDate
from shopwindow.innovations.vocabularies import (
    ILLUSTRATIVE_TAG,
    RecordStatus,
    SavingKind,
    SavingSharedBy,
    Verification,
    WorkflowStatus,
)

if TYPE_CHECKING:
    from shopwindow.authorities.models import Authority


class Innovation(models.Model):
    record_id = models.SlugField("id", max_length=80, unique=True)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=400)
    problem = models.TextField(blank=True)
    approach = models.TextField()
    themes = models.ManyToManyField("innovations.Theme", related_name="innovations")
    service_areas = models.ManyToManyField("innovations.ServiceArea", related_name="innovations")
    lead_authorities = models.ManyToManyField(
        "authorities.Authority",
        through="innovations.LeadAuthority",
        related_name="led_innovations",
    )
    partner_authorities = models.ManyToManyField(
        "authorities.Authority",
        through="innovations.PartnerAuthority",
        related_name="partnered_innovations",
    )
    other_partners = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=RecordStatus.choices)

    # Partial date: year, month and day as given, plus the first day it could mean, for sorting.
    started_year = models.PositiveSmallIntegerField(null=True, blank=True)
    started_month = models.PositiveSmallIntegerField(null=True, blank=True)
    started_day = models.PositiveSmallIntegerField(null=True, blank=True)
    started_sort = models.DateField(null=True, blank=True)

    annual_saving_gbp = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    one_off_cost_gbp = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    saving_basis = models.TextField(blank=True)
    # Format 1.1: how far the saving was checked, the year it refers to, and whose budgets it
    # was made across ("" means not stated, read as "all").
    saving_kind = models.CharField(max_length=20, choices=SavingKind.choices, blank=True)
    saving_year = models.CharField(max_length=20, blank=True)
    saving_shared_by = models.CharField(max_length=10, choices=SavingSharedBy.choices, blank=True)
    # Format 1.1 function codes (vocabularies.FUNCTIONS), in vocabulary order.
    functions = models.JSONField(default=list, blank=True)

    evidence_level = models.ForeignKey(
        "innovations.EvidenceLevel", on_delete=models.PROTECT, related_name="innovations"
    )
    verification = models.CharField(
        max_length=30, choices=Verification.choices, default=Verification.SELF_REPORTED
    )

    legal_basis = models.TextField(blank=True)
    prerequisites = models.JSONField(default=list, blank=True)
    lessons = models.JSONField(default=list, blank=True)

    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)

    tags = models.JSONField(default=list, blank=True)
    # Kept in step with `tags` on save, so that selectors can filter demo records in SQL.
    is_illustrative = models.BooleanField(default=False, editable=False)

    workflow_status = models.CharField(
        max_length=20, choices=WorkflowStatus.choices, default=WorkflowStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_innovations",
    )
    owner_council = models.ForeignKey(
        "authorities.Authority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_innovations",
        help_text="The submitting council (empty for imported records)",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # When a moderator or a catalogue import last checked the record's content against its sources.
    last_checked_at = models.DateTimeField(null=True, blank=True)
    # The submission form's work in progress: {"record": <spec dict, maybe incomplete>,
    # "completed": [section keys]}. The live fields change only when it is submitted (see
    # services/submission.py), so a half-finished edit never shows anywhere.
    draft_data = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["record_id"]
        indexes = [models.Index(fields=["workflow_status", "is_illustrative"])]

    def __str__(self) -> str:
        return self.title

    _loaded_record_id: str | None = None

    def save(self, *args: object, **kwargs: object) -> None:
        self.is_illustrative = ILLUSTRATIVE_TAG in (self.tags or [])
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        old_id = getattr(self, "_loaded_record_id", None)
        if old_id and old_id != self.record_id:
            self._keep_alias(old_id)
        self._loaded_record_id = self.record_id

    def get_absolute_url(self) -> str:
        return reverse("innovations:detail", kwargs={"record_id": self.record_id})

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> "Innovation":
        instance = super().from_db(db, field_names, values)
        # The id as loaded, so that save() can keep the old one as an alias if it changes.
        instance._loaded_record_id = instance.__dict__.get("record_id")
        return instance

    def _keep_alias(self, old_id: str) -> None:
        """Keep the old id as an address of this record: every id a record has had redirects."""
        from shopwindow.innovations.models.alias import RecordAlias

        # The new id is live now, so no alias may claim it.
        RecordAlias.objects.filter(old_id=self.record_id).delete()
        RecordAlias.objects.update_or_create(old_id=old_id, defaults={"innovation": self})

    @property
    def working_title(self) -> str:
        """The title being worked on (a draft's form answers), else the record's title."""
        draft = (self.draft_data or {}).get("record") or {}
        return str(draft.get("title") or self.title or "")

    @property
    def permission_state(self) -> str:
        """The permission matrix's row for this record's stage (accounts.permissions reads it).

        A pending revision of a published record is checked on its own (as "pending_revision"):
        the record itself stays "published", which everyone may view.
        """
        return {
            WorkflowStatus.DRAFT: "draft",
            WorkflowStatus.CHANGES_REQUESTED: "changes_requested",
            WorkflowStatus.SUBMITTED: "submitted",
            WorkflowStatus.PUBLISHED: "published",
            WorkflowStatus.WITHDRAWN: "withdrawn",
        }.get(WorkflowStatus(self.workflow_status), "draft")

    # The accounts permission matrix reads `council_ids` and `owner_id` from any object.
    @property
    def council_ids(self) -> set[int]:
        """The submitting council and the lead councils: their members act for the record."""
        ids = {link.authority_id for link in self.lead_links.all()}
        if self.owner_council_id:
            ids.add(self.owner_council_id)
        return ids

    @property
    def owner_id(self) -> int | None:
        """The user who first submitted the record (the matrix's "own" rule)."""
        return self.submitted_by_id

    @property
    def slug(self) -> str:
        return self.record_id

    @property
    def started_on(self) -> PartialDate | None:
        return PartialDate.from_parts(self.started_year, self.started_month, self.started_day)

    @started_on.setter
    def started_on(self, value: PartialDate | None) -> None:
        self.started_year = value.year if value else None
        self.started_month = value.month if value else None
        self.started_day = value.day if value else None
        self.started_sort = value.sort_date if value else None

    @property
    def is_published(self) -> bool:
        return self.workflow_status == WorkflowStatus.PUBLISHED

    # Derived figures. Leads are read through `lead_links` so that a prefetch serves them.
    @property
    def ordered_leads(self) -> list["Authority"]:
        return [link.authority for link in self.lead_links.all()]

    @property
    def payback_months(self) -> Decimal | None:
        """Months of saving that pay back the one-off cost; None without a saving or a cost."""
        if not self.annual_saving_gbp or not self.one_off_cost_gbp:
            return None
        return (self.one_off_cost_gbp / (self.annual_saving_gbp / 12)).quantize(Decimal("0.1"))

    @property
    def saving_per_head(self) -> Decimal | None:
        """Annual saving per resident of the area it was made across (`saving_shared_by`: every
        lead and partner council, or the leads only; overlapping areas once); None if a population
        is unknown. The sum in words: innovations.per_resident."""
        from shopwindow.innovations.per_resident import for_record

        found = for_record(self)
        return found.rounded if found is not None else None

    @property
    def verified(self) -> bool:
        return self.verification != Verification.SELF_REPORTED
