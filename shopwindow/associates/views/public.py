"""The public roster of vetted associates and their public profiles."""

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from shopwindow.associates import selectors
from shopwindow.associates.forms import RosterFilterForm
from shopwindow.associates.models import AssociateProfile
from shopwindow.associates.vocabularies import NATION_LABELS, REGION_LABELS, skill_label
from shopwindow.core.pagination import govuk_pagination

PAGE_SIZE = 20


def public_view(profile: AssociateProfile) -> dict[str, Any]:
    """Only what the associate chose to show (name always)."""
    shows = profile.shows
    view: dict[str, Any] = {"id": profile.pk, "name": profile.name}
    if shows("headline"):
        view["headline"] = profile.headline
    if shows("background"):
        view["background"] = profile.get_background_display()
    if shows("skills"):
        view["skills"] = [skill_label(s) for s in profile.skills or []]
    if shows("delivered"):
        view["delivered"] = [
            r for r in profile.delivered_records.all() if r.workflow_status == "published"
        ]
    if shows("areas"):
        view["areas"] = [NATION_LABELS.get(n, n) for n in profile.nations or []] + [
            REGION_LABELS.get(r, r) for r in profile.regions or []
        ]
    if shows("work_mode"):
        view["work_mode"] = profile.get_work_mode_display()
    if shows("availability"):
        view["days_per_month"] = profile.days_per_month
        view["available_from"] = profile.available_from
    if shows("day_rate"):
        view["day_rate"] = profile.get_day_rate_band_display()
    return view


def roster(request: HttpRequest) -> HttpResponse:
    form = RosterFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "text": data["q"] or "",
            "skill": data["skill"] or "",
            "area": data["area"] or "",
            "available_by": data["available_by"],
            "min_days": data["min_days"],
        }
    page = Paginator(selectors.roster(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "associates/roster.html",
        {
            "form": form,
            "page": page,
            "people": [public_view(p) for p in page.object_list],
            "pagination": govuk_pagination(page, request.GET, label="Pages of associates"),
            "filtered": any(v for v in filters.values()),
        },
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = selectors.public_profile(pk)
    if profile is None:
        raise Http404("No associate with that id")
    experience = selectors.experience(profile)
    return render(
        request,
        "associates/detail.html",
        {
            "person": public_view(profile),
            "experience": experience,
            "show_ratings": profile.shows("ratings"),
        },
    )
