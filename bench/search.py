"""Search benchmark: Shopwindow's search (API and page) on SQLite and PostgreSQL, beside Datasette.

For each size in BENCH_SIZES (default 10000,100000): generate realistic records
(bench/lib/search_data.py), load them into a fresh database per engine, serve the app with gunicorn
(production settings, see lib/bench_settings.py) on 127.0.0.1, and drive the same 60 distinct
searches (text, facets, filters, sorts) at concurrency 1 and 8. The same records go into
Datasette as an FTS5 table with the same columns, driven with equivalent `?_search=` and
`_facet=` queries. Prints requests per second and p50/p95/p99 latency, and the ratio to
Datasette.

Environment: BENCH_SIZES, BENCH_ENGINES (default sqlite,postgresql), BENCH_PG_URL (default
postgres://postgres@127.0.0.1:5432/bench), BENCH_SECONDS (per measurement, default 8).
The first pass of each search (empty caches) is reported separately as "first pass": the cold
figures; c=1 after it is the warm (repeated) figure. bench/lib/semantic_share.py then prints the
semantic step's share of an uncached search, in-process.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))
from http_load import LoadResult, drive, wait_for

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",") if s]
ENGINES = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench")
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
APP_PORT, DATASETTE_PORT = 8731, 8732
SECRET = "bench-" + "k" * 50  # a throwaway key for a local benchmark server

WORDS = [
    "shared service",
    "trading standards",
    "libraries",
    "waste collection",
    "adult social care",
    "channel shift",
    "reorganisation",
    "procurement",
    "homelessness",
    "reablement",
    "community hubs",
    "combined authority",
    "joint committee",
    "hospital discharge",
    "council-owned company",
    "school transport",
    "apprenticeships",
    "energy",
    "planning",
    "contact centre",
    "social prescribing",
    "data",
    "bus",
    "leisure",
    "back office",
]
FACETS = [
    {},
    {"nation": "wales"},
    {"theme": "shared-services"},
    {"evidence_level": "4"},
    {"region": "london"},
    {"status": "implemented"},
    {"savings_band": "1m-5m"},
    {"theme": "procurement", "nation": "england"},
    {"service_area": "housing"},
]
SORTS = ["", "saving", "newest"]


def searches() -> list[dict[str, str]]:
    """60 distinct searches: text with and without facets and sorts, and facet-only browsing."""
    found: list[dict[str, str]] = []
    for i, words in enumerate(WORDS):
        found.append({"q": words})
        found.append({"q": words, **FACETS[(i % (len(FACETS) - 1)) + 1]})
    for i, facet in enumerate(FACETS):
        found.append({**facet, "sort": SORTS[i % len(SORTS)]} if SORTS[i % len(SORTS)] else facet)
    found.append({"q": "shared", "sort": "saving"})
    return found


def app_path(kind: str, search: dict[str, str]) -> str:
    params = {k: v for k, v in search.items() if v}
    prefix = "/api/v1/innovations" if kind == "api" else "/innovations/"
    return f"{prefix}?{urlencode(params)}" if params else prefix


DATASETTE_FACETS = [
    "nation",
    "region",
    "authority_type",
    "evidence_level",
    "verification",
    "status",
    "savings_band",
]


def datasette_path(search: dict[str, str]) -> str:
    parts = [("_size", "20")]
    if search.get("q"):
        parts.append(("_search", search["q"]))
    for name, value in search.items():
        if name in ("theme", "service_area"):
            parts.append((f"{name}__arraycontains", value))
        elif name not in ("q", "sort"):
            parts.append((name, value))
    if search.get("sort") == "saving":
        parts.append(("_sort_desc", "annual_saving"))
    elif search.get("sort") == "newest":
        parts.append(("_sort_desc", "published"))
    parts += [("_facet", f) for f in DATASETTE_FACETS]
    parts += [("_facet_array", "theme"), ("_facet_array", "service_area")]
    return "/records/records.json?" + urlencode(parts, quote_via=quote)


def build_datasette(data: dict[str, Any], path: Path) -> None:
    """The same records as one table with the same columns, and an FTS5 index on the text."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE records (id TEXT PRIMARY KEY, title TEXT, summary TEXT, body TEXT, "
        "extra TEXT, theme TEXT, service_area TEXT, authority_type TEXT, nation TEXT, "
        "region TEXT, evidence_level TEXT, verification TEXT, status TEXT, savings_band TEXT, "
        "annual_saving REAL, published INTEGER)"
    )
    authorities, names = data["authorities"], data["names"]
    rows = []
    for n, r in enumerate(data["records"]):
        leads = [authorities[c] for c in r["lead_authorities"]]
        saving = (r.get("outcomes") or {}).get("annual_saving_gbp")
        band = (
            "not-stated"
            if saving is None
            else (
                "under-100k"
                if saving < 100_000
                else "100k-1m"
                if saving < 1_000_000
                else "1m-5m"
                if saving < 5_000_000
                else "over-5m"
            )
        )
        steps = " ".join(
            s["title"] + " " + s.get("detail", "")
            for s in (r.get("guidance") or {}).get("steps", [])
        )
        rows.append(
            (
                r["id"],
                r["title"],
                r["summary"],
                f"{r['problem']} {r['approach']} {steps}",
                " ".join(r["tags"] + [names[c] for c in r["lead_authorities"]]),
                json.dumps(r["themes"]),
                json.dumps(r["service_areas"]),
                leads[0]["authority_type"],
                leads[0]["nation"],
                leads[0]["region"],
                str(r["evidence"]["level"]),
                r["evidence"]["verification"],
                r["status"],
                band,
                saving,
                len(data["records"]) - n,
            )
        )
    db.executemany(f"INSERT INTO records VALUES ({', '.join('?' * 16)})", rows)  # noqa: S608
    db.execute(
        "CREATE VIRTUAL TABLE records_fts USING fts5(title, summary, body, extra, "
        "content='records', content_rowid='rowid', tokenize='porter unicode61')"
    )
    db.execute("INSERT INTO records_fts(records_fts) VALUES ('rebuild')")
    for column in [*DATASETTE_FACETS, "annual_saving", "published"]:
        db.execute(f"CREATE INDEX records_{column} ON records({column})")
    db.commit()
    db.close()


