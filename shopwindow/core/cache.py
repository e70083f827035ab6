"""The shared cache: Django's database cache with an atomic `add` and `incr`, so counts hold across
processes and stay cheap however many entries the table holds.

Every server process and the task worker share one cache (settings.CACHES): this table in the
main database by default, or Redis when REDIS_URL is set. Django's own DatabaseCache increments
with a read and a separate write, so two processes counting at once could both read 4 and both
write 5; here the read and write happen in one transaction with the row locked (SELECT ... FOR
UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions let one writer in at a time). Django's `add`
also counts the whole table (SELECT COUNT(*)) on every call to decide whether to cull; here `add`
is one INSERT ... ON CONFLICT statement (the same SQL on SQLite and PostgreSQL), and expired rows
are deleted on about one add in CULL_EVERY. bench/ratelimit.py measures both.
"""

import base64
import pickle
import random
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now

CULL_EVERY = 200


class DatabaseCache(DjangoDatabaseCache):
    def _sql(self) -> tuple[Any, str, str, str, str]:
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote = connection.ops.quote_name
        table = quote(self._table)  # type: ignore[attr-defined]
        return connection, table, quote("cache_key"), quote("value"), quote("expires")

    def _encode(self, value: Any) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        """Store the value unless the key holds one that has not expired; True if stored."""
        key = self.make_and_validate_key(key, version=version)
        connection, table, key_column, value_column, expires_column = self._sql()
        seconds = self.get_backend_timeout(timeout)
        expires = (
            datetime.max
            if seconds is None
            else datetime.fromtimestamp(seconds, tz=UTC if settings.USE_TZ else None)
        )
        adapt = connection.ops.adapt_datetimefield_value
        now = adapt(tz_now().replace(microsecond=0))
        with connection.cursor() as cursor:
            if random.randrange(CULL_EVERY) == 0:  # noqa: S311 (not security)
                cursor.execute(f"DELETE FROM {table} WHERE {expires_column} < %s", [now])  # noqa: S608
            # Only quoted names are formatted in; the values are parameters.
            insert = (
                f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "  # noqa: S608
                "VALUES (%s, %s, %s) "
                f"ON CONFLICT ({key_column}) DO UPDATE SET "
                f"{value_column} = excluded.{value_column}, "
                f"{expires_column} = excluded.{expires_column} "
                f"WHERE {table}.{expires_column} < %s"
            )
            cursor.execute(
                insert, [key, self._encode(value), adapt(expires.replace(microsecond=0)), now]
            )
            return bool(cursor.rowcount == 1)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        connection, table, key_column, value_column, expires_column = self._sql()
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0))
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            select = f"SELECT {value_column} FROM {table} WHERE {key_column} = %s"  # noqa: S608
            cursor.execute(f"{select} AND {expires_column} >= %s{lock}", [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301 (our own rows)
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                [self._encode(value), key],
            )
        return value
