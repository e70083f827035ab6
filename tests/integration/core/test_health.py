"""/healthz, /readyz and the worker's heartbeat."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from shopwindow.core.models import WorkerHeartbeat
from tests.tasks import add

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_healthz_answers_without_the_database(client: Client) -> None:
    # No `db` fixture: any database query here would fail the test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_when_tasks_run_in_process(db: Any, client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["failed"] == []
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["migrations"] == "ok"


@override_settings(TASKS=DB_TASKS)
def test_readyz_without_any_worker_is_not_ready(db: Any, client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["worker"]
    assert "no worker has reported" in response.json()["checks"]["worker"]


@override_settings(TASKS=DB_TASKS)
def test_readyz_reports_a_stale_worker_as_not_ready(db: Any, client: Client) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w1",
        hostname="h",
        pid=1,
        queues="*",
        started_at=now - timedelta(hours=1),
        beat_at=now - timedelta(minutes=10),
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not ready"
    assert body["failed"] == ["worker"]
    assert body["checks"]["worker"].startswith("stale: the last worker heartbeat was 600 s ago")

    WorkerHeartbeat.objects.filter(worker_id="w1").update(beat_at=timezone.now())
    assert client.get("/readyz").status_code == 200


@override_settings(TASKS=DB_TASKS)
def test_the_worker_runs_queued_tasks_and_beats(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    beats: list[str] = []
    original = WorkerHeartbeat.objects.update_or_create

    def spy(**kwargs: Any) -> Any:
        beats.append(kwargs["worker_id"])
        return original(**kwargs)

    monkeypatch.setattr(WorkerHeartbeat.objects, "update_or_create", spy)
    # The worker closes connections between tasks, as a request does; on PostgreSQL that would
    # close the test's own transaction (the stack test runs the real thing).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    results = [add.enqueue(2, 3), add.enqueue(4, 5)]
    call_command("worker", batch=True, worker_id="test-worker", verbosity=0)
    assert [DBTaskResult.objects.get(id=r.id).return_value for r in results] == [5, 9]
    assert beats
    assert set(beats) == {"test-worker"}
    # A worker that stops removes its heartbeat.
    assert not WorkerHeartbeat.objects.filter(worker_id="test-worker").exists()


def test_every_response_carries_a_request_id(client: Client) -> None:
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    # An id that is not plain text is replaced rather than echoed into logs and headers.
    assert client.get("/healthz", HTTP_X_REQUEST_ID="x\ny")["X-Request-ID"] != "x\ny"


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one(settings: Any) -> None:
    from django.http import HttpRequest

    from shopwindow.core.middleware import TrustedProxyMiddleware

    seen: list[str] = []

    def view(request: HttpRequest) -> Any:
        seen.append(request.META["REMOTE_ADDR"])
        return None

    middleware = TrustedProxyMiddleware(view)
    request = HttpRequest()
    request.META = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"}
    middleware(request)
    settings.TRUST_PROXY = True
    middleware(request)
    assert seen == ["10.0.0.2", "203.0.113.9"]
