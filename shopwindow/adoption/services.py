"""Writes for adoption plans: start a plan from a record, edit it and its tasks, change its status
(which feeds the record's adoptions), and the moderators' confirm or reject decision.

Permission checks happen here too (`PlanPermissionError`), so no caller can skip them. Views
check visibility first (selectors.visible_plan) and answer 404 for plans the user cannot see.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string

from shopwindow.accounts.audit import Origin
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import can, is_council_member, is_moderator
from shopwindow.accounts.services import record_event
from shopwindow.adoption import scheduling
from shopwindow.adoption.models import AdoptionPlan, AdoptionReview, PlanStatus, PlanTask
from shopwindow.adoption.standard_plan import StandardTask, standard_tasks
from shopwindow.authorities.models import Authority
from shopwindow.core.email import queue_email
from shopwindow.innovations.models import Adoption, GuidanceStep, Innovation
from shopwindow.innovations.services import adoptions as record_adoptions


class PlanPermissionError(Exception):
    """The user may not make this change (views answer 403)."""


class PlanError(Exception):
    """A change that cannot be made, with a message for the user."""


def _require(user: User, action: str, plan: AdoptionPlan) -> None:
    if not can(user, action, "adoption_plan", plan):
        raise PlanPermissionError(f"You cannot {action} this plan")


def _weeks(step: "GuidanceStep | StandardTask") -> float | None:
    return step.duration_weeks if isinstance(step, GuidanceStep) else step.weeks


@transaction.atomic
def start_plan(
    *,
    user: User,
    innovation: Innovation,
    council: Authority,
    title: str,
    start_date: date,
    origin: Origin | None = None,
) -> AdoptionPlan:
    """Create a plan whose tasks are the record's guidance steps (or, for a record without
    steps, the standard stages of adoption.standard_plan), dated in sequence."""
    if not is_council_member(user, council):
        raise PlanPermissionError("You can only start a plan for a council you are a member of")
    if not innovation.is_published:
        raise PlanError("Only a published record can be adopted")
    if AdoptionPlan.objects.filter(council=council, innovation=innovation).exists():
        raise PlanError(f"{council.name} already has a plan for this record")
    plan = AdoptionPlan.objects.create(
        council=council,
        innovation=innovation,
        title=title.strip(),
        start_date=start_date,
        created_by=user,
    )
    steps: list[GuidanceStep | StandardTask] = list(innovation.steps.all())
    if not steps:
        # A record without steps still gets a plan: the standard stages, adapted from it.
        steps = list(standard_tasks(innovation))
    durations = [scheduling.weeks_to_days(_weeks(step)) for step in steps]
    dates = scheduling.schedule(start_date, durations)
    PlanTask.objects.bulk_create(
        PlanTask(
            plan=plan,
            position=i,
            title=step.title,
            detail=step.detail,
            duration_days=days,
            start_date=when.start_date,
            due_date=when.due_date,
        )
        for i, (step, days, when) in enumerate(zip(steps, durations, dates, strict=True))
    )
    record_event(actor=user, action="adoption.plan_started", target=plan, origin=origin)
    return plan


@transaction.atomic
def update_plan(
    *,
    user: User,
    plan: AdoptionPlan,
    title: str,
    start_date: date,
    status: str,
    is_shared: bool,
    origin: Origin | None = None,
) -> AdoptionPlan:
    """Save the plan's details. A new start date recalculates the dates of tasks not done; a new
    status is reflected on the record's adoptions (see docs/adoption.md)."""
    _require(user, "edit", plan)
    if status not in PlanStatus.values:
        raise PlanError(f"Unknown status {status!r}")
    plan = AdoptionPlan.objects.select_for_update().get(pk=plan.pk)
    old_status, old_start = plan.status, plan.start_date
    plan.title, plan.is_shared = title.strip(), is_shared
    if start_date != old_start:
        plan.start_date = start_date
        tasks = list(plan.tasks.order_by("position", "pk"))
        changed = scheduling.recalculate(start_date, tasks)
        PlanTask.objects.bulk_update(changed, ["start_date", "due_date"])  # type: ignore[arg-type]
    if status != old_status:
        _require(user, "submit", plan)
        plan.status = status
        plan.status_changed_by = user
    plan.save()
    if status != old_status or (start_date != old_start and status != PlanStatus.EXPLORING):
        _feed_adoption(plan, actor=user)
    if status != old_status:
        record_event(
            actor=user,
            action="adoption.plan_status",
            target=plan,
            origin=origin,
            extra={"from": old_status, "to": status},
        )
    return plan


def _feed_adoption(plan: AdoptionPlan, *, actor: User) -> None:
    adoption = record_adoptions.record_plan_status(
        innovation=plan.innovation,
        authority=plan.council,
        status=plan.status,
        started_on=plan.start_date,
        actor=actor,
    )
    if adoption is None:
        review = AdoptionReview.NONE
    else:
        review = AdoptionReview.CONFIRMED if adoption.confirmed else AdoptionReview.PENDING
    if review != plan.review:
        plan.review = review
        plan.save(update_fields=["review"])


