"""Plan exports: CSV, XLSX and ICS downloads (same visibility as the plan page)."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from shopwindow.adoption import exports, selectors
from shopwindow.adoption.models import AdoptionPlan
from shopwindow.adoption.views.plans import get_plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(plan: AdoptionPlan, body: bytes | str, content_type: str, ext: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    name = slugify(plan.title)[:60] or "plan"
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


@require_http_methods(["GET", "HEAD"])
def plan_csv(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = get_plan(request, plan_id)
    body = exports.plan_csv(list(selectors.plan_tasks(plan)))
    return _download(plan, body, "text/csv; charset=utf-8", "csv")


@require_http_methods(["GET", "HEAD"])
def plan_xlsx(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = get_plan(request, plan_id)
    return _download(plan, exports.plan_xlsx(plan, list(selectors.plan_tasks(plan))), XLSX, "xlsx")


@require_http_methods(["GET", "HEAD"])
def plan_ics(request: HttpRequest, plan_id: uuid.UUID) -> HttpResponse:
    plan = get_plan(request, plan_id)
    record_url = request.build_absolute_uri(plan.innovation.get_absolute_url())
    body = exports.plan_ics(plan, list(selectors.plan_tasks(plan)), record_url=record_url)
    return _download(plan, body, "text/calendar; charset=utf-8", "ics")
