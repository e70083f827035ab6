"""/report/ and /report/download: thin views over `selectors.national_figures`."""

import json
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from shopwindow.reports import exports, services
from shopwindow.reports.filters import FilterError, ReportFilters, parse_filters
from shopwindow.reports.forms import ReportFilterForm
from shopwindow.reports.presentation import report_charts
from shopwindow.reports.selectors import national_figures

FORMATS = {
    "pdf": ("application/pdf", "pdf"),
    "csv": ("application/zip", "zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


def _query(filters: ReportFilters) -> str:
    """The filters as the start of a query string ("a=b&"), or "" when none are set."""
    text = urlencode(filters.as_query())
    return f"{text}&" if text else ""


@require_safe
def report(request: HttpRequest) -> HttpResponse:
    form = ReportFilterForm(request.GET or None)
    filters = form.filters if form.is_bound and form.is_valid() else ReportFilters()
    figures = national_figures(filters)
    charts = report_charts(figures, map_mode=form.map_mode)
    query = _query(filters)
    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "figures": figures,
            "charts": charts,
            "map_table": charts.hexmap.table_params(
                caption=f"{charts.hexmap.value_heading} by council area"
            ),
            "download_query": query,
            "map_query": query,
            "pdf_file": services.current_report_file(filters),
            "base_url": "",
        },
    )


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "reports/download_error.html", {"message": message}, status=400)


@require_safe
def download(request: HttpRequest) -> HttpResponse:
    chosen = request.GET.get("format", "")
    if chosen not in FORMATS:
        return _bad_request(request, "format: choose pdf, csv, xlsx or json.")
    try:
        filters = parse_filters(request.GET)
    except FilterError as error:
        return _bad_request(request, str(error))
    content_type, extension = FORMATS[chosen]
    name = f"shopwindow-report-{timezone.localdate():%Y-%m-%d}.{extension}"
    if chosen == "pdf":
        body = bytes(services.report_pdf(filters).content)
    else:
        figures = national_figures(filters)
        if chosen == "csv":
            body = exports.csv_zip(figures)
        elif chosen == "xlsx":
            body = exports.xlsx(figures)
        else:
            body = json.dumps(exports.figures_as_dict(figures), indent=2).encode()
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
