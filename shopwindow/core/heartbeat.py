"""Worker heartbeats: each worker touches its row on every turn of its loop (at most every
BEAT_SECONDS), removes it when it stops, and `worker_status()` says whether any worker has
beaten lately. Rows of workers that died without stopping are pruned after a day."""

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from shopwindow.core.models import WorkerHeartbeat

BEAT_SECONDS = 10
PRUNE_AFTER = timedelta(days=1)


def max_age() -> timedelta:
    """How old the newest heartbeat may be before the worker counts as stopped."""
    return timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE)


class Heartbeat:
    """The heartbeat of one worker process."""

    def __init__(self, *, worker_id: str, queues: str) -> None:
        self.worker_id = worker_id
        self.queues = queues[:255]
        self.started_at = timezone.now()
        self.last_beat: datetime | None = None

    def beat(self) -> None:
        now = timezone.now()
        if self.last_beat and now - self.last_beat < timedelta(seconds=BEAT_SECONDS):
            return
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "hostname": socket.gethostname()[:255],
                "pid": os.getpid(),
                "queues": self.queues,
                "started_at": self.started_at,
                "beat_at": now,
            },
        )
        WorkerHeartbeat.objects.filter(beat_at__lt=now - PRUNE_AFTER).delete()
        self.last_beat = now

    def stop(self) -> None:
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


@dataclass(frozen=True)
class WorkerStatus:
    fresh_workers: int
    last_beat: datetime | None

    @property
    def ok(self) -> bool:
        return self.fresh_workers > 0

    def describe(self) -> str:
        if self.ok:
            return f"ok: {self.fresh_workers} worker(s) running"
        if self.last_beat is None:
            return "no worker has reported: start `manage.py worker`"
        seconds = int((timezone.now() - self.last_beat).total_seconds())
        return f"stale: the last worker heartbeat was {seconds} s ago"


def worker_status() -> WorkerStatus:
    cutoff = timezone.now() - max_age()
    newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)
    return WorkerStatus(
        fresh_workers=WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).count(),
        last_beat=newest.first(),
    )
