"""Print the demo moderator's current security code (only where settings allow demo content)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from shopwindow.accounts import two_factor
from shopwindow.accounts.management.commands.load_demo_accounts import DEMO_MODERATOR


class Command(BaseCommand):
    help = "Print the code the demo moderator's authenticator app would show now."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "ALLOW_DEMO_CONTENT", False):
            raise CommandError("Demo accounts are not allowed by these settings")
        device = TOTPDevice.objects.filter(
            user__email=DEMO_MODERATOR, name=two_factor.DEMO_DEVICE_NAME, confirmed=True
        ).first()
        if device is None:
            raise CommandError("No demo moderator yet: run `manage.py load_demo_accounts` first")
        self.stdout.write(two_factor.current_code(device))
