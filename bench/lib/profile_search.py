"""Profile search() in-process, per query type, statement by statement (a tool for tuning, not
run by `make bench`).

    DATABASE_URL=... DJANGO_SETTINGS_MODULE=bench_settings SECRET_KEY=... \
        PYTHONPATH=.:bench/lib python bench/lib/profile_search.py [--cached] [--explain] [--sql]

Times every search of bench/search.py (and a few more kinds: did-you-mean, deep pages) with the
aggregate cache off (the first visit of a search) or on (`--cached`: a repeat visit), prints the
median of REPEAT runs per search and the slowest statements of each.
"""

import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

REPEAT = 3
EXTRA: list[dict[str, str]] = [
    {"q": "tradng standards"},
    {"q": "joint consumer protection service"},
    {"q": "zzzz qqqq"},
    {"q": "shared service", "page": "40"},
    {"q": "council", "sort": "evidence"},
    {"q": "council"},
    {"theme": "shared-services", "nation": "wales", "evidence_level": "4"},
]


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext
    from search import searches  # bench/search.py

    from shopwindow.search import selectors
    from shopwindow.search.params import parse_params

    cached = "--cached" in sys.argv
    show_sql = "--sql" in sys.argv
    explain = "--explain" in sys.argv
    settings.SEARCH_CACHE_SECONDS = 300 if cached else 0
    rows: list[tuple[float, str, list[dict[str, Any]]]] = []
    for search in [*searches(), *EXTRA]:
        q = QueryDict(mutable=True)
        for k, v in search.items():
            q[k] = v
        params = parse_params(q)
        times, captured = [], None
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                result = selectors.search(
                    params.query, params.filters, params.sort, params.page, params.page_size
                )
                times.append((time.perf_counter() - started) * 1000)
            captured = ctx.captured_queries
        label = f"{q.urlencode()} -> {result.count}"
        rows.append((statistics.median(times), label, captured or []))
    rows.sort(key=lambda r: -r[0])
    total = [r[0] for r in rows]
    print(
        f"{len(rows)} searches; median per search {statistics.median(total):.1f} ms; "
        f"p95 {sorted(total)[int(len(total) * 0.95) - 1]:.1f}; max {max(total):.1f}"
    )
    for ms, label, queries in rows:
        print(f"{ms:8.1f} ms  {len(queries):2d} q  {label}")
        if show_sql:
            for item in sorted(queries, key=lambda x: -float(x["time"]))[:4]:
                print(f"      {float(item['time']) * 1000:7.1f} ms  {item['sql'][:300]}")
    if explain and rows:
        _, label, queries = rows[0]
        worst = max(queries, key=lambda x: float(x["time"]))
        prefix = (
            "EXPLAIN (ANALYZE, BUFFERS) "
            if connection.vendor == "postgresql"
            else ("EXPLAIN QUERY PLAN ")
        )
        with connection.cursor() as cursor:
            cursor.execute(prefix + worst["sql"])
            for line in cursor.fetchall():
                print("   ", *line)


if __name__ == "__main__":
    main()
