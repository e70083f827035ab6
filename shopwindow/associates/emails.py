"""Emails about the associate programme. One plain-text template; each message says what
happened and links to the page to act on."""

from collections.abc import Iterable

from django.conf import settings
from django.template.loader import render_to_string

from shopwindow.accounts.models import Role, User
from shopwindow.core.email import queue_email


def moderator_emails() -> list[str]:
    return list(
        User.objects.filter(is_active=True, role__in=[Role.MODERATOR, Role.ADMIN])
        .order_by("email")
        .values_list("email", flat=True)
    )


def notify(to: Iterable[str | None], subject: str, message: str, link: str = "") -> None:
    """Queue one email to each address (blank and repeated addresses are skipped), sent after
    the transaction commits."""
    body = render_to_string(
        "associates/email/notice.txt",
        {"service_name": settings.SERVICE_NAME, "message": message, "link": link},
    )
    for address in dict.fromkeys(to):
        queue_email(to=[address], subject=subject, body=body)
