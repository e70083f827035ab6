"""How long a signed-in session lasts (OWASP ASVS 3.3.1 and 3.3.2).

A session ends after settings.SESSION_IDLE_SECONDS without a request (2 hours) or
settings.SESSION_ABSOLUTE_SECONDS after sign-in (12 hours), whichever comes first. The session
keeps when it started and when it was last used; SessionLimitsMiddleware checks both on every
request, and pages warn SESSION_WARNING_SECONDS before the end (static/accounts/timeout-warning.js).

"Last used" is written at most once a minute, so a busy page does not write its session on every
request; the idle limit is therefore exact to within a minute.
"""

import math
import time
from typing import Any, Final

from django.conf import settings

STARTED_KEY: Final = "_sw_session_started_at"
LAST_SEEN_KEY: Final = "_sw_session_last_seen_at"
TOUCH_EVERY_SECONDS: Final = 60

IDLE: Final = "idle"
ABSOLUTE: Final = "absolute"
REASONS: Final = (IDLE, ABSOLUTE)


def now() -> float:
    return time.time()


def idle_seconds() -> int:
    return int(settings.SESSION_IDLE_SECONDS)


def absolute_seconds() -> int:
    return int(settings.SESSION_ABSOLUTE_SECONDS)


def warning_seconds() -> int:
    return int(settings.SESSION_WARNING_SECONDS)


def start(session: Any, at: float | None = None) -> None:
    """Mark the session as begun now (called at sign-in)."""
    at = now() if at is None else at
    session[STARTED_KEY] = at
    session[LAST_SEEN_KEY] = at


def _times(session: Any) -> tuple[float, float]:
    started = session.get(STARTED_KEY)
    last_seen = session.get(LAST_SEEN_KEY)
    if started is None or last_seen is None:
        # A session from before the limits existed: it starts counting now.
        start(session)
        started = last_seen = session[STARTED_KEY]
    return float(started), float(last_seen)


def expired_because(session: Any, at: float | None = None) -> str | None:
    """IDLE or ABSOLUTE when the session is past a limit, else None."""
    at = now() if at is None else at
    started, last_seen = _times(session)
    if at - started >= absolute_seconds():
        return ABSOLUTE
    if at - last_seen >= idle_seconds():
        return IDLE
    return None


def seconds_left(session: Any, at: float | None = None) -> int:
    """Seconds until the session ends if nothing more happens."""
    at = now() if at is None else at
    started, last_seen = _times(session)
    end = min(last_seen + idle_seconds(), started + absolute_seconds())
    return max(0, math.ceil(end - at))


def can_extend(session: Any, at: float | None = None) -> bool:
    """Whether activity would still give more time (false near the 12-hour limit)."""
    at = now() if at is None else at
    started, _ = _times(session)
    return started + absolute_seconds() - at > warning_seconds()


def touch(session: Any, at: float | None = None, *, force: bool = False) -> None:
    """Record activity (at most once a minute unless forced)."""
    at = now() if at is None else at
    _, last_seen = _times(session)
    if force or at - last_seen >= TOUCH_EVERY_SECONDS:
        session[LAST_SEEN_KEY] = at


def duration_words(seconds: int) -> str:
    """'2 hours', '1 hour', '30 minutes': for pages that state the limits."""
    if seconds < 60:
        return f"{seconds} second{'' if seconds == 1 else 's'}"
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return f"{hours} hour{'' if hours == 1 else 's'}"
    minutes = max(1, seconds // 60)
    return f"{minutes} minute{'' if minutes == 1 else 's'}"
