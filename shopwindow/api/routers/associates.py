"""Associates API: the public roster, and help requests and engagements for the parties.

GET /associates is open to everyone and shows vetted associates only, with only the fields
each chose to make public. Help requests and engagements need a personal API token
(Authorization: Bearer): a council member sees their councils' requests, an associate the
requests they were invited to, a moderator all of them.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.params.functions import Path  # what ninja.Path calls; to mypy that is a generic alias
from pydantic import Field

from shopwindow.api.auth import token_auth
from shopwindow.api.errors import code_enum, not_found, responses
from shopwindow.api.pagination import MAX_ID, page_number, page_size_param, paginate
from shopwindow.api.schemas import Page
from shopwindow.associates import selectors
from shopwindow.associates.models import AssociateProfile, Engagement, HelpRequest
from shopwindow.associates.vocabularies import SKILL_LABELS
from shopwindow.authorities.vocabularies import Nation, Region

router = Router()
SkillCode = code_enum("SkillCode", list(SKILL_LABELS))
AreaCode = code_enum("AreaCode", list(Region.values) + list(Nation.values))


class AssociateOut(Schema):
    """An associate: each field after url appears only if the associate made it public."""

    id: int
    name: str
    url: str
    headline: str | None = None
    background: str | None = None
    skills: list[str] | None = None
    delivered_records: list[str] | None = Field(None, description="Published records' ids")
    nations: list[str] | None = None
    regions: list[str] | None = None
    work_mode: str | None = None
    days_per_month: int | None = None
    available_from: str | None = None
    day_rate_band: str | None = None


class AssociatePage(Page):
    results: list[AssociateOut]


class HelpRequestOut(Schema):
    id: int
    title: str
    goal: str
    council: str = Field(description="The council's GSS code")
    council_name: str
    linked_records: list[str]
    service_area: str
    capabilities: list[str]
    days_needed: int
    budget_band: str
    start_on: str
    end_on: str
    work_mode: str
    status: str
    created_at: str
    url: str


class HelpRequestPage(Page):
    results: list[HelpRequestOut]


class EngagementOut(Schema):
    id: int
    help_request: int
    council: str
    associate: int | None
    associate_name: str | None
    status: str
    start_on: str
    end_on: str
    days_agreed: int
    days_used: int | None
    rating: int | None
    outcome: str


class EngagementPage(Page):
    results: list[EngagementOut]


def associate_json(request: HttpRequest, profile: AssociateProfile) -> dict[str, Any]:
    shows = profile.shows
    body: dict[str, Any] = {
        "id": profile.pk,
        "name": profile.name,
        "url": request.build_absolute_uri(f"/associates/{profile.pk}/"),
    }
    if shows("headline"):
        body["headline"] = profile.headline
    if shows("background"):
        body["background"] = profile.background
    if shows("skills"):
        body["skills"] = list(profile.skills)
    if shows("delivered"):
        body["delivered_records"] = [
            r.record_id for r in profile.delivered_records.all() if r.workflow_status == "published"
        ]
    if shows("areas"):
        body["nations"], body["regions"] = list(profile.nations), list(profile.regions)
    if shows("work_mode"):
        body["work_mode"] = profile.work_mode
    if shows("availability"):
        body["days_per_month"] = profile.days_per_month
        body["available_from"] = profile.available_from.isoformat()
    if shows("day_rate"):
        body["day_rate_band"] = profile.day_rate_band
    return body


@router.get(
    "/associates",
    summary="Vetted associates (public fields only)",
    operation_id="listAssociates",
    response=responses({200: AssociatePage}),
    exclude_unset=True,  # a field the associate keeps private is left out, not null
)
def list_associates(
    request: HttpRequest,
    skill: SkillCode | None = None,  # type: ignore[valid-type]
    region: AreaCode | None = None,  # type: ignore[valid-type]
    page: int = page_number(),
    page_size: int = page_size_param(),
) -> dict[str, Any]:
    area = ""
    if region:
        area = f"region:{region}" if region in Region.values else f"nation:{region}"
    qs = selectors.roster(skill=str(skill or ""), area=area)
    envelope, items = paginate(request, qs, page=page, page_size=page_size)
    return {**envelope, "results": [associate_json(request, p) for p in items]}


def request_json(request: HttpRequest, hr: HelpRequest) -> dict[str, Any]:
    return {
        "id": hr.pk,
        "title": hr.title,
        "goal": hr.goal,
        "council": hr.council.identifier,
        "council_name": hr.council.name,
        "linked_records": [r.record_id for r in hr.linked_records.all()],
        "service_area": hr.service_area,
        "capabilities": list(hr.capabilities),
        "days_needed": hr.days_needed,
        "budget_band": hr.budget_band,
        "start_on": hr.start_on.isoformat(),
        "end_on": hr.end_on.isoformat(),
        "work_mode": hr.work_mode,
        "status": hr.status,
        "created_at": hr.created_at.isoformat(),
        "url": request.build_absolute_uri(f"/help-requests/{hr.pk}/"),
    }


@router.get(
    "/help-requests",
    summary="Help requests you may see (token needed)",
    operation_id="listHelpRequests",
    auth=token_auth,
    response=responses({200: HelpRequestPage}, token=True),
)
def list_help_requests(
    request: HttpRequest, page: int = page_number(), page_size: int = page_size_param()
) -> dict[str, Any]:
    qs = selectors.requests_for(request.auth)  # type: ignore[attr-defined]
    envelope, items = paginate(request, qs, page=page, page_size=page_size)
    return {**envelope, "results": [request_json(request, r) for r in items]}


@router.get(
    "/help-requests/{request_id}",
    summary="One help request (token needed)",
    operation_id="getHelpRequest",
    auth=token_auth,
    response=responses({200: HelpRequestOut}, token=True, lookup=True),
)
def get_help_request(
    request: HttpRequest, request_id: int = Path(..., ge=1, le=MAX_ID)
) -> dict[str, Any]:
    found = selectors.visible_request(request.auth, request_id)  # type: ignore[attr-defined]
    if found is None:
        raise not_found(f"No help request with id {request_id} that you may see")
    return request_json(request, found)


def engagement_json(e: Engagement) -> dict[str, Any]:
    return {
        "id": e.pk,
        "help_request": e.help_request_id,
        "council": e.help_request.council.identifier,
        "associate": e.associate.pk if e.associate else None,
        "associate_name": e.associate.name if e.associate else None,
        "status": e.status,
        "start_on": e.start_on.isoformat(),
        "end_on": e.end_on.isoformat(),
        "days_agreed": e.days_agreed,
        "days_used": e.days_used,
        "rating": e.rating,
        "outcome": e.outcome,
    }


@router.get(
    "/engagements",
    summary="Engagements you are party to (token needed)",
    operation_id="listEngagements",
    auth=token_auth,
    response=responses({200: EngagementPage}, token=True),
)
def list_engagements(
    request: HttpRequest, page: int = page_number(), page_size: int = page_size_param()
) -> dict[str, Any]:
    qs = selectors.engagements_for(request.auth)  # type: ignore[attr-defined]
    envelope, items = paginate(request, qs, page=page, page_size=page_size)
    return {**envelope, "results": [engagement_json(e) for e in items]}
