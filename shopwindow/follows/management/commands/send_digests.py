"""Enqueue the weekly digest task (run it weekly from cron), or run it now with --now."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from shopwindow.follows.tasks import send_weekly_digests


class Command(BaseCommand):
    help = "Send the weekly follow digests (enqueued on the task backend, or --now)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run in this process, now")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            sent = send_weekly_digests.call()
            self.stdout.write(f"Sent {sent} digest email(s).")
            return
        result = send_weekly_digests.enqueue()
        status = getattr(result, "status", "")
        if status == "SUCCESSFUL" or str(status).endswith("SUCCESSFUL"):
            self.stdout.write(f"Sent {result.return_value} digest email(s).")
        else:
            self.stdout.write(f"Enqueued the digest task ({result.id}); a worker will send it.")
