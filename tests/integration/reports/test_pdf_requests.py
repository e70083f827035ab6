"""Report PDFs are built only by the worker, once per normalised set of filters, at most five
asked for per address per minute, and at most REPORTS_PDF_MAX_FILES kept (issue 14)."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from shopwindow.files.models import StoredFile
from shopwindow.reports import services
from shopwindow.reports.filters import FilterError, ReportFilters, parse_filters
from shopwindow.reports.models import ReportFile
from shopwindow.reports.tasks import build_report_pdf

from .conftest import request_pdf_and_run_worker

FAKE_PDF = b"%PDF-1.7 a stand-in for a rendered report\n%%EOF\n"


@pytest.fixture
def fast_pdfs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Rendering is WeasyPrint's job (tested in test_downloads); here it is instant and counted."""
    built: list[str] = []

    def render(figures: Any) -> bytes:
        built.append(figures.filters.key())
        return FAKE_PDF

    monkeypatch.setattr(services, "render_report_pdf", render)
    return built


def _queued() -> int:
    return len(transaction.get_connection().run_on_commit)


def test_the_web_request_queues_the_build_and_says_it_is_being_prepared(
    client: Client, db: None, fast_pdfs: list[str]
) -> None:
    response = client.get("/report/download", {"format": "pdf", "nation": "wales"})
    assert response.status_code == 202
    assert fast_pdfs == []  # the web process built nothing
    assert _queued() == 1  # one build, queued for when the request's work commits
    page = response.content.decode()
    assert "Your PDF is being prepared" in page
    assert "Nation: Wales" in page
    assert 'id="pdf-check-again"' in page
    assert "http-equiv" not in page  # no refresh the visitor did not ask for (WCAG 2.2.1)
    assert response["Retry-After"] == "10"
    # Asked for, the page checks again by itself (no JavaScript: a meta refresh) and can stop.
    auto = client.get(
        "/report/download", {"format": "pdf", "nation": "wales", "waiting": "1", "auto": "1"}
    )
    assert auto.status_code == 202
    page = auto.content.decode()
    assert '<meta http-equiv="refresh" content="10; url=/report/download?' in page
    assert "auto=1" in page.split('http-equiv="refresh"')[1].split(">")[0]
    assert 'id="pdf-stop-auto"' in page
    assert _queued() == 1  # checking again queued nothing more
    pending = ReportFile.objects.get()
    assert not pending.ready
    assert not StoredFile.objects.exists()


def test_the_worker_builds_it_and_the_refresh_downloads_it(
    client: Client, db: None, fast_pdfs: list[str]
) -> None:
    response = request_pdf_and_run_worker(client, nation="wales")
    assert response.status_code == 200
    assert response.content == FAKE_PDF
    assert response["Content-Type"] == "application/pdf"
    report = ReportFile.objects.get()
    assert report.ready
    assert StoredFile.objects.get(name=report.file.name).size == len(FAKE_PDF)


def test_equivalent_requests_share_one_pdf(client: Client, db: None, fast_pdfs: list[str]) -> None:
    variants = [
        {"nation": "wales"},
        {"nation": "WALES", "include_illustrative": "no"},
        {"include_illustrative": "0", "nation": " Wales ", "unknown": "x"},
    ]
    for params in variants:
        assert client.get("/report/download", {"format": "pdf", **params}).status_code == 202
    assert ReportFile.objects.count() == 1
    assert _queued() == 1
    assert parse_filters({"region": "london", "nation": "england"}) == parse_filters(
        {"region": "london"}
    )
    # A different nation from the region's is a different question, kept as asked.
    assert parse_filters({"region": "london", "nation": "wales"}).nation == "wales"


def test_a_filter_given_twice_is_refused() -> None:
    from django.http import QueryDict

    with pytest.raises(FilterError, match="theme: give this filter once"):
        parse_filters(QueryDict("theme=prevention&theme=shared-services"))


def test_the_sixth_pdf_asked_for_in_a_minute_is_refused(
    client: Client, db: None, fast_pdfs: list[str]
) -> None:
    themes = ["prevention", "shared-services", "digital-access", "service-redesign"]
    asks = [{"theme": theme} for theme in themes] + [{"nation": "wales"}]
    for params in asks:
        assert client.get("/report/download", {"format": "pdf", **params}).status_code == 202
    # The waiting page's own refresh of a pending build does not count.
    refresh = client.get("/report/download", {"format": "pdf", "waiting": "1", **asks[0]})
    assert refresh.status_code == 202
    sixth = client.get("/report/download", {"format": "pdf", "nation": "scotland"})
    assert sixth.status_code == 429
    assert sixth["Retry-After"] == "60"
    assert "Wait a minute, then try again" in sixth.content.decode()
    # `waiting=1` on something not yet asked for counts like any other request.
    dodge = client.get("/report/download", {"format": "pdf", "waiting": "1", "nation": "scotland"})
    assert dodge.status_code == 429
    assert ReportFile.objects.count() == 5
    # Another address is not held back.
    other = client.get(
        "/report/download", {"format": "pdf", "nation": "scotland"}, REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 202


@override_settings(REPORTS_PDF_MAX_FILES=2)
def test_at_most_the_configured_number_of_pdfs_are_kept(db: None, fast_pdfs: list[str]) -> None:
    for nation in ("wales", "scotland", "england"):
        services.request_report_pdf(filters=ReportFilters(nation=nation))
        assert build_report_pdf.enqueue({"nation": nation}).return_value is True
    kept = ReportFile.objects.order_by("requested_at")
    assert [r.filters for r in kept] == [{"nation": "scotland"}, {"nation": "england"}]
    assert StoredFile.objects.count() == 2  # the evicted PDF's file went too
    assert set(StoredFile.objects.values_list("name", flat=True)) == {r.file.name for r in kept}


@override_settings(REPORTS_PDF_MAX_FILES=2)
def test_a_request_evicted_before_its_build_costs_the_worker_nothing(
    db: None, fast_pdfs: list[str]
) -> None:
    for nation in ("wales", "scotland", "england"):  # wales is pushed out before it is built
        services.request_report_pdf(filters=ReportFilters(nation=nation))
    assert build_report_pdf.enqueue({"nation": "wales"}).return_value is False
    assert build_report_pdf.enqueue({"nation": "england"}).return_value is True
    assert fast_pdfs == [ReportFilters(nation="england").key()]


def test_a_build_that_never_finished_is_queued_again_later(
    client: Client, db: None, fast_pdfs: list[str]
) -> None:
    filters = ReportFilters(nation="wales")
    services.request_report_pdf(filters=filters)
    transaction.get_connection().run_on_commit = []  # the task was lost (worker crashed)
    refresh = client.get("/report/download", {"format": "pdf", "waiting": "1", "nation": "wales"})
    assert refresh.status_code == 202
    assert _queued() == 0  # recently asked for: still waiting for the worker
    ReportFile.objects.update(requested_at=timezone.now() - timedelta(hours=1))
    refresh = client.get("/report/download", {"format": "pdf", "waiting": "1", "nation": "wales"})
    assert refresh.status_code == 202
    assert _queued() == 1


def test_a_stopped_worker_delays_the_pdf_and_loses_nothing(
    client: Client, db: None, fast_pdfs: list[str]
) -> None:
    # Nothing runs the queue: the visitor keeps seeing "being prepared", never an error.
    for _ in range(3):
        response = client.get("/report/download", {"format": "pdf", "waiting": "1"})
        assert response.status_code == 202
    assert ReportFile.objects.count() == 1
