"""`python manage.py build_comparators`: store each current council's 15 nearest neighbours."""

from typing import Any

from django.core.management.base import BaseCommand

from shopwindow.tailoring.services import build_comparators


class Command(BaseCommand):
    help = "Rebuild each current council's comparators (run after load_reference)."

    def handle(self, *args: Any, **options: Any) -> None:
        summary = build_comparators()
        if options["verbosity"] >= 1:
            groups = ", ".join(f"{count} {group}" for group, count in summary.groups.items())
            self.stdout.write(f"Stored {summary.comparators} comparators ({groups} councils).")
        for line in summary.skipped:
            self.stderr.write(f"Skipped {line}")
