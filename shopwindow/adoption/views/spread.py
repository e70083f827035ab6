"""/spread/: records ranked by adopting councils, and the councils that share and adopt."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from shopwindow.adoption import spread
from shopwindow.core.pagination import govuk_pagination

PAGE_SIZE = 25


@require_http_methods(["GET", "HEAD"])
def index(request: HttpRequest) -> HttpResponse:
    include = request.GET.get("illustrative") == "include"
    which = request.GET.get("map", "shared")
    if which not in spread.MAPS:
        which = "shared"
    ranked = Paginator(spread.ranked_records(include_illustrative=include), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    hexmap = spread.council_hexmap(which, include_illustrative=include)
    pagination = govuk_pagination(ranked, request.GET, label="Pages of records")
    switch = request.GET.copy()
    switch.pop("page", None)
    links = {}
    for key in spread.MAPS:
        switch["map"] = key
        links[key] = f"?{switch.urlencode()}"
    return render(
        request,
        "adoption/spread.html",
        {
            "include": include,
            "which": which,
            "map_links": [(key, spread.MAPS[key]["label"], links[key]) for key in spread.MAPS],
            "ranked": ranked,
            "hexmap": hexmap,
            "table": hexmap.table_params(caption=spread.MAPS[which]["title"]),
            "pagination": pagination,
        },
    )
