"""A small fixed-window rate limiter on Django's cache, for emails and sign-ups.

Limits are settings: ACCOUNTS_RATE_LIMITS = {"sign_up": (count, seconds), ...}. With the default
LocMemCache the counts are per process, which is enough to stop one client hammering a form; a
shared cache (Redis, database) makes them global.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "sign_up": (5, 3600),
    "password_reset": (5, 3600),
    "confirmation_email": (3, 3600),
    "problem_report": (5, 3600),  # "Report a problem with this record", per client address
}


def limit_for(bucket: str) -> tuple[int, int]:
    limits = getattr(settings, "ACCOUNTS_RATE_LIMITS", {})
    # Look the default up only when the setting lacks the bucket: other apps add buckets there.
    return tuple(limits[bucket] if bucket in limits else DEFAULT_LIMITS[bucket])


def _key(bucket: str, identity: str, window: int) -> str:
    digest = hashlib.sha256(identity.lower().encode()).hexdigest()[:32]
    return f"accounts-rate:{bucket}:{digest}:{window}"


def hit(bucket: str, *identities: str) -> bool:
    """Count one attempt for each identity (an IP address, an email); False when any is over.

    Over the limit, nothing more is counted, so a blocked client does not extend its own block.
    """
    count, period = limit_for(bucket)
    window = int(time.time() // period)
    keys = [_key(bucket, identity, window) for identity in identities if identity]
    if any(cache.get(key, 0) >= count for key in keys):
        return False
    for key in keys:
        if not cache.add(key, 1, timeout=period):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=period)
    return True


def reset(bucket: str, *identities: str) -> None:
    """Forget the counts (used by tests and by operators)."""
    _, period = limit_for(bucket)
    window = int(time.time() // period)
    for identity in identities:
        cache.delete(_key(bucket, identity, window))
