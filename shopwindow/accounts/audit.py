"""Helpers for the audit log: where a request came from, and how to describe a target."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

# Names used in AuditEvent.action. Other apps may add their own "<app>.<verb>" names.
SIGN_IN = "auth.sign_in"
SIGN_IN_FAILED = "auth.sign_in_failed"
SIGN_OUT = "auth.sign_out"
LOCKED_OUT = "auth.locked_out"
SIGN_UP = "auth.sign_up"
EMAIL_CONFIRMED = "auth.email_confirmed"
PASSWORD_CHANGED = "auth.password_changed"  # noqa: S105 - an event name
PASSWORD_RESET_REQUESTED = "auth.password_reset_requested"  # noqa: S105
ROLE_CHANGED = "user.role_changed"
ACCOUNT_DELETED = "user.deleted"
DATA_DOWNLOADED = "user.data_downloaded"
MEMBERSHIP_REQUESTED = "membership.requested"
MEMBERSHIP_APPROVED = "membership.approved"
MEMBERSHIP_AUTO_APPROVED = "membership.auto_approved"
MEMBERSHIP_REFUSED = "membership.refused"
MEMBERSHIP_LEFT = "membership.left"
DOMAIN_ADDED = "domain.added"
DOMAIN_REMOVED = "domain.removed"
TWO_FACTOR_SET_UP = "auth.two_factor_set_up"
TWO_FACTOR_PASSED = "auth.two_factor_passed"
TWO_FACTOR_FAILED = "auth.two_factor_failed"
RECOVERY_CODE_USED = "auth.recovery_code_used"
RECOVERY_CODES_CREATED = "auth.recovery_codes_created"
SESSION_EXPIRED = "auth.session_expired"
API_TOKEN_CREATED = "api_token.created"  # noqa: S105 - an event name
API_TOKEN_REVOKED = "api_token.revoked"  # noqa: S105 - an event name

ACTION_LABELS = {
    SIGN_IN: "Signed in",
    SIGN_IN_FAILED: "Sign-in failed",
    SIGN_OUT: "Signed out",
    LOCKED_OUT: "Locked out",
    SIGN_UP: "Created an account",
    EMAIL_CONFIRMED: "Confirmed email address",
    PASSWORD_CHANGED: "Changed password",
    PASSWORD_RESET_REQUESTED: "Asked to reset password",
    ROLE_CHANGED: "Role changed",
    ACCOUNT_DELETED: "Deleted account",
    DATA_DOWNLOADED: "Downloaded own data",
    MEMBERSHIP_REQUESTED: "Asked to join a council",
    MEMBERSHIP_APPROVED: "Membership approved",
    MEMBERSHIP_AUTO_APPROVED: "Membership approved by email domain",
    MEMBERSHIP_REFUSED: "Membership refused",
    MEMBERSHIP_LEFT: "Left a council",
    DOMAIN_ADDED: "Email domain added",
    DOMAIN_REMOVED: "Email domain removed",
    TWO_FACTOR_SET_UP: "Set up an authenticator app",
    TWO_FACTOR_PASSED: "Entered a code from the authenticator app",
    TWO_FACTOR_FAILED: "Entered a wrong security code",
    RECOVERY_CODE_USED: "Used a recovery code",
    RECOVERY_CODES_CREATED: "Got new recovery codes",
    SESSION_EXPIRED: "Signed out by the session time limit",
    API_TOKEN_CREATED: "Created an API token",
    API_TOKEN_REVOKED: "Revoked an API token",
}


@dataclass(frozen=True)
class Origin:
    """Where an action came from, for the audit log: the client's address and browser. Views pass
    `origin(request)` to services, so services never handle the request itself."""

    ip_address: str | None = None
    user_agent: str = ""


def origin(request: HttpRequest | None) -> Origin | None:
    if request is None:
        return None
    return Origin(ip_address=client_ip(request), user_agent=user_agent(request))


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address as Django sees it (the proxy sets REMOTE_ADDR in production)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or None
    return str(address) if address else None


def user_agent(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return str(request.META.get("HTTP_USER_AGENT", ""))[:300]


def describe(target: Any) -> tuple[str, str, str]:
    """(object type, object id, description) for any target: a model instance, a tuple, or None.

    A tuple target is (type, id) or (type, id, description), for objects without a model.
    """
    if target is None:
        return "", "", ""
    if isinstance(target, tuple):
        parts = [str(p) for p in target] + ["", "", ""]
        return parts[0][:60], parts[1][:64], parts[2][:300]
    meta = getattr(target, "_meta", None)
    kind = meta.label_lower if meta is not None else type(target).__name__.lower()
    return kind[:60], str(getattr(target, "pk", ""))[:64], str(target)[:300]
