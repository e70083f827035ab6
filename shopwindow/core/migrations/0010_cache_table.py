"""Create the shared cache's table (settings.CACHES), so `migrate` leaves a working cache.

`createcachetable` does nothing for a cache that is not a database cache (REDIS_URL set) or whose
table exists; the test runner calls it too when it builds a test database. On PostgreSQL the table
is UNLOGGED: a cache needs no crash safety, and skipping the write-ahead log makes each rate-limit
count about 0.3 ms instead of a full commit to disk (bench/ratelimit.py). After a crash PostgreSQL
empties it, which only resets the counts.
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    call_command("createcachetable", database=connection.alias, verbosity=0)
    if connection.vendor != "postgresql":
        return
    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            table = connection.ops.quote_name(cache["LOCATION"])
            schema_editor.execute(f"ALTER TABLE {table} SET UNLOGGED")


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = [("core", "0009_worker_heartbeat")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
