"""The background worker for production: django-tasks' database worker, plus a heartbeat.

`manage.py worker` takes db_worker's options (queues, interval, backend, worker id, --batch,
--max-tasks) and runs the same claim-and-run code, one task per turn, touching this worker's
heartbeat row between turns so that `/readyz` can tell a running worker from a stopped one.
It never reloads on code changes (`db_worker --reload` is for development).
"""

import logging
import random
import time
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from shopwindow.core.heartbeat import Heartbeat

logger = logging.getLogger("shopwindow.worker")


class Command(DbWorkerCommand):
    help = "Run the background worker (django-tasks' database worker) with a heartbeat."

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        if verbosity <= 1:
            # db_worker's own loop logs "starting" and "no more tasks" at INFO on every turn.
            logging.getLogger("django_tasks_db").setLevel(logging.WARNING)
        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=True,  # one turn: claim and run at most one task (max_tasks=1), then return
            backend_name=backend_name,
            startup_delay=False,
            max_tasks=1,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        heartbeat = Heartbeat(worker_id=worker_id, queues=queue_name)
        logger.info("Worker %s started on queues %s", worker_id, queue_name)
        if startup_delay and interval:
            time.sleep(random.random())  # noqa: S311 - spread workers started together
        tasks_run = 0
        try:
            while worker.running:
                heartbeat.beat()
                worker._run_tasks = 0  # the library counts towards max_tasks across turns
                worker.run()
                tasks_run += worker._run_tasks
                if max_tasks is not None and tasks_run >= max_tasks:
                    break
                if worker._run_tasks == 0:
                    if batch:
                        break
                    time.sleep(interval)
        finally:
            worker.reset_signals()
            heartbeat.stop()
            logger.info("Worker %s stopped after %d task(s)", worker_id, tasks_run)
