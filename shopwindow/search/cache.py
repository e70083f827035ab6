"""A cache for search results shared by every server process, in the search_cache table.

Keys include the index version (selectors.index_version) and every reindex empties the table
(indexing.bump_version), so an entry is never stale. An entry expires SEARCH_CACHE_SECONDS after
it was written (0 turns caching off); about one write in PURGE_EVERY also deletes expired rows,
so the table holds only recent searches. Values are JSON (no pickling).
"""

import random
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from shopwindow.search.models import SearchCache

PURGE_EVERY = 200


def seconds() -> int:
    return int(getattr(settings, "SEARCH_CACHE_SECONDS", 300))


def get(key: str) -> Any | None:
    if not seconds():
        return None
    since = timezone.now() - timedelta(seconds=seconds())
    row = SearchCache.objects.filter(key=key, created_at__gte=since).values_list("value").first()
    return row[0] if row else None


def put(key: str, value: Any) -> None:
    """Store `value` (JSON-serialisable) in one statement (an upsert). A failed write only
    costs the next visit of this search a miss."""
    now = timezone.now()
    try:
        SearchCache.objects.bulk_create(
            [SearchCache(key=key, value=value, created_at=now)],
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=["value", "created_at"],
        )
        if random.randrange(PURGE_EVERY) == 0:  # noqa: S311 - not for security
            SearchCache.objects.filter(created_at__lt=now - timedelta(seconds=seconds())).delete()
    except DatabaseError:
        pass


def clear() -> None:
    SearchCache.objects.all().delete()
