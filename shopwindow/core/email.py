"""The one way the service sends email, and the one way it builds links for emails.

`queue_email` hands a message to the task queue once the current transaction commits: a write that
rolls back sends nothing, and nothing about sending can fail the write or the page. The
`send_email` task sends it; when the mail server is down or refuses it, the task queues itself
again after each of settings.EMAIL_RETRY_DELAYS, then gives up (the task result shows FAILED and
the log says so). So an outage delays mail; it neither loses mail nor breaks a page.

`absolute_url` builds links from settings.SITE_URL, so services need no request to link to pages.
"""

import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# What a mail server that is down, unreachable or refusing looks like.
SENDING_FAILURES = (smtplib.SMTPException, OSError)


def absolute_url(path: str) -> str:
    """The public address of a path on this service, e.g. "/account/" -> "https://…/account/"."""
    if path.startswith(("http://", "https://")):
        return path
    return str(settings.SITE_URL).rstrip("/") + "/" + path.lstrip("/")


def queue_email(
    *,
    to: Iterable[str | None],
    subject: str,
    body: str,
    reply_to: Iterable[str] = (),
    headers: dict[str, str] | None = None,
) -> None:
    """Send a plain-text email to the addresses (blank and repeated ones skipped), after commit.

    `subject` gets the service's name in front. Every recipient sees the whole `to` list.
    """
    recipients = list(dict.fromkeys(address for address in to if address))
    if not recipients:
        return
    message = {
        "to": recipients,
        "subject": f"{settings.SERVICE_NAME}: {subject}",
        "body": body,
        "reply_to": list(reply_to),
        "headers": dict(headers or {}),
    }
    transaction.on_commit(partial(_enqueue, message, attempt=1))


def _enqueue(message: dict[str, Any], *, attempt: int, delay: int = 0) -> None:
    runner = send_email
    if delay and runner.get_backend().supports_defer:
        runner = runner.using(run_after=timezone.now() + timedelta(seconds=delay))
    runner.enqueue(message=message, attempt=attempt)


@task()
def send_email(*, message: dict[str, Any], attempt: int = 1) -> bool:
    """Send one queued message; on a sending failure queue it again later (see the docstring)."""
    email = EmailMessage(
        subject=message["subject"],
        body=message["body"],
        to=message["to"],
        reply_to=message.get("reply_to") or None,
        headers=message.get("headers") or None,
    )
    try:
        email.send()
    except SENDING_FAILURES as error:
        delays = list(settings.EMAIL_RETRY_DELAYS)
        if attempt > len(delays):
            logger.error(
                "Gave up sending %r to %s after %d attempts: %s",
                message["subject"],
                ", ".join(message["to"]),
                attempt,
                error,
            )
            raise
        delay = int(delays[attempt - 1])
        logger.warning(
            "Could not send %r (attempt %d): %s; trying again in %d seconds",
            message["subject"],
            attempt,
            error,
            delay,
        )
        _enqueue(message, attempt=attempt + 1, delay=delay)
        return False
    return True
