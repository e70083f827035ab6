"""Create or update an account: `create_user --email E --password-stdin [--council GSS] [--role R]`.

Idempotent: running it again with the same arguments changes nothing and says so. The password
is read from standard input so it never appears in the process list or shell history.
"""

import sys
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from shopwindow.accounts import services
from shopwindow.accounts.models import Role, User
from shopwindow.authorities.models import Authority


class Command(BaseCommand):
    help = "Create or update a user (idempotent). The password is read from standard input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            required=True,
            help="Read the password from the first line of standard input",
        )
        parser.add_argument("--council", metavar="GSS", help="Approve a membership of this council")
        parser.add_argument("--role", choices=Role.values, default=Role.MEMBER)
        parser.add_argument("--name", default="", help="The person's full name")

    def handle(self, *args: Any, **options: Any) -> None:
        email = str(options["email"]).strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"--email: {email!r} is not a valid email address") from error
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError("--password-stdin: no password on standard input")
        try:
            password_validation.validate_password(password, User(email=email))
        except ValidationError as error:
            raise CommandError("password: " + " ".join(error.messages)) from error
        council = None
        if options["council"]:
            gss = str(options["council"]).strip().upper()
            council = Authority.objects.filter(gss=gss).first()
            if council is None:
                raise CommandError(f"--council: no council has the GSS code {gss}")
        try:
            done = services.ensure_user(
                email=email,
                password=password,
                full_name=options["name"],
                role=options["role"],
                council=council,
            )
        except ValidationError as error:
            raise CommandError("--council: " + " ".join(error.messages)) from error
        for line in done:
            self.stdout.write(line)
