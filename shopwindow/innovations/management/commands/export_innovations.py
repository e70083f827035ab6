"""Export innovation records as JSON, JSON Lines, CSV or XLSX."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from shopwindow.innovations.selectors import all_innovations
from shopwindow.innovations.services.exports import FORMATS, export_records


class Command(BaseCommand):
    help = (
        "Export innovation records (published ones unless --all) in the exchange format "
        "or as a spreadsheet."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--all", action="store_true", help="include drafts and withdrawn records"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        content = export_records(
            all_innovations(published_only=not options["all"]), options["format"]
        )
        if options["output"]:
            Path(options["output"]).write_bytes(content)
            return
        if options["format"] == "xlsx":
            raise CommandError("An XLSX export needs --output FILE")
        self.stdout.write(content.decode("utf-8"), ending="")
