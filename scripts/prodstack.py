"""Run Shopwindow's production stack on this machine: PostgreSQL, the release step, gunicorn
with production settings and background workers. Used by the stack test
(tests/stack/test_production_stack.py) and the load run (bench/load.py); by hand:

    python scripts/prodstack.py postgres://postgres@127.0.0.1:5432/shopwindow_stack

creates that database afresh, runs the release step and serves on a free port until Ctrl+C.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# The release step (docs/deploy.md): run once per deploy, before the new processes start.
RELEASE = (
    ["manage.py", "migrate", "--no-input", "-v", "0"],
    ["manage.py", "collectstatic", "--no-input", "-v", "0"],
    ["manage.py", "createcachetable"],
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fresh_postgres(url: str) -> None:
    """Drop and create the database `url` names (it must be a throwaway one)."""
    import psycopg

    name = urlparse(url).path.lstrip("/")
    admin = url.replace(f"/{name}", "/postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def production_env(database_url: str, static_root: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="shopwindow.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="600",
        STATIC_ROOT=str(static_root),
        # Plain HTTP on the loopback: no proxy in front to terminate TLS.
        SECURE_SSL_REDIRECT="false",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def release(env: dict[str, str]) -> None:
    """The release step. collectstatic needs no database, so it runs beside the others."""
    collect, *database_steps = (
        [sys.executable, *command]
        for command in sorted(RELEASE, key=lambda c: "static" not in c[1])
    )
    collecting = subprocess.Popen(collect, env=env, cwd=ROOT)
    try:
        for command in database_steps:
            subprocess.run(command, env=env, cwd=ROOT, check=True)
    finally:
        if collecting.wait() != 0:
            raise subprocess.CalledProcessError(collecting.returncode, collect)


@dataclass
class Stack:
    port: int
    log_dir: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def launch(self, name: str, command: list[str], env: dict[str, str]) -> None:
        log = (self.log_dir / f"{name}.log").open("ab")
        self.processes.append(
            subprocess.Popen(
                command, env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True
            )
        )

    def wait_until_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{process.args!r} exited; see the logs in {self.log_dir}")
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=5):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Nothing answered on port {self.port} within {seconds} s")

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def start(env: dict[str, str], *, log_dir: Path, web: int = 2, workers: int = 1) -> Stack:
    """gunicorn with `web` processes and `workers` background workers; waits for /healthz."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stack = Stack(port=free_port(), log_dir=log_dir)
    gunicorn = [str(BIN / "gunicorn"), "shopwindow.wsgi", "--workers", str(web)]
    stack.launch("web", [*gunicorn, "--bind", f"127.0.0.1:{stack.port}"], env)
    for n in range(workers):
        worker = [sys.executable, "manage.py", "worker", "--queue-name", "*"]
        stack.launch(f"worker-{n + 1}", [*worker, "--interval", "0.5"], env)
    try:
        stack.wait_until_up()
    except RuntimeError:
        stack.stop()
        raise
    return stack


def main() -> None:
    url = sys.argv[1]
    work = ROOT / "var" / "prodstack"
    env = production_env(url, work / "static")
    fresh_postgres(url)
    release(env)
    stack = start(env, log_dir=work / "logs")
    print(f"Serving on {stack.url('/')} (logs in {stack.log_dir}); Ctrl+C stops it.")
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        stack.stop()


if __name__ == "__main__":
    main()
