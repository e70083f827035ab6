"""Create demo accounts for trying the service locally, only where settings allow demo content.

The passwords are fixed and printed: these accounts are for demonstration on a developer's
machine, never for production (production settings set ALLOW_DEMO_CONTENT = False).
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from shopwindow.accounts import services
from shopwindow.accounts.models import Role
from shopwindow.authorities.models import Authority

SOUTH_HAMS = "E07000044"

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
        "moderator@demo.shopwindow.example",
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
        # Illustrative associates, so that the roster and shortlists are not empty.
        from shopwindow.associates.demo import ensure_demo_associates

        for line in ensure_demo_associates():
            self.stdout.write(f"  {line}")
