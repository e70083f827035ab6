"""The search page /innovations/: every choice is in the URL, so a search can be shared."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from shopwindow.search.facets import FACETS_BY_NAME, SORTS
from shopwindow.search.params import BadParameter, SearchParams, parse_params
from shopwindow.search.selectors import SearchResult, search

PAGE_SIZE = 20
PAGE_WINDOW = 2  # page links shown either side of the current page


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
    if result.pages <= 1:
        return None
    pairs = _pairs(params)
    current = params.page

    def link(n: int) -> str:
        return _url([*pairs, ("page", str(n))])

    numbers: list[dict[str, Any]] = []
    shown = sorted({1, result.pages} | set(range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)))
    previous = 0
    for n in shown:
        if n < 1 or n > result.pages:
            continue
        if previous and n > previous + 1:
            numbers.append({"ellipsis": True})
        numbers.append({"number": n, "href": link(n), "current": n == current})
        previous = n
    return {
        "previous": link(current - 1) if current > 1 else None,
        "next": link(current + 1) if current < result.pages else None,
        "items": numbers,
    }


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
