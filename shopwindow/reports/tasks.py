"""Background work: build the report PDF after the data changes, so downloads are instant."""

from django_tasks import task

from shopwindow.reports import services
from shopwindow.reports.filters import parse_filters


@task()
def build_report_pdf(query: dict[str, str]) -> bool:
    """Build and cache the PDF for these filters unless a current one exists.

    Returns whether it built one. `query` is `ReportFilters.as_query()` (JSON-serialisable).
    """
    filters = parse_filters(query)
    if services.current_report_file(filters) is not None:
        return False
    services.build_report_file(filters=filters)
    return True
