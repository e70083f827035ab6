"""Saving records (the upsert behind import, API and form) and the revisions kept for every change.

Editing a published record without publishing makes a pending revision: the live record (what the
public sees) is unchanged until a moderator approves it with `approve_revision`.
"""

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import (
    Adoption,
    EvidenceLevel,
    Innovation,
    Revision,
    RevisionKind,
    RevisionState,
    ServiceArea,
    Theme,
)
from shopwindow.innovations.partial_dates import parse_optional
from shopwindow.innovations.serialisation import normalise_record, record_to_dict
from shopwindow.innovations.services.record_rows import authorities_named, child_rows, set_fields
from shopwindow.innovations.services.validation import (
    RecordError,
    RecordValidationError,
    validate_record,
)
from shopwindow.innovations.vocabularies import (
    Source,
    WorkflowStatus,
    sync_vocabularies,
)


class RecordExistsError(Exception):
    """A create (not an upsert) named a record id that is taken."""

    def __init__(self, record_id: str) -> None:
        super().__init__(f"A record with id {record_id!r} exists")
        self.record_id = record_id


@dataclass
class SaveResult:
    innovation: Innovation
    revision: Revision | None  # None when nothing changed
    created: bool
    pending: bool  # True when the change waits for a moderator


def ensure_vocabularies() -> None:
    """Load the reference vocabularies if a test or a flushed database has lost them."""
    if Theme.objects.count() < 19 or EvidenceLevel.objects.count() < 5:
        sync_vocabularies(Theme, ServiceArea, EvidenceLevel)


def diff_records(before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """Field paths that differ between two records, with old and new values."""
    old, new = _flatten(before or {}), _flatten(after)
    return [
        {"path": path, "old": old.get(path), "new": new.get(path)}
        for path in sorted(set(old) | set(new))
        if old.get(path) != new.get(path)
    ]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}.{key}" if prefix else key))
        return flat
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        flat = {}
        for i, item in enumerate(value):
            flat.update(_flatten(item, f"{prefix}[{i}]"))
        return flat
    return {prefix: value}


def _fresh(innovation: Innovation) -> dict[str, Any]:
    from shopwindow.innovations.selectors import with_record_relations

    return record_to_dict(with_record_relations(Innovation.objects.all()).get(pk=innovation.pk))


def _validated(data: Any, *, require_sources: bool = True) -> dict[str, Any]:
    errors = validate_record(data, require_sources=require_sources)
    if errors:
        raise RecordValidationError(errors)
    return dict(data)


def _apply(innovation: Innovation, data: dict[str, Any], *, source: str) -> None:
    """Write every field and child row of `data` (already valid) onto `innovation`."""
    ensure_vocabularies()
    set_fields(innovation, data)
    innovation.save()
    innovation.themes.set(Theme.objects.filter(code__in=data["themes"]))
    innovation.service_areas.set(ServiceArea.objects.filter(code__in=data["service_areas"]))
    by_gss = authorities_named(data)
    for relation in child_rows(innovation, data, by_gss):
        getattr(innovation, relation.name).all().delete()
        relation.model._default_manager.bulk_create(relation.rows)
    _apply_adoptions(innovation, data.get("adoptions") or [], by_gss, source=source)


def _apply_adoptions(
    innovation: Innovation,
    adoptions: list[dict[str, Any]],
    by_gss: dict[str, Authority],
    *,
    source: str,
) -> None:
    """Adoptions listed in a record are confirmed and replace the record's earlier list.

    Adoptions that came from councils' adoption plans (confirmed by a moderator or still waiting)
    are kept unless the record now lists the same council: an older file or a change proposed
    before a confirmation must not undo what a moderator confirmed in the service.
    """
    listed = {a["authority"] for a in adoptions}
    existing = list(innovation.adoptions.select_related("authority"))
    confirmed_at = {a.authority.gss: a.confirmed_at for a in existing if a.confirmed}
    for adoption in existing:
        from_plan = adoption.source == Source.PLAN
        if adoption.authority.gss in listed or (adoption.confirmed and not from_plan):
            adoption.delete()
    now = timezone.now()
    rows = []
    for i, a in enumerate(adoptions):
        row = Adoption(
            innovation=innovation,
            position=i,
            authority=by_gss[a["authority"]],
            status=a["status"],
            notes=a.get("notes", ""),
            confirmed=True,
            confirmed_at=confirmed_at.get(a["authority"]) or now,
            source=source,
        )
        row.started_on = parse_optional(a.get("started_on"))
        rows.append(row)
    Adoption.objects.bulk_create(rows)


