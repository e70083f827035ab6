"""Load run: the production stack under a steady mixed load, for capacity planning.

Starts the stack (scripts/prodstack.py: a fresh PostgreSQL database, the release step, gunicorn
with production settings and LOAD_WEB processes, one background worker), loads the reference
data and the real catalogue, then drives LOAD_CLIENTS clients for LOAD_SECONDS over a mix of
pages and API calls (home, search with and without words, record pages, council pages, the
report, the API's lists and records). Prints requests per second, p50/p95/p99 latency and the
error count (anything but a 200 is an error; 0 expected). Logs go to var/bench/load/logs/.

Environment: LOAD_PG_URL (default postgres://postgres@127.0.0.1:5432/bench_load, dropped and
created), LOAD_CLIENTS (8), LOAD_SECONDS (60), LOAD_WEB (2 gunicorn processes).
The numbers depend on the machine and on what else runs on it: report them with both.
"""

import os
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from http_load import LoadResult, drive

from scripts.prodstack import ROOT, fresh_postgres, production_env, release, start

PG_URL = os.environ.get("LOAD_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_load")
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "8"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
WEB = int(os.environ.get("LOAD_WEB", "2"))
WORDS = ["waste", "shared service", "libraries", "adult social care", "procurement", "energy"]


def identifiers(url: str) -> tuple[list[str], list[str]]:
    import psycopg

    with psycopg.connect(url) as connection:
        records = connection.execute(
            "SELECT record_id FROM innovations_innovation "
            "WHERE workflow_status = 'published' ORDER BY record_id"
        ).fetchall()
        councils = connection.execute(
            "SELECT gss FROM authorities_authority WHERE gss <> '' ORDER BY gss"
        ).fetchall()
    return [r[0] for r in records], [c[0] for c in councils]


def mix(records: list[str], councils: list[str]) -> list[str]:
    """A shuffled list of requests in fixed proportions: about a third API, two thirds pages."""
    rng = random.Random(14)
    paths: list[str] = []
    for n in range(60):
        record = rng.choice(records)
        word = quote(rng.choice(WORDS))
        paths += [
            f"/innovations/{record}/",
            f"/api/v1/innovations/{record}",
            f"/innovations/?q={word}",
            f"/councils/{rng.choice(councils)}/",
        ]
        if n % 3 == 0:
            paths += ["/", "/innovations/", "/api/v1/innovations", f"/api/v1/innovations?q={word}"]
        if n % 6 == 0:
            paths += ["/report/", "/councils/", "/api/v1/authorities", "/associates/"]
    rng.shuffle(paths)
    return paths


def cpu_seconds(master: int) -> float:
    """User + system CPU time of the gunicorn processes under `master` (Linux /proc): with it,
    capacity per core does not depend on what else the machine was doing."""
    ticks = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0.0
    for pid in [master, *map(int, children)]:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def line(label: str, result: LoadResult) -> str:
    return (
        f"  {label:<10} {result.requests:>7} {result.errors:>6} {result.rps:>8.1f} "
        f"{result.percentile(50):>8.1f} {result.percentile(95):>8.1f} "
        f"{result.percentile(99):>8.1f}"
    )


def main() -> None:
    work = ROOT / "var" / "bench" / "load"
    # Eight clients on one address stand for many officers on many: under the API's limit of 120
    # a minute per address the run would measure 429s. bench/ratelimit.py measures the limiter.
    env = production_env(PG_URL, work / "static", RATE_LIMIT_API_PER_ADDRESS_PER_MINUTE="100000000")
    started = time.monotonic()
    fresh_postgres(PG_URL)
    release(env)
    for command in ("load_reference", "load_catalogue", "build_comparators"):
        subprocess.run(
            [sys.executable, "manage.py", command],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    records, councils = identifiers(PG_URL)
    paths = mix(records, councils)
    print(
        f"Prepared in {time.monotonic() - started:.0f} s: {len(records)} records, "
        f"{len(paths)} distinct requests; {WEB} gunicorn processes, {CLIENTS} clients, "
        f"{SECONDS:.0f} s; {os.cpu_count()} CPU cores, load average "
        f"{os.getloadavg()[0]:.1f} before the run"
    )
    stack = start(env, log_dir=work / "logs", web=WEB, workers=1)
    try:
        port = stack.port
        warm = drive(port, paths, concurrency=2, max_requests=len(paths), max_seconds=300)
        if warm.errors:
            raise SystemExit(f"{warm.errors} requests failed in the warm-up pass: see {work}")
        master = stack.processes[0].pid
        cpu_before = cpu_seconds(master)
        overall = drive(port, paths, concurrency=CLIENTS, max_requests=10**9, max_seconds=SECONDS)
        cpu = cpu_seconds(master) - cpu_before
    finally:
        stack.stop()
    print(
        f"  {'':<10} {'requests':>7} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p99 ms':>8}"
    )
    print(line("all", overall))
    print(f"Load average after the run: {os.getloadavg()[0]:.1f}")
    print(
        f"gunicorn CPU: {cpu:.1f} s for {overall.requests} requests = "
        f"{cpu / max(overall.requests, 1) * 1000:.0f} ms per request, "
        f"{overall.requests / cpu if cpu else 0:.1f} requests per CPU-second (one core, "
        "excluding PostgreSQL)"
    )
    if overall.errors:
        raise SystemExit(f"{overall.errors} errors under load")


if __name__ == "__main__":
    main()
