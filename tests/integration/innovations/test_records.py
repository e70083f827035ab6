"""Saving records: child rows, revisions for every change, pending revisions, derived figures."""

from decimal import Decimal

import pytest

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.innovations import selectors
from shopwindow.innovations.models import Innovation, RevisionKind, RevisionState
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services.records import (
    approve_revision,
    reject_revision,
    save_record,
)
from shopwindow.innovations.services.validation import RecordValidationError
from shopwindow.innovations.vocabularies import Source, WorkflowStatus
from tests.factories import create_innovation, innovation_record

pytestmark = pytest.mark.django_db


def test_save_writes_every_part_and_reads_back(south_hams_member: User) -> None:
    data = innovation_record(
        id="full-record",
        started_on="2015-04",
        partner_authorities=["E07000047"],
        outcomes={
            "annual_saving_gbp": 120000,
            "metrics": [{"name": "Rounds", "baseline": 10, "result": 8}],
        },
        guidance={"steps": [{"title": "First"}, {"title": "Second", "duration_weeks": 4}]},
        adoptions=[{"authority": "E07000041", "status": "adopted"}],
    )
    result = save_record(data, actor=south_hams_member, publish=False, source=Source.API)
    innovation = result.innovation
    assert result.created
    assert innovation.workflow_status == WorkflowStatus.DRAFT
    assert innovation.submitted_by == south_hams_member
    assert innovation.started_year == 2015
    assert innovation.started_month == 4
    assert innovation.started_day is None
    assert str(innovation.started_on) == "2015-04"
    assert [s.title for s in innovation.steps.all()] == ["First", "Second"]
    loaded = selectors.with_record_relations(Innovation.objects.all()).get(pk=innovation.pk)
    assert record_to_dict(loaded) == data


def test_every_change_is_kept_as_a_revision(south_hams_member: User, moderator: User) -> None:
    innovation = create_innovation(id="kept", publish=False, actor=south_hams_member)
    save_record(
        innovation_record(id="kept", title="Second title here"),
        actor=south_hams_member,
        publish=False,
    )
    save_record(
        innovation_record(id="kept", title="Second title here", status="scaled"),
        actor=moderator,
        publish=True,
    )
    revisions = list(selectors.revision_history(innovation))
    assert [r.kind for r in revisions] == [
        RevisionKind.IMPORTED,
        RevisionKind.IMPORTED,
        RevisionKind.IMPORTED,
    ]
    assert [r.author for r in revisions] == [south_hams_member, south_hams_member, moderator]
    assert revisions[1].changed_paths == ["title"]
    assert revisions[1].changes[0]["new"] == "Second title here"
    assert revisions[2].changed_paths == ["status"]
    assert revisions[2].workflow_status == WorkflowStatus.PUBLISHED
    assert revisions[2].snapshot["status"] == "scaled"
    # Saving the same again changes nothing and adds no revision.
    again = save_record(
        innovation_record(id="kept", title="Second title here", status="scaled"), publish=True
    )
    assert again.revision is None
    assert innovation.revisions.count() == 3


def test_editing_a_published_record_waits_for_approval(
    south_hams_member: User, moderator: User
) -> None:
    create_innovation(id="live-record", title="The published title")
    result = save_record(
        innovation_record(id="live-record", title="A proposed new title"),
        actor=south_hams_member,
        publish=False,
        source=Source.FORM,
    )
    assert result.pending
    assert result.revision is not None
    pending = selectors.pending_revision(result.innovation)
    assert pending == result.revision
    assert pending.state == RevisionState.PENDING
    assert pending.changed_paths == ["title"]
    # The public still sees the published version.
    public = selectors.get_published("live-record")
    assert public is not None
    assert public.title == "The published title"

    approved = approve_revision(pending, actor=moderator)
    assert approved.kind == RevisionKind.APPROVED
    assert selectors.get_published("live-record").title == "A proposed new title"  # type: ignore[union-attr]
    pending.refresh_from_db()
    assert pending.state == RevisionState.APPROVED
    assert pending.decided_by == moderator
    assert selectors.pending_revision(result.innovation) is None


def test_rejected_and_superseded_proposals_are_kept(
    south_hams_member: User, moderator: User
) -> None:
    innovation = create_innovation(id="proposals", title="The published title")
    first = save_record(
        innovation_record(id="proposals", title="First proposal title"),
        actor=south_hams_member,
        publish=False,
    ).revision
    second = save_record(
        innovation_record(id="proposals", title="Second proposal title"),
        actor=south_hams_member,
        publish=False,
    ).revision
    assert first is not None
    assert second is not None
    first.refresh_from_db()
    assert first.state == RevisionState.REJECTED
    assert "Replaced" in first.reason
    reject_revision(second, actor=moderator, reason="Sources do not support the claim")
    second.refresh_from_db()
    assert second.state == RevisionState.REJECTED
    innovation.refresh_from_db()
    assert innovation.title == "The published title"
    assert innovation.revisions.count() == 3


def test_invalid_record_writes_nothing() -> None:
    with pytest.raises(RecordValidationError) as raised:
        save_record(innovation_record(id="nope", themes=["nonsense"]), publish=True)
    assert raised.value.messages[0].startswith("record 1 (nope): themes[0]:")
    assert not Innovation.objects.filter(record_id="nope").exists()


def test_derived_figures() -> None:
    south_hams, west_devon = (Authority.objects.get(gss=g) for g in ("E07000044", "E07000047"))
    innovation = create_innovation(
        id="derived",
        lead_authorities=["E07000044", "E07000047"],
        outcomes={"annual_saving_gbp": 120000, "one_off_cost_gbp": 250000},
        evidence={"level": 3, "verification": "peer-reviewed"},
    )
    loaded = selectors.get_published("derived")
    assert loaded is not None
    assert loaded.payback_months == Decimal("25.0")
    population = (south_hams.population or 0) + (west_devon.population or 0)
    assert population > 100000
    assert loaded.saving_per_head == (Decimal(120000) / population).quantize(Decimal("0.01"))
    assert selectors.derived_figures(loaded) == {
        "payback_months": 25.0,
        "saving_per_head_gbp": float((Decimal(120000) / population).quantize(Decimal("0.01"))),
        "verified": True,
    }
    assert innovation.verified


def test_derived_figures_are_empty_without_numbers() -> None:
    create_innovation(id="no-numbers", outcomes={"annual_saving_gbp": 5000})
    loaded = selectors.get_published("no-numbers")
    assert loaded is not None
    assert loaded.payback_months is None
    assert selectors.derived_figures(loaded)["verified"] is False


def test_illustrative_follows_the_tag() -> None:
    create_innovation(id="made-up", tags=["illustrative"])
    create_innovation(id="real-one")
    assert Innovation.objects.get(record_id="made-up").is_illustrative
    ids = [i.record_id for i in selectors.published_innovations(include_illustrative=False)]
    assert ids == ["real-one"]


def test_unconfirmed_plan_adoptions_survive_a_save() -> None:
    innovation = create_innovation(id="planned")
    innovation.adoptions.create(
        authority=Authority.objects.get(gss="E07000041"), status="exploring", source=Source.PLAN
    )
    save_record(innovation_record(id="planned", title="Changed title here"), publish=True)
    assert innovation.adoptions.filter(confirmed=False).count() == 1
    assert "adoptions" not in record_to_dict(innovation)
