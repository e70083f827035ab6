"""Create demo accounts for trying the service locally, only where settings allow demo content.

The passwords are fixed and printed: these accounts are for demonstration on a developer's
machine, never for production (production settings set ALLOW_DEMO_CONTENT = False).

The demo moderator's second factor is an authenticator app with a fixed, published secret
(DEMO_TOTP_SECRET_HEX, base32 DEMO_TOTP_SECRET_BASE32): add it to an app, or print the current
code with `python manage.py demo_totp_code`.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from shopwindow.accounts import services, two_factor
from shopwindow.accounts.models import Role
from shopwindow.authorities.models import Authority

SOUTH_HAMS = "E07000044"
DEMO_MODERATOR = "moderator@demo.shopwindow.example"
# b"shopwindow-demo-totp": published on purpose, so it only ever protects demo accounts.
DEMO_TOTP_SECRET_HEX = "73686f7077696e646f772d64656d6f2d746f7470"  # noqa: S105 - demo only
DEMO_TOTP_SECRET_BASE32 = "ONUG64DXNFXGI33XFVSGK3LPFV2G65DQ"  # noqa: S105 - demo only

# (email, password, name, role, council GSS, note)
DEMO_ACCOUNTS = [
    (
        "member@southhams.demo.shopwindow.example",
        "demo-member-password-1",
        "Sam Member (demo)",
        Role.MEMBER,
        SOUTH_HAMS,
        "South Hams council member",
    ),
    (
        DEMO_MODERATOR,
        "demo-moderator-password-1",
        "Mo Derator (demo)",
        Role.MODERATOR,
        None,
        "moderator",
    ),
    (
        "associate@demo.shopwindow.example",
        "demo-associate-password-1",
        "Ada Associate (illustrative)",
        Role.MEMBER,
        None,
        "associate (vetted: an illustrative associate on the roster)",
    ),
]


class Command(BaseCommand):
    help = "Create the demo accounts (only when settings.ALLOW_DEMO_CONTENT is true)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            self.stdout.write("Demo accounts are not allowed by these settings: none created.")
            return
        if not Authority.objects.filter(gss=SOUTH_HAMS).exists():
            raise CommandError("South Hams (E07000044) is missing: run load_reference first")
        self.stdout.write("DEMO ACCOUNTS – for trying the service locally, never for real use:")
        for email, password, name, role, gss, note in DEMO_ACCOUNTS:
            council = Authority.objects.get(gss=gss) if gss else None
            services.ensure_user(
                email=email, password=password, full_name=name, role=role, council=council
            )
            self.stdout.write(f"  {note}: {email} / password: {password}")
        two_factor.give_demo_app(email=DEMO_MODERATOR, key_hex=DEMO_TOTP_SECRET_HEX)
        self.stdout.write(
            "  The moderator also needs a security code: add the key "
            f"{DEMO_TOTP_SECRET_BASE32} to an authenticator app, or run\n"
            "    .venv/bin/python manage.py demo_totp_code"
        )
