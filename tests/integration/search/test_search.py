"""The search interface on whichever database the suite runs on (both engines, same tests)."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.records import record_status_change, save_record
from shopwindow.innovations.vocabularies import WorkflowStatus
from shopwindow.search.engine import Filters
from shopwindow.search.models import SearchDocument, SearchFacet
from shopwindow.search.selectors import search
from tests.factories import create_innovation, innovation_record

pytestmark = pytest.mark.django_db


def ids(query: str = "", **kwargs: Any) -> list[str]:
    return [hit.id for hit in search(query, page_size=50, **kwargs).hits]


def facet(result: Any, name: str) -> dict[str, int]:
    return {v.code: v.count for f in result.facets if f.name == name for v in f.values}


@pytest.fixture
def records() -> None:
    create_innovation(
        id="waste-wales",
        title="Joint bin collection for two Welsh councils",
        summary="Two councils share one waste collection fleet and depot.",
        lead_authorities=["W06000015"],
        themes=["shared-services", "procurement"],
        outcomes={"annual_saving_gbp": 2_500_000},
        evidence={"level": 4, "verification": "independently-evaluated"},
    )
    create_innovation(
        id="libraries-england",
        title="Libraries as community hubs",
        summary="Libraries host advice, health checks and council services under one roof.",
        lead_authorities=["E07000044"],
        themes=["community-hubs"],
        service_areas=["culture-libraries-leisure"],
        outcomes={"annual_saving_gbp": 80_000},
        evidence={"level": 2, "verification": "self-reported"},
        status="pilot",
    )
    create_innovation(
        id="trading-standards-scotland",
        title="A shared trading standards service",
        summary="Consumer protection officers from three councils work as one team.",
        lead_authorities=["S12000036"],
        themes=["shared-services"],
        service_areas=["regulatory-services"],
        evidence={"level": 3, "verification": "peer-reviewed"},
    )


def test_only_published_records_are_found(records: None) -> None:
    create_innovation(id="a-draft", title="Libraries draft idea", publish=False)
    assert "a-draft" not in ids("libraries")
    assert not SearchDocument.objects.filter(innovation__record_id="a-draft").exists()


def test_an_edit_is_findable_at_once(records: None) -> None:
    assert ids("allotments") == []
    save_record(
        innovation_record(
            id="libraries-england",
            title="Libraries and allotments as community hubs",
            summary="Libraries host advice and run allotments.",
            lead_authorities=["E07000044"],
            themes=["community-hubs"],
        ),
        publish=True,
    )
    assert ids("allotments") == ["libraries-england"]
    assert ids("health checks") == []  # the old summary is no longer indexed


def test_withdrawn_record_leaves_the_index(records: None) -> None:
    innovation = Innovation.objects.get(record_id="libraries-england")
    innovation.workflow_status = WorkflowStatus.WITHDRAWN
    innovation.save()
    record_status_change(innovation, actor=None, reason="test")
    assert "libraries-england" not in ids("libraries")
    assert not SearchFacet.objects.filter(document_id=innovation.pk).exists()


def test_deleting_a_record_deletes_its_document(records: None) -> None:
    Innovation.objects.filter(record_id="libraries-england").delete()
    assert ids("libraries") == []


def test_stemming_synonyms_phrases_exclusions_and_or(records: None) -> None:
    assert ids("library") == ["libraries-england"]  # stemming
    assert ids("consumer protection") == ["trading-standards-scotland"]
    assert "trading-standards-scotland" in ids("trading standards")
    assert ids("refuse collection") == ["waste-wales"]  # synonym of bin collection
    assert ids('"one roof"') == ["libraries-england"]
    assert ids('"roof one"') == []
    assert "waste-wales" not in ids("shared -depot")
    assert set(ids("depot OR roof")) == {"waste-wales", "libraries-england"}


def test_prefix_matches_the_last_word(records: None) -> None:
    assert ids("librar") == ["libraries-england"]
    assert ids("librar ") == []  # a finished word is not a prefix


def test_did_you_mean_comes_from_the_index_vocabulary(records: None) -> None:
    result = search("tradng standards")
    assert result.did_you_mean == "trading standards"
    assert search("trading standards").did_you_mean is None


def test_no_record_with_every_word_falls_back_to_any(records: None) -> None:
    result = search("libraries zeppelin")
    assert result.relaxed is True
    assert [h.id for h in result.hits] == ["libraries-england"]


def test_facets_and_across_or_within(records: None) -> None:
    assert set(ids(filters=Filters({"nation": ["wales", "scotland"]}))) == {
        "waste-wales",
        "trading-standards-scotland",
    }
    both = Filters({"nation": ["wales", "scotland"], "theme": ["procurement"]})
    assert ids(filters=both) == ["waste-wales"]


def test_facet_counts_exclude_their_own_filter(records: None) -> None:
    result = search("", Filters({"nation": ["wales"]}))
    # Nation is counted without its own filter: choosing Scotland too would add one.
    assert facet(result, "nation") == {"wales": 1, "england": 1, "scotland": 1}
    # Every other facet is counted within Wales.
    assert facet(result, "theme") == {"shared-services": 1, "procurement": 1}
    assert facet(result, "savings_band") == {"1m-5m": 1}
    selected = [v for f in result.facets if f.name == "nation" for v in f.values if v.selected]
    assert [v.code for v in selected] == ["wales"]


def test_every_facet_is_counted(records: None) -> None:
    result = search("")
    assert facet(result, "evidence_level") == {"2": 1, "3": 1, "4": 1}
    assert facet(result, "verification") == {
        "self-reported": 1,
        "peer-reviewed": 1,
        "independently-evaluated": 1,
    }
    assert facet(result, "status") == {"implemented": 2, "pilot": 1}
    assert facet(result, "savings_band") == {"under-100k": 1, "1m-5m": 1, "not-stated": 1}
    assert facet(result, "authority_type")["welsh-principal-area"] == 1
    assert facet(result, "region")["south-west"] == 1


def test_thresholds(records: None) -> None:
    assert set(ids(filters=Filters(evidence_min=3))) == {
        "waste-wales",
        "trading-standards-scotland",
    }
    assert ids(filters=Filters(savings_min=Decimal(100_000))) == ["waste-wales"]


def test_sorts(records: None) -> None:
    assert ids(sort="saving") == ["waste-wales", "libraries-england", "trading-standards-scotland"]
    assert ids(sort="evidence") == [
        "waste-wales",
        "trading-standards-scotland",
        "libraries-england",
    ]
    assert ids(sort="newest")[0] == "trading-standards-scotland"
    assert search("libraries").sort == "relevance"
    assert search("").sort == "newest"


def test_snippets_escape_text_but_keep_marks(records: None) -> None:
    create_innovation(
        id="html-record",
        title="Escaping test",
        summary="A summary about airships.",
        approach="Tested with <script>alert(1)</script> and zeppelins & airships.",
    )
    hit = search("zeppelins").hits[0]
    # SQLite keeps the tag as escaped text; PostgreSQL's ts_headline drops tags: neither runs.
    assert "<script>" not in hit.snippet
    assert "&amp; airships" in hit.snippet
    assert '<mark class="app-search-mark">zeppelins</mark>' in hit.snippet


def test_paging(records: None) -> None:
    first = search("", page=1, page_size=2)
    second = search("", page=2, page_size=2)
    assert (first.count, first.pages) == (3, 2)
    assert (len(first.hits), len(second.hits)) == (2, 1)
    assert search("", page=5, page_size=2).hits == []


def test_query_count_does_not_grow_with_results(
    records: None, django_assert_max_num_queries: Any
) -> None:
    for n in range(10):
        create_innovation(id=f"more-{n}", title=f"Shared waste depot {n}")
    # 15: the semantic step adds the filter check of the records found by meaning, their titles
    # and topics, and (once per index version and process) the load of the vectors.
    with django_assert_max_num_queries(15):
        result = search("waste", Filters({"nation": ["england"], "theme": ["shared-services"]}))
    assert result.count == 10


def test_rebuild_matches_incremental_index(records: None) -> None:
    before = sorted(SearchFacet.objects.values_list("document_id", "value"))
    call_command("rebuild_search_index", verbosity=0)
    assert sorted(SearchFacet.objects.values_list("document_id", "value")) == before
    assert ids("libraries") == ["libraries-england"]


def test_a_repeated_search_reuses_its_snippets_until_the_text_changes(records: None) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    snippet_sql = "ts_headline" if connection.vendor == "postgresql" else "snippet("
    first = search("consumer protection")
    with CaptureQueriesContext(connection) as repeat:
        again = search("consumer protection")
    assert [h.snippet for h in again.hits] == [h.snippet for h in first.hits]
    assert "<mark" in again.hits[0].snippet
    assert not [q for q in repeat.captured_queries if snippet_sql in q["sql"]]

    # An edit changes the index version, so the next visit cuts fresh snippets.
    save_record(
        innovation_record(
            id="trading-standards-scotland",
            title="Trading standards shared by four councils",
            summary="Consumer protection officers from four councils work as one team.",
            lead_authorities=["S12000036"],
        ),
        publish=True,
    )
    assert "four councils" in search("consumer protection").hits[0].snippet
