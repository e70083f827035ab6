"""Writes for reports: asking for, building and keeping the report PDF.

Web processes never build a PDF (it costs seconds of CPU). `request_report_pdf` records that
the PDF for a set of filters (normalised by `filters.parse_filters`, so equivalent requests share
one file) is wanted at the current data version and queues one build on the worker;
`build_report_file`, run by the worker's task, renders it and keeps it in the private file
storage (the database). At most REPORTS_PDF_MAX_FILES PDFs are kept: the oldest asked for go
first, with their files. After a published record or an adoption changes, `signals` queues a
build of the default report, so the usual download is ready at once. Briefing pack writes are
in `briefing_services`.
"""

from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.models import ReportFile
from shopwindow.reports.pdf import render_report_pdf
from shopwindow.reports.selectors import data_version, national_figures


def max_files() -> int:
    return max(1, int(getattr(settings, "REPORTS_PDF_MAX_FILES", 50)))


def retry_after() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "REPORTS_PDF_RETRY_AFTER", 600)))


def _current(filters: ReportFilters) -> ReportFile | None:
    return ReportFile.objects.filter(filters_key=filters.key(), data_version=data_version()).first()


def current_report_file(filters: ReportFilters) -> ReportFile | None:
    """The PDF for these filters if it is built from the current data, else None."""
    found = _current(filters)
    return found if found is not None and found.ready else None


def pending_report_file(filters: ReportFilters) -> ReportFile | None:
    """The PDF for these filters (current data) that the worker is still preparing, else None."""
    found = _current(filters)
    return found if found is not None and not found.ready else None


def _enqueue_build(filters: ReportFilters) -> None:
    from shopwindow.reports.tasks import build_report_pdf

    query = filters.as_query()
    transaction.on_commit(lambda: build_report_pdf.enqueue(query))


@transaction.atomic
def request_report_pdf(*, filters: ReportFilters) -> ReportFile:
    """The PDF for these filters at the current data version: ready, or queued for the worker.

    Queues one build when nobody has asked for it yet, or when an earlier build is still not
    done after REPORTS_PDF_RETRY_AFTER (its task failed or was lost). The build runs after this
    transaction commits, so a stopped worker only delays it.
    """
    now = timezone.now()
    report, created = ReportFile.objects.get_or_create(
        filters_key=filters.key(),
        data_version=data_version(),
        defaults={"filters": filters.as_query(), "requested_at": now},
    )
    if created:
        _enqueue_build(filters)
        _keep_within_bound()
    elif not report.ready and report.requested_at < now - retry_after():
        report.requested_at = now
        report.save(update_fields=["requested_at"])
        _enqueue_build(filters)
    return report


def build_report_file(*, filters: ReportFilters) -> bool:
    """Build the PDF for these filters from the current data and keep it (worker only).

    Returns False when it is already built, or when nobody is waiting for it any more (its
    request was evicted from the bounded store): a flood of requests costs the worker nothing
    beyond the REPORTS_PDF_MAX_FILES most recent. Rendering happens outside any transaction;
    storing locks the row, so two workers building at once keep one file.
    """
    if current_report_file(filters) is not None:
        return False
    if not ReportFile.objects.filter(filters_key=filters.key()).exists():
        return False
    version = data_version()
    figures = national_figures(filters)
    content = render_report_pdf(figures)
    with transaction.atomic():
        report, _ = ReportFile.objects.select_for_update().get_or_create(
            filters_key=filters.key(),
            data_version=version,
            defaults={"filters": filters.as_query()},
        )
        if report.ready:  # another worker got there first
            return False
        report.file.save(f"{filters.key()}-{version[:16]}.pdf", ContentFile(content), save=False)
        report.data_as_of = figures.data_as_of
        report.built_at = timezone.now()
        report.save()
        _discard(ReportFile.objects.filter(filters_key=filters.key()).exclude(pk=report.pk))
        _keep_within_bound()
    return True


def _keep_within_bound() -> None:
    """Keep at most REPORTS_PDF_MAX_FILES PDFs (built or being prepared); the oldest go."""
    oldest = ReportFile.objects.order_by("-requested_at", "-pk").values_list("pk", flat=True)
    _discard(ReportFile.objects.filter(pk__in=list(oldest[max_files() :])))


def _discard(reports: QuerySet[ReportFile]) -> None:
    """Delete these rows and their stored files (in the caller's transaction)."""
    for report in reports.select_for_update():
        if report.file:
            report.file.delete(save=False)
        report.delete()
