"""Readiness: is the database reachable, is its schema up to date, is a worker running?

Each check returns (ok, detail). `/readyz` runs them all and names the ones that failed.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from shopwindow.core.heartbeat import worker_status

# Once this process has seen every migration applied it stays so (a release migrates first).
_migrations_applied = False


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return False, f"unreachable: {error.__class__.__name__}"
    return True, "ok"


def check_migrations() -> tuple[bool, str]:
    global _migrations_applied
    if _migrations_applied:
        return True, "ok"
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return False, f"unknown: {error.__class__.__name__}"
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5])
        return False, f"{len(plan)} not applied ({names}): run `manage.py migrate`"
    _migrations_applied = True
    return True, "ok"


def check_worker() -> tuple[bool, str]:
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return True, "ok: tasks run in the web process"
    try:
        status = worker_status()
    except DatabaseError as error:
        return False, f"unknown: {error.__class__.__name__}"
    return status.ok, status.describe()


def readiness() -> tuple[bool, dict[str, str]]:
    """Whether the service is ready, and each check's detail (the later checks need the
    database, so they are skipped when it is unreachable)."""
    database_ok, database_detail = check_database()
    if not database_ok:
        skipped = "skipped: database unreachable"
        return False, {"database": database_detail, "migrations": skipped, "worker": skipped}
    migrations_ok, migrations_detail = check_migrations()
    worker_ok, worker_detail = check_worker()
    details = {
        "database": database_detail,
        "migrations": migrations_detail,
        "worker": worker_detail,
    }
    return migrations_ok and worker_ok, details
