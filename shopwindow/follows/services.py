"""The follows API (small on purpose; other apps, such as associates, reuse it):

    from shopwindow.follows.services import follow, unfollow
    from shopwindow.follows.selectors import follows_of, followers_of

    follow(user, "theme", "shared-services")      # -> Follow (idempotent)
    follow(user, "record", "joint-waste-collection-service")   # a record id, or an Innovation pk
    unfollow(user, "theme", "shared-services")    # -> True if a follow was removed
    follows_of(user)                              # -> QuerySet[Follow]
    followers_of("record", "joint-waste-collection-service")   # -> QuerySet[User]

Kinds are FollowKind values ("theme", "service-area", "record"). A code that does not exist
raises FollowError. Unsubscribing from the digest (`unsubscribe_all`) removes every follow.
"""

from django.core import signing
from django.db import transaction

from shopwindow.accounts.models import User
from shopwindow.follows.models import Follow, FollowKind
from shopwindow.innovations.models import ServiceArea, Theme
from shopwindow.innovations.selectors import published_innovations

UNSUBSCRIBE_SALT = "shopwindow.follows.unsubscribe"


class FollowError(ValueError):
    """An unknown kind, or a code that names nothing."""


def normalise(kind: str, code_or_id: str | int) -> str:
    """The stored code for a follow; raises FollowError if it names nothing followable."""
    code = str(code_or_id).strip()
    if kind == FollowKind.THEME:
        if not Theme.objects.filter(code=code).exists():
            raise FollowError(f"There is no theme {code!r}")
        return code
    if kind == FollowKind.SERVICE_AREA:
        if not ServiceArea.objects.filter(code=code).exists():
            raise FollowError(f"There is no service area {code!r}")
        return code
    if kind == FollowKind.RECORD:
        records = published_innovations(include_illustrative=True)
        found = records.filter(record_id=code).values_list("record_id", flat=True).first()
        if found is None and code.isdigit():
            found = records.filter(pk=int(code)).values_list("record_id", flat=True).first()
        if found is None:
            raise FollowError(f"There is no published record {code!r}")
        return str(found)
    raise FollowError(f"Unknown kind {kind!r}; expected one of {', '.join(FollowKind.values)}")


@transaction.atomic
def follow(user: User, kind: str, code_or_id: str | int) -> Follow:
    code = normalise(kind, code_or_id)
    found, _ = Follow.objects.get_or_create(user=user, kind=kind, code=code)
    return found


@transaction.atomic
def unfollow(user: User, kind: str, code_or_id: str | int) -> bool:
    code = str(code_or_id).strip()
    if kind == FollowKind.RECORD and code.isdigit():
        code = str(
            published_innovations(include_illustrative=True)
            .filter(pk=int(code))
            .values_list("record_id", flat=True)
            .first()
            or code
        )
    deleted, _ = Follow.objects.filter(user=user, kind=kind, code=code).delete()
    return deleted > 0


@transaction.atomic
def set_follows(user: User, kind: str, codes: list[str]) -> None:
    """Make the user's follows of one kind exactly `codes` (the checkboxes on /follows/)."""
    wanted = {normalise(kind, code) for code in codes}
    Follow.objects.filter(user=user, kind=kind).exclude(code__in=wanted).delete()
    for code in wanted:
        Follow.objects.get_or_create(user=user, kind=kind, code=code)


@transaction.atomic
def unsubscribe_all(user: User) -> int:
    deleted, _ = Follow.objects.filter(user=user).delete()
    return deleted


def unsubscribe_token(user: User) -> str:
    """A signed token for the one-click unsubscribe link (no sign-in needed)."""
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_for_token(token: str) -> User | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    if not isinstance(user_id, int):
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()
