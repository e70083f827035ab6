"""Rebuild the search index from the published records (after a bulk load or a restore)."""

from typing import Any

from django.core.management.base import BaseCommand

from shopwindow.search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (documents, facets, vocabulary) from published records."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild()
        self.stdout.write(f"Indexed {count} published records.")
