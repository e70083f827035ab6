"""The service's one rate limiter: fixed windows counted in the shared cache.

Limits are settings: ACCOUNTS_RATE_LIMITS = {"sign_up": (count, seconds), ...} (environment
variables in settings/base.py set them; tests and fuzzing raise them). Counts live in the shared
cache (settings.CACHES: the database cache, or Redis), so a limit holds however many processes
serve. Each count is one atomic step, `cache.add` for the first hit of a window and `cache.incr`
after it; the new count is compared with the limit, so two processes at once cannot both take the
last place.

Used for emails people can trigger (sign-up, password reset, confirmation, messages, problem
reports), failed sign-ins per address across accounts (failed API tokens count as failed
sign-ins), and API requests per address and per token.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "sign_up": (5, 3600),
    "password_reset": (5, 3600),
    "confirmation_email": (3, 3600),
    "problem_report": (5, 3600),  # "Report a problem with this record", per client address
    "sign_in_failure": (30, 3600),  # failed sign-ins and failed API tokens, per client address
    "api_address": (120, 60),  # API requests per client address
    "api_token": (120, 60),  # API requests per personal API token
}


class RateLimited(Exception):
    """Over a limit: try again after `retry_after` seconds (the API answers 429 with it)."""

    def __init__(self, retry_after: int, message: str = "Too many requests") -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.message = message


def limit_for(bucket: str) -> tuple[int, int]:
    """(count, seconds) for a bucket."""
    limits = getattr(settings, "ACCOUNTS_RATE_LIMITS", {})
    # Look the default up only when the setting lacks the bucket: other apps add buckets there.
    count, period = limits[bucket] if bucket in limits else DEFAULT_LIMITS[bucket]
    return int(count), int(period)


def retry_after(bucket: str) -> int:
    """Seconds until the bucket's current window ends (at least 1)."""
    _, period = limit_for(bucket)
    return max(1, math.ceil(period - time.time() % period))


def _keys(bucket: str, identities: tuple[str, ...]) -> list[str]:
    _, period = limit_for(bucket)
    window = int(time.time() // period)
    keys = []
    for identity in identities:
        if identity:
            digest = hashlib.sha256(identity.lower().encode()).hexdigest()[:32]
            keys.append(f"rate:{bucket}:{digest}:{window}")
    return keys


def _count(key: str, period: int) -> int:
    """Add one to the key's count atomically and return the new count."""
    for _ in range(3):
        if cache.add(key, 1, timeout=period):
            return 1
        try:
            return int(cache.incr(key))
        except ValueError:  # expired between add and incr: add again
            continue
    return 1


def exceeded(bucket: str, *identities: str) -> bool:
    """Whether any identity has used up the bucket's limit (counts nothing)."""
    count, _ = limit_for(bucket)
    keys = _keys(bucket, identities)
    return bool(keys) and any(value >= count for value in cache.get_many(keys).values())


def hit(bucket: str, *identities: str) -> bool:
    """Count one attempt for each identity (an IP address, an email); False when any is over.

    Over the limit, nothing more is counted, so one identity over its limit does not use up
    another's (an address hammering a form does not lock the email address it types).
    """
    count, period = limit_for(bucket)
    if exceeded(bucket, *identities):
        return False
    counts = [_count(key, period) for key in _keys(bucket, identities)]  # every key, no short cut
    return all(n <= count for n in counts)


def check(bucket: str, *identities: str) -> None:
    """`hit`, raising RateLimited (with the seconds to wait) when over the limit."""
    if not hit(bucket, *identities):
        raise RateLimited(retry_after(bucket))


def reset(bucket: str, *identities: str) -> None:
    """Forget the counts (used by tests and by operators)."""
    cache.delete_many(_keys(bucket, identities))
