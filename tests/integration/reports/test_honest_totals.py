"""The report never draws a missing figure as zero, keeps forecasts and unsourced figures out of
savings achieved, and every output (page, PDF, CSV, XLSX, JSON) gives the same totals.

Records, with totals worked out by hand:
H1  leads South Hams and West Devon (both England, South West): £200,000 reported, one-off £100,000
H2  lead Exeter (England, South West): £80,000 confirmed by audit (verified)
H3  lead Cardiff (Wales): £500,000 forecast (projected)
H4  lead Teignbridge (England, South West): £30,000 with a source but no kind: shown apart
H5  lead Edinburgh (Scotland): no saving; theme prevention (the only one)
H6  illustrative, leads South Hams and West Devon

Savings achieved £280,000 (H1 + H2, figures from 2 of 5 records); verified £80,000 (1 of 5);
forecasts £500,000 (1 of 5), never added to achieved; apart £30,000 (1 of 5); one-off costs
£100,000 (1 of 5); payback 100,000 / 200,000 × 12 = 6.0 months.
"""

import csv
import io
import re
import zipfile
from decimal import Decimal
from typing import Any

import pypdf
import pytest
from django.test import Client
from openpyxl import load_workbook

from shopwindow.reports.filters import ReportFilters
from shopwindow.reports.selectors import national_figures
from tests.factories import create_innovation
from tests.integration.reports.conftest import request_pdf_and_run_worker

pytestmark = pytest.mark.django_db

SOUTH_HAMS, WEST_DEVON, EXETER, TEIGNBRIDGE = "E07000044", "E07000047", "E07000041", "E07000045"
CARDIFF, EDINBURGH = "W06000015", "S12000036"


@pytest.fixture
def honest_records(db: Any) -> None:
    create_innovation(
        lead_authorities=[SOUTH_HAMS, WEST_DEVON],
        outcomes={"annual_saving_gbp": 200000, "one_off_cost_gbp": 100000,
                  "saving_kind": "reported"},
    )  # fmt: skip
    create_innovation(
        lead_authorities=[EXETER], outcomes={"annual_saving_gbp": 80000, "saving_kind": "audited"}
    )
    create_innovation(
        lead_authorities=[CARDIFF],
        outcomes={"annual_saving_gbp": 500000, "saving_kind": "projected"},
    )
    create_innovation(lead_authorities=[TEIGNBRIDGE], outcomes={"annual_saving_gbp": 30000})
    create_innovation(lead_authorities=[EDINBURGH], themes=["prevention"])
    create_innovation(lead_authorities=[SOUTH_HAMS, WEST_DEVON], tags=["illustrative"])


def test_headline_keeps_achieved_forecast_and_apart_separate(honest_records: None) -> None:
    sums = national_figures(ReportFilters()).totals.sums
    assert sums.records == 5
    assert (sums.achieved, sums.achieved_records) == (Decimal("280000"), 2)
    assert (sums.verified, sums.verified_records) == (Decimal("80000"), 1)
    assert sums.reported == Decimal("200000")
    assert (sums.forecast, sums.forecast_records) == (Decimal("500000"), 1)
    assert (sums.apart, sums.apart_records) == (Decimal("30000"), 1)
    assert sums.no_figure_records == 1
    assert (sums.one_off_cost, sums.cost_records) == (Decimal("100000"), 1)
    assert "figures from 2 of 5 records" in sums.counts["achieved_saving"]
    assert national_figures(ReportFilters()).totals.payback_months == Decimal("6.0")


def test_records_without_figures_show_no_figure_given_never_zero(
    client: Client, honest_records: None
) -> None:
    html = client.get("/report/", {"theme": "prevention"}).content.decode()
    for key in ("total-achieved-saving", "verified-saving", "forecast-saving", "apart-saving"):
        assert f'id="{key}">No figure given<' in html
    assert ">£0<" not in html  # no cell or chart label shows £0 (the method text mentions it)
    assert "figures from 0 of 1 record" in html
    body = client.get("/api/v1/stats", {"theme": "prevention"}).json()
    assert body["totals"]["achieved_saving_gbp"] is None
    assert body["totals"]["records"] == 1
    assert body["breakdowns"]["nation"]["rows"][0]["achieved_saving_gbp"] is None
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/report/download", {"format": "csv", "theme": "prevention"}).content)
    )
    headline = _csv_headline(archive)
    assert headline["achieved_saving"] == ""  # an empty cell, not 0
    pdf = _pdf_text(client, theme="prevention")
    assert "No figure given" in pdf
    # No figure reads £0 (the method text and the map legend mention £0 in words).
    figures = [line for line in pdf.splitlines() if "£0" in line and "figure given" not in line]
    assert not figures