def app_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        DATABASE_CONN_MAX_AGE="600",
        # Every request comes from 127.0.0.1: under production's API limit (120 a minute per
        # address) the warm runs would measure 429s. bench/ratelimit.py measures the limiter.
        RATE_LIMIT_API_PER_ADDRESS_PER_MINUTE="100000000",
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'bench' / 'lib'}",
    )
    return env


def fresh_database(engine: str, size: int) -> str:
    if engine == "sqlite":
        path = WORK / f"app-{size}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    parsed = urlparse(PG_URL)
    name = parsed.path.lstrip("/")
    admin = PG_URL.replace(f"/{name}", "/postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return PG_URL


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def start(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cmd,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def measure(port: int, paths: list[str]) -> dict[str, LoadResult]:
    first = drive(port, paths, concurrency=1, max_requests=len(paths), max_seconds=120)
    return {
        "first pass": first,
        "c=1": drive(port, paths, concurrency=1, max_requests=5000, max_seconds=SECONDS),
        "c=8": drive(port, paths, concurrency=8, max_requests=20000, max_seconds=SECONDS),
    }


def line(label: str, result: LoadResult, base: LoadResult | None = None) -> str:
    ratio = f"{result.rps / base.rps:6.2f}x" if base and base.rps else "       "
    return (
        f"  {label:<34} {result.requests:>6} {result.errors:>4} {result.rps:>8.1f} "
        f"{result.percentile(50):>8.1f} {result.percentile(95):>8.1f} "
        f"{result.percentile(99):>8.1f} {ratio}"
    )


def bench_size(size: int) -> None:
    print(f"\n== {size:,} records")
    queries = searches()
    data_file = WORK / f"records-{size}.json"
    results: dict[str, dict[str, LoadResult]] = {}
    for engine in ENGINES:
        started = time.monotonic()
        url = fresh_database(engine, size)
        env = app_env(url)
        run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
        run([PYTHON, "manage.py", "load_reference"], env)
        if engine == ENGINES[0]:
            run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
        run(
            [PYTHON, str(ROOT / "bench" / "lib" / "search_data.py"), str(size), str(data_file)], env
        )
        print(f"  {engine}: loaded and indexed in {time.monotonic() - started:.0f} s")
        server = start(
            [
                str(BIN / "gunicorn"),
                "shopwindow.wsgi",
                "-b",
                f"127.0.0.1:{APP_PORT}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--worker-class",
                "gthread",
            ],
            env,
        )
        try:
            wait_for(APP_PORT, "/api/v1/innovations?page_size=1")
            for kind in ("api", "page"):
                paths = [app_path(kind, s) for s in queries]
                results[f"{engine} {kind}"] = measure(APP_PORT, paths)
        finally:
            stop(server)
        print(f"  {engine}:")
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "lib" / "semantic_share.py")],
            env=env,
            cwd=ROOT,
            check=True,
        )
    data = json.loads(data_file.read_text())
    datasette_db = WORK / "records.db"
    build_datasette(data, datasette_db)
    datasette = start(
        [
            str(BIN / "datasette"),
            "serve",
            str(datasette_db),
            "-p",
            str(DATASETTE_PORT),
            "--setting",
            "facet_time_limit_ms",
            "10000",
            "--setting",
            "sql_time_limit_ms",
            "20000",
            "--setting",
            "num_sql_threads",
            "4",
            "--setting",
            "default_facet_size",
            "30",
        ]
    )
    try:
        wait_for(DATASETTE_PORT, "/records/records.json?_size=1")
        results["datasette"] = measure(DATASETTE_PORT, [datasette_path(s) for s in queries])
    finally:
        stop(datasette)
    print(f"  {len(queries)} distinct searches; latency in ms; ratio = requests/s vs Datasette")
    print(f"  {'':<34} {'reqs':>6} {'errs':>4} {'req/s':>8} {'p50':>8} {'p95':>8} {'p99':>8} ratio")
    for label, runs in results.items():
        for mode, result in runs.items():
            base = results["datasette"][mode] if label != "datasette" else None
            print(line(f"{label} {mode}", result, base))
    for engine in ENGINES:
        print(target_line(engine, results[f"{engine} api"], results["datasette"]))


def verdict(met: bool, *runs: LoadResult) -> str:
    """'met' or 'MISSED'; a run with failed requests proves nothing either way."""
    if any(run.errors for run in runs):
        return "NOT MEASURED: requests failed"
    return "met" if met else "MISSED"


def target_line(engine: str, api: dict[str, LoadResult], datasette: dict[str, LoadResult]) -> str:
    cold, warm, busy = api["first pass"], api["c=1"], api["c=8"]
    return (
        f"  target {engine}: cold (first visit, uncached) p50 {cold.percentile(50):.1f} ms,"
        f" p95 {cold.percentile(95):.1f} ms (< 100: {verdict(cold.percentile(95) < 100, cold)});"
        f" warm p50 {warm.percentile(50):.1f} ms, p95 {warm.percentile(95):.1f} ms (< 20: "
        f"{verdict(warm.percentile(95) < 20, warm)}); more req/s than Datasette at c=8: "
        f"{verdict(busy.rps > datasette['c=8'].rps, busy)}"
    )


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    for size in SIZES:
        bench_size(size)
    print(f"\nsearch benchmark finished in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
