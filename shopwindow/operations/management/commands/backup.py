"""Back up the whole service (data and files) to one zip: see shopwindow/operations/backup.py."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from shopwindow.operations.backup import create_backup


class Command(BaseCommand):
    help = "Back up records, accounts and stored files to FILE (a zip); restore with `restore`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the backup file to write (replaced if it exists)")

    def handle(self, *args: Any, **options: Any) -> None:
        summary = create_backup(path=Path(options["file"]))
        self.stdout.write(
            f"Backed up {summary.objects} rows and {summary.files} files to {options['file']} "
            f"({summary.bytes:,} bytes)."
        )
