"""A small hand-built set of records whose figures the tests work out by hand.

R1  partnership: lead South Hams, partners West Devon and Devon County Council (3 councils),
    saving 300,000 (confirmed by audit), one-off 150,000, peer-reviewed, level 3,
    shared-services, started 2019,
    2 barriers (1 with an ask), adopted by Teignbridge (started 2021).
R2  Cardiff, saving 100,000 (reported by the council), no cost, self-reported, level 1,
    digital-access + service-redesign,
    started 2021, 1 barrier with an ask, adopted by Swansea (no start date).
R3  leads South Hams (England) and Swansea (Wales), saving 50,000 (evaluated), one-off 60,000,
    independently evaluated, level 4, shared-services, started 2022; Teignbridge abandoned it.
R4  Edinburgh, no saving, self-reported, level 2, prevention, no start date.
R5  illustrative (demo): South Hams, saving 1,000,000, one-off 10, started 2020.
R6  a draft (never published): saving 999.
"""

from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.factories import create_innovation

SOUTH_HAMS, WEST_DEVON, DEVON, TEIGNBRIDGE = "E07000044", "E07000047", "E10000008", "E07000045"
CARDIFF, SWANSEA, EDINBURGH = "W06000015", "W06000011", "S12000036"


@pytest.fixture(autouse=True)
def _fresh_rate_limits(db: None) -> None:
    cache.clear()  # the PDF limit per address counts in the cache


def request_pdf_and_run_worker(client: Client, **params: str) -> Any:
    """GET the PDF; if it is being prepared, run the queued build (the worker), then follow the
    page's refresh link (`waiting=1`), as a browser does."""
    first = client.get("/report/download", {"format": "pdf", **params})
    if first.status_code != 202:
        return first
    connection = transaction.get_connection()
    queued = [callback for _sid, callback, _robust in connection.run_on_commit]
    connection.run_on_commit = []
    assert queued, "a PDF being prepared must have queued a build"
    for callback in queued:
        callback()  # tasks run immediately in tests: this is the worker building it
    return client.get("/report/download", {"format": "pdf", "waiting": "1", **params})


@pytest.fixture
def report_records(db: Any) -> dict[str, Any]:
    records = {
        "R1": create_innovation(
            id="report-partnership",
            lead_authorities=[SOUTH_HAMS],
            partner_authorities=[WEST_DEVON, DEVON],
            themes=["shared-services"],
            service_areas=["waste-and-environment"],
            started_on="2019-04",
            outcomes={
                "annual_saving_gbp": 300000,
                "one_off_cost_gbp": 150000,
                "saving_kind": "audited",
            },
            evidence={"level": 3, "verification": "peer-reviewed"},
            barriers=[
                {"barrier": "Pension strain costs", "ask_of_government": "Pool pension funds"},
                {"barrier": "Different IT systems"},
            ],
            adoptions=[{"authority": TEIGNBRIDGE, "status": "adopted", "started_on": "2021-05"}],
        ),
        "R2": create_innovation(
            id="report-cardiff",
            lead_authorities=[CARDIFF],
            themes=["digital-access", "service-redesign"],
            service_areas=["customer-services"],
            started_on="2021",
            outcomes={"annual_saving_gbp": 100000, "saving_kind": "reported"},
            evidence={"level": 1, "verification": "self-reported"},
            barriers=[{"barrier": "Paper forms in law", "ask_of_government": "Allow e-forms"}],
            adoptions=[{"authority": SWANSEA, "status": "adopted"}],
        ),
        "R3": create_innovation(
            id="report-two-nations",
            lead_authorities=[SOUTH_HAMS, SWANSEA],
            themes=["shared-services"],
            service_areas=["corporate-services"],
            started_on="2022-01-10",
            outcomes={
                "annual_saving_gbp": 50000,
                "one_off_cost_gbp": 60000,
                "saving_kind": "evaluated",
            },
            evidence={"level": 4, "verification": "independently-evaluated"},
            adoptions=[{"authority": TEIGNBRIDGE, "status": "abandoned"}],
        ),
        "R4": create_innovation(
            id="report-edinburgh",
            lead_authorities=[EDINBURGH],
            themes=["prevention"],
            service_areas=["public-health"],
            evidence={"level": 2, "verification": "self-reported"},
        ),
        "R5": create_innovation(
            id="report-illustrative",
            lead_authorities=[SOUTH_HAMS],
            started_on="2020",
            outcomes={
                "annual_saving_gbp": 1000000,
                "one_off_cost_gbp": 10,
                "saving_kind": "reported",
            },
            evidence={
                "level": 2,
                "verification": "self-reported",
                "sources": [
                    {
                        "title": "Illustrative source",
                        "url": "https://example.gov.uk/illustrative",
                        "kind": "other",
                        "supports": ["outcomes.annual_saving_gbp", "outcomes.one_off_cost_gbp"],
                    }
                ],
            },
            tags=["illustrative"],
        ),
        "R6": create_innovation(
            id="report-draft",
            publish=False,
            outcomes={"annual_saving_gbp": 999},
        ),
    }
    return records
