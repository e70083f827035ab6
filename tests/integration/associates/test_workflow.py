"""A help request from form to close-out: shortlist with reasons, invitation, acceptance, the
engagement's states (by the right party), the rating and the pre-filled draft record."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from shopwindow.accounts.models import AuditEvent, Role
from shopwindow.api.services import create_token
from shopwindow.associates.models import Engagement, HelpRequest, Invitation
from shopwindow.associates.vocabularies import EngagementStatus
from shopwindow.authorities.models import Authority
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services.validation import validate_record
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    associate_profile,
    create_innovation,
    with_date_inputs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client: Client) -> dict[str, Any]:
    council = Authority.objects.get(gss="E07000044")
    member = UserFactory.create(full_name="Connie Council")
    CouncilMembershipFactory.create(user=member, authority=council)
    record = create_innovation(title="Joint waste service")
    best = associate_profile(user=UserFactory.create(full_name="Alice Able"))
    best.delivered_records.set([record])
    weaker = associate_profile(
        user=UserFactory.create(full_name="Bob Basic"),
        skills=["capability:procurement"],
        regions=["london"],
        nations=[],
        work_mode="on-site",
    )
    associate_profile(user=UserFactory.create(full_name="Nora None"), skills=["capability:data"])
    UserFactory.create(role=Role.MODERATOR, email="mod@example.gov.uk")
    client.force_login(member)
    return {"member": member, "record": record, "best": best, "weaker": weaker, "council": council}


def _raise(client: Client, record_id: str, **overrides: Any) -> Any:
    data = {
        "council": str(Authority.objects.get(gss="E07000044").pk),
        "title": "Merge our waste rounds",
        "goal": "Cut costs by sharing rounds with a neighbour.",
        "linked": record_id,
        "service_area": "waste-and-environment",
        "capabilities": ["procurement"],
        "days_needed": "8",
        "budget_band": "5k-20k",
        "start_on": "1/3/2027",
        "end_on": "30/4/2027",
        "work_mode": "on-site",
    }
    data.update(overrides)
    return client.post("/help-requests/new/", with_date_inputs(data, "start_on", "end_on"))


def test_form_errors_are_named(client: Client, setup: dict[str, Any]) -> None:
    page = _raise(client, "nope", title="", end_on="1/1/2027").content.decode()
    assert "There is a problem" in page
    assert "Enter a title" in page
    assert "Select records from the search results" in page  # an id no published record has
    assert "The end date must be on or after the start date" in page
    assert not HelpRequest.objects.exists()


def test_members_of_no_council_cannot_raise_requests(client: Client) -> None:
    client.force_login(UserFactory.create())
    assert client.get("/help-requests/new/").status_code == 403


def test_request_to_close_out(client: Client, setup: dict[str, Any], after_commit: Any) -> None:
    with after_commit():
        response = _raise(client, setup["record"].record_id)
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert help_request.author == setup["member"]
    assert any("mod@example.gov.uk" in m.to for m in mail.outbox)

    # The shortlist ranks Alice (delivered the linked record, right region) above Bob; Nora
    # (no needed skill) is not on it.
    page = client.get(f"/help-requests/{help_request.pk}/").content.decode()
    assert page.index("Alice Able") < page.index("Bob Basic")
    assert "Nora None" not in page
    assert "Helped deliver “Joint waste service”, which this request links to." in page
    assert "Works in South West, where South Hams is." in page

    # Invite Alice: she is emailed and the invitation is in the audit log.
    mail.outbox.clear()
    best = setup["best"]
    with after_commit():
        client.post(f"/help-requests/{help_request.pk}/invite/", {"associate": best.pk})
    invitation = Invitation.objects.get()
    assert invitation.associate == best
    assert invitation.reasons
    assert mail.outbox[0].to == [best.user.email]
    assert AuditEvent.objects.filter(action="help_request.invited").exists()

    # Alice accepts; an engagement is proposed; the requester hears.
    alice = Client()
    alice.force_login(best.user)
    assert "Merge our waste rounds" in alice.get("/associates/invitations/").content.decode()
    mail.outbox.clear()
    with after_commit():
        response = alice.post(f"/associates/invitations/{invitation.pk}/", {"answer": "accept"})
    engagement = Engagement.objects.get()
    assert response.url == f"/engagements/{engagement.pk}/"  # type: ignore[attr-defined]
    assert engagement.status == EngagementStatus.PROPOSED
    assert engagement.days_agreed == 8
    assert mail.outbox[0].to == [setup["member"].email]

    # The associate cannot agree the terms: that is the council's move.
    alice.post(f"/engagements/{engagement.pk}/", {"move": "agreed"})
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.PROPOSED

    client.post(
        f"/engagements/{engagement.pk}/",
        {
            "move": "agreed",
            **with_date_inputs(
                {"agreed-start_on": "1/3/2027", "agreed-end_on": "30/4/2027"},
                "agreed-start_on",
                "agreed-end_on",
            ),
            "agreed-days_agreed": "6",
        },
    )
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.AGREED
    assert engagement.days_agreed == 6

    alice.post(f"/engagements/{engagement.pk}/", {"move": "active"})
    alice.post(f"/engagements/{engagement.pk}/", {"move": "days", "days-days_used": "5"})
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.ACTIVE
    assert engagement.days_used == 5

    # Completing needs a rating and an outcome.
    refused = client.post(
        f"/engagements/{engagement.pk}/", {"move": "completed", "completed-days_used": "6"}
    )
    assert "Choose a rating from 1 to 5" in refused.content.decode()
    client.post(
        f"/engagements/{engagement.pk}/",
        {
            "move": "completed",
            "completed-days_used": "6",
            "completed-rating": "5",
            "completed-rating_comment": "Superb",
            "completed-outcome": "Rounds merged; £80k saved.",
        },
    )
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.COMPLETED
    assert engagement.rating == 5

    # The profile shows the experience (rating shown: every field is public in the factory).
    public = client.get(f"/associates/{best.pk}/").content.decode()
    assert "1 completed engagement" in public
    assert "Average rating 5.0 out of 5" in public

    # Alice is offered a draft record, owned by the council, that passes validation.
    assert "Create a draft record" in alice.get(f"/engagements/{engagement.pk}/").content.decode()
    alice.post(f"/engagements/{engagement.pk}/", {"move": "draft"})
    engagement.refresh_from_db()
    draft = engagement.draft_record
    assert draft is not None
    assert draft.workflow_status == WorkflowStatus.DRAFT
    assert draft.owner_council == setup["council"]
    assert draft.submitted_by == best.user
    assert draft.title == "Merge our waste rounds"
    assert "£80k saved" in draft.summary
    assert "[For the council to complete]" in draft.approach
    assert [t.code for t in draft.themes.all()] == ["shared-services"]
    assert [s.code for s in draft.service_areas.all()] == ["waste-and-environment"]
    assert validate_record(record_to_dict(draft)) == []
    # Only once.
    alice.post(f"/engagements/{engagement.pk}/", {"move": "draft"})
    assert Engagement.objects.get().draft_record == draft

    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "engagement.agreed",
        "engagement.active",
        "engagement.completed",
        "engagement.draft_record",
        "help_request.accepted",
    } <= actions

    # The API shows the engagement to both parties, not to others.
    _, token = create_token(user=best.user, name="t")
    body = client.get("/api/v1/engagements", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert [e["id"] for e in body["results"]] == [engagement.pk]
    assert body["results"][0]["rating"] == 5
    _, stranger = create_token(user=associate_profile().user, name="t")
    assert (
        client.get("/api/v1/engagements", HTTP_AUTHORIZATION=f"Bearer {stranger}").json()["count"]
        == 0
    )


def test_decline_and_cancel(client: Client, setup: dict[str, Any]) -> None:
    _raise(client, setup["record"].record_id)
    help_request = HelpRequest.objects.get()
    for profile in (setup["best"], setup["weaker"]):
        client.post(f"/help-requests/{help_request.pk}/invite/", {"associate": profile.pk})
    bob = Client()
    bob.force_login(setup["weaker"].user)
    invitation = Invitation.objects.get(associate=setup["weaker"])
    bob.post(f"/associates/invitations/{invitation.pk}/", {"answer": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert not Engagement.objects.exists()
    # Answering twice is refused with a message, not a 500.
    page = bob.post(f"/associates/invitations/{invitation.pk}/", {"answer": "accept"})
    assert page.status_code == 200
    assert not Engagement.objects.exists()

    alice = Client()
    alice.force_login(setup["best"].user)
    alice_invitation = Invitation.objects.get(associate=setup["best"])
    alice.post(f"/associates/invitations/{alice_invitation.pk}/", {"answer": "accept"})
    engagement = Engagement.objects.get()
    page = alice.post(
        f"/engagements/{engagement.pk}/", {"move": "cancelled", "cancelled-reason": ""}
    )
    assert "Enter why the engagement is cancelled" in page.content.decode()
    alice.post(f"/engagements/{engagement.pk}/", {"move": "cancelled", "cancelled-reason": "Ill"})
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.CANCELLED
    # Bob (declined) cannot see the engagement.
    assert bob.get(f"/engagements/{engagement.pk}/").status_code == 404


def test_deleting_the_requester_keeps_the_request(client: Client, setup: dict[str, Any]) -> None:
    from shopwindow.accounts.services import delete_account

    _raise(client, setup["record"].record_id)
    delete_account(user=setup["member"])
    help_request = HelpRequest.objects.get()
    assert help_request.author is None
    assert help_request.council == setup["council"]


def test_data_download_includes_the_profile(setup: dict[str, Any]) -> None:
    from shopwindow.accounts.signals import collect_user_data

    user = setup["best"].user
    sections: dict[str, Any] = {}
    for _, result in collect_user_data.send(sender=type(user), user=user):
        assert isinstance(result, dict)
        sections.update(result)
    assert sections["associate_profile"]["headline"] == "Former head of waste services"
    assert sections["associate_profile"]["referees"][0]["name"] == "Ann Referee"


def test_dashboard_links_to_follows_and_follows_skill_themes(client: Client) -> None:
    from shopwindow.follows.selectors import follows_of

    profile = associate_profile(
        skills=["theme:shared-services", "service:housing", "capability:data"]
    )
    client.force_login(profile.user)
    page = client.get("/associates/dashboard/").content.decode()
    assert "Follow themes to learn what works" in page
    assert 'href="/follows/"' in page
    # The follows app's panel posts the skills' topics (capabilities are not followable).
    assert 'name="topic" value="theme:shared-services"' in page
    assert "capability:data" not in page
    response = client.post(
        "/follows/follow/topics/",
        {"topic": ["theme:shared-services", "service:housing"], "next": "/associates/dashboard/"},
    )
    assert response["Location"] == "/associates/dashboard/"
    assert {(f.kind, f.code) for f in follows_of(profile.user)} == {
        ("theme", "shared-services"),
        ("service-area", "housing"),
    }
