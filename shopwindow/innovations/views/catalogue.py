"""/about/catalogue/: how the real catalogue is found, sourced and checked, with its coverage."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from shopwindow.innovations import coverage


@require_http_methods(["GET", "HEAD"])
def about_catalogue(request: HttpRequest) -> HttpResponse:
    figures = coverage.catalogue_coverage()
    return render(
        request,
        "innovations/about_catalogue.html",
        {
            "coverage": figures,
            "tables": figures.tables(),
            "unmet": figures.unmet_minimums(),
        },
    )
