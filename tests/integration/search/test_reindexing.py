"""The index follows every kind of save, once per change."""

from typing import Any
from unittest import mock

import pytest

from shopwindow.innovations.models import Innovation
from shopwindow.search import indexing
from shopwindow.search.selectors import search
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db


def test_a_save_without_a_revision_is_indexed_when_it_commits(
    django_capture_on_commit_callbacks: Any,
) -> None:
    innovation = create_innovation(id="quiet-save-record", title="Shared parking enforcement")
    with django_capture_on_commit_callbacks(execute=True):
        Innovation.objects.filter(pk=innovation.pk).update(title="Shared zeppelin enforcement")
        innovation.refresh_from_db()
        innovation.save()  # e.g. the admin: no Revision follows
    assert [hit.id for hit in search("zeppelin").hits] == ["quiet-save-record"]


def test_a_save_through_the_services_is_indexed_once(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with (
        mock.patch.object(indexing, "reindex", wraps=indexing.reindex) as reindex,
        django_capture_on_commit_callbacks(execute=True),
    ):
        innovation = create_innovation(id="indexed-once-record")
    calls = [call.args[0] for call in reindex.call_args_list]
    assert calls.count([innovation.pk]) == 1
