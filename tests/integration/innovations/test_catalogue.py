"""The real catalogue: it validates, meets the coverage minimums with every figure sourced, loads
idempotently, round-trips in every format, and the illustrative records stay out of the way."""

import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from shopwindow.innovations.coverage import (
    MINIMUM_AUDITED_OR_EVALUATED,
    MINIMUM_ENDED_OR_FELL_SHORT,
    MINIMUM_PER_DEVOLVED_NATION,
    MINIMUM_RECORDS,
    catalogue_coverage,
)
from shopwindow.innovations.models import Innovation, Revision
from shopwindow.innovations.selectors import all_innovations
from shopwindow.innovations.services.catalogue import (
    CatalogueError,
    CatalogueLoad,
    check_catalogue,
    load_catalogue,
)
from shopwindow.innovations.services.exports import FORMATS, export_records
from shopwindow.innovations.services.imports import run_import
from shopwindow.innovations.services.validation import RecordValidationError
from shopwindow.innovations.vocabularies import FUNCTION_CODES, THEME_CODES
from tests.factories import innovation_record

pytestmark = pytest.mark.django_db

CATALOGUE_DIR = Path(settings.CATALOGUE_DIR)
FOUNDING = [
    "northern-ireland-local-government-reform-2015",
    "greater-manchester-combined-authority",
    "south-hams-west-devon-shared-workforce-t18",
    "surrey-bucks-joint-trading-standards",
    "great-western-cities",
    "essex-county-model-shared-services-devolution",
]


def test_catalogue_files_have_no_problems() -> None:
    assert check_catalogue(CATALOGUE_DIR) == []


def test_coverage_minimums_are_met(catalogue: CatalogueLoad) -> None:
    coverage = catalogue_coverage()
    assert coverage.records >= MINIMUM_RECORDS
    assert coverage.records == Innovation.objects.filter(is_illustrative=False).count()
    assert coverage.unsourced == []
    for nation in ("wales", "scotland", "northern-ireland"):
        assert coverage.by_nation[nation] >= MINIMUM_PER_DEVOLVED_NATION, nation
    assert all(coverage.by_theme[code] >= 3 for code in THEME_CODES)
    assert coverage.audited_or_evaluated >= MINIMUM_AUDITED_OR_EVALUATED
    assert coverage.ended_or_fell_short >= MINIMUM_ENDED_OR_FELL_SHORT
    assert coverage.unmet_minimums() == []
    # Every record says which council functions it changes.
    assert all(
        record.functions and set(record.functions) <= set(FUNCTION_CODES)
        for record in Innovation.objects.filter(is_illustrative=False)
    )


def test_catalogue_report_prints_the_coverage(catalogue: CatalogueLoad) -> None:
    out = io.StringIO()
    call_command("catalogue_report", "--strict", stdout=out)
    text = out.getvalue()
    coverage = catalogue_coverage()
    assert f"Published real records: {coverage.records}" in text
    assert "Figures without a supporting source: 0" in text
    assert "Coverage minimums: all met" in text
    for heading in ("Nation", "Theme", "Function", "Kind of saving figure", "Sources by kind"):
        assert heading in text


