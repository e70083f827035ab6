"""Queue a rebuild of the default report PDF when published data changes.

Connected in ReportsConfig.ready(). A change to a record or an adoption schedules at most one
build per transaction, run after it commits (so an import of fifty records builds once, and a
rolled-back change builds nothing). Set REPORTS_PREBUILD_PDF = False to switch this off.
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shopwindow.innovations.models import Adoption, Innovation
from shopwindow.reports.filters import ReportFilters


def _enqueue() -> None:
    from shopwindow.reports.services import request_report_pdf

    request_report_pdf(filters=ReportFilters())  # asks the worker for it, like a visitor


def schedule_default_pdf() -> None:
    """Build the default report PDF once the current transaction commits (once per transaction)."""
    if not getattr(settings, "REPORTS_PREBUILD_PDF", True):
        return
    connection = transaction.get_connection()
    # Already waiting for this transaction to commit? (A rollback discards the waiting list.)
    if any(entry[1] is _enqueue for entry in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue)


@receiver(post_save, sender=Innovation)
@receiver(post_delete, sender=Innovation)
@receiver(post_save, sender=Adoption)
@receiver(post_delete, sender=Adoption)
def data_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading a fixture or a backup: the loader schedules one build itself
    schedule_default_pdf()
