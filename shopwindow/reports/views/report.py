"""/report/ and /report/download: thin views over `selectors.national_figures`.

The PDF is built only by the worker (`services.request_report_pdf`); until it is ready the
download answers 202 with a "being prepared" page (no JavaScript) to check again from, which
refreshes itself when the visitor chooses that.
"""

import json
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from shopwindow.accounts import audit
from shopwindow.core import ratelimit
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


PDF_BUCKET = "report_pdf"  # ACCOUNTS_RATE_LIMITS: PDFs asked for per address per minute
REFRESH_SECONDS = 10


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
    if chosen == "pdf":
        return _pdf_download(request, filters)
    figures = national_figures(filters)
    if chosen == "csv":
        body = exports.csv_zip(figures)
    elif chosen == "xlsx":
        body = exports.xlsx(figures)
    else:
        body = json.dumps(exports.figures_as_dict(figures), indent=2).encode()
    return _attachment(body, chosen)


def _attachment(body: bytes, chosen: str) -> HttpResponse:
    content_type, extension = FORMATS[chosen]
    name = f"shopwindow-report-{timezone.localdate():%Y-%m-%d}.{extension}"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _pdf_download(request: HttpRequest, filters: ReportFilters) -> HttpResponse:
    """The PDF if the worker has built it; otherwise ask for it and say it is being prepared.

    The "being prepared" page checks again with `waiting=1`: such a check does not count
    against the per-address limit while the build it waits for is pending. Every other request
    that finds no ready PDF counts; over the limit it is refused with 429.
    """
    ready = services.current_report_file(filters)
    if ready is None:
        if _counts_against_limit(request, filters) and not ratelimit.hit(
            PDF_BUCKET, audit.client_ip(request) or ""
        ):
            return _too_many_pdfs(request)
        services.request_report_pdf(filters=filters)
        # Built already only where tasks run at once (the worker's queue is the usual case).
        ready = services.current_report_file(filters)
        if ready is None:
            return _preparing(request, filters)
    with ready.file.open("rb") as stored:
        return _attachment(stored.read(), "pdf")


def _counts_against_limit(request: HttpRequest, filters: ReportFilters) -> bool:
    """Everything but the waiting page's own refresh while its build is still pending."""
    waiting = request.GET.get("waiting") == "1"
    return not (waiting and services.pending_report_file(filters) is not None)


def _preparing(request: HttpRequest, filters: ReportFilters) -> HttpResponse:
    """202 and a page to come back to. It refreshes itself only when the visitor asks for that
    (`auto=1`): a refresh the visitor did not choose fails WCAG 2.2.1 (technique F41)."""
    auto = request.GET.get("auto") == "1"
    check = {**filters.as_query(), "format": "pdf", "waiting": "1"}
    url = reverse("reports:download")
    response = render(
        request,
        "reports/pdf_preparing.html",
        {
            "auto": auto,
            "check_url": f"{url}?{urlencode(check)}",
            "auto_url": f"{url}?{urlencode({**check, 'auto': '1'})}",
            "refresh_seconds": REFRESH_SECONDS,
            "filters": filters,
            "report_query": _query(filters),
        },
        status=202,
    )
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = str(REFRESH_SECONDS)
    return response


def _too_many_pdfs(request: HttpRequest) -> HttpResponse:
    count, seconds = ratelimit.limit_for(PDF_BUCKET)
    message = (
        f"You have asked for {count} report PDFs that were not ready in the last "
        f"{seconds} seconds. Wait a minute, then try again."
    )
    response = render(request, "reports/download_error.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response
