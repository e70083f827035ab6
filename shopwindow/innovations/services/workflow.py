"""The publication workflow: who may move a record from one stage to the next, and what it does.

    draft ──submit──▶ submitted ──publish──▶ published ──withdraw──▶ withdrawn
                       │    ▲                    ▲                      │
          request_changes  submit                └──────publish─────────┘
                       ▼    │                      (a moderator republishes)
                 changes-requested

Every transition is checked against the permission matrix (shopwindow.accounts.permissions.can)
with the record's `permission_state`, kept as a revision (records.record_status_change) and
written to the audit log. Editing a published record never changes its stage: the edit becomes a
pending revision (records.propose_change) that a moderator approves or rejects here.

Decision: a withdrawn record can be published again by a moderator (the matrix allows "publish"
on withdrawn records), for example after a correction. Council members cannot withdraw: they ask
a moderator, who gives the reason that is kept on the record's history.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import can, is_moderator
from shopwindow.accounts.services import record_event
from shopwindow.core.email import queue_email
from shopwindow.innovations.models import Innovation, Revision, RevisionKind, RevisionState
from shopwindow.innovations.services.records import (
    _fresh,
    approve_revision,
    diff_records,
    record_status_change,
    reject_revision,
)
from shopwindow.innovations.vocabularies import Verification, WorkflowStatus

DRAFT = WorkflowStatus.DRAFT
SUBMITTED = WorkflowStatus.SUBMITTED
CHANGES_REQUESTED = WorkflowStatus.CHANGES_REQUESTED
PUBLISHED = WorkflowStatus.PUBLISHED
WITHDRAWN = WorkflowStatus.WITHDRAWN


class WorkflowError(Exception):
    """A refused or impossible transition; the message is for the person who tried it."""


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    action: str  # the permission matrix action checked on the record in its current stage
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("submit", frozenset({DRAFT, CHANGES_REQUESTED}), SUBMITTED, "submit"),
        Transition("request_changes", frozenset({SUBMITTED}), CHANGES_REQUESTED, "publish", True),
        Transition("publish", frozenset({SUBMITTED, WITHDRAWN}), PUBLISHED, "publish"),
        # "delete" on a published record means withdraw (docs/permissions.md).
        Transition("withdraw", frozenset({PUBLISHED}), WITHDRAWN, "delete", True),
    )
}

_DONE = {
    "submit": "submitted for review",
    "request_changes": "returned to the council for changes",
    "publish": "published",
    "withdraw": "withdrawn",
}


@dataclass(frozen=True)
class PendingRevisionSubject:
    """A pending revision as the permission matrix sees it (row pending_revision)."""

    council_ids: set[int]
    owner_id: int | None
    permission_state: str = "pending_revision"


def _stage_label(status: str) -> str:
    return str(WorkflowStatus(status).label).lower()


def allowed_transitions(innovation: Innovation, user: Any) -> list[str]:
    """The transitions this user may make now (for showing only the buttons that work)."""
    return [
        name
        for name, t in TRANSITIONS.items()
        if innovation.workflow_status in t.sources
        and can(user, t.action, "innovation_record", innovation)
    ]


@transaction.atomic
def transition(
    innovation: Innovation,
    name: str,
    *,
    actor: User,
    reason: str = "",
    link: str = "",
) -> Innovation:
    """Move a record along the workflow. Raises WorkflowError with a message saying why not."""
    t = TRANSITIONS.get(name)
    if t is None:
        raise WorkflowError(f"Unknown action {name!r}")
    innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
    current = innovation.workflow_status
    if current not in t.sources:
        raise WorkflowError(
            f"This record is {_stage_label(current)}, so it cannot be {_DONE[name]} now"
        )
    if not can(actor, t.action, "innovation_record", innovation):
        raise WorkflowError(f"You do not have permission to make this record {_DONE[name]}")
    reason = (reason or "").strip()
    if t.needs_reason and not reason:
        raise WorkflowError("Enter a reason")
    innovation.workflow_status = t.target
    fields = ["workflow_status", "updated_at"]
    if name == "publish":
        # First publication time, kept when a withdrawn record is published again.
        innovation.published_at = innovation.published_at or timezone.now()
        fields.append("published_at")
    if name == "submit" and innovation.submitted_by_id is None:
        innovation.submitted_by = actor
        fields.append("submitted_by")
    innovation.save(update_fields=fields)
    if name == "withdraw":
        # A change waiting for approval no longer has a public version to change.
        innovation.revisions.filter(state=RevisionState.PENDING).update(
            state=RevisionState.REJECTED,
            decided_by=actor,
            decided_at=timezone.now(),
            reason="The record was withdrawn",
        )
    record_status_change(innovation, actor=actor, reason=reason)
    record_event(
        actor=actor,
        action=f"innovation.{name.replace('_', '-')}",
        target=innovation,
        extra={"from": current, "to": t.target, **({"reason": reason} if reason else {})},
    )
    if name == "request_changes":
        _email_changes_requested(innovation, reason=reason, link=link)
    return innovation


def _email_changes_requested(innovation: Innovation, *, reason: str, link: str) -> None:
    submitter = innovation.submitted_by
    if submitter is None or not submitter.email:
        return
    body = render_to_string(
        "innovations/email/changes_requested.txt",
        {
            "innovation": innovation,
            "reason": reason,
            "link": link,
            "service_name": settings.SERVICE_NAME,
        },
    )
    # Sent after the transaction commits, so a rolled-back decision sends nothing.
    queue_email(to=[submitter.email], subject=f"changes requested to {innovation.title}", body=body)


def latest_reason(innovation: Innovation, status: str) -> str:
    """The reason given when the record last entered `status` (e.g. changes requested)."""
    revision = (
        innovation.revisions.filter(kind=RevisionKind.STATUS, workflow_status=status)
        .order_by("-created_at", "-pk")
        .first()
    )
    return revision.reason if revision else ""


@transaction.atomic
def set_verification(
    innovation: Innovation, *, actor: User, verification: str, note: str
) -> Innovation:
    """A moderator records how far the evidence was checked, and what they checked."""
    if not is_moderator(actor):
        raise WorkflowError("Only moderators can set the verification level")
    innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
    if innovation.workflow_status not in {SUBMITTED, PUBLISHED}:
        raise WorkflowError("Set the verification level of a submitted or published record")
    if verification not in Verification.values:
        raise WorkflowError("Select a verification level")
    note = (note or "").strip()
    if not note:
        raise WorkflowError("Enter what you checked")
    before = _fresh(innovation)
    old = innovation.verification
    innovation.verification = verification
    innovation.save(update_fields=["verification", "updated_at"])
    after = _fresh(innovation)
    Revision.objects.create(
        innovation=innovation,
        author=actor,
        kind=RevisionKind.UPDATED,
        source="moderation",
        snapshot=after,
        changes=diff_records(before, after),
        workflow_status=innovation.workflow_status,
        reason=note,
    )
    record_event(
        actor=actor,
        action="innovation.verification-set",
        target=innovation,
        extra={"from": old, "to": verification, "note": note},
    )
    return innovation


def pending_subject(revision: Revision) -> PendingRevisionSubject:
    innovation = revision.innovation
    return PendingRevisionSubject(innovation.council_ids, innovation.submitted_by_id)


@transaction.atomic
def approve_pending(revision: Revision, *, actor: User) -> Revision:
    """Publish a pending change to a published record (moderators)."""
    revision = Revision.objects.select_for_update().select_related("innovation").get(pk=revision.pk)
    if not can(actor, "publish", "innovation_record", pending_subject(revision)):
        raise WorkflowError("You do not have permission to approve this change")
    if revision.state != RevisionState.PENDING:
        raise WorkflowError("This change has already been decided")
    # The proposer cannot set the verification level: keep what the moderators decided.
    snapshot = dict(revision.snapshot)
    evidence = dict(snapshot.get("evidence") or {})
    evidence["verification"] = revision.innovation.verification
    snapshot["evidence"] = evidence
    Revision.objects.filter(pk=revision.pk).update(snapshot=snapshot)
    revision.refresh_from_db()
    applied = approve_revision(revision, actor=actor)
    record_event(
        actor=actor,
        action="innovation.revision-approved",
        target=revision.innovation,
        extra={"revision": revision.pk, "paths": revision.changed_paths},
    )
    return applied


@transaction.atomic
def reject_pending(revision: Revision, *, actor: User, reason: str) -> Revision:
    """Turn down a pending change, saying why; the published version stays."""
    revision = Revision.objects.select_for_update().select_related("innovation").get(pk=revision.pk)
    if not can(actor, "publish", "innovation_record", pending_subject(revision)):
        raise WorkflowError("You do not have permission to reject this change")
    if revision.state != RevisionState.PENDING:
        raise WorkflowError("This change has already been decided")
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Enter a reason")
    rejected = reject_revision(revision, actor=actor, reason=reason)
    record_event(
        actor=actor,
        action="innovation.revision-rejected",
        target=revision.innovation,
        extra={"revision": revision.pk, "reason": reason},
    )
    return rejected
