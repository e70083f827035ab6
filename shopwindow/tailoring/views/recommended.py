"""Options recommended for a council (ranked by fit, evidence and projected saving), and the page
that explains how fit and projections are worked out."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from shopwindow.core.markdown import render_markdown
from shopwindow.core.pagination import govuk_pagination
from shopwindow.tailoring import selectors
from shopwindow.tailoring.forms import RecommendationFilterForm
from shopwindow.tailoring.views.councils import _doc

PAGE_SIZE = 20


@require_safe
def recommended(request: HttpRequest, gss: str) -> HttpResponse:
    council = selectors.authority_by_identifier(gss)
    if council is None or not council.is_current:
        raise Http404(f"No current council has the code {gss}")
    form = RecommendationFilterForm(request.GET)
    found = selectors.recommendations_for(council, **form.filters())
    page = Paginator(found.items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "tailoring/recommended.html",
        {
            "council": council,
            "form": form,
            "page": page,
            "count": len(found.items),
            "known": found.known,
            "filtered": any(request.GET.get(name) for name in form.fields),
            "pagination": govuk_pagination(page, request.GET, label="Pages of recommended options"),
        },
    )


@require_safe
def fit_method(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "tailoring/method.html",
        {
            "title": "How we score fit and project savings",
            "body": render_markdown(_doc("projection.md")),
        },
    )
