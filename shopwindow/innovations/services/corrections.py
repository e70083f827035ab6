"""Problems reported with published records, and what moderators do about them.

Anyone may report a problem with a published record (`report_problem`). A moderator then either
corrects the record (`correct_record`: the whole record in the exchange format goes through
`save_record`, so it is validated like any import, and the revision it makes becomes a
"corrected" revision carrying the public note) or closes the report with no change
(`close_without_change`). The record page's history shows corrections with their note, never who
made them.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import can
from shopwindow.accounts.services import record_event
from shopwindow.innovations.models import (
    Innovation,
    ProblemReport,
    ProblemState,
    RevisionKind,
)
from shopwindow.innovations.services.records import save_record
from shopwindow.innovations.services.validation import RecordError, RecordValidationError
from shopwindow.innovations.vocabularies import Source

DECIDE_ROW = "innovation_record:pending_revision"


class CorrectionError(Exception):
    """A report cannot be decided (already decided, not allowed, nothing changed, no note)."""


@transaction.atomic
def report_problem(
    *, innovation: Innovation, description: str, part: str = "", email: str = ""
) -> ProblemReport:
    """Keep a problem someone reported with a published record, for the moderators' queue."""
    if not innovation.is_published:
        raise CorrectionError("Problems can only be reported with published records")
    return ProblemReport.objects.create(
        innovation=innovation,
        description=description.strip(),
        part=part or "",
        email=(email or "").strip(),
    )


def _open_report(report: ProblemReport, actor: User) -> tuple[ProblemReport, Innovation]:
    """The report and its record, locked; raises CorrectionError unless the actor may decide."""
    report = ProblemReport.objects.select_for_update().get(pk=report.pk)
    innovation = Innovation.objects.select_for_update().get(pk=report.innovation_id)
    if report.state != ProblemState.OPEN:
        raise CorrectionError("This report has already been dealt with")
    # Deciding a report publishes a change to a published record straight away (or closes the
    # report): the matrix's "publish" of a change to a published record, moderators only.
    if not can(actor, "publish", DECIDE_ROW, innovation):
        raise CorrectionError("You do not have permission to deal with this report")
    return report, innovation


@transaction.atomic
def correct_record(*, report: ProblemReport, actor: User, data: Any, note: str) -> ProblemReport:
    """Correct the published record with `data` (the whole record in the exchange format).

    Raises RecordValidationError (listing every problem) if `data` is not a valid record or
    changes the record's id, and CorrectionError if the report is decided, the actor may not
    edit the record, the note is empty or the record is unchanged. Nothing is saved on error.
    """
    report, innovation = _open_report(report, actor)
    note = (note or "").strip()
    if not note:
        raise CorrectionError("Enter what was corrected")
    if not innovation.is_published:
        raise CorrectionError("Only a published record can be corrected")
    if isinstance(data, dict) and data.get("id") != innovation.record_id:
        given = data.get("id")
        raise RecordValidationError(
            [
                RecordError(
                    1,
                    given if isinstance(given, str) else None,
                    "id",
                    f"must stay {innovation.record_id!r}",
                )
            ]
        )
    result = save_record(data, actor=actor, publish=True, source=Source.FORM)
    if result.revision is None:
        raise CorrectionError(
            "The record is unchanged. Correct the record, or close the report with no change needed"
        )
    now = timezone.now()
    revision = result.revision
    revision.kind = RevisionKind.CORRECTED
    revision.reason = note
    revision.save(update_fields=["kind", "reason"])
    corrected = result.innovation
    corrected.last_checked_at = now
    corrected.save(update_fields=["last_checked_at", "updated_at"])
    report.state = ProblemState.CORRECTED
    report.decided_by, report.decided_at = actor, now
    report.public_note = note
    report.revision = revision
    report.save(update_fields=["state", "decided_by", "decided_at", "public_note", "revision"])
    record_event(
        actor=actor,
        action="innovation.corrected",
        target=corrected,
        extra={"report": report.pk, "revision": revision.pk, "paths": revision.changed_paths},
    )
    return report


@transaction.atomic
def close_without_change(*, report: ProblemReport, actor: User, note: str) -> ProblemReport:
    """Close a report when the record needs no change, saying why."""
    report, _innovation = _open_report(report, actor)
    note = (note or "").strip()
    if not note:
        raise CorrectionError("Enter why no change is needed")
    report.state = ProblemState.NO_CHANGE
    report.decided_by, report.decided_at = actor, timezone.now()
    report.public_note = note
    report.save(update_fields=["state", "decided_by", "decided_at", "public_note"])
    record_event(
        actor=actor,
        action="innovation.problem-closed",
        target=report.innovation,
        extra={"report": report.pk},
    )
    return report
