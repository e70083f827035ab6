"""Saving records (the upsert behind import, API and form) and the revisions kept for every change.

Editing a published record without publishing makes a pending revision: the live record (what the
public sees) is unchanged until a moderator approves it with `approve_revision`.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.evidence_files import name_from_url
from shopwindow.innovations.models import (
    Adoption,
    Barrier,
    EvidenceLevel,
    GuidanceStep,
    Innovation,
    LeadAuthority,
    Metric,
    PartnerAuthority,
    Revision,
    RevisionKind,
    RevisionState,
    Risk,
    ServiceArea,
    SourceDocument,
    Theme,
)
from shopwindow.innovations.partial_dates import parse_optional
from shopwindow.innovations.serialisation import normalise_record, record_to_dict
from shopwindow.innovations.services.validation import (
    RecordError,
    RecordValidationError,
    validate_record,
)
from shopwindow.innovations.vocabularies import (
    FUNCTION_CODES,
    Source,
    WorkflowStatus,
    sync_vocabularies,
)


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
    outcomes = data.get("outcomes") or {}
    evidence = data["evidence"]
    guidance = data.get("guidance") or {}
    contact = data.get("contact") or {}
    innovation.title = data["title"]
    innovation.summary = data["summary"]
    innovation.problem = data.get("problem", "")
    innovation.approach = data["approach"]
    innovation.other_partners = list(data.get("other_partners") or [])
    innovation.status = data["status"]
    innovation.started_on = parse_optional(data.get("started_on"))
    innovation.annual_saving_gbp = outcomes.get("annual_saving_gbp")
    innovation.one_off_cost_gbp = outcomes.get("one_off_cost_gbp")
    innovation.saving_basis = outcomes.get("saving_basis", "")
    innovation.saving_kind = outcomes.get("saving_kind", "")
    innovation.saving_year = outcomes.get("saving_year", "")
    innovation.saving_shared_by = outcomes.get("saving_shared_by", "")
    innovation.functions = sorted(data.get("functions") or [], key=FUNCTION_CODES.index)
    innovation.evidence_level = EvidenceLevel.objects.get(level=evidence["level"])
    innovation.verification = evidence["verification"]
    innovation.legal_basis = guidance.get("legal_basis", "")
    innovation.prerequisites = list(guidance.get("prerequisites") or [])
    innovation.lessons = list(guidance.get("lessons") or [])
    innovation.contact_name = contact.get("name", "")
    innovation.contact_role = contact.get("role", "")
    innovation.contact_email = contact.get("email", "")
    innovation.tags = list(data.get("tags") or [])
    innovation.save()

    innovation.themes.set(Theme.objects.filter(code__in=data["themes"]))
    innovation.service_areas.set(ServiceArea.objects.filter(code__in=data["service_areas"]))
    codes = set(data["lead_authorities"]) | set(data.get("partner_authorities") or [])
    codes |= {a["authority"] for a in data.get("adoptions") or []}
    by_gss = {a.gss: a for a in Authority.objects.filter(gss__in=codes)}
    innovation.lead_links.all().delete()
    LeadAuthority.objects.bulk_create(
        LeadAuthority(innovation=innovation, authority=by_gss[code], position=i)
        for i, code in enumerate(data["lead_authorities"])
    )
    innovation.partner_links.all().delete()
    PartnerAuthority.objects.bulk_create(
        PartnerAuthority(innovation=innovation, authority=by_gss[code], position=i)
        for i, code in enumerate(data.get("partner_authorities") or [])
    )
    innovation.metrics.all().delete()
    Metric.objects.bulk_create(
        Metric(
            innovation=innovation,
            position=i,
            name=m["name"],
            unit=m.get("unit", ""),
            baseline=m.get("baseline"),
            result=m.get("result"),
            period=m.get("period", ""),
            kind=m.get("kind", ""),
        )
        for i, m in enumerate(outcomes.get("metrics") or [])
    )
    innovation.sources.all().delete()
    sources = []
    for i, s in enumerate(evidence.get("sources") or []):
        doc = SourceDocument(
            innovation=innovation,
            position=i,
            title=s["title"],
            url=s["url"],
            publisher=s.get("publisher", ""),
            kind=s.get("kind", ""),
            supports=list(s.get("supports") or []),
            # A url that is one of this record's evidence addresses links the uploaded file.
            file=name_from_url(s["url"], innovation.pk),
        )
        doc.published_on = parse_optional(s.get("published_on"))
        sources.append(doc)
    SourceDocument.objects.bulk_create(sources)
    innovation.steps.all().delete()
    GuidanceStep.objects.bulk_create(
        GuidanceStep(
            innovation=innovation,
            position=i,
            title=step["title"],
            detail=step.get("detail", ""),
            duration_weeks=step.get("duration_weeks"),
        )
        for i, step in enumerate(guidance.get("steps") or [])
    )
    innovation.risks.all().delete()
    Risk.objects.bulk_create(
        Risk(innovation=innovation, position=i, risk=r["risk"], mitigation=r.get("mitigation", ""))
        for i, r in enumerate(guidance.get("risks") or [])
    )
    innovation.barriers.all().delete()
    Barrier.objects.bulk_create(
        Barrier(
            innovation=innovation,
            position=i,
            barrier=b["barrier"],
            ask_of_government=b.get("ask_of_government", ""),
        )
        for i, b in enumerate(data.get("barriers") or [])
    )
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
) -> SaveResult:
    """Create or update the record `data["id"]` (upsert). Raises RecordValidationError.

    publish=True publishes it (operators' imports). publish=False writes a draft; if the record is
    already published, the change becomes a pending revision and the public version stays.
    require_sources=False only for format 1.0 files (see validation.validate_records).
    """
    record = _validated(data, require_sources=require_sources)
    existing = Innovation.objects.select_for_update().filter(record_id=record["id"]).first()
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
