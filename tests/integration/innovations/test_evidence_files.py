"""Evidence documents: a PDF uploaded as a source is kept privately, and served on the record
once it is published (to the draft's council and moderators before that, to nobody else)."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfWriter

from shopwindow.accounts.models import User
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.workflow import transition

from .conftest import signed_in
from .test_form import EVIDENCE, fill_required, start

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def evidence_store(settings: Any, tmp_path: Path) -> Path:
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "evidence"},
        },
    }
    settings.SITE_URL = "https://shopwindow.example"
    return tmp_path / "evidence"


def upload_source(client: Client, record_id: str, upload: SimpleUploadedFile) -> Any:
    data = {**EVIDENCE, "sources-0-url": "", "sources-0-file": upload}
    return client.post(f"/innovations/{record_id}/edit/evidence/", data)


def test_a_pdf_uploaded_as_a_source_is_served_on_the_published_record(
    south_hams_member: User, moderator: User, evidence_store: Path
) -> None:
    client = signed_in(south_hams_member)
    record_id = fill_required(client, start(client))
    content = pdf_bytes()
    response = upload_source(
        client, record_id, SimpleUploadedFile("paper.pdf", content, "application/pdf")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    source = Innovation.objects.get(record_id=record_id).draft_data["record"]["evidence"][  # type: ignore[index]
        "sources"
    ][0]
    url = source["url"]
    assert url.startswith("https://shopwindow.example/evidence/")
    path = url.removeprefix("https://shopwindow.example")
    assert len(list(evidence_store.rglob("*.pdf"))) == 1

    # Before publication: the council sees it, the public does not.
    assert b"".join(client.get(path).streaming_content) == content  # type: ignore[attr-defined]
    assert Client().get(path).status_code == 404

    assert client.post(f"/innovations/{record_id}/edit/check/").status_code == 200
    innovation = Innovation.objects.get(record_id=record_id)
    assert Client().get(path).status_code == 404
    transition(innovation, "publish", actor=moderator)

    visitor = Client()
    served = visitor.get(path)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == content  # type: ignore[attr-defined]
    page = visitor.get(f"/innovations/{record_id}/").content.decode()
    assert path in page
    # Downloads and the API give the document's public address as the source's url.
    api = visitor.get(f"/api/v1/innovations/{record_id}").json()
    assert api["evidence"]["sources"][0]["url"] == url
    assert url in visitor.get(f"/innovations/{record_id}/download.json").content.decode()

    transition(innovation, "withdraw", actor=moderator, reason="Out of date")
    assert Client().get(path).status_code == 404


def test_only_real_pdfs_are_accepted(south_hams_member: User, evidence_store: Path) -> None:
    client = signed_in(south_hams_member)
    record_id = fill_required(client, start(client))
    for upload in (
        SimpleUploadedFile("paper.pdf", b"<html>not a pdf</html>", "application/pdf"),
        SimpleUploadedFile("paper.pdf", b"%PDF-1.7\n garbage with no structure", "application/pdf"),
        SimpleUploadedFile("empty.pdf", b"", "application/pdf"),
    ):
        response = upload_source(client, record_id, upload)
        assert response.status_code == 200
        page = response.content.decode()
        assert "There is a problem" in page
        assert "The selected file must be a PDF" in page or "file is empty" in page
    assert not list(evidence_store.rglob("*"))


def test_a_large_file_is_refused(
    south_hams_member: User, settings: Any, evidence_store: Path
) -> None:
    settings.INNOVATIONS_EVIDENCE_MAX_BYTES = 100
    client = signed_in(south_hams_member)
    record_id = fill_required(client, start(client))
    response = upload_source(client, record_id, SimpleUploadedFile("big.pdf", pdf_bytes()))
    assert "must be smaller than" in response.content.decode()


def test_an_unknown_or_foreign_address_is_a_404(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    assert client.get("/evidence/1/" + "0" * 32 + ".pdf").status_code == 404
    assert client.get("/evidence/1/not-a-token.pdf").status_code == 404
