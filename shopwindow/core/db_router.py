"""Read replica routing (on when DATABASE_REPLICA_URL is set; see docs/deploy.md).

Reads of the public catalogue (records, search, councils, tailoring, the national report) go to
the `replica` database; everything else goes to `default`, the primary:
- every write;
- every read inside a transaction on the primary (a service reading what it is about to change,
  or what it has just written, must see the primary's data);
- every read of accounts, sessions, permissions, tasks, worker heartbeats, moderation and
  associates: these are read straight after they are written (sign-in, a queued task), where a
  replica's lag would show a visitor stale state.
Migrations run on the primary only; the replica copies them.
"""

from typing import Any

from django.db import connections
from django.db.models import Model

REPLICA = "replica"
PRIMARY = "default"
# Apps whose data is public, read-mostly and tolerant of a replica's few seconds of lag.
REPLICA_APPS = frozenset({"innovations", "search", "authorities", "tailoring", "reports"})


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return str(instance._state.db)  # follow the object a relation was read from
        if model._meta.app_label not in REPLICA_APPS:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True  # both databases hold the same data

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY
