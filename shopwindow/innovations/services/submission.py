"""The submission form's work in progress: drafts saved section by section, then submitted.

A council member starts a draft for one of their councils. Each section of the task list saves
into `Innovation.draft_data` ({"record": spec dict, "completed": [section keys]}), checked by
services.validation.validate_record on the whole assembled record — the one place that decides
what is valid — keeping only the problems in that section. Nothing public changes until the
record is submitted: then the draft is written to the record (records.save_record) and moved to
"submitted"; for a published record it becomes a pending revision (records.propose_change).
"""

import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify

from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import approved_council_ids, can
from shopwindow.authorities.models import Authority
from shopwindow.innovations.evidence_files import evidence_storage, new_name, public_url
from shopwindow.innovations.models import EvidenceLevel, Innovation
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services.records import ensure_vocabularies, propose_change, save_record
from shopwindow.innovations.services.validation import (
    UNSOURCED,
    RecordError,
    RecordValidationError,
    validate_record,
)
from shopwindow.innovations.services.workflow import WorkflowError, transition
from shopwindow.innovations.vocabularies import Source, Verification, WorkflowStatus

DRAFT_ID_PREFIX = "draft-"
RESERVED_IDS = {"new", "mine"}  # words in /innovations/<word>/ that are pages, not records
NOT_STARTED, IN_PROGRESS, COMPLETED, CANNOT_START = (
    "Not yet started",
    "In progress",
    "Completed",
    "Cannot start yet",
)
EDITABLE_STAGES = {
    WorkflowStatus.DRAFT,
    WorkflowStatus.CHANGES_REQUESTED,
    WorkflowStatus.PUBLISHED,
}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[str, ...]  # the record's top-level keys this section writes
    required: bool


SECTIONS: tuple[Section, ...] = (
    Section(
        "about",
        "About the innovation",
        (
            "title",
            "summary",
            "problem",
            "approach",
            "themes",
            "service_areas",
            "status",
            "started_on",
        ),
        True,
    ),
    Section(
        "who",
        "Who was involved",
        ("lead_authorities", "partner_authorities", "other_partners"),
        True,
    ),
    Section("outcomes", "Outcomes and costs", ("outcomes",), False),
    Section("evidence", "Evidence", ("evidence",), True),
    Section("guidance", "Guidance for other councils", ("guidance",), False),
    Section("barriers", "Barriers and asks of government", ("barriers",), False),
    Section("contact", "Contact", ("contact",), False),
)
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def section_for_path(path: str) -> Section | None:
    """The section a field path (like `outcomes.metrics[1].name`) belongs to."""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    if head == "id":
        return SECTIONS_BY_KEY["about"]
    return next((s for s in SECTIONS if head in s.fields), None)


def section_for_error(error: RecordError) -> Section | None:
    """The page that fixes a problem: a figure without a source is fixed under Evidence (by adding
    the source), not on the Outcomes page where the figure was typed."""
    if error.problem == UNSOURCED:
        return SECTIONS_BY_KEY["evidence"]
    return section_for_path(error.path)


def _empty(value: Any) -> bool:
    return value in (None, "", [], {})


def can_edit(user: Any, innovation: Innovation) -> bool:
    return innovation.workflow_status in EDITABLE_STAGES and can(
        user, "edit", "innovation_record", innovation
    )


def editable_councils(user: Any) -> list[Authority]:
    """Councils a user may submit for: their approved, current councils, by name."""
    ids = approved_council_ids(user)
    return list(Authority.objects.filter(pk__in=ids, is_current=True).order_by("name"))


@transaction.atomic
def start_draft(*, actor: User, council: Authority) -> Innovation:
    """A new, empty draft owned by `council`. Raises WorkflowError if the user may not."""
    if council.pk not in approved_council_ids(actor) or not can(
        actor, "create", "innovation_record"
    ):
        raise WorkflowError("You can only start a record for a council you are a member of")
    ensure_vocabularies()
    record_id = DRAFT_ID_PREFIX + secrets.token_hex(5)
    # The row needs an evidence level; the public never sees a draft and the live fields are
    # replaced from the completed form when it is submitted.
    innovation = Innovation.objects.create(
        record_id=record_id,
        evidence_level=EvidenceLevel.objects.order_by("level")[0],
        submitted_by=actor,
        owner_council=council,
        draft_data={
            "record": {
                "id": record_id,
                "lead_authorities": [council.gss],
                "evidence": {"verification": Verification.SELF_REPORTED.value},
            },
            "completed": [],
            "visited": [],
        },
    )
    return innovation


def working_record(innovation: Innovation) -> dict[str, Any]:
    """The record as the form sees it: the draft in progress, else the live record."""
    if innovation.draft_data and "record" in innovation.draft_data:
        return dict(innovation.draft_data["record"])
    from shopwindow.innovations.selectors import with_record_relations

    fresh = with_record_relations(Innovation.objects.all()).get(pk=innovation.pk)
    return record_to_dict(fresh)


def _draft_state(innovation: Innovation) -> dict[str, Any]:
    if innovation.draft_data and "record" in innovation.draft_data:
        return dict(innovation.draft_data)
    # Editing a submitted-before record: every section starts out complete.
    return {
        "record": working_record(innovation),
        "completed": [s.key for s in SECTIONS],
        "visited": [s.key for s in SECTIONS],
    }


