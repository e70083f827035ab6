"""The shared cache: Django's database cache with an atomic `incr`, so counts hold across processes.

Every server process and the task worker share one cache (settings.CACHES): this table in the
main database by default, or Redis when REDIS_URL is set. Django's own DatabaseCache increments
with a read and a separate write, so two processes counting at once could both read 4 and both
write 5; here the read and write happen in one transaction with the row locked (SELECT ... FOR
UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions let one writer in at a time).
"""

import base64
import pickle
from typing import Any

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        quote = connection.ops.quote_name
        table = quote(self._table)  # type: ignore[attr-defined]
        value_column, key_column = quote("value"), quote("cache_key")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0))
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            # Only quoted names are formatted in; the values are parameters.
            select = f"SELECT {value_column} FROM {table} WHERE {key_column} = %s"  # noqa: S608
            cursor.execute(f"{select} AND {quote('expires')} >= %s{lock}", [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301 (our own rows)
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                [encoded, key],
            )
        return value
