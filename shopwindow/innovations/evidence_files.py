"""Evidence documents: PDFs uploaded as a record's sources, for papers that live on intranets or
move about.

A file is checked by its content (it starts `%PDF-` and pypdf can read its structure), kept
through Django's storage API (the `evidence` storage alias; never a path) under a random name
that carries the record's key (`evidence/<record pk>/<token>.pdf`), and given a web address on
this service (`/evidence/<record pk>/<token>.pdf`). That address is the source's `url` in the
record, so the form, exports and the API need nothing new; `records._apply` links the source row
to the file when its url is one of this record's evidence addresses. The file is public once a
published version of the record lists it (innovations.views.evidence); until then only the people
who may see the record's draft can open it.
"""

import re
import secrets
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse

PDF_MAGIC = b"%PDF-"
FOLDER = "evidence"
_NAME = re.compile(r"^evidence/(?P<record>[0-9]+)/(?P<token>[0-9a-f]{32})\.pdf$")


def evidence_storage() -> Storage:
    """Where evidence files are kept (settings.STORAGES["evidence"])."""
    return storages["evidence"]


def max_bytes() -> int:
    return int(getattr(settings, "INNOVATIONS_EVIDENCE_MAX_BYTES", 20 * 1024 * 1024))


def max_megabytes() -> str:
    return f"{max_bytes() / (1024 * 1024):g} MB"


def _readable_pdf(upload: UploadedFile) -> bool:
    """Whether pypdf can read the file's structure (cross-reference table and page tree)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    upload.seek(0)
    try:
        return len(PdfReader(upload, strict=False).pages) > 0
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return False
    finally:
        upload.seek(0)


def check_pdf(upload: UploadedFile) -> None:
    """Raise a ValidationError, worded for the submitter, unless the upload is a readable PDF."""
    if not upload.size:
        raise ValidationError("The selected file is empty")
    if upload.size > max_bytes():
        raise ValidationError(f"The selected file must be smaller than {max_megabytes()}")
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC or not _readable_pdf(upload):
        raise ValidationError("The selected file must be a PDF")


def new_name(record_pk: int) -> str:
    return f"{FOLDER}/{record_pk}/{secrets.token_hex(16)}.pdf"


def name_for(record_pk: int, token: str) -> str | None:
    name = f"{FOLDER}/{record_pk}/{token}.pdf"
    return name if _NAME.match(name) else None


def public_path(name: str) -> str:
    match = _NAME.match(name)
    if match is None:
        raise ValueError(f"Not an evidence file name: {name!r}")
    return reverse(
        "innovations:evidence-file",
        kwargs={"record_pk": int(match["record"]), "token": match["token"]},
    )


def public_url(name: str) -> str:
    """The file's full web address on this service (what the source's `url` holds)."""
    return settings.SITE_URL.rstrip("/") + public_path(name)


def name_from_url(url: str, record_pk: int | None) -> str:
    """The stored file behind a source's url, if it is one of this record's evidence addresses."""
    if record_pk is None:
        return ""
    site = urlparse(settings.SITE_URL)
    parsed = urlparse(url or "")
    if (parsed.scheme, parsed.netloc) != (site.scheme, site.netloc):
        return ""
    match = re.fullmatch(r"/evidence/([0-9]+)/([0-9a-f]{32})\.pdf", parsed.path)
    if match is None or int(match[1]) != record_pk:
        return ""
    return name_for(record_pk, match[2]) or ""
