"""Restore a backup made by `manage.py backup`: see shopwindow/operations/backup.py."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from shopwindow.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace all data in the database with a backup, add its files and rebuild the search "
        "index. Run `migrate` first; stop the web and worker processes while it runs."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a backup file written by `manage.py backup`")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask to confirm"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No backup file at {path}")
        if options["interactive"]:
            name = settings.DATABASES["default"]["NAME"]
            answer = input(f"This replaces ALL data in database {name}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            summary = restore_backup(path=path)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(
            f"Restored {summary.objects} rows and {summary.files} files; search index rebuilt."
        )
