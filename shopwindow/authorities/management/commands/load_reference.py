"""`manage.py load_reference`: load every UK council from data/reference/ (idempotent)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shopwindow.authorities.reference import REFERENCE_DIR, ReferenceDataError
from shopwindow.authorities.services import load_reference_data


class Command(BaseCommand):
    help = (
        "Load every UK council, current and former, from the reference files (mySociety, ONS, "
        "MHCLG, Open Innovations) with data/reference/corrections.json applied. Safe to re-run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory",
            type=Path,
            default=REFERENCE_DIR,
            help=f"Folder holding the reference files (default: {REFERENCE_DIR})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = load_reference_data(directory=options["directory"])
        except ReferenceDataError as error:
            raise CommandError(f"Reference data not loaded, nothing changed: {error}") from error
        if options["verbosity"] > 0:
            self.stdout.write(str(summary))
