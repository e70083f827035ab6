"""/report/download: a tagged PDF with the page's totals, CSV and XLSX as documented, JSON."""

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pypdf
from django.conf import settings
from django.test import Client
from openpyxl import load_workbook

from shopwindow.files.models import StoredFile
from shopwindow.reports.models import ReportFile

from .conftest import request_pdf_and_run_worker

HEADLINE_IDS = ("total-achieved-saving", "verified-saving", "total-one-off-cost", "payback")


def _pdf(client: Client, **params: str) -> pypdf.PdfReader:
    """Ask for the PDF as a visitor does: "being prepared", the worker builds it, then it comes."""
    response = request_pdf_and_run_worker(client, **params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    return pypdf.PdfReader(io.BytesIO(response.content))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _page_figures(client: Client, **params: str) -> dict[str, str]:
    html = client.get("/report/", params).content.decode()
    return {key: re.search(rf'id="{key}">([^<]+)<', html).group(1) for key in HEADLINE_IDS}  # type: ignore[union-attr]


def test_pdf_is_tagged_and_has_the_same_totals_as_the_page(
    client: Client, report_records: Any
) -> None:
    reader = _pdf(client)
    catalog = reader.root_object
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-GB"  # type: ignore[comparison-overlap]  # pypdf gives a TextStringObject, a str
    assert bool(catalog["/MarkInfo"]["/Marked"])  # type: ignore[index]
    assert reader.metadata is not None
    assert reader.metadata.title == "National evidence report – Shopwindow"
    text = _text(reader)
    page = _page_figures(client)
    assert page["total-achieved-saving"] == "£450,000"
    for value in page.values():
        assert value in text
    assert "Contents" in text
    assert "Method and caveats" in text
    assert "Data as of" in text


def test_pdf_for_a_filter_that_matches_nothing(client: Client, report_records: Any) -> None:
    reader = _pdf(client, nation="northern-ireland")
    text = _text(reader)
    assert "No published records match these filters" in text
    assert "No figure given" in text
    assert "Nation: Northern Ireland" in text


def test_pdf_is_cached_until_the_data_changes(client: Client, report_records: Any) -> None:
    _pdf(client, theme="prevention")
    assert ReportFile.objects.count() == 1
    built = ReportFile.objects.get()
    # Ready: served at once, nothing asked of the worker.
    response = client.get("/report/download", {"format": "pdf", "theme": "prevention"})
    assert response.status_code == 200
    assert list(ReportFile.objects.values_list("pk", flat=True)) == [built.pk]
    html = client.get("/report/", {"theme": "prevention"}).content.decode()
    assert "The PDF for these filters was built on" in html
    record = report_records["R4"]
    record.title = "Edinburgh prevention, renamed"
    record.save()
    html = client.get("/report/", {"theme": "prevention"}).content.decode()
    assert "is prepared in the background when you ask for it" in html
    _pdf(client, theme="prevention")
    # The stale PDF went with its stored file when the new one was built.
    assert ReportFile.objects.exclude(pk=built.pk).count() == 1
    assert not ReportFile.objects.filter(pk=built.pk).exists()
    assert not StoredFile.objects.filter(name=built.file.name).exists()


def _documented_columns() -> dict[str, list[str]]:
    text = (Path(settings.BASE_DIR) / "docs" / "report.md").read_text(encoding="utf-8")
    text = text.split("### Tables and columns", 1)[1].split("\n#", 1)[0]
    tables = {}
    for name, columns in re.findall(r"^\| `(\w+)` \| (.+?) \|", text, flags=re.MULTILINE):
        tables[name] = re.findall(r"`(\w+)`", columns)
    return tables


def test_csv_zip_has_every_documented_table_and_column(client: Client, report_records: Any) -> None:
    response = client.get("/report/download", {"format": "csv"})
    assert response.status_code == 200
    documented = _documented_columns()
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = [name.removesuffix(".csv") for name in archive.namelist()]
    assert names == list(documented)
    tables = {}
    for name in names:
        text = archive.read(f"{name}.csv").decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == documented[name], name
        tables[name] = rows
    headline = {row[0]: row[2] for row in tables["headline"][1:]}
    assert headline["achieved_saving"] == "450000.0"
    assert headline["verified_saving"] == "350000.0"
    about = {row[0]: row[1] for row in tables["about"][1:]}
    assert about["data_as_of"].startswith("20")
    assert about["generated_at"].startswith("20")
    nation_total = tables["by_nation"][-1]
    assert nation_total[0] == "total"
    assert nation_total[3] == "450000.0"


def test_xlsx_has_one_sheet_per_documented_table(client: Client, report_records: Any) -> None:
    response = client.get("/report/download", {"format": "xlsx", "nation": "wales"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    documented = _documented_columns()
    assert book.sheetnames == list(documented)
    for name, columns in documented.items():
        assert [cell.value for cell in book[name][1]] == columns, name
    headline = {row[0]: row[2] for row in book["headline"].iter_rows(min_row=2, values_only=True)}
    assert headline["achieved_saving"] == 150000
    assert headline["records"] == 2


def test_json_download_equals_the_api(client: Client, report_records: Any) -> None:
    download = client.get("/report/download", {"format": "json", "theme": "shared-services"})
    api = client.get("/api/v1/stats", {"theme": "shared-services"})
    assert download.status_code == api.status_code == 200
    left, right = json.loads(download.content), api.json()
    left.pop("generated_at"), right.pop("generated_at")
    assert left == right
    assert right["totals"]["achieved_saving_gbp"] == 350000
    assert right["data_as_of"] is not None


def test_bad_download_requests_are_refused_plainly(client: Client, report_records: Any) -> None:
    response = client.get("/report/download", {"format": "doc"})
    assert response.status_code == 400
    assert "choose pdf, csv, xlsx or json" in response.content.decode()
    response = client.get("/report/download", {"format": "csv", "nation": "atlantis"})
    assert response.status_code == 400
    assert "nation:" in response.content.decode()
