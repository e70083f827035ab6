"""Create the shared cache's table (settings.CACHES), so `migrate` leaves a working cache.

`createcachetable` does nothing for a cache that is not a database cache (REDIS_URL set) or whose
table exists; the test runner calls it too when it builds a test database.
"""

from typing import Any

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps: Any, schema_editor: Any) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
