"""Benchmark the rate limiter on the shared database cache: the cost of one `ratelimit.hit()`
(what every API request and every counted form pays) with the cache table holding 0, 10,000 and
100,000 other entries, on SQLite and PostgreSQL; and two processes counting at once.

Environment: BENCH_ENGINES (default sqlite,postgresql), BENCH_PG_URL (default
postgres://postgres@127.0.0.1:5432/bench_ratelimit), BENCH_HITS (per measurement, default 2000).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
ENGINES = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_ratelimit")
HITS = int(os.environ.get("BENCH_HITS", "2000"))
FILLS = [0, 10_000, 100_000]

# Runs in a child process with DATABASE_URL set: fill the table, then time hits.
CHILD = """
import importlib, os, sys, time, django
django.setup()
from datetime import timedelta
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from shopwindow.core import ratelimit

# The cache table as `migrate` makes it (UNLOGGED on PostgreSQL).
migration = importlib.import_module("shopwindow.core.migrations.0010_cache_table")
with connection.schema_editor() as editor:
    migration.create_cache_table(None, editor)
fill, hits = int(sys.argv[1]), int(sys.argv[2])
cache.clear()
expires = connection.ops.adapt_datetimefield_value(timezone.now() + timedelta(hours=1))
with transaction.atomic(), connection.cursor() as cursor:
    cursor.executemany(
        "INSERT INTO shopwindow_cache (cache_key, value, expires) VALUES (%s, %s, %s)",
        [(f":1:filler-{n}", "gAVLAS4=", expires) for n in range(fill)],
    )
start = time.perf_counter()
for n in range(hits):
    ratelimit.hit("api_address", f"192.0.2.{n % 200}")
elapsed = time.perf_counter() - start
print(f"{elapsed / hits * 1000:.2f}")
"""

TWO = """
import sys, time, django
django.setup()
from shopwindow.core import ratelimit
start = time.perf_counter()
allowed = sum(ratelimit.hit("sign_up", "198.51.100.1") for _ in range(int(sys.argv[1])))
print(allowed, f"{time.perf_counter() - start:.2f}")
"""


def database(engine: str, work: Path) -> str:
    if engine == "sqlite":
        return f"sqlite:///{work / 'ratelimit.sqlite3'}"
    import psycopg

    name = urlparse(PG_URL).path.lstrip("/")
    admin = PG_URL.replace(f"/{name}", "/postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return PG_URL


def main() -> None:
    print(f"ratelimit.hit() on the database cache, ms per hit ({HITS} hits)")
    print(f"{'engine':<12}" + "".join(f"{f'{fill:,} rows':>14}" for fill in FILLS))
    with tempfile.TemporaryDirectory() as tmp:
        for engine in ENGINES:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "shopwindow.settings.test",
                "DATABASE_URL": database(engine, Path(tmp)),
                "PYTHONPATH": str(ROOT),
                "RATE_LIMIT_SIGN_UPS_PER_HOUR": "500",
            }
            row = []
            for fill in FILLS:
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(fill), str(HITS)],
                    env=env,
                    cwd=ROOT,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split()[-1]
                row.append(out)
            print(f"{engine:<12}" + "".join(f"{value:>14}" for value in row))
            two = [
                subprocess.Popen(
                    [sys.executable, "-c", TWO, "1000"],
                    env=env,
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                for _ in range(2)
            ]
            results = [p.communicate()[0].split() for p in two]
            allowed = sum(int(r[0]) for r in results)
            seconds = max(float(r[1]) for r in results)
            print(
                f"{'':<12}two processes, 1,000 hits each at once against a limit of 500: "
                f"{allowed} allowed, {seconds:.1f} s"
            )


if __name__ == "__main__":
    main()