def test_a_missing_figure_is_labelled_in_the_chart_not_drawn_as_zero(
    client: Client, honest_records: None
) -> None:
    html = client.get("/report/").content.decode()
    scotland = re.search(r"<title>Scotland: ([^<]+)</title>", html)
    assert scotland is not None
    assert scotland.group(1) == "No figure given"


def _csv_headline(archive: zipfile.ZipFile) -> dict[str, str]:
    rows = list(csv.reader(io.StringIO(archive.read("headline.csv").decode("utf-8-sig"))))
    return {row[0]: row[2] for row in rows[1:]}


def _pdf_text(client: Client, **params: str) -> str:
    response = request_pdf_and_run_worker(client, **params)
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_page_pdf_csv_xlsx_and_json_totals_agree(client: Client, honest_records: None) -> None:
    expected = {
        "achieved_saving": 280000.0,
        "verified_saving": 80000.0,
        "forecast_saving": 500000.0,
        "apart_saving": 30000.0,
        "one_off_cost": 100000.0,
    }
    page_ids = {
        "achieved_saving": "total-achieved-saving",
        "verified_saving": "verified-saving",
        "forecast_saving": "forecast-saving",
        "apart_saving": "apart-saving",
        "one_off_cost": "total-one-off-cost",
    }
    html = client.get("/report/").content.decode()
    page = {
        key: re.search(rf'id="{ident}">([^<]+)<', html).group(1)  # type: ignore[union-attr]
        for key, ident in page_ids.items()
    }
    pdf = _pdf_text(client)
    archive = zipfile.ZipFile(io.BytesIO(client.get("/report/download", {"format": "csv"}).content))
    csv_headline = _csv_headline(archive)
    book = load_workbook(io.BytesIO(client.get("/report/download", {"format": "xlsx"}).content))
    xlsx_headline = {
        row[0]: row[2] for row in book["headline"].iter_rows(min_row=2, values_only=True)
    }
    api = client.get("/api/v1/stats").json()["totals"]
    download = client.get("/report/download", {"format": "json"}).json()["totals"]
    assert api == download
    for key, value in expected.items():
        assert page[key] == f"£{value:,.0f}", key
        assert page[key] in pdf, key
        assert float(csv_headline[key]) == value, key
        assert xlsx_headline[key] == value, key
        assert api[f"{key}_gbp"] == value, key
    # The breakdown total rows equal the headline in every output.
    nation_total = list(csv.reader(io.StringIO(archive.read("by_nation.csv").decode("utf-8-sig"))))
    assert float(nation_total[-1][3]) == expected["achieved_saving"]
    assert api["counts"]["forecast_saving"].startswith("Forecast savings a year, never added")


@pytest.mark.parametrize(("parameter", "value"), [("nation", "england"), ("region", "south-west")])
def test_a_filter_counts_a_record_with_two_lead_councils_there_once(
    client: Client, honest_records: None, parameter: str, value: str
) -> None:
    # H1 has two lead councils in England and the South West: it counts once. Without the
    # distinct() in the report's filter it would count twice (records 4, achieved £480,000).
    filters = ReportFilters(nation=value) if parameter == "nation" else ReportFilters(region=value)
    figures = national_figures(filters)
    assert figures.totals.records == 3  # H1, H2, H4
    assert figures.totals.sums.achieved == Decimal("280000")
    assert len(figures.record_ids) == len(set(figures.record_ids)) == 3
    assert figures.breakdown("nation").total.records == 3
    # The illustrative record with the same two leads is one record left out, not two.
    assert figures.illustrative_left_out == 1
    body = client.get("/api/v1/stats", {parameter: value}).json()
    assert body["totals"]["records"] == 3
    assert body["illustrative_left_out"] == 1
