"""Vetted illustrative associates for the demo, so the roster and shortlists are not empty.

Runs after `load_demo_accounts` (the demo associate account is one of them); does nothing where
the settings do not allow demo content. Idempotent.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from shopwindow.associates.demo import ensure_demo_associates


class Command(BaseCommand):
    help = "Create or refresh the illustrative associates (demo settings only)"

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.ALLOW_DEMO_CONTENT:
            self.stdout.write("Demo content is not allowed by these settings: none created.")
            return
        for line in ensure_demo_associates():
            self.stdout.write(f"  {line}")
