"""Print the permission matrix as the Markdown table used in docs/permissions.md."""

from typing import Any

from django.core.management.base import BaseCommand

from shopwindow.accounts.matrix_doc import matrix_markdown


class Command(BaseCommand):
    help = "Print the permission matrix as a Markdown table (for docs/permissions.md)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(matrix_markdown(), ending="")
