"""Load the real catalogue (data/catalogue/*.json) through the importer, all or nothing."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from shopwindow.innovations.services.catalogue import CatalogueError, load_catalogue


class Command(BaseCommand):
    help = (
        "Load data/catalogue/ (format 1.1) as published records: idempotent upsert, every file "
        "or none. Runs in every environment, production included."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory", type=Path, default=None, help="another folder of catalogue files"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory = options["directory"] or Path(settings.CATALOGUE_DIR)
        try:
            load = load_catalogue(directory=directory)
        except CatalogueError as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"The catalogue has {len(exc.problems)} problem(s): nothing loaded."
            ) from None
        self.stdout.write(
            f"Catalogue: {len(load.files)} files, {len(load.created)} created, "
            f"{len(load.updated)} updated, {len(load.unchanged)} unchanged."
        )