@transaction.atomic
def save_record(
    data: Any,
    *,
    actor: User | None = None,
    publish: bool,
    source: str = Source.IMPORT,
    owner: Authority | None = None,
    require_sources: bool = True,
    create_only: bool = False,
) -> SaveResult:
    """Create or update the record `data["id"]` (upsert). Raises RecordValidationError.

    create_only=True never changes an existing record: it raises RecordExistsError, also when
    another request creates the same id at the same moment (the unique index decides).

    publish=True publishes it (operators' imports). publish=False writes a draft; if the record is
    already published, the change becomes a pending revision and the public version stays.
    require_sources=False only for format 1.0 files (see validation.validate_records).
    """
    record = _validated(data, require_sources=require_sources)
    existing = Innovation.objects.select_for_update().filter(record_id=record["id"]).first()
    if create_only:
        if existing is not None:
            raise RecordExistsError(record["id"])
        return _create(record, actor=actor, publish=publish, source=source, owner=owner)
    if existing and existing.is_published and not publish:
        revision = propose_change(existing, record, actor=actor, source=source)
        return SaveResult(existing, revision, created=False, pending=revision is not None)

    before = _fresh(existing) if existing else None
    old_status = existing.workflow_status if existing else None
    if existing and before == normalise_record(record) and (existing.is_published or not publish):
        # Nothing to write: leave the row (and its updated_at) exactly as it is.
        return SaveResult(existing, None, created=False, pending=False)
    innovation = existing or Innovation(
        record_id=record["id"], submitted_by=actor, owner_council=owner
    )
    if publish:
        innovation.workflow_status = WorkflowStatus.PUBLISHED
        innovation.published_at = innovation.published_at or timezone.now()
    _apply(innovation, record, source=source)
    after = _fresh(innovation)
    changes = diff_records(before, after)
    if existing and not changes and old_status == innovation.workflow_status:
        return SaveResult(innovation, None, created=False, pending=False)
    if source == Source.IMPORT:
        kind = RevisionKind.IMPORTED
    else:
        kind = RevisionKind.UPDATED if existing else RevisionKind.CREATED
    revision = Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=kind,
        source=source,
        snapshot=after,
        changes=changes,
        workflow_status=innovation.workflow_status,
    )
    return SaveResult(innovation, revision, created=existing is None, pending=False)


def _create(
    record: dict[str, Any],
    *,
    actor: User | None,
    publish: bool,
    source: str,
    owner: Authority | None,
) -> SaveResult:
    """Insert a new record; a concurrent insert of the same id loses on the unique index."""
    innovation = Innovation(record_id=record["id"], submitted_by=actor, owner_council=owner)
    if publish:
        innovation.workflow_status = WorkflowStatus.PUBLISHED
        innovation.published_at = timezone.now()
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives the clash
            _apply(innovation, record, source=source)
    except IntegrityError:
        # PostgreSQL makes a second insert of the same id wait for the first, then refuses it.
        if Innovation.objects.filter(record_id=record["id"]).exists():
            raise RecordExistsError(record["id"]) from None
        raise
    after = _fresh(innovation)
    revision = Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=RevisionKind.IMPORTED if source == Source.IMPORT else RevisionKind.CREATED,
        source=source,
        snapshot=after,
        changes=diff_records(None, after),
        workflow_status=innovation.workflow_status,
    )
    return SaveResult(innovation, revision, created=True, pending=False)


@transaction.atomic
def propose_change(
    innovation: Innovation, data: Any, *, actor: User | None, source: str = Source.FORM
) -> Revision | None:
    """Hold an edit to a published record for a moderator. Returns None if it changes nothing.
    A newer proposal replaces an older pending one (which is kept, marked rejected)."""
    record = _validated(data)
    if record["id"] != innovation.record_id:
        raise RecordValidationError(
            [RecordError(1, record["id"], "id", f"must stay {innovation.record_id!r}")]
        )
    current = _fresh(innovation)
    proposed = normalise_record(record)
    changes = diff_records(current, proposed)
    if not changes:
        return None
    now = timezone.now()
    innovation.revisions.filter(state=RevisionState.PENDING).update(
        state=RevisionState.REJECTED,
        decided_at=now,
        decided_by=actor,
        reason="Replaced by a later proposed change",
    )
    return Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=RevisionKind.PROPOSED,
        state=RevisionState.PENDING,
        source=source,
        snapshot=proposed,
        changes=changes,
        workflow_status=innovation.workflow_status,
    )


@transaction.atomic
def approve_revision(revision: Revision, *, actor: User) -> Revision:
    """Apply a pending revision to the live record. Raises RecordValidationError if the proposed
    record is no longer valid (for example a council it names was removed)."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.state != RevisionState.PENDING:
        raise ValueError("Only a pending revision can be approved")
    innovation = Innovation.objects.select_for_update().get(pk=revision.innovation_id)
    record = _validated(revision.snapshot)
    before = _fresh(innovation)
    _apply(innovation, record, source=revision.source or Source.FORM)
    after = _fresh(innovation)
    now = timezone.now()
    revision.state, revision.decided_by, revision.decided_at = RevisionState.APPROVED, actor, now
    revision.save(update_fields=["state", "decided_by", "decided_at"])
    return Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=RevisionKind.APPROVED,
        source=revision.source,
        snapshot=after,
        changes=diff_records(before, after),
        workflow_status=innovation.workflow_status,
    )


@transaction.atomic
def reject_revision(revision: Revision, *, actor: User, reason: str) -> Revision:
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.state != RevisionState.PENDING:
        raise ValueError("Only a pending revision can be rejected")
    revision.state = RevisionState.REJECTED
    revision.decided_by, revision.decided_at, revision.reason = actor, timezone.now(), reason
    revision.save(update_fields=["state", "decided_by", "decided_at", "reason"])
    return revision


@transaction.atomic
def record_status_change(
    innovation: Innovation, *, actor: User | None, reason: str = ""
) -> Revision:
    """Keep a revision for a workflow transition (the moderation workflow calls this after it
    changes `workflow_status`), so the history shows who moved the record and why."""
    return Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=RevisionKind.STATUS,
        snapshot=_fresh(innovation),
        changes=[],
        workflow_status=innovation.workflow_status,
        reason=reason,
    )
