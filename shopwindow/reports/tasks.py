"""Background work: build report PDFs. Only the worker builds them, never a web process."""

from django_tasks import task

from shopwindow.reports import services
from shopwindow.reports.filters import parse_filters


@task()
def build_report_pdf(query: dict[str, str]) -> bool:
    """Build and keep the PDF for these filters unless a current one exists.

    Returns whether it built one. `query` is `ReportFilters.as_query()` (JSON-serialisable).
    """
    return services.build_report_file(filters=parse_filters(query))