def merged(record: dict[str, Any], section: Section, values: dict[str, Any]) -> dict[str, Any]:
    """The record with this section's keys replaced by `values` (empty values removed)."""
    result = {k: v for k, v in record.items() if k not in section.fields}
    for key in section.fields:
        value = values.get(key)
        if not _empty(value):
            result[key] = value
    return result


def errors_in(record: dict[str, Any], section: Section | None = None) -> list[RecordError]:
    errors = validate_record(record)
    if section is None:
        return errors
    return [e for e in errors if section_for_error(e) == section]


def _unique_id(title: str, current: str) -> str:
    base = slugify(title)[:70].strip("-") or "record"
    if len(base) < 3 or base in RESERVED_IDS or base.startswith(DRAFT_ID_PREFIX):
        base = f"{base}-record"
    candidate, n = base, 2
    while Innovation.objects.filter(record_id=candidate).exclude(record_id=current).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@transaction.atomic
def save_section(
    innovation: Innovation, key: str, values: dict[str, Any], *, actor: User
) -> list[RecordError]:
    """Save one section of the draft if it is valid; return its problems (empty: saved)."""
    if not can_edit(actor, innovation):
        raise WorkflowError("You cannot change this record now")
    section = SECTIONS_BY_KEY[key]
    state = _draft_state(innovation)
    if key == "evidence":
        # Only moderators set the verification level; the form keeps what is there.
        current = state["record"].get("evidence") or {}
        values = dict(values)
        evidence = dict(values.get("evidence") or {})
        evidence["verification"] = current.get("verification", Verification.SELF_REPORTED.value)
        values["evidence"] = evidence
    record = merged(state["record"], section, values)
    problems = errors_in(record, section)
    visited = set(state.get("visited") or []) | {key}
    if problems:
        return problems
    if (
        key == "about"
        and innovation.record_id.startswith(DRAFT_ID_PREFIX)
        and innovation.published_at is None
        and isinstance(record.get("title"), str)
    ):
        # The first real title names the record's id (and so its web address); the placeholder
        # address keeps working as a permanent redirect (models.alias.RecordAlias).
        new_id = _unique_id(record["title"], innovation.record_id)
        innovation.record_id = new_id
        record["id"] = new_id
    completed = set(state.get("completed") or []) | {key}
    innovation.draft_data = {
        "record": record,
        "completed": [s.key for s in SECTIONS if s.key in completed],
        "visited": [s.key for s in SECTIONS if s.key in visited],
    }
    innovation.save(update_fields=["record_id", "draft_data", "updated_at"])
    return []


def store_evidence_file(innovation: Innovation, upload: UploadedFile, *, actor: User) -> str:
    """Keep a checked PDF (evidence_files.check_pdf) for one of the record's sources; return the
    address the source's url takes. It is public only once a published version lists it."""
    if not can_edit(actor, innovation):
        raise WorkflowError("You cannot change this record now")
    storage = evidence_storage()
    upload.seek(0)
    name = storage.save(new_name(innovation.pk), upload)
    return public_url(name)


def task_statuses(innovation: Innovation) -> list[tuple[Section, str]]:
    """Each section with its task-list status."""
    state = _draft_state(innovation)
    record = state["record"]
    completed = set(state.get("completed") or [])
    visited = set(state.get("visited") or [])
    problem_sections = {section_for_error(e) for e in errors_in(record)}
    rows = []
    for section in SECTIONS:
        if section.key in completed and section not in problem_sections:
            status = COMPLETED
        elif section.key in visited or section.key in completed:
            status = IN_PROGRESS
        else:
            status = NOT_STARTED
        rows.append((section, status))
    return rows


def ready_to_check(innovation: Innovation) -> bool:
    """Whether every required section is complete (check your answers can start)."""
    return all(status == COMPLETED for s, status in task_statuses(innovation) if s.required)


@dataclass
class SubmitResult:
    innovation: Innovation
    pending: bool  # a change to a published record, waiting for a moderator
    unchanged: bool = False


@transaction.atomic
def submit_draft(innovation: Innovation, *, actor: User, link: str = "") -> SubmitResult:
    """Send the finished draft to the moderators. Raises RecordValidationError or WorkflowError."""
    if not can_edit(actor, innovation):
        raise WorkflowError("You cannot submit this record now")
    record = _draft_state(innovation)["record"]
    errors = errors_in(record)
    if errors:
        raise RecordValidationError(errors)
    if innovation.workflow_status == WorkflowStatus.PUBLISHED:
        revision = propose_change(innovation, record, actor=actor, source=Source.FORM)
        innovation.draft_data = None
        innovation.save(update_fields=["draft_data", "updated_at"])
        return SubmitResult(innovation, pending=revision is not None, unchanged=revision is None)
    if not can(actor, "submit", "innovation_record", innovation):
        raise WorkflowError("You do not have permission to submit this record")
    result = save_record(record, actor=actor, publish=False, source=Source.FORM)
    innovation = result.innovation
    innovation.draft_data = None
    innovation.save(update_fields=["draft_data", "updated_at"])
    innovation = transition(innovation, "submit", actor=actor, link=link)
    return SubmitResult(innovation, pending=False)


def discard_changes(innovation: Innovation, *, actor: User) -> None:
    """Forget an unsubmitted edit of a published record."""
    if not can_edit(actor, innovation) or innovation.workflow_status != WorkflowStatus.PUBLISHED:
        raise WorkflowError("You cannot discard changes to this record")
    innovation.draft_data = None
    innovation.save(update_fields=["draft_data", "updated_at"])