def test_reloading_changes_nothing(catalogue: CatalogueLoad) -> None:
    assert len(catalogue.created) >= MINIMUM_RECORDS
    before = (
        Innovation.objects.count(),
        Revision.objects.count(),
        sorted(Innovation.objects.values_list("record_id", "last_checked_at", "updated_at")),
    )
    out = io.StringIO()
    call_command("load_catalogue", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    after = (
        Innovation.objects.count(),
        Revision.objects.count(),
        sorted(Innovation.objects.values_list("record_id", "last_checked_at", "updated_at")),
    )
    assert after == before


def test_founding_reforms_are_real_sourced_records(catalogue: CatalogueLoad) -> None:
    for record_id in FOUNDING:
        innovation = Innovation.objects.get(record_id=record_id)
        assert innovation.is_published, record_id
        assert not innovation.is_illustrative, record_id
        assert innovation.sources.exists(), record_id
        assert innovation.last_checked_at is not None
    trading = Innovation.objects.get(record_id="surrey-bucks-joint-trading-standards")
    assert [a.gss for a in trading.ordered_leads] == ["E10000030"]
    assert str(trading.started_on) == "2015-04-01"
    ni = Innovation.objects.get(record_id="northern-ireland-local-government-reform-2015")
    assert ni.lead_links.count() == 11


def test_whole_catalogue_round_trips_byte_identical(catalogue: CatalogueLoad) -> None:
    """Export in every format, empty the database, import the JSON export, export again: the
    same bytes in every format; importing the JSON or JSON Lines export again changes nothing."""
    first = {f: export_records(all_innovations(published_only=True), f) for f in FORMATS}
    Revision.objects.all().delete()
    Innovation.objects.all().delete()
    run_import(first["json"], publish=True)
    for fmt in FORMATS:
        assert export_records(all_innovations(published_only=True), fmt) == first[fmt], fmt
    ids = [i.record_id for i in all_innovations(published_only=True)]
    for fmt in ("json", "jsonl"):
        assert run_import(first[fmt], publish=True).unchanged == ids


def test_a_real_record_with_an_unsourced_saving_is_refused(tmp_path: Path) -> None:
    record = innovation_record(
        id="unsourced-saving",
        outcomes={"annual_saving_gbp": 250000},
        evidence={
            "level": 1,
            "verification": "self-reported",
            "sources": [{"title": "A report", "url": "https://example.org/r", "supports": []}],
        },
    )
    document = {"schema": "shopwindow/innovation-record/1.1", "records": [record]}
    with pytest.raises(RecordValidationError) as raised:
        run_import(json.dumps(document).encode(), publish=True)
    assert raised.value.messages == [
        "record 1 (unsourced-saving): outcomes.annual_saving_gbp: no source supports this figure"
    ]
    assert not Innovation.objects.filter(record_id="unsourced-saving").exists()
    # The same record tagged illustrative is a made-up example, and may carry a made-up figure.
    record["tags"] = ["illustrative"]
    run_import(json.dumps(document).encode(), publish=True)
    assert Innovation.objects.filter(record_id="unsourced-saving").exists()


def test_a_catalogue_with_a_bad_file_loads_nothing(tmp_path: Path) -> None:
    good = innovation_record(id="good-catalogue-record")
    bad = innovation_record(id="good-catalogue-record", tags=["illustrative"])
    schema = "shopwindow/innovation-record/1.1"
    (tmp_path / "a.json").write_text(json.dumps({"schema": schema, "records": [good]}))
    (tmp_path / "b.json").write_text(json.dumps({"schema": schema, "records": [bad]}))
    (tmp_path / "c.json").write_text(
        json.dumps({"schema": "shopwindow/innovation-record/1", "records": []})
    )
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(directory=tmp_path)
    assert raised.value.problems == [
        "b.json: record 1 (good-catalogue-record): tags: the catalogue holds real records only",
        "b.json: record 1 (good-catalogue-record): id: also in a.json",
        "c.json: file: schema: must be 'shopwindow/innovation-record/1.1'",
    ]
    assert not Innovation.objects.filter(record_id="good-catalogue-record").exists()


def test_illustrative_records_appear_only_when_asked_for(
    catalogue: CatalogueLoad, client: Client
) -> None:
    call_command("load_demo", verbosity=0)
    real = Innovation.objects.filter(is_illustrative=False).count()
    everything = Innovation.objects.count()
    assert everything > real
    # Search, page and API.
    assert client.get("/api/v1/innovations").json()["count"] == real
    body = client.get("/api/v1/innovations?include_illustrative=true").json()
    assert body["count"] == everything
    page = client.get("/innovations/").content.decode()
    assert "Illustrative example" not in page.split('id="result-count"')[1]
    page = client.get("/innovations/?include_illustrative=true&sort=newest").content.decode()
    assert "Illustrative example</strong>" in page
    # Recommendations for a council, page and API.
    recommended = client.get("/api/v1/authorities/E07000044/recommendations?page_size=100").json()
    assert recommended["results"]
    assert not any(r["is_illustrative"] for r in recommended["results"])
    url = "/api/v1/authorities/E07000044/recommendations?page_size=100&include_illustrative=true"
    assert any(r["is_illustrative"] for r in client.get(url).json()["results"])
    # The national figures.


def test_search_results_show_the_kind_of_saving(catalogue: CatalogueLoad, client: Client) -> None:
    trading = Innovation.objects.get(record_id="surrey-bucks-joint-trading-standards")
    assert trading.saving_kind
    body = client.get("/api/v1/innovations?q=trading+standards").json()
    hit = next(r for r in body["results"] if r["id"] == trading.record_id)
    assert hit["saving_kind"] == trading.saving_kind
    page = client.get("/innovations/?q=trading+standards").content.decode()
    assert "forecast)" in page or "reported by the council)" in page


def test_about_catalogue_page_shows_the_same_coverage(
    catalogue: CatalogueLoad, client: Client
) -> None:
    response = client.get("/about/catalogue/")
    assert response.status_code == 200
    text = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    coverage = catalogue_coverage()
    assert f"{coverage.records} published records" in text
    assert "Figures without a source: 0" in text
    assert f"Wales {coverage.by_nation['wales']}" in text
    assert "How records are found" in text
    assert "Report a problem with this record" in text


def test_record_page_shows_sources_and_provenance(catalogue: CatalogueLoad, client: Client) -> None:
    trading = Innovation.objects.get(record_id="surrey-bucks-joint-trading-standards")
    page = client.get(trading.get_absolute_url()).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Sources" in text
    assert 'id="source-1"' in page
    assert "Source:" in text
    assert "Report a problem with this record" in text
    assert "Last checked against its sources" in text
