"""Plan pages: start a plan from a record, read it, edit it, and add, edit, remove and reorder
its tasks. A plan the user may not see is a 404 (never a 403), so its existence stays hidden."""

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import can
from shopwindow.adoption import selectors, services
from shopwindow.adoption.forms import PlanForm, StartPlanForm, TaskForm
from shopwindow.adoption.models import AdoptionPlan, PlanTask
from shopwindow.adoption.standard_plan import STAGE_TITLES
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.selectors import get_published


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def get_plan(request: HttpRequest, plan_id: uuid.UUID) -> AdoptionPlan:
    plan = selectors.visible_plan(request.user, plan_id)
    if plan is None:
        raise Http404("No plan here")
    return plan


def _editable(request: HttpRequest, plan_id: uuid.UUID) -> AdoptionPlan:
    plan = get_plan(request, plan_id)
    if not can(request.user, "edit", "adoption_plan", plan):
        raise PermissionDenied("Only the council's members can change this plan")
    return plan


def _task(plan: AdoptionPlan, task_id: int) -> PlanTask:
    task = plan.tasks.filter(pk=task_id).first()
    if task is None:
        raise Http404("No task here")
    task.plan = plan
    return task


def _record(record_id: str) -> Innovation:
    innovation = get_published(record_id)
    if innovation is None:
        raise Http404("No published record with that id")
    return innovation


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "adoption/plan_list.html",
        {"plans": selectors.council_plans(request.user).order_by("council__name", "title")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest, record_id: str) -> HttpResponseBase:
    innovation = _record(record_id)
    user = _user(request)
    councils = selectors.councils_without_plan(user, innovation).order_by("name")
    existing = list(selectors.plans_for_record(user, innovation))
    if not councils.exists():
        return render(
            request,
            "adoption/start_unavailable.html",
            {"innovation": innovation, "plans": existing},
        )
    form = StartPlanForm(
        request.POST or None,
        councils=councils,
        initial={"title": f"Adopt: {innovation.title}"[:200], "council": councils.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.start_plan(
                user=user,
                innovation=innovation,
                council=form.cleaned_data["council"],
                title=form.cleaned_data["title"],
                start_date=form.cleaned_data["start_date"],
                origin=audit.origin(request),
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Your plan has been created from the record's steps."
                if innovation.steps.exists()
                else "Your plan has been created from the standard adoption stages, "
                "adapted from the record.",
            )
            return redirect(plan)
    return render(
        request,
        "adoption/start.html",
        {
            "form": form,
            "innovation": innovation,
            "plans": existing,
            "standard_stages": STAGE_TITLES,
        },
    )


@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = get_plan(request, plan_id)
    return render(
        request,
        "adoption/plan.html",
        {
            "plan": plan,
            "tasks": list(selectors.plan_tasks(plan)),
            "can_edit": can(request.user, "edit", "adoption_plan", plan),
            "can_delete": can(request.user, "delete", "adoption_plan", plan),
        },
    )


@require_http_methods(["GET", "HEAD"])
def printable(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = get_plan(request, plan_id)
    return render(
        request,
        "adoption/plan_print.html",
        {"plan": plan, "tasks": list(selectors.plan_tasks(plan))},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponseBase:
    plan = _editable(request, plan_id)
    initial = {
        "title": plan.title,
        "start_date": plan.start_date,
        "status": plan.status,
        "is_shared": plan.is_shared,
    }
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_plan(
                user=_user(request), plan=plan, origin=audit.origin(request), **form.cleaned_data
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
        except services.PlanPermissionError as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(request, "The plan has been saved.")
            return redirect(plan)
    return render(request, "adoption/plan_edit.html", {"plan": plan, "form": form})


def _task_form_page(
    request: HttpRequest, plan: AdoptionPlan, task: PlanTask | None
) -> HttpResponseBase:
    initial: dict[str, Any] = {}
    if task is not None:
        initial = {
            name: getattr(task, name)
            for name in ("title", "detail", "owner_name", "start_date", "due_date", "status")
        }
        initial["notes"] = task.notes
        initial["owner_user"] = task.owner_user_id
    form = TaskForm(
        request.POST or None, initial=initial, members=selectors.council_members(plan.council)
    )
    if request.method == "POST" and form.is_valid():
        try:
            if task is None:
                services.add_task(user=_user(request), plan=plan, **form.cleaned_data)
            else:
                services.edit_task(user=_user(request), task=task, **form.cleaned_data)
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The task has been saved.")
            return redirect(plan)
    return render(request, "adoption/task_form.html", {"plan": plan, "task": task, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def task_add(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponseBase:
    return _task_form_page(request, _editable(request, plan_id), None)


@require_http_methods(["GET", "HEAD", "POST"])
def task_edit(request: HttpRequest, plan_id: uuid.UUID, task_id: int) -> HttpResponseBase:
    plan = _editable(request, plan_id)
    return _task_form_page(request, plan, _task(plan, task_id))


@require_http_methods(["GET", "HEAD", "POST"])
def task_remove(request: HttpRequest, plan_id: uuid.UUID, task_id: int) -> HttpResponseBase:
    plan = _editable(request, plan_id)
    task = _task(plan, task_id)
    if request.method == "POST":
        services.remove_task(user=_user(request), task=task)
        messages.success(request, f"Removed the task “{task.title}”.")
        return redirect(plan)
    return render(request, "adoption/task_remove.html", {"plan": plan, "task": task})


@require_POST
def task_move(request: HttpRequest, plan_id: uuid.UUID, task_id: int) -> HttpResponseBase:
    plan = _editable(request, plan_id)
    task = _task(plan, task_id)
    direction = request.POST.get("direction", "")
    try:
        services.move_task(user=_user(request), task=task, direction=direction)
    except services.PlanError as error:
        messages.error(request, str(error))
    return redirect(f"{plan.get_absolute_url()}#task-{task.pk}")


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponseBase:
    plan = get_plan(request, plan_id)
    if not can(request.user, "delete", "adoption_plan", plan):
        raise PermissionDenied("Only the council's members can delete this plan")
    if request.method == "POST":
        services.delete_plan(user=_user(request), plan=plan, origin=audit.origin(request))
        messages.success(request, f"Deleted the plan “{plan.title}”.")
        return redirect("adoption:plans")
    return render(request, "adoption/plan_delete.html", {"plan": plan})
