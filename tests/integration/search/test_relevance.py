"""Relevance over the demo content and the real catalogue: each query lists the records that must
be in its top 5.

The judgments come from reading the demo records (searched with the illustrative ones included)
and the founding reforms, which are now real catalogue records. The test prints MRR (reciprocal
rank of the first expected record) and recall@5 for the engine of the database it runs on, and
fails if recall@5 falls below 0.9. Typo queries are followed through "Did you mean", as a person
would.
"""

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from shopwindow.innovations.services.catalogue import CatalogueLoad
from shopwindow.search.engine import Filters
from shopwindow.search.selectors import search

pytestmark = pytest.mark.django_db

SURREY = "surrey-bucks-joint-trading-standards"
LATC = "latc-adult-social-care-support"

# (kind, query, filters, expected record ids)
JUDGMENTS: list[tuple[str, str, dict[str, list[str]], list[str]]] = [
    ("natural", "joint consumer protection service", {}, [SURREY]),
    ("natural", "LATC for adult care", {}, [LATC]),
    ("natural", "libraries as hubs", {}, ["libraries-as-community-hubs"]),
    (
        "natural",
        "Northern Ireland councils merge",
        {},
        ["northern-ireland-local-government-reform-2015"],
    ),
    (
        "natural",
        "combined authority devolution deal",
        {},
        ["greater-manchester-combined-authority"],
    ),
    ("natural", "edge of care teenagers", {}, ["multi-systemic-therapy-edge-of-care"]),
    ("natural", "care workers apprenticeships", {}, ["care-apprenticeship-academy"]),
    ("natural", "fire safety visits", {}, ["fire-safe-and-well-visits"]),
    ("natural", "data sharing homelessness", {}, ["london-housing-needs-data-hub"]),
    ("natural", "Bristol Cardiff Newport", {}, ["great-western-cities"]),
    (
        "natural",
        "one shared workforce for two districts",
        {},
        ["south-hams-west-devon-shared-workforce-t18"],
    ),
    ("synonym", "consumer protection", {}, [SURREY]),
    ("synonym", "Teckal company", {}, [LATC]),
    ("synonym", "third sector", {}, ["vcs-commissioning-early-help"]),
    ("synonym", "online services", {}, ["channel-shift-digital-access"]),
    ("synonym", "merger", {}, ["unitarisation-county-and-districts"]),
    ("synonym", "ASC", {}, [LATC, "reablement-after-hospital"]),
    (
        "synonym",
        "bin collection",
        {},
        ["joint-waste-collection-service", "online-bin-and-bulky-waste-booking"],
    ),
    ("synonym", "potholes", {}, ["joint-highways-maintenance-contract"]),
    ("synonym", "telecare", {}, ["assistive-technology-care-packages"]),
    ("synonym", "SEND", {}, ["travel-training-school-transport"]),
    ("synonym", "shared chief executive", {}, ["shared-chief-executive-two-councils"]),
    (
        "synonym",
        "temporary accommodation",
        {},
        ["london-housing-needs-data-hub", "homelessness-prevention-landlord-incentives"],
    ),
    ("stemming", "procuring fleet vehicles", {}, ["joint-fleet-procurement-ni"]),
    ("stemming", "franchised buses", {}, ["combined-authority-bus-franchising"]),
    ("stemming", "discharging patients from hospitals", {}, ["integrated-hospital-discharge-team"]),
    (
        "prefix",
        "unitar",
        {},
        ["unitarisation-county-and-districts", "unitarisation-shared-back-office"],
    ),
    ("prefix", "reablem", {}, ["reablement-after-hospital"]),
    ("syntax", '"social value"', {}, ["city-social-value-procurement"]),
    ("syntax", "shared legal -planning", {}, ["tri-borough-shared-legal-service"]),
    ("syntax", "catering OR meals", {}, ["joint-school-catering-procurement"]),
    ("typo", "tradng standards", {}, [SURREY]),
    ("typo", "reablment", {}, ["reablement-after-hospital"]),
    ("typo", "libaries", {}, ["libraries-as-community-hubs"]),
    ("typo", "apprenticeship acadmey", {}, ["care-apprenticeship-academy"]),
    (
        "filter",
        "shared services",
        {"nation": ["wales"]},
        ["regional-school-improvement-consortium", "joint-school-catering-procurement"],
    ),
    ("filter", "", {"theme": ["trading-company"], "service_area": ["adult-social-care"]}, [LATC]),
    ("filter", "procurement", {"nation": ["northern-ireland"]}, ["joint-fleet-procurement-ni"]),
    (
        "filter",
        "shared",
        {"authority_type": ["county"], "service_area": ["regulatory-services"]},
        [SURREY],
    ),
    ("filter", "roads", {"nation": ["scotland"]}, ["roads-alliance-three-councils"]),
]


def _top5(query: str, selected: dict[str, list[str]]) -> tuple[list[str], str | None]:
    filters = Filters(selected=dict(selected), include_illustrative=True)
    result = search(query, filters, page_size=5)
    return [hit.id for hit in result.hits], result.did_you_mean


def evaluate() -> tuple[float, float, list[dict[str, Any]]]:
    reciprocal, recall, failures = [], [], []
    for kind, query, selected, expected in JUDGMENTS:
        ids, suggestion = _top5(query, selected)
        if kind == "typo":
            assert suggestion, f"no 'Did you mean' for {query!r}"
            ids, _ = _top5(suggestion, selected)
        ranks = [ids.index(e) + 1 for e in expected if e in ids]
        reciprocal.append(1 / min(ranks) if ranks else 0.0)
        recall.append(len(ranks) / len(expected))
        if len(ranks) < len(expected):
            failures.append({"query": query, "expected": expected, "got": ids})
    return sum(reciprocal) / len(reciprocal), sum(recall) / len(recall), failures


def test_there_are_enough_judgments() -> None:
    assert len(JUDGMENTS) >= 30
    assert {kind for kind, *_ in JUDGMENTS} >= {"natural", "synonym", "stemming", "typo", "filter"}


def test_relevance(
    catalogue: CatalogueLoad, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("load_demo", verbosity=0)
    mrr, recall, failures = evaluate()
    # Written through the terminal reporter so that it shows in every run, not only with -s.
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    lines = [
        f"search relevance on {connection.vendor}: {len(JUDGMENTS)} queries, "
        f"MRR {mrr:.3f}, recall@5 {recall:.3f}",
        *(f"  missed: {failure}" for failure in failures),
    ]
    if reporter is not None:
        with capsys.disabled():
            reporter.write_line("")
            for text in lines:
                reporter.write_line(text)
    assert recall >= 0.9, failures


def test_joint_consumer_protection_finds_surrey_and_bucks_first(catalogue: CatalogueLoad) -> None:
    call_command("load_demo", verbosity=0)
    ids, _ = _top5("joint consumer protection service", {})
    assert ids[0] == SURREY
