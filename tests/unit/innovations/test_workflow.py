"""The publication workflow, table-driven: every role × every transition from every stage."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from shopwindow.accounts.models import AuditEvent, Role
from shopwindow.accounts.permissions import can
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation, Revision, RevisionKind, RevisionState
from shopwindow.innovations.services import workflow
from shopwindow.innovations.services.records import propose_change
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    create_innovation,
    innovation_record,
)

pytestmark = pytest.mark.django_db

D, S, C, P, W = "draft", "submitted", "changes-requested", "published", "withdrawn"
ROLES = ("visitor", "member", "owner_member", "other_member", "moderator")

# (transition, from stage) -> the roles allowed, and the stage afterwards.
TABLE: dict[tuple[str, str], tuple[set[str], str]] = {
    ("submit", D): ({"owner_member"}, S),
    ("submit", C): ({"owner_member"}, S),
    ("request_changes", S): ({"moderator"}, C),
    ("publish", S): ({"moderator"}, P),
    ("publish", W): ({"moderator"}, P),
    ("withdraw", P): ({"moderator"}, W),
}
STAGES = (D, S, C, P, W)
CASES = [(name, stage, role) for name in workflow.TRANSITIONS for stage in STAGES for role in ROLES]


@pytest.fixture
def people(db: None) -> dict[str, Any]:
    owner = UserFactory.create()
    CouncilMembershipFactory.create(user=owner, authority=Authority.objects.get(gss="E07000044"))
    other = UserFactory.create()
    CouncilMembershipFactory.create(user=other, authority=Authority.objects.get(gss="E07000041"))
    return {
        "visitor": AnonymousUser(),
        "member": UserFactory.create(),
        "owner_member": owner,
        "other_member": other,
        "moderator": UserFactory.create(role=Role.MODERATOR),
    }


def _record_in(stage: str, submitter: Any) -> Innovation:
    innovation = create_innovation(publish=stage in {P, W}, actor=submitter)
    innovation.owner_council = Authority.objects.get(gss="E07000044")
    innovation.workflow_status = stage
    innovation.save()
    return innovation


@pytest.mark.parametrize(("name", "stage", "role"), CASES)
def test_role_by_transition(people: dict[str, Any], name: str, stage: str, role: str) -> None:
    user = people[role]
    innovation = _record_in(stage, people["owner_member"])
    allowed_roles, result = TABLE.get((name, stage), (set(), stage))
    reason = "Because the sources do not support the figures"
    if role in allowed_roles:
        moved = workflow.transition(innovation, name, actor=user, reason=reason)
        assert moved.workflow_status == result
        assert Innovation.objects.get(pk=innovation.pk).workflow_status == result
        status_revision = innovation.revisions.filter(kind=RevisionKind.STATUS).get()
        assert status_revision.workflow_status == result
        assert AuditEvent.objects.filter(action=f"innovation.{name.replace('_', '-')}").exists()
    else:
        with pytest.raises(workflow.WorkflowError) as refused:
            workflow.transition(innovation, name, actor=user, reason=reason)
        assert str(refused.value)  # a message for the person, never a crash
        assert Innovation.objects.get(pk=innovation.pk).workflow_status == stage
        assert not innovation.revisions.filter(kind=RevisionKind.STATUS).exists()


@pytest.mark.parametrize("stage", STAGES)
def test_allowed_transitions_match_the_table(people: dict[str, Any], stage: str) -> None:
    innovation = _record_in(stage, people["owner_member"])
    for role in ROLES:
        expected = sorted(
            name
            for (name, source), (roles, _) in TABLE.items()
            if source == stage and role in roles
        )
        assert sorted(workflow.allowed_transitions(innovation, people[role])) == expected, role


def test_permission_state_follows_the_workflow(people: dict[str, Any]) -> None:
    innovation = _record_in(C, people["owner_member"])
    assert innovation.permission_state == "changes_requested"
    assert innovation.status == "implemented"  # the spec's status is not the stage
    assert can(people["owner_member"], "edit", "innovation_record", innovation)
    assert not can(people["other_member"], "view", "innovation_record", innovation)
    innovation.workflow_status = P
    assert can(people["visitor"], "view", "innovation_record", innovation)


def test_reasons_are_required(people: dict[str, Any]) -> None:
    innovation = _record_in(S, people["owner_member"])
    with pytest.raises(workflow.WorkflowError, match="Enter a reason"):
        workflow.transition(innovation, "request_changes", actor=people["moderator"], reason=" ")


def test_request_changes_emails_the_submitter_with_the_reason(
    people: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    innovation = _record_in(S, people["owner_member"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(
            innovation,
            "request_changes",
            actor=people["moderator"],
            reason="Add the committee report as a source",
            link="https://example.org/innovations/x/edit/",
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [people["owner_member"].email]
    assert "Add the committee report as a source" in str(mail.outbox[0].body)
    assert workflow.latest_reason(innovation, C) == "Add the committee report as a source"


def test_publish_sets_published_at_and_keeps_it(people: dict[str, Any]) -> None:
    innovation = _record_in(S, people["owner_member"])
    innovation.published_at = None
    innovation.save()
    published = workflow.transition(innovation, "publish", actor=people["moderator"])
    first = published.published_at
    assert first is not None
    workflow.transition(published, "withdraw", actor=people["moderator"], reason="Wrong figures")
    again = workflow.transition(published, "publish", actor=people["moderator"])
    assert again.published_at == first


def test_set_verification_needs_a_moderator_and_a_note(people: dict[str, Any]) -> None:
    innovation = _record_in(P, people["owner_member"])
    with pytest.raises(workflow.WorkflowError):
        workflow.set_verification(
            innovation, actor=people["owner_member"], verification="peer-reviewed", note="x"
        )
    with pytest.raises(workflow.WorkflowError, match="what you checked"):
        workflow.set_verification(
            innovation, actor=people["moderator"], verification="peer-reviewed", note=""
        )
    workflow.set_verification(
        innovation,
        actor=people["moderator"],
        verification="peer-reviewed",
        note="Read the audit committee report of March 2016",
    )
    innovation.refresh_from_db()
    assert innovation.verification == "peer-reviewed"
    revision = innovation.revisions.order_by("-pk").first()
    assert revision is not None
    assert revision.reason.startswith("Read the audit")
    assert "evidence.verification" in revision.changed_paths


def test_pending_revisions_approve_and_reject(people: dict[str, Any]) -> None:
    innovation = _record_in(P, people["owner_member"])
    data = innovation_record(id=innovation.record_id, title="A better title for the record")
    pending = propose_change(innovation, data, actor=people["owner_member"])
    assert pending is not None
    for role in ("visitor", "member", "owner_member", "other_member"):
        with pytest.raises(workflow.WorkflowError):
            workflow.approve_pending(pending, actor=people[role])
    with pytest.raises(workflow.WorkflowError, match="reason"):
        workflow.reject_pending(pending, actor=people["moderator"], reason="")
    workflow.approve_pending(pending, actor=people["moderator"])
    innovation.refresh_from_db()
    assert innovation.title == "A better title for the record"
    assert Revision.objects.get(pk=pending.pk).state == RevisionState.APPROVED
    with pytest.raises(workflow.WorkflowError, match="already been decided"):
        workflow.approve_pending(pending, actor=people["moderator"])

    second = propose_change(
        innovation, innovation_record(id=innovation.record_id, title="Worse title"), actor=None
    )
    assert second is not None
    workflow.reject_pending(second, actor=people["moderator"], reason="Not an improvement")
    innovation.refresh_from_db()
    assert innovation.title == "A better title for the record"


def test_withdrawing_rejects_a_pending_change(people: dict[str, Any]) -> None:
    innovation = _record_in(P, people["owner_member"])
    data = innovation_record(id=innovation.record_id, title="A proposed new title")
    pending = propose_change(innovation, data, actor=people["owner_member"])
    assert pending is not None
    workflow.transition(innovation, "withdraw", actor=people["moderator"], reason="Out of date")
    assert Revision.objects.get(pk=pending.pk).state == RevisionState.REJECTED


def test_unknown_transition_is_refused(people: dict[str, Any]) -> None:
    innovation = _record_in(D, people["owner_member"])
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(innovation, "teleport", actor=people["moderator"])
    assert WorkflowStatus(innovation.workflow_status) == WorkflowStatus.DRAFT
