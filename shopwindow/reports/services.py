"""Writes for reports: building and caching the report PDF.

A PDF is cached per (filters, data version). After a published record or an adoption changes,
`schedule_default_pdf` queues one background build of the default report for when the
transaction commits; a download serves the cached file when it is current and otherwise builds
(and caches) it there and then. Briefing pack writes are in `briefing_services`.
"""

from django.db import IntegrityError, transaction

from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.models import ReportFile
from shopwindow.reports.pdf import render_report_pdf
from shopwindow.reports.selectors import data_version, national_figures

KEEP_VERSIONS = 3  # old builds kept per filters, in case a download is mid-way


def current_report_file(filters: ReportFilters) -> ReportFile | None:
    """The cached PDF for these filters if it was built from the current data, else None."""
    return (
        ReportFile.objects.filter(filters_key=filters.key(), data_version=data_version())
        .defer("content")
        .first()
    )


def report_pdf(filters: ReportFilters) -> ReportFile:
    """The report PDF for these filters: the cached one if current, else built now and cached."""
    version = data_version()
    cached = ReportFile.objects.filter(filters_key=filters.key(), data_version=version).first()
    if cached is not None:
        return cached
    return build_report_file(filters=filters, version=version)


def build_report_file(*, filters: ReportFilters, version: str | None = None) -> ReportFile:
    """Build the PDF and store it; return the stored file (another worker's, if it won)."""
    version = version or data_version()
    figures = national_figures(filters)
    content = render_report_pdf(figures)
    try:
        with transaction.atomic():
            report = ReportFile.objects.create(
                filters_key=filters.key(),
                filters=filters.as_query(),
                data_version=version,
                content=content,
                data_as_of=figures.data_as_of,
            )
    except IntegrityError:  # built at the same time elsewhere: keep theirs
        return ReportFile.objects.get(filters_key=filters.key(), data_version=version)
    stale = ReportFile.objects.filter(filters_key=filters.key()).order_by("-built_at")
    old_ids = list(stale.values_list("pk", flat=True)[KEEP_VERSIONS:])
    if old_ids:
        ReportFile.objects.filter(pk__in=old_ids).delete()
    return report
