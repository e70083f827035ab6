"""Import innovation records from an exchange file: all or nothing, every problem reported."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from shopwindow.innovations.services.imports import run_import
from shopwindow.innovations.services.validation import RecordValidationError


class Command(BaseCommand):
    help = (
        "Import innovation records from a JSON document or JSON Lines file (upsert by id). "
        "Imported records are published unless --as-draft is given."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="path to a .json or .jsonl file")
        parser.add_argument(
            "--as-draft",
            action="store_true",
            help="import as drafts; a change to a published record waits for a moderator",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
        try:
            result = run_import(content, publish=not options["as_draft"])
        except RecordValidationError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            count = len(exc.errors)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} found in {path}: nothing was imported."
            ) from None
        state = "as drafts" if options["as_draft"] else "and published"
        self.stdout.write(
            f"Imported {path} {state}: {len(result.created)} created, "
            f"{len(result.updated)} updated, "
            f"{len(result.pending)} changes waiting for a moderator, "
            f"{len(result.unchanged)} unchanged."
        )
