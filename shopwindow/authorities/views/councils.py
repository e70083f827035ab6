"""Council pages: the list of every council (filtered, searched, paginated) and one council."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from shopwindow.authorities import facts, selectors
from shopwindow.authorities.forms import CouncilFilterForm
from shopwindow.authorities.sections import COUNCIL_PAGE_SECTIONS
from shopwindow.core.pagination import govuk_pagination

PAGE_SIZE = 50


@require_safe
def council_list(request: HttpRequest) -> HttpResponse:
    form = CouncilFilterForm(request.GET)
    councils = selectors.filter_authorities(**form.filters())
    page = Paginator(councils, PAGE_SIZE).get_page(request.GET.get("page"))
    filtered = any(request.GET.get(name) for name in form.fields)
    return render(
        request,
        "authorities/list.html",
        {
            "form": form,
            "page": page,
            "count": page.paginator.count,
            "filtered": filtered,
            "pagination": govuk_pagination(page, request.GET, label="Pages of councils"),
        },
    )


@require_safe
def council_detail(request: HttpRequest, gss: str) -> HttpResponse:
    council = selectors.get_authority(gss)
    if council is None:
        raise Http404("No council with this code")
    return render(
        request,
        "authorities/detail.html",
        {
            "council": council,
            "key_facts": facts.key_facts(council),
            "successors": list(council.replaced_by.all()),
            "sections": COUNCIL_PAGE_SECTIONS,
            "breadcrumbs": {
                "items": [
                    {"text": "Home", "href": reverse("core:home")},
                    {"text": "Councils", "href": reverse("authorities:list")},
                ]
            },
        },
    )
