"""Signed, expiring email-confirmation tokens. No database row: the signature is the proof.

The token signs the user's id and current email, so it stops working if the email changes,
and it expires after ACCOUNTS_CONFIRMATION_MAX_AGE seconds (default three days).
"""

from django.conf import settings
from django.core import signing

from shopwindow.accounts.models import User

SALT = "shopwindow.accounts.confirm-email"


def max_age() -> int:
    return int(getattr(settings, "ACCOUNTS_CONFIRMATION_MAX_AGE", 3 * 24 * 3600))


def make_confirmation_token(user: User) -> str:
    return signing.dumps({"id": user.pk, "email": user.email}, salt=SALT, compress=True)


class InvalidToken(Exception):
    """The link is broken, expired or for an email address that has since changed."""

    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


def user_for_token(token: str) -> User:
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as error:
        raise InvalidToken("The link has expired", expired=True) from error
    except signing.BadSignature as error:
        raise InvalidToken("The link is not valid") from error
    user = User.objects.filter(pk=data.get("id"), email=data.get("email"), is_active=True).first()
    if user is None:
        raise InvalidToken("The link is not valid")
    return user
