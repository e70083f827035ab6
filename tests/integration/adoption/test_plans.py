"""Adoption plans: start from a record, visibility (404 for outsiders), tasks, reordering,
dates, and the status feeding the record's adoptions through moderation."""

import uuid
from datetime import date
from typing import Any

import pytest
from django.core import mail

from shopwindow.accounts.models import AuditEvent, User
from shopwindow.adoption import services
from shopwindow.adoption.models import AdoptionPlan, AdoptionReview
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Adoption, Innovation, Revision
from shopwindow.innovations.serialisation import record_to_dict
from tests.factories import create_innovation

from .conftest import SOUTH_HAMS, client_for, date_post, member_of

pytestmark = pytest.mark.django_db


def start(user: User, record: Innovation, day: date = date(2026, 1, 5)) -> AdoptionPlan:
    return services.start_plan(
        user=user,
        innovation=record,
        council=Authority.objects.get(gss=SOUTH_HAMS),
        title="Our plan",
        start_date=day,
    )


def test_a_member_starts_a_plan_from_the_record_page(member: User, record: Innovation) -> None:
    client = client_for(member)
    page = client.get(f"/innovations/{record.record_id}/adopt/")
    assert page.status_code == 200
    assert "South Hams" in page.content.decode()
    south_hams = Authority.objects.get(gss=SOUTH_HAMS)
    response = client.post(
        f"/innovations/{record.record_id}/adopt/",
        {
            "council": south_hams.pk,
            "title": "Waste for South Hams",
            **date_post("start_date", 5, 1, 2026),
        },
    )
    plan = AdoptionPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{plan.pk}/"
    tasks = list(plan.tasks.order_by("position"))
    assert [t.title for t in tasks] == ["Make the case", "Agree the governance", "Go live"]
    assert [(t.start_date, t.due_date) for t in tasks] == [
        (date(2026, 1, 5), date(2026, 1, 19)),
        (date(2026, 1, 19), date(2026, 2, 16)),
        (date(2026, 2, 16), None),
    ]
    assert AuditEvent.objects.filter(action="adoption.plan_started").exists()


