"""Talk to the originator: a council member's message to a record's contact, sent by email.

The email goes to the record's contact address with Reply-To set to the sender, so the contact
answers the sender directly. The sender never sees the contact's address. Sending is limited per
user (ACCOUNTS_RATE_LIMITS "originator_message" per hour and "originator_message_day" per day,
counted with the shared limiter in core/ratelimit.py) and every message is logged.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from shopwindow.accounts.audit import Origin
from shopwindow.accounts.models import User
from shopwindow.accounts.permissions import is_council_member
from shopwindow.accounts.services import record_event
from shopwindow.adoption.models import OriginatorMessage
from shopwindow.authorities.models import Authority
from shopwindow.core import ratelimit
from shopwindow.core.email import queue_email
from shopwindow.innovations.models import Innovation

HOURLY, DAILY = "originator_message", "originator_message_day"


class NoContact(Exception):
    """The record has no contact email."""


class RateLimited(Exception):
    """The sender has sent as many messages as the limits allow for now."""


class NotACouncilMember(Exception):
    """Only approved council members may message a record's contact."""


def limits() -> dict[str, tuple[int, int]]:
    return {bucket: ratelimit.limit_for(bucket) for bucket in (HOURLY, DAILY)}


@transaction.atomic
def send_message(
    *,
    sender: User,
    innovation: Innovation,
    council: Authority,
    body: str,
    record_link: str,
    origin: Origin | None = None,
) -> OriginatorMessage:
    if not innovation.contact_email:
        raise NoContact
    if not is_council_member(sender, council):
        raise NotACouncilMember
    identity = f"user:{sender.pk}"
    # The daily count goes first: a sender over the daily limit does not use up the hourly one.
    if not ratelimit.hit(DAILY, identity) or not ratelimit.hit(HOURLY, identity):
        raise RateLimited
    message = OriginatorMessage.objects.create(
        innovation=innovation,
        sender=sender,
        council=council,
        body=body.strip(),
        recipient_email=innovation.contact_email,
    )
    text = render_to_string(
        "adoption/email/originator_message.txt",
        {
            "message": message,
            "sender": sender,
            "council": council,
            "innovation": innovation,
            "record_link": record_link,
            "service_name": settings.SERVICE_NAME,
        },
    )
    # Queued, sent after commit: a mail outage delays the message and fails nothing.
    queue_email(
        to=[innovation.contact_email],
        subject=f"a question about {innovation.title}",
        body=text,
        reply_to=[sender.email],
    )
    record_event(
        actor=sender,
        action="adoption.message_sent",
        target=innovation,
        origin=origin,
        extra={"council": council.identifier, "message_id": message.pk},
    )
    return message