def _next_position(plan: AdoptionPlan) -> int:
    top = plan.tasks.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def _task_fields(task: PlanTask, fields: dict[str, Any]) -> None:
    for name in ("title", "detail", "owner_name", "owner_user", "start_date", "due_date"):
        if name in fields:
            setattr(task, name, fields[name])
    if "status" in fields:
        task.status = fields["status"]
    if "notes" in fields:
        task.notes = fields["notes"]
    if task.start_date and task.due_date:
        if task.due_date < task.start_date:
            raise PlanError("The due date must be the same as or after the start date")
        # Edited dates set the task's length for later recalculation.
        task.duration_days = (task.due_date - task.start_date).days
    elif task.due_date is None:
        task.duration_days = None
    if task.owner_user is not None and not is_council_member(task.owner_user, task.plan.council):
        raise PlanError("The owner must be a member of the plan's council")


@transaction.atomic
def add_task(*, user: User, plan: AdoptionPlan, **fields: Any) -> PlanTask:
    _require(user, "edit", plan)
    task = PlanTask(plan=plan, position=_next_position(plan))
    _task_fields(task, fields)
    task.save()
    plan.save(update_fields=["updated_at"])
    return task


@transaction.atomic
def edit_task(*, user: User, task: PlanTask, **fields: Any) -> PlanTask:
    _require(user, "edit", task.plan)
    _task_fields(task, fields)
    task.save()
    task.plan.save(update_fields=["updated_at"])
    return task


@transaction.atomic
def remove_task(*, user: User, task: PlanTask) -> None:
    plan = task.plan
    _require(user, "edit", plan)
    task.delete()
    _renumber(plan)


def _renumber(plan: AdoptionPlan) -> list[PlanTask]:
    tasks = list(plan.tasks.order_by("position", "pk"))
    for i, each in enumerate(tasks):
        each.position = i
    PlanTask.objects.bulk_update(tasks, ["position"])
    plan.save(update_fields=["updated_at"])
    return tasks


@transaction.atomic
def move_task(*, user: User, task: PlanTask, direction: str) -> None:
    """Swap a task with the one above ("up") or below ("down"). Dates do not change."""
    plan = task.plan
    _require(user, "edit", plan)
    if direction not in {"up", "down"}:
        raise PlanError("Move a task up or down")
    tasks = list(plan.tasks.select_for_update().order_by("position", "pk"))
    index = next(i for i, each in enumerate(tasks) if each.pk == task.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(tasks):
        return
    tasks[index], tasks[other] = tasks[other], tasks[index]
    for i, each in enumerate(tasks):
        each.position = i
    PlanTask.objects.bulk_update(tasks, ["position"])
    plan.save(update_fields=["updated_at"])


@transaction.atomic
def delete_plan(*, user: User, plan: AdoptionPlan, origin: Origin | None = None) -> None:
    """Delete a plan. An adoption it fed that is not confirmed goes too; a confirmed one stays
    on the record (it is public history, and moderators can correct it)."""
    _require(user, "delete", plan)
    record_adoptions.record_plan_status(
        innovation=plan.innovation,
        authority=plan.council,
        status=PlanStatus.EXPLORING,
        started_on=None,
        actor=user,
    )
    record_event(actor=user, action="adoption.plan_deleted", target=plan, origin=origin)
    plan.delete()


# Moderation -------------------------------------------------------------------------------------


def _email_council(plan: AdoptionPlan | None, subject: str, template: str, **context: Any) -> None:
    """Tell the people who run the plan: its creator and whoever last set its status."""
    if plan is None:
        return
    people = {p for p in (plan.created_by, plan.status_changed_by) if p is not None}
    recipients = sorted(p.email for p in people if p.is_active)
    if not recipients:
        return
    body = render_to_string(
        f"adoption/email/{template}.txt",
        {"plan": plan, "service_name": settings.SERVICE_NAME, **context},
    )
    queue_email(to=recipients, subject=subject, body=body)


@transaction.atomic
def decide_adoption(
    *,
    moderator: User,
    adoption: Adoption,
    confirm: bool,
    reason: str = "",
    plan_link: str = "",
    origin: Origin | None = None,
) -> None:
    """Confirm (public from now on) or reject (with a reason) an adoption from a plan."""
    if not is_moderator(moderator):
        raise PlanPermissionError("Only moderators confirm adoptions")
    if confirm is False and not reason.strip():
        raise PlanError("Say why the adoption is not confirmed")
    from shopwindow.adoption.selectors import plan_for_adoption

    plan = plan_for_adoption(adoption)
    if confirm:
        record_adoptions.confirm_adoption(adoption=adoption, actor=moderator)
    else:
        record_adoptions.reject_adoption(adoption=adoption, actor=moderator, reason=reason)
    if plan is not None:
        plan.review = AdoptionReview.CONFIRMED if confirm else AdoptionReview.REJECTED
        plan.review_reason = "" if confirm else reason.strip()
        plan.save(update_fields=["review", "review_reason"])
    record_event(
        actor=moderator,
        action="adoption.confirmed" if confirm else "adoption.rejected",
        target=(
            "innovations.adoption",
            adoption.pk,
            f"{adoption.authority.name} – {adoption.innovation.title}",
        ),
        origin=origin,
        extra={"reason": reason.strip()} if not confirm else {},
    )
    verb = "confirmed" if confirm else "not confirmed"
    _email_council(
        plan,
        f"your adoption of {adoption.innovation.title} was {verb}",
        "adoption_decision",
        adoption=adoption,
        confirmed=confirm,
        reason=reason.strip(),
        plan_link=plan_link,
    )
