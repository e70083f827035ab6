"""The report PDF is built in the background when published data changes, once per change."""

from typing import Any

import pytest
from django.test import override_settings

from shopwindow.reports import signals
from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.models import ReportFile
from shopwindow.reports.services import current_report_file, request_report_pdf
from shopwindow.reports.tasks import build_report_pdf
from tests.factories import create_innovation


def test_the_task_builds_the_pdf_once_per_data_version(report_records: Any) -> None:
    request_report_pdf(filters=ReportFilters(nation="wales"))  # asked for (its build waits)
    assert build_report_pdf.enqueue({"nation": "wales"}).return_value is True
    assert current_report_file(ReportFilters(nation="wales")) is not None
    assert build_report_pdf.enqueue({"nation": "wales"}).return_value is False
    assert ReportFile.objects.count() == 1


@override_settings(REPORTS_PREBUILD_PDF=True)
def test_publishing_a_record_queues_one_build_after_commit(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        create_innovation(outcomes={"annual_saving_gbp": 1234})
        create_innovation(outcomes={"annual_saving_gbp": 4321})
    # Two records (and all their rows) saved in one transaction: one build.
    ours = [callback for callback in callbacks if callback is signals._enqueue]
    assert len(ours) == 1
    built = current_report_file(ReportFilters())
    assert built is not None
    assert ReportFile.objects.count() == 1
    assert built.data_as_of is not None


@override_settings(REPORTS_PREBUILD_PDF=False)
def test_the_prebuild_can_be_switched_off(db: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        create_innovation()
    assert signals._enqueue not in callbacks
    assert not ReportFile.objects.exists()


@override_settings(REPORTS_PREBUILD_PDF=True)
def test_a_rolled_back_change_builds_nothing_and_does_not_block_the_next(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.db import transaction

    def change_then_fail() -> None:
        with transaction.atomic():
            create_innovation()
            raise RuntimeError("roll back")

    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(RuntimeError),
    ):
        change_then_fail()
    assert signals._enqueue not in callbacks
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        create_innovation()
    assert signals._enqueue in callbacks
