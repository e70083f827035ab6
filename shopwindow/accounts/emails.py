"""Emails about accounts, queued through the one email path (shopwindow/core/email.py)."""

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from shopwindow.accounts.models import CouncilMembership, User
from shopwindow.core.email import queue_email


def _send(to: str, subject: str, template: str, context: dict[str, Any]) -> None:
    context = {"service_name": settings.SERVICE_NAME, **context}
    body = render_to_string(f"accounts/email/{template}.txt", context)
    queue_email(to=[to], subject=subject, body=body)


def send_confirmation(user: User, link: str, hours: int) -> None:
    _send(
        user.email,
        "confirm your email address",
        "confirm",
        {"user": user, "link": link, "hours": hours},
    )


def send_already_registered(email: str, sign_in_link: str, reset_link: str) -> None:
    # Sign-up does not say whether an address has an account; the owner hears it by email.
    _send(
        email,
        "you already have an account",
        "already_registered",
        {"sign_in_link": sign_in_link, "reset_link": reset_link},
    )


def send_membership_decision(membership: CouncilMembership, account_link: str) -> None:
    if membership.user is None:
        return
    _send(
        membership.user.email,
        f"your request to join {membership.authority.name}",
        "membership_decision",
        {"membership": membership, "account_link": account_link},
    )
