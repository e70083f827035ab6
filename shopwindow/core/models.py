"""Operational state shared by every process: the background workers' heartbeats."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running worker (`manage.py worker`), touched on every turn of its loop:
    `/readyz` reports the service not ready when no worker has touched its row lately."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    queues = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-beat_at"]

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.hostname} (pid {self.pid})"
