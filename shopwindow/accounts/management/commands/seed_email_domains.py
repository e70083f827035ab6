"""`manage.py seed_email_domains`: councils' e-mail domains from the GDS domain register.

Idempotent; run after `load_reference` (the councils must exist). Domains moderators removed
stay removed.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shopwindow.accounts.domain_register import (
    REGISTER_FILE,
    DomainRegisterError,
    seed_email_domains,
)


class Command(BaseCommand):
    help = (
        "Add each current council's gov.uk domains from the 2018 GDS government-domain register "
        "to its membership allowlist. Safe to re-run; never re-adds a domain a moderator removed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", type=Path, default=REGISTER_FILE, help=f"Default: {REGISTER_FILE}"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = seed_email_domains(path=options["file"])
        except DomainRegisterError as error:
            raise CommandError(f"E-mail domains not seeded, nothing changed: {error}") from error
        if options["verbosity"] > 0:
            self.stdout.write(str(summary))
