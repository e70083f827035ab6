"""The search page /innovations/: every choice is in the URL, so a search can be shared."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from shopwindow.core.pagination import pagination_params
from shopwindow.search.facets import FACETS_BY_NAME, SORTS
from shopwindow.search.params import BadParameter, SearchParams, parse_params
from shopwindow.search.selectors import SearchResult, search

PAGE_SIZE = 20


def _pairs(params: SearchParams, *, sort: bool = True) -> list[tuple[str, str]]:
    """The search as query-string pairs (without the page)."""
    pairs: list[tuple[str, str]] = []
    if params.query:
        pairs.append(("q", params.query))
    for name, codes in params.filters.selected.items():
        pairs.extend((FACETS_BY_NAME[name].param, code) for code in codes)
    if params.filters.evidence_min is not None:
        pairs.append(("evidence_min", str(params.filters.evidence_min)))
    if params.filters.savings_min is not None:
        pairs.append(("savings_min", str(params.filters.savings_min)))
    if params.filters.include_illustrative:
        pairs.append(("include_illustrative", "true"))
    if sort and params.sort:
        pairs.append(("sort", params.sort))
    return pairs


def _url(pairs: list[tuple[str, str]]) -> str:
    return f"?{urlencode(pairs)}" if pairs else "?"


def _selected_tags(params: SearchParams) -> list[dict[str, str]]:
    """Each chosen filter, with the URL of the same search without it."""
    pairs = _pairs(params)
    tags = []
    for name, codes in params.filters.selected.items():
        facet = FACETS_BY_NAME[name]
        for code in codes:
            without = [p for p in pairs if p != (facet.param, code)]
            tags.append(
                {"heading": facet.heading, "label": facet.labels[code], "url": _url(without)}
            )
    if params.filters.evidence_min is not None:
        without = [p for p in pairs if p[0] != "evidence_min"]
        label = f"Level {params.filters.evidence_min} or higher"
        tags.append({"heading": "Evidence level", "label": label, "url": _url(without)})
    if params.filters.savings_min is not None:
        without = [p for p in pairs if p[0] != "savings_min"]
        label = f"At least £{params.filters.savings_min:,.0f} a year"
        tags.append({"heading": "Annual saving", "label": label, "url": _url(without)})
    if params.filters.include_illustrative:
        without = [p for p in pairs if p[0] != "include_illustrative"]
        label = "Illustrative examples included"
        tags.append({"heading": "Examples", "label": label, "url": _url(without)})
    return tags


def _pagination(params: SearchParams, result: SearchResult) -> dict[str, Any] | None:
    pairs = _pairs(params)
    return pagination_params(
        current=params.page,
        pages=result.pages,
        href=lambda n: _url([*pairs, ("page", str(n))]),
        label="Pages of results",
    )


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    try:
        params = parse_params(request.GET, default_page_size=PAGE_SIZE)
    except BadParameter as exc:
        return render(
            request,
            "search/search.html",
            {"error": exc, "query": request.GET.get("q", ""), "sorts": SORTS},
            status=400,
        )
    result = search(params.query, params.filters, params.sort, params.page, params.page_size)
    keep = [p for p in _pairs(params) if p[0] in {"q", "sort"}]
    suggestion_pairs = [p for p in _pairs(params) if p[0] != "q"]
    context = {
        "result": result,
        "query": params.query,
        "sorts": SORTS,
        "selected_tags": _selected_tags(params),
        "clear_url": _url(keep),
        "pagination": _pagination(params, result),
        "did_you_mean_url": _url([("q", result.did_you_mean), *suggestion_pairs])
        if result.did_you_mean
        else None,
        "first": (params.page - 1) * params.page_size + 1,
        "last": min(params.page * params.page_size, result.count),
        "has_filters": bool(params.filters.active_facets()),
    }
    return render(request, "search/search.html", context)
