"""Options recommended for a council (ranked by fit, evidence and projected saving), and the page
that explains how fit and projections are worked out."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from shopwindow.core.markdown import render_markdown
from shopwindow.tailoring import selectors
from shopwindow.tailoring.forms import RecommendationFilterForm
from shopwindow.tailoring.views.councils import _doc

PAGE_SIZE = 20


def pagination(page: Page[Any], query: QueryDict) -> dict[str, Any] | None:
    """GOV.UK pagination params, keeping the filters in each link."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        params = query.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    items: list[dict[str, Any]] = []
    for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {"number": number, "href": href(int(number)), "current": number == page.number}
            )
    params: dict[str, Any] = {"items": items, "landmarkLabel": "Pages of recommended options"}
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params


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
            "pagination": pagination(page, request.GET),
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
