"""The weekly digest, as a django-tasks task (`python manage.py send_digests` enqueues it).

Each person with follows gets one email listing the published records that are new or changed
(approved revisions, imports) in the last seven days, or since their last digest if that is more
recent, and that match a theme, service area or record they follow. Empty digests are skipped.
Every email has a one-click unsubscribe link (signed, no sign-in) and RFC 8058 List-Unsubscribe
headers. Links use settings.SITE_URL (the SITE_URL environment variable).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from shopwindow.core.email import absolute_url, queue_email
from shopwindow.follows import selectors
from shopwindow.follows.models import DigestLog
from shopwindow.follows.services import unsubscribe_token

DIGEST_DAYS = 7


def site_url() -> str:
    return absolute_url("/").rstrip("/")


@task()
def send_weekly_digests() -> int:
    """Queue every due digest; returns how many emails were queued."""
    now = timezone.now()
    sent = 0
    base = site_url()
    for user in selectors.users_with_follows():
        since = now - timedelta(days=DIGEST_DAYS)
        last = selectors.last_digest_at(user)
        if last and last > since:
            since = last
        items = selectors.digest_items(user, since)
        if not items:
            continue
        unsubscribe = base + selectors.unsubscribe_path(unsubscribe_token(user))
        body = render_to_string(
            "follows/email/digest.txt",
            {
                "user": user,
                "items": items,
                "base": base,
                "since": since,
                "unsubscribe": unsubscribe,
                "manage": base + "/follows/",
                "service_name": settings.SERVICE_NAME,
            },
        )
        with transaction.atomic():
            # Queued with the log entry: both happen, or (if this rolls back) neither.
            queue_email(
                to=[user.email],
                subject=f"{len(items)} new or changed this week",
                body=body,
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            DigestLog.objects.create(user=user, item_count=len(items))
        sent += 1
    return sent
