"""Semantic retrieval: vectors kept current with the records, the per-process matrix following
the index version, "why this result" hints, and no network at run time."""

import socket
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from django.db import connection
from django.utils.html import escape

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.catalogue import CatalogueLoad
from shopwindow.search import semantic
from shopwindow.search.indexing import reindex
from shopwindow.search.models import SearchDocument, SearchEmbedding
from shopwindow.search.selectors import index_version, search

pytestmark = pytest.mark.django_db

LOCAL = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every connection except to the local database fails (and is recorded); the model and
    the matrix are dropped so that the search loads them again under the block."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX or (isinstance(address, tuple) and address[0] in LOCAL):
            return real_connect(self, address)
        attempts.append(address)
        raise OSError(f"network blocked in this test: {address}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in LOCAL or host is None:
            return real_getaddrinfo(host, *args, **kwargs)
        attempts.append(host)
        raise OSError(f"name lookup blocked in this test: {host}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(semantic, "_matrix", None)
    semantic.model.cache_clear()
    yield attempts
    semantic.model.cache_clear()


def test_search_by_meaning_runs_with_the_network_blocked(
    catalogue: CatalogueLoad, no_network: list[Any]
) -> None:
    connection.ensure_connection()
    result = search("how do we stop teenagers going into care")
    assert "north-yorkshire-no-wrong-door" in [hit.id for hit in result.hits[:5]]
    assert semantic.model.cache_info().currsize == 1  # the model was loaded under the block
    assert no_network == []


def test_every_published_record_has_a_vector_and_topics(catalogue: CatalogueLoad) -> None:
    assert SearchEmbedding.objects.count() == SearchDocument.objects.count() == 209
    row = SearchEmbedding.objects.get(document__record_id="lifelong-links-children-in-care")
    assert len(bytes(row.codes)) == semantic.DIMENSIONS
    assert "children in care" in row.topics


def test_a_saved_record_gets_a_new_vector_and_the_matrix_follows(
    catalogue: CatalogueLoad,
) -> None:
    record = Innovation.objects.get(record_id="hampshire-care-technology-partnership")
    before = bytes(SearchEmbedding.objects.get(pk=record.pk).codes)
    old_version = index_version()
    record.title = "Fire station rota planning with shared crews"
    record.summary = "Fire and rescue crews share stations and rotas across two services."
    record.save()
    reindex([record.pk])
    assert bytes(SearchEmbedding.objects.get(pk=record.pk).codes) != before
    assert index_version() != old_version
    table = semantic.matrix(index_version())
    assert table.version == index_version()
    row = int(np.nonzero(table.ids == record.pk)[0][0])
    assert table.codes[row].tobytes() == bytes(SearchEmbedding.objects.get(pk=record.pk).codes)


def test_an_unpublished_record_loses_its_vector(catalogue: CatalogueLoad) -> None:
    record = Innovation.objects.get(record_id="pause-repeat-removals-hackney")
    Innovation.objects.filter(pk=record.pk).update(workflow_status="draft")
    reindex([record.pk])
    assert not SearchEmbedding.objects.filter(pk=record.pk).exists()


def test_records_found_by_meaning_alone_say_why(catalogue: CatalogueLoad) -> None:
    # No record uses the word "kids": every result is found by meaning, and says why.
    result = search("kids", page_size=10)
    assert result.hits
    assert "hertfordshire-family-safeguarding" in [hit.id for hit in result.hits]
    for hit in result.hits:
        assert hit.about
        assert f"About: {escape(hit.about)}</span>" in str(hit.snippet)
    assert "children" in (result.hits[0].about or "")


def test_quoted_phrases_search_by_the_words_alone(catalogue: CatalogueLoad) -> None:
    result = search('"family group conferences"')
    assert result.hits
    assert all(hit.about is None for hit in result.hits)
    words = search("family group conferences")
    assert words.count >= result.count


def test_filters_apply_to_records_found_by_meaning(catalogue: CatalogueLoad) -> None:
    from shopwindow.search.engine import Filters

    result = search(
        "how do we stop teenagers going into care",
        Filters(selected={"nation": ["scotland"]}),
        page_size=50,
    )
    scottish = set(
        SearchDocument.objects.filter(facets__value__in=[_nation_value("scotland")]).values_list(
            "record_id", flat=True
        )
    )
    assert result.hits
    assert {hit.id for hit in result.hits} <= scottish
    assert result.count == len(result.hits)


def _nation_value(code: str) -> int:
    from shopwindow.search.facets import facet_value

    value = facet_value("nation", code)
    assert value is not None
    return value
