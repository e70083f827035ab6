"""Load the demo innovation records: the illustrative examples, made up to show how the service
works (tagged `illustrative`). The real records are the catalogue (`load_catalogue`)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from shopwindow.innovations.services.imports import run_import
from shopwindow.innovations.services.validation import RecordValidationError

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "demo"


class Command(BaseCommand):
    help = "Load the demo innovation records through the importer (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            # Refuse without failing, so `make load-data` still works where demo content is off.
            self.stderr.write(
                "Demo content is switched off in these settings (ALLOW_DEMO_CONTENT): "
                "nothing loaded."
            )
            return
        files = sorted(DEMO_DIR.glob("*.json"))
        if not files:
            raise CommandError(f"No demo files in {DEMO_DIR}")
        with transaction.atomic():
            for path in files:
                try:
                    result = run_import(path.read_bytes(), publish=True)
                except RecordValidationError as exc:
                    for error in exc.errors:
                        self.stderr.write(f"{path.name}: {error}")
                    raise CommandError(
                        f"Demo file {path.name} is invalid: nothing loaded."
                    ) from None
                self.stdout.write(
                    f"{path.name}: {len(result.created)} created, {len(result.updated)} updated, "
                    f"{len(result.unchanged)} unchanged."
                )
