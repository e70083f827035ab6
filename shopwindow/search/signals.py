"""Reindex a record whenever it changes.

save_record, approve_revision and record_status_change write the record and every child row
first and the Revision last, so reindexing when a Revision is saved indexes the complete record
inside the same transaction: an edit is findable as soon as it commits. Any other save of a
record (a workflow change without a revision, the admin) is reindexed when its transaction
commits, unless a Revision saved after it in the same transaction has already reindexed it
(the usual path through the services), so a normal save is indexed once, not twice.
Deleting a record deletes its document by cascade (and the triggers clean FTS5).
"""

import threading
from typing import Any

from django.db import transaction
from django.db.models.signals import post_migrate, post_save

from shopwindow.innovations.models import Innovation, Revision

# Records saved in this thread's open transaction and not yet reindexed since their last save.
_unindexed = threading.local()


def _pending() -> set[int]:
    if not hasattr(_unindexed, "ids"):
        _unindexed.ids = set()
    pending: set[int] = _unindexed.ids
    return pending


def _revision_saved(sender: Any, instance: Revision, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading a fixture or a backup: the loader rebuilds the index once, after
    from shopwindow.search.indexing import reindex

    reindex([instance.innovation_id])
    _pending().discard(instance.innovation_id)


def _reindex_if_still_pending(pk: int) -> None:
    from shopwindow.search.indexing import reindex

    pending = _pending()
    if pk in pending:
        pending.discard(pk)
        reindex([pk])


def _innovation_saved(sender: Any, instance: Innovation, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    pk = instance.pk
    _pending().add(pk)
    transaction.on_commit(lambda: _reindex_if_still_pending(pk))


def _after_migrate(sender: Any, **kwargs: Any) -> None:
    """A database that had records before search was installed gets its index built once, and
    an index built before semantic search (documents without vectors) is rebuilt once."""
    from shopwindow.search.indexing import rebuild
    from shopwindow.search.models import SearchDocument, SearchEmbedding, SearchIndexState

    documents = SearchDocument.objects.count()
    if documents and SearchEmbedding.objects.count() < documents:
        rebuild()
        return
    if SearchIndexState.objects.exists() or documents:
        return
    if Innovation.objects.exists():
        rebuild()


def connect() -> None:
    post_save.connect(_revision_saved, sender=Revision, dispatch_uid="search-revision-saved")
    post_save.connect(_innovation_saved, sender=Innovation, dispatch_uid="search-record-saved")
    post_migrate.connect(_after_migrate, dispatch_uid="search-after-migrate")