def test_start_form_errors_name_the_field(member: User, record: Innovation) -> None:
    response = client_for(member).post(
        f"/innovations/{record.record_id}/adopt/",
        {"title": "", **date_post("start_date", 31, 2, 2026)},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Enter a title for the plan" in body
    assert "Start date must be a real date" in body
    assert not AdoptionPlan.objects.exists()


def test_private_plan_is_404_for_another_council_and_for_guessed_ids(
    member: User, outsider: User, moderator: User, record: Innovation
) -> None:
    plan = start(member, record)
    outsider_client = client_for(outsider)
    for path in ("", "edit/", "plan.csv", "plan.xlsx", "plan.ics", "print/"):
        assert outsider_client.get(f"/plans/{plan.pk}/{path}").status_code == 404, path
    assert outsider_client.get(f"/plans/{uuid.uuid4()}/").status_code == 404
    assert client_for(member).get(f"/plans/{plan.pk}/").status_code == 200
    # Moderators can read private plans (to confirm adoptions) but not change them.
    moderator_page = client_for(moderator).get(f"/plans/{plan.pk}/")
    assert moderator_page.status_code == 200
    assert "Change plan details" not in moderator_page.content.decode()
    assert client_for(moderator).get(f"/plans/{plan.pk}/edit/").status_code == 403


def test_a_shared_plan_can_be_read_but_not_changed_by_others(
    member: User, outsider: User, record: Innovation
) -> None:
    plan = start(member, record)
    plan.is_shared = True
    plan.save()
    client = client_for(outsider)
    assert client.get(f"/plans/{plan.pk}/").status_code == 200
    assert client.get(f"/plans/{plan.pk}/edit/").status_code == 403
    task = plan.tasks.first()
    assert task is not None
    response = client.post(f"/plans/{plan.pk}/tasks/{task.pk}/move/", {"direction": "down"})
    assert response.status_code == 403


def test_tasks_are_added_edited_reordered_and_removed(member: User, record: Innovation) -> None:
    plan = start(member, record)
    client = client_for(member)
    colleague = member_of(SOUTH_HAMS, full_name="Colin Colleague")
    response = client.post(
        f"/plans/{plan.pk}/tasks/add/",
        {
            "title": "Tell residents",
            "owner_user": colleague.pk,
            "status": "not-started",
            **date_post("start_date", 1, 3, 2026),
            **date_post("due_date", 15, 3, 2026),
        },
    )
    assert response.status_code == 302
    added = plan.tasks.get(title="Tell residents")
    assert added.owner_display == "Colin Colleague"
    assert added.duration_days == 14
    first = plan.tasks.get(title="Make the case")
    response = client.post(
        f"/plans/{plan.pk}/tasks/{first.pk}/",
        {
            "title": "Make the case",
            "owner_name": "Finance team",
            "status": "done",
            "notes": "Agreed",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.status, first.owner_display, first.due_date) == ("done", "Finance team", None)
    # Move the last task up twice, then the first down once.
    client.post(f"/plans/{plan.pk}/tasks/{added.pk}/move/", {"direction": "up"})
    client.post(f"/plans/{plan.pk}/tasks/{added.pk}/move/", {"direction": "up"})
    client.post(f"/plans/{plan.pk}/tasks/{first.pk}/move/", {"direction": "down"})
    titles = list(plan.tasks.order_by("position").values_list("title", flat=True))
    assert titles == ["Tell residents", "Make the case", "Agree the governance", "Go live"]
    assert client.get(f"/plans/{plan.pk}/tasks/{added.pk}/remove/").status_code == 200
    client.post(f"/plans/{plan.pk}/tasks/{added.pk}/remove/")
    assert list(plan.tasks.order_by("position").values_list("position", flat=True)) == [0, 1, 2]


def test_due_before_start_is_an_error(member: User, record: Innovation) -> None:
    plan = start(member, record)
    response = client_for(member).post(
        f"/plans/{plan.pk}/tasks/add/",
        {
            "title": "Backwards",
            "status": "not-started",
            **date_post("start_date", 15, 3, 2026),
            **date_post("due_date", 1, 3, 2026),
        },
    )
    assert response.status_code == 200
    assert "The due date must be the same as or after the start date" in response.content.decode()


def test_a_new_start_date_moves_undone_tasks(member: User, record: Innovation) -> None:
    plan = start(member, record)
    first = plan.tasks.get(title="Make the case")
    first.status = "done"
    first.save()
    response = client_for(member).post(
        f"/plans/{plan.pk}/edit/",
        {"title": plan.title, "status": "exploring", **date_post("start_date", 2, 2, 2026)},
    )
    assert response.status_code == 302
    dates = {t.title: (t.start_date, t.due_date) for t in plan.tasks.all()}
    assert dates["Make the case"] == (date(2026, 1, 5), date(2026, 1, 19))  # done: kept
    assert dates["Agree the governance"] == (date(2026, 2, 2), date(2026, 3, 2))
    assert dates["Go live"] == (date(2026, 3, 2), None)


def _set_status(user: User, plan: AdoptionPlan, status: str) -> None:
    services.update_plan(
        user=user,
        plan=plan,
        title=plan.title,
        start_date=plan.start_date,
        status=status,
        is_shared=plan.is_shared,
    )


def test_adopted_waits_for_a_moderator_then_becomes_public(
    member: User, moderator: User, record: Innovation, after_commit: Any
) -> None:
    plan = start(member, record)
    _set_status(member, plan, "adopted")
    adoption = Adoption.objects.get(innovation=record)
    assert (adoption.confirmed, adoption.status, adoption.source) == (False, "adopted", "plan")
    assert str(adoption.started_on) == "2026-01-05"
    plan.refresh_from_db()
    assert plan.review == AdoptionReview.PENDING
    assert "adoptions" not in record_to_dict(Innovation.objects.get(pk=record.pk))

    queue = client_for(moderator).get("/moderation/adoptions/")
    assert queue.status_code == 200
    assert "South Hams" in queue.content.decode()
    assert client_for(member).get("/moderation/adoptions/").status_code == 403
    revisions_before = Revision.objects.filter(innovation=record).count()
    with after_commit():
        response = client_for(moderator).post(
            f"/moderation/adoptions/{adoption.pk}/", {"decision": "confirm"}
        )
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.confirmed
    assert adoption.confirmed_at is not None
    record_dict = record_to_dict(Innovation.objects.get(pk=record.pk))
    assert record_dict["adoptions"] == [
        {"authority": SOUTH_HAMS, "status": "adopted", "started_on": "2026-01-05"}
    ]
    revision = Revision.objects.filter(innovation=record).latest("pk")
    assert Revision.objects.filter(innovation=record).count() == revisions_before + 1
    assert revision.source == "plan"
    assert revision.author == moderator
    assert AuditEvent.objects.filter(action="adoption.confirmed", actor=moderator).exists()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "confirmed" in mail.outbox[0].body
    plan.refresh_from_db()
    assert plan.review == AdoptionReview.CONFIRMED


def test_rejecting_needs_a_reason_and_removes_the_unconfirmed_adoption(
    member: User, moderator: User, record: Innovation, after_commit: Any
) -> None:
    plan = start(member, record)
    _set_status(member, plan, "in-progress")
    adoption = Adoption.objects.get(innovation=record)
    client = client_for(moderator)
    response = client.post(f"/moderation/adoptions/{adoption.pk}/", {"decision": "reject"})
    assert "Enter why the adoption is not confirmed" in response.content.decode()
    with after_commit():
        client.post(
            f"/moderation/adoptions/{adoption.pk}/",
            {"decision": "reject", "reason": "The plan has no tasks started"},
        )
    assert not Adoption.objects.filter(innovation=record).exists()
    plan.refresh_from_db()
    assert plan.review == AdoptionReview.REJECTED
    assert plan.review_reason == "The plan has no tasks started"
    assert "The plan has no tasks started" in mail.outbox[0].body


def test_abandoning_a_confirmed_adoption_shows_it_abandoned(
    member: User, moderator: User, record: Innovation
) -> None:
    plan = start(member, record)
    _set_status(member, plan, "adopted")
    adoption = Adoption.objects.get(innovation=record)
    services.decide_adoption(moderator=moderator, adoption=adoption, confirm=True)
    plan.refresh_from_db()
    _set_status(member, plan, "abandoned")
    adoption.refresh_from_db()
    assert (adoption.status, adoption.confirmed) == ("abandoned", True)
    # Exploring again removes nothing that was confirmed.
    plan.refresh_from_db()
    _set_status(member, plan, "exploring")
    assert Adoption.objects.filter(innovation=record, confirmed=True).exists()


def test_exploring_again_withdraws_an_unconfirmed_adoption(
    member: User, record: Innovation
) -> None:
    plan = start(member, record)
    _set_status(member, plan, "in-progress")
    assert Adoption.objects.filter(innovation=record).exists()
    plan.refresh_from_db()
    _set_status(member, plan, "exploring")
    assert not Adoption.objects.filter(innovation=record).exists()


def test_one_plan_per_council_and_record(member: User, record: Innovation) -> None:
    start(member, record)
    with pytest.raises(services.PlanError):
        start(member, record)
    page = client_for(member).get(f"/innovations/{record.record_id}/adopt/")
    assert "already has a plan" in page.content.decode()


def test_unpublished_records_cannot_be_adopted(member: User) -> None:
    draft = create_innovation(publish=False)
    assert client_for(member).get(f"/innovations/{draft.record_id}/adopt/").status_code == 404


def test_user_deletion_keeps_the_plan_without_its_author(member: User, record: Innovation) -> None:
    from shopwindow.accounts.selectors import user_data
    from shopwindow.accounts.services import delete_account

    plan = start(member, record)
    data = user_data(member)
    assert data["adoption_plans"][0]["id"] == str(plan.pk)
    delete_account(user=member)
    plan.refresh_from_db()
    assert plan.created_by is None
    assert plan.council.gss == SOUTH_HAMS
