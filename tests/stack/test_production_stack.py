"""The production stack for real: a fresh PostgreSQL database, the release step, gunicorn with
production settings (two processes) and a background worker. Runs on the PostgreSQL pass of
`make test` only; the database is DATABASE_URL's name plus "_stack", created afresh."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from scripts.prodstack import ROOT, Stack, fresh_postgres, production_env, release, start

pytestmark = pytest.mark.stack


@dataclass
class Running:
    stack: Stack
    env: dict[str, str]
    database_url: str


def stack_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("the production stack runs on PostgreSQL (the PostgreSQL pass of make test)")
    name = urlparse(url).path.lstrip("/")
    return url[: url.rindex("/")] + f"/{name}_stack"


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    database_url = stack_database_url()
    work = tmp_path_factory.mktemp("stack")
    env = production_env(database_url, work / "static")
    fresh_postgres(database_url)
    # Before the release step has collected static files, a web process refuses to boot.
    boot = subprocess.run(
        [sys.executable, "-c", "import shopwindow.wsgi"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert boot.returncode != 0
    assert "Static files have not been collected" in boot.stderr
    release(env)
    stack = start(env, log_dir=work / "logs", web=2, workers=1)
    yield Running(stack, env, database_url)
    stack.stop()


def get(running: Running, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(running.stack.url(path), headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/innovations/",
        "/innovations/?q=waste",
        "/councils/",
        "/report/",
        "/api/v1/innovations",
    ],
)
def test_pages_answer(running: Running, path: str) -> None:
    status, headers, _ = get(running, path)
    assert status == 200
    assert headers["X-Request-ID"]


def test_static_files_are_served_with_hashed_names(running: Running) -> None:
    _, _, page = get(running, "/")
    stylesheet = re.search(rb'href="(/static/brand/shopwindow\.min\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the home page links the hashed stylesheet"
    status, headers, body = get(running, stylesheet.group(1).decode())
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert len(body) > 10_000


def test_readyz_is_ready_once_the_worker_beats(running: Running) -> None:
    deadline = time.monotonic() + 20
    status, body = 0, b""
    while time.monotonic() < deadline:
        status, _, body = get(running, "/readyz")
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200, body
    checks = json.loads(body)["checks"]
    assert checks["database"] == checks["migrations"] == "ok"
    assert checks["worker"].startswith("ok: 1 worker(s)")


def test_a_queued_task_is_run_by_the_worker(running: Running) -> None:
    import psycopg

    enqueue = (
        "from shopwindow.reports.tasks import build_report_pdf; "
        "print(build_report_pdf.enqueue({}).id)"
    )
    task_id = (
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", enqueue],
            env=running.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.splitlines()[-1]
        .strip()
    )
    deadline = time.monotonic() + 45
    status: Any = None
    with psycopg.connect(running.database_url, autocommit=True) as connection:
        while time.monotonic() < deadline:
            row = connection.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s", [task_id]
            ).fetchone()
            status = row[0] if row else None
            if status in ("SUCCESSFUL", "FAILED"):
                break
            time.sleep(0.5)
    assert status == "SUCCESSFUL"


def test_logs_are_json_lines_with_the_request_id(running: Running) -> None:
    get(running, "/councils/", **{"X-Request-ID": "stack-test-0001"})
    time.sleep(0.5)
    log = Path(running.stack.log_dir / "web.log").read_text(encoding="utf-8")
    entries = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    ours = [entry for entry in entries if entry.get("request_id") == "stack-test-0001"]
    assert ours
    assert ours[0]["path"] == "/councils/"
    assert ours[0]["status"] == 200
