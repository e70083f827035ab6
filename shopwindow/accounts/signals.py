"""Hooks other apps connect to, and the receivers that write security events to the audit log.

Hooks (connect with `@receiver(user_deleting)` in your app's signals module, imported in ready()):

- `user_deleting(sender=User, user=user)`: sent inside the deletion transaction, before the user
  row goes. Null out authorship of what the user wrote for a council (for example
  `Record.objects.filter(created_by=user).update(created_by=None)`) so that it stays, attributed
  to the council, with the person's name removed. Raising aborts the deletion.
- `collect_user_data(sender=User, user=user)`: sent when a user downloads their data. Return a
  dict of {section name: JSON-serialisable data}; the sections are added to the download.
"""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import Signal, receiver
from django.http import HttpRequest

from shopwindow.accounts import audit, session_limits
from shopwindow.core import ratelimit

user_deleting = Signal()
collect_user_data = Signal()


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    from shopwindow.accounts.services import record_event

    record_event(actor=user, action=audit.SIGN_IN, target=user, origin=audit.origin(request))
    if request is not None and hasattr(request, "session"):
        session_limits.start(request.session)  # the 12-hour limit counts from here


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None:
        return
    from shopwindow.accounts.services import record_event

    record_event(actor=user, action=audit.SIGN_OUT, target=user, origin=audit.origin(request))


def _attempted_email(credentials: dict[str, Any]) -> str:
    return str(credentials.get("username") or credentials.get("email") or "")[:254].lower()


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    from shopwindow.accounts.backends import ADDRESS_BUCKET
    from shopwindow.accounts.models import User
    from shopwindow.accounts.services import record_event

    email = _attempted_email(credentials)
    user = User.objects.filter(email=email).first() if email else None
    locked = bool(getattr(request, "axes_locked_out", False))
    if request is not None:
        ratelimit.hit(ADDRESS_BUCKET, audit.client_ip(request) or "")
    record_event(
        actor=user,
        action=audit.SIGN_IN_FAILED,
        target=user,
        origin=audit.origin(request),
        # Record the attempted address only when it matches no account: it may be a typo.
        extra={"attempted_email": "" if user else email, "while_locked_out": locked},
    )


@receiver(user_locked_out)
def _locked_out(
    sender: Any, request: HttpRequest | None = None, username: str = "", **kwargs: Any
) -> None:
    from shopwindow.accounts.models import User
    from shopwindow.accounts.services import record_event

    email = (username or "").lower()
    user = User.objects.filter(email=email).first() if email else None
    record_event(
        actor=user,
        action=audit.LOCKED_OUT,
        target=user,
        origin=audit.origin(request),
        extra={"attempted_email": "" if user else email, "ip_address": kwargs.get("ip_address")},
    )
