"""CV files: checked by their content (not their name), stored privately with a random name.

Files live in the private storage (the database: shopwindow.files) as cvs/<random>.<kind>, with
no public URL, and are only ever served as an attachment by the moderators' download view.
"""

import secrets
import zipfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile

from shopwindow.files.storage import private_storage

CV_DIR = "cvs"
PDF_MAGIC = b"%PDF-"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
WRONG_TYPE = "The selected file must be a PDF or a Word document (.docx)"


def max_bytes() -> int:
    return int(getattr(settings, "ASSOCIATES_CV_MAX_BYTES", 5 * 1024 * 1024))


def max_megabytes() -> str:
    return f"{max_bytes() / (1024 * 1024):g} MB"


def _is_docx(upload: UploadedFile) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def check_cv(upload: UploadedFile) -> str:
    """The file's kind ("pdf" or "docx"), or a ValidationError with a message for the applicant."""
    if upload.size is not None and upload.size > max_bytes():
        raise ValidationError(f"The selected file must be smaller than {max_megabytes()}")
    if not upload.size:
        raise ValidationError("The selected file is empty")
    extension = Path(upload.name or "").suffix.lower()
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if extension == ".pdf" and head == PDF_MAGIC:
        return "pdf"
    if extension == ".docx" and _is_docx(upload):
        return "docx"
    raise ValidationError(WRONG_TYPE)


def store_cv(upload: UploadedFile, kind: str) -> str:
    """Store the file under a random name in the private storage; return that name.

    The storage is the database: inside the caller's transaction, so a failed save keeps nothing.
    """
    return private_storage().save(f"{CV_DIR}/{secrets.token_hex(16)}.{kind}", upload)


def _check_name(name: str) -> str:
    if not name.startswith(f"{CV_DIR}/") or ".." in name:
        raise ValueError("A CV name must stay inside the CV folder")
    return name


def open_cv(name: str) -> File[Any]:
    """The stored CV, open for reading; FileNotFoundError when it has gone."""
    return private_storage().open(_check_name(name), "rb")


def delete_cv(name: str) -> None:
    if name:
        private_storage().delete(_check_name(name))
