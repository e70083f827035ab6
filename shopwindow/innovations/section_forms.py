"""Question pages of the submission form after "About the innovation" (see submission_forms)."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict

from shopwindow.core.dates import GovukPartialDateInput
from shopwindow.innovations.evidence_files import check_pdf, max_megabytes
from shopwindow.innovations.models import EvidenceLevel
from shopwindow.innovations.services.validation import UNSOURCED, RecordError, figure_paths
from shopwindow.innovations.submission_forms import (
    AboutForm,
    RowForm,
    SectionForm,
    _text,
    council_choices,
    lines,
    number_or_text,
    plain_message,
)
from shopwindow.innovations.vocabularies import SavingKind, SavingSharedBy, SourceKind


class CouncilRow(RowForm):
    council = forms.ChoiceField(label="Council", required=False, choices=[])
    spec_fields = {"council": "authority"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["council"].choices = council_choices()  # type: ignore[attr-defined]


class WhoForm(SectionForm):
    page_order = ("leads", "partners", "other_partners")
    other_partners = _text(
        "Other partners (optional)",
        "NHS bodies, charities, companies and others. Put each on its own line",
        rows=4,
    )
    paths = {"other_partners": "other_partners"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leads = list(self.record.get("lead_authorities") or [])
        if self.owner is not None and leads[:1] == [self.owner.gss]:
            leads = leads[1:]  # the submitting council is always the first lead
        self.leads = self.make_rowset(
            "lead_authorities", "leads", CouncilRow, "lead council",
            [{"authority": gss} for gss in leads],
        )  # fmt: skip
        self.partners = self.make_rowset(
            "partner_authorities", "partners", CouncilRow, "partner council",
            [{"authority": gss} for gss in self.record.get("partner_authorities") or []],
        )  # fmt: skip

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        return {"other_partners": "\n".join(record.get("other_partners") or [])}

    def to_values(self) -> dict[str, Any]:
        first = [self.owner.gss] if self.owner is not None else []
        leads = first + [row["authority"] for row in self.leads.rows()]
        return {
            "lead_authorities": list(dict.fromkeys(leads)),
            "partner_authorities": [row["authority"] for row in self.partners.rows()],
            "other_partners": lines(self.cleaned_data.get("other_partners")),
        }

    def apply_errors(self, errors: list[RecordError]) -> None:
        offset = 1 if self.owner is not None else 0
        for error in errors:
            if error.path.startswith("lead_authorities[") and offset:
                index = int(error.path.split("[")[1].split("]")[0]) - offset
                if index >= 0:
                    self.leads.add_error(
                        index,
                        "authority",
                        plain_message(f"Lead council {index + 1}", error.problem),
                    )
                    continue
            if error.path.startswith(("partner_authorities[", "lead_authorities[")):
                rowset = self.partners if error.path.startswith("partner") else self.leads
                index = int(error.path.split("[")[1].split("]")[0])
                rowset.add_error(
                    index, "authority",
                    plain_message(f"{rowset.noun.capitalize()} {index + 1}", error.problem),
                )  # fmt: skip
                continue
            if error.path == "lead_authorities":
                self.leads.forms[0].add_error(
                    "council", plain_message("A lead council", error.problem)
                )
                continue
            super().apply_errors([error])


KIND_CHOICES = [("", "Not stated"), *SavingKind.choices]


class MetricRow(RowForm):
    name = _text("What was measured", required="Enter what was measured")
    unit = _text("Unit (optional)", "For example: days, %, complaints a month")
    baseline = _text("Before (optional)", "A number, like 120")
    result = _text("After (optional)", "A number, like 80")
    period = _text("When (optional)", "For example: 2016 to 2017")
    kind = forms.ChoiceField(
        label="Kind of figure (optional)", required=False, choices=KIND_CHOICES
    )
    spec_fields = {
        "name": "name",
        "unit": "unit",
        "baseline": "baseline",
        "result": "result",
        "period": "period",
        "kind": "kind",
    }
    numeric = {"baseline", "result"}


class OutcomesForm(SectionForm):
    annual_saving_gbp = _text(
        "Annual saving in pounds (optional)", "The recurring net saving a year once running"
    )
    one_off_cost_gbp = _text("One-off cost in pounds (optional)", "What it cost to set up")
    saving_basis = _text(
        "How the saving was worked out (optional)", "How it was measured, and for which year",
        rows=3,
    )  # fmt: skip
    saving_kind = forms.ChoiceField(
        label="What kind of figure is the saving? (optional)",
        required=False,
        choices=SavingKind.choices,
        widget=forms.RadioSelect,
        help_text="A forecast or business case is a forecast until the saving has been made",
    )
    saving_year = _text(
        "Year the saving refers to (optional)", "A financial year like 2016/17, or a year like 2016"
    )
    saving_shared_by = forms.ChoiceField(
        label="Whose budgets was the saving made across? (optional)",
        required=False,
        choices=SavingSharedBy.choices,
        widget=forms.RadioSelect,
        help_text="Savings per resident divide the saving by these councils' residents",
    )
    paths = {
        "outcomes.annual_saving_gbp": "annual_saving_gbp",
        "outcomes.one_off_cost_gbp": "one_off_cost_gbp",
        "outcomes.saving_basis": "saving_basis",
        "outcomes.saving_kind": "saving_kind",
        "outcomes.saving_year": "saving_year",
        "outcomes.saving_shared_by": "saving_shared_by",
        "outcomes": "annual_saving_gbp",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        outcomes = self.record.get("outcomes") or {}
        self.metrics = self.make_rowset(
            "outcomes.metrics", "metrics", MetricRow, "measure", outcomes.get("metrics")
        )

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        outcomes = record.get("outcomes") or {}
        return {name: outcomes.get(name) for name in self.base_fields}

    def to_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        outcomes = {
            "annual_saving_gbp": number_or_text(data.get("annual_saving_gbp")),
            "one_off_cost_gbp": number_or_text(data.get("one_off_cost_gbp")),
            "saving_basis": (data.get("saving_basis") or "").strip(),
            "saving_kind": data.get("saving_kind") or None,
            "saving_year": (data.get("saving_year") or "").strip(),
            "saving_shared_by": data.get("saving_shared_by") or None,
            "metrics": self.metrics.rows(),
        }
        return {"outcomes": {k: v for k, v in outcomes.items() if v not in (None, "", [])}}


class SourceRow(RowForm):
    title = _text("Title of the source", required="Enter the title of the source")
    url = _text(
        "Web address",
        "Starting https://. Leave it empty if you upload the document",
        required="Enter the source's web address, like https://www.example.gov.uk/report, "
        "or upload the document",
    )
    file = forms.FileField(
        label="Or upload the document as a PDF (optional)",
        required=False,
        error_messages={"empty": "The selected file is empty"},
        help_text=f"For papers on an intranet or that may move. Up to {max_megabytes()}; "
        "it is published with the record",
    )
    published_on = forms.CharField(
        label="Published (optional)",
        required=False,
        widget=GovukPartialDateInput,
        help_text="A year, a month and year, or the whole date. For example, 2015, 4 2015 or "
        "27 4 2015",
    )
    publisher = _text("Publisher (optional)", "Who published it, like the council or Audit Wales")
    kind = forms.ChoiceField(
        label="Kind of source (optional)", required=False, choices=[("", "Not stated")]
    )
    supports = forms.MultipleChoiceField(
        label="Figures this source backs",
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        help_text="Every figure you gave needs a source that states it",
    )
    spec_fields = {
        "title": "title",
        "url": "url",
        "published_on": "published_on",
        "publisher": "publisher",
        "kind": "kind",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Not stated"), *SourceKind.choices]  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload:
            check_pdf(upload)
        return upload

    def upload(self) -> UploadedFile | None:
        """The PDF chosen in this row, once it has passed its checks."""
        if not self.is_valid() or self["remove"].value() in (True, "on", "true"):
            return None
        upload = self.cleaned_data.get("file")
        return upload if isinstance(upload, UploadedFile) else None

    def attach(self, url: str) -> None:
        """Give the row the stored document's address, so it is kept even if the page shows
        again (with errors, or to add a row) and the file input comes back empty."""
        data = QueryDict(mutable=True)
        data.update(self.data)
        data[self.add_prefix("url")] = url
        self.data = data

    def to_row(self) -> dict[str, Any]:
        row = super().to_row()
        supports = [p for p in self["supports"].value() or [] if isinstance(p, str) and p]
        if supports:
            row["supports"] = supports
        return row


def _figure_choices(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The record's figures (from the Outcomes page) a source can back, in plain words."""
    metrics = (record.get("outcomes") or {}).get("metrics") or []
    labels = {
        "outcomes.annual_saving_gbp": "Annual saving",
        "outcomes.one_off_cost_gbp": "One-off cost",
    }
    choices = []
    for path in figure_paths(record):
        if path in labels:
            choices.append((path, labels[path]))
        else:
            index = int(path.split("[")[1].rstrip("]"))
            name = metrics[index].get("name") if isinstance(metrics[index], dict) else ""
            choices.append(
                (path, f"Measure {index + 1}: {name}" if name else f"Measure {index + 1}")
            )
    return [*choices, ("started_on", "When it started"), ("status", "Where it is now")]


