"""Adoption API: a record's confirmed adoptions (open), and a council's own adoption plans (with a
personal API token). Plans use the same visibility selectors as the pages: a plan the token's
owner cannot see is a 404, as on the site."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from shopwindow.adoption import selectors, spread
from shopwindow.adoption.models import AdoptionPlan
from shopwindow.api.auth import token_auth
from shopwindow.api.errors import not_found, responses
from shopwindow.api.pagination import page_number, page_size_param, paginate
from shopwindow.api.schemas import PlanDetail, PlanPage, RecordAdoptions
from shopwindow.innovations.selectors import get_published

router = Router()


@router.get(
    "/innovations/{record_id}/adoptions",
    summary="Confirmed adoptions of a published record",
    operation_id="listRecordAdoptions",
    response=responses({200: RecordAdoptions}, lookup=True),
    description="Councils whose adoption a moderator has confirmed (or that the record lists). "
    "Plans in progress that are not confirmed are not shown.",
)
def record_adoptions(request: HttpRequest, record_id: str) -> dict[str, Any]:
    innovation = get_published(record_id)
    if innovation is None:
        raise not_found(f"No published record with id {record_id!r}")
    rows = spread.api_adoptions(innovation)
    return {"record": innovation.record_id, "count": len(rows), "results": rows}


def _plan(request: HttpRequest, plan: AdoptionPlan, *, with_tasks: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(plan.pk),
        "title": plan.title,
        "council": {"gss": plan.council.gss or None, "name": plan.council.name},
        "record": plan.innovation.record_id,
        "status": plan.status,
        "start_date": plan.start_date.isoformat(),
        "is_shared": plan.is_shared,
        "adoption_review": plan.review or None,
        "created_at": plan.created_at.isoformat(),
        "updated_at": plan.updated_at.isoformat(),
        "url": request.build_absolute_uri(plan.get_absolute_url()),
    }
    if with_tasks:
        body["tasks"] = [
            {
                "id": task.pk,
                "order": number,
                "title": task.title,
                "detail": task.detail,
                "owner": task.owner_display,
                "start_date": task.start_date.isoformat() if task.start_date else None,
                "due_date": task.due_date.isoformat() if task.due_date else None,
                "status": task.status,
                "notes": task.notes,
            }
            for number, task in enumerate(selectors.plan_tasks(plan), start=1)
        ]
    return body


@router.get(
    "/plans",
    auth=token_auth,
    summary="Your councils' adoption plans",
    operation_id="listPlans",
    response=responses({200: PlanPage}, token=True),
)
def list_plans(
    request: HttpRequest, page: int = page_number(), page_size: int = page_size_param()
) -> dict[str, Any]:
    plans = selectors.council_plans(request.auth).order_by("-updated_at", "pk")  # type: ignore[attr-defined]
    envelope, items = paginate(request, plans, page=page, page_size=page_size)
    return {**envelope, "results": [_plan(request, p, with_tasks=False) for p in items]}


@router.get(
    "/plans/{plan_id}",
    auth=token_auth,
    summary="One adoption plan with its tasks",
    operation_id="getPlan",
    response=responses({200: PlanDetail}, token=True, lookup=True),
)
def get_plan(request: HttpRequest, plan_id: str) -> dict[str, Any]:
    plan = selectors.visible_plan(request.auth, plan_id)  # type: ignore[attr-defined]
    if plan is None:
        raise not_found("No plan with that id")
    return _plan(request, plan, with_tasks=True)