class EvidenceForm(SectionForm):
    level = forms.ChoiceField(
        label="How strong is the evidence that it works?",
        required=False,
        choices=[(str(n), str(n)) for n in range(1, 6)],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how strong the evidence is that it works"},
    )
    paths = {"evidence.level": "level", "evidence": "level", "evidence.verification": "level"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        evidence = self.record.get("evidence") or {}
        self.sources = self.make_rowset(
            "evidence.sources", "sources", SourceRow, "source", evidence.get("sources")
        )
        choices = _figure_choices(self.record)
        for row in self.sources.forms:
            row.fields["supports"].choices = choices  # type: ignore[attr-defined]

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        level = (record.get("evidence") or {}).get("level")
        return {"level": str(level) if level else None}

    def level_params(self) -> dict[str, Any]:
        """Radios with each level's description as its hint (from the reference table)."""
        value = str(self["level"].value() or "")
        params: dict[str, Any] = {
            "name": self["level"].html_name,
            "idPrefix": self["level"].auto_id,
            "fieldset": {
                "legend": {"text": str(self.fields["level"].label),
                           "classes": "govuk-fieldset__legend--s"}
            },
            "hint": {"text": "Levels follow the Nesta Standards of Evidence"},
            "items": [
                {
                    "value": str(level.level),
                    "text": f"Level {level.level}: {level.label}",
                    "hint": {"text": level.description},
                    "checked": value == str(level.level),
                }
                for level in EvidenceLevel.objects.order_by("level")
            ],
        }  # fmt: skip
        if self.is_bound and self.errors.get("level"):
            params["errorMessage"] = {"text": " ".join(str(e) for e in self.errors["level"])}
        return params

    def apply_errors(self, errors: list[RecordError]) -> None:
        labels = dict(_figure_choices(self.record))
        for error in errors:
            if error.problem != UNSOURCED:
                super().apply_errors([error])
                continue
            message = plain_message(labels.get(error.path, error.path), error.problem)
            if self.sources.forms:
                self.sources.forms[0].add_error("supports", message)
            else:
                self.add_error("level", message)

    def is_multipart(self) -> bool:
        return True  # each source row may carry a PDF

    def is_valid(self) -> bool:
        """Valid when the page and every source row are (a row's PDF may be refused)."""
        rows_valid = all(row.is_valid() for row in self.sources.forms)
        return super().is_valid() and rows_valid

    def uploads(self) -> list[tuple["SourceRow", UploadedFile]]:
        """The rows with a PDF chosen on this page, each with its file."""
        found = []
        for row in self.sources.forms:
            assert isinstance(row, SourceRow)
            upload = row.upload()
            if upload is not None:
                found.append((row, upload))
        return found

    def to_values(self) -> dict[str, Any]:
        level = self.cleaned_data.get("level")
        evidence: dict[str, Any] = {"sources": self.sources.rows()}
        if level:
            evidence["level"] = int(level)
        return {"evidence": {k: v for k, v in evidence.items() if v not in (None, [])}}


class StepRow(RowForm):
    title = _text("Step", required="Enter the step")
    detail = _text("What it involves (optional)", "You can use Markdown", rows=3)
    duration_weeks = _text("How many weeks it took (optional)", "A number")
    spec_fields = {"title": "title", "detail": "detail", "duration_weeks": "duration_weeks"}
    numeric = {"duration_weeks"}


class RiskRow(RowForm):
    risk = _text("Risk", rows=2, required="Enter the risk")
    mitigation = _text("How to reduce it (optional)", rows=2)
    spec_fields = {"risk": "risk", "mitigation": "mitigation"}


class GuidanceForm(SectionForm):
    page_order = ("steps", "legal_basis", "prerequisites", "risks", "lessons")
    legal_basis = _text("Legal basis (optional)", "The powers or legislation used", rows=3)
    prerequisites = _text(
        "What needs to be in place first (optional)", "Put each on its own line", rows=3
    )
    lessons = _text("Lessons learned (optional)", "Put each on its own line", rows=4)
    paths = {
        "guidance.legal_basis": "legal_basis",
        "guidance.prerequisites": "prerequisites",
        "guidance.lessons": "lessons",
        "guidance": "legal_basis",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guidance = self.record.get("guidance") or {}
        self.steps = self.make_rowset(
            "guidance.steps", "steps", StepRow, "step", guidance.get("steps")
        )
        self.risks = self.make_rowset(
            "guidance.risks", "risks", RiskRow, "risk", guidance.get("risks")
        )

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        guidance = record.get("guidance") or {}
        return {
            "legal_basis": guidance.get("legal_basis", ""),
            "prerequisites": "\n".join(guidance.get("prerequisites") or []),
            "lessons": "\n".join(guidance.get("lessons") or []),
        }

    def to_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        guidance = {
            "steps": self.steps.rows(),
            "legal_basis": (data.get("legal_basis") or "").strip(),
            "prerequisites": lines(data.get("prerequisites")),
            "risks": self.risks.rows(),
            "lessons": lines(data.get("lessons")),
        }
        return {"guidance": {k: v for k, v in guidance.items() if v not in ("", [])}}


class BarrierRow(RowForm):
    barrier = _text("What stood in the way", rows=2, required="Enter what stood in the way")
    ask_of_government = _text("What central government could change (optional)", rows=2)
    spec_fields = {"barrier": "barrier", "ask_of_government": "ask_of_government"}


class BarriersForm(SectionForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.barriers = self.make_rowset(
            "barriers", "barriers", BarrierRow, "barrier", self.record.get("barriers")
        )

    def to_values(self) -> dict[str, Any]:
        return {"barriers": self.barriers.rows()}


class ContactForm(SectionForm):
    name = _text("Name (optional)")
    role = _text("Job title (optional)")
    email = _text(
        "Email address (optional)",
        "Shown only to signed-in council members",
        email="Enter an email address in the correct format, like name@example.gov.uk",
    )
    paths = {
        "contact.name": "name",
        "contact.role": "role",
        "contact.email": "email",
        "contact": "name",
    }

    def initial_from(self, record: dict[str, Any]) -> dict[str, Any]:
        return dict(record.get("contact") or {})

    def to_values(self) -> dict[str, Any]:
        contact = {k: (self.cleaned_data.get(k) or "").strip() for k in ("name", "role", "email")}
        return {"contact": {k: v for k, v in contact.items() if v}}


SECTION_FORMS: dict[str, type[SectionForm]] = {
    "about": AboutForm,
    "who": WhoForm,
    "outcomes": OutcomesForm,
    "evidence": EvidenceForm,
    "guidance": GuidanceForm,
    "barriers": BarriersForm,
    "contact": ContactForm,
}
