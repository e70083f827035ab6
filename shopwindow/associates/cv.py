"""CV files: checked by their content (not their name), stored privately with a random name.

Files live under settings.PRIVATE_MEDIA_ROOT/cvs/, never under MEDIA_ROOT or static files, and
are only ever served as an attachment by the moderators' download view.
"""

import secrets
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

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


def private_root() -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT)


def store_cv(upload: UploadedFile, kind: str) -> str:
    """Write the file under the private root with a random name; return its relative path."""
    folder = private_root() / CV_DIR
    folder.mkdir(parents=True, exist_ok=True)
    relative = f"{CV_DIR}/{secrets.token_hex(16)}.{kind}"
    with open(private_root() / relative, "xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return relative


def cv_path(relative: str) -> Path:
    """The absolute path of a stored CV; refuses anything outside the CV folder."""
    folder = (private_root() / CV_DIR).resolve()
    path = (private_root() / relative).resolve()
    if folder not in path.parents:
        raise ValueError("A CV path must stay inside the private CV folder")
    return path


def delete_cv(relative: str) -> None:
    if relative:
        cv_path(relative).unlink(missing_ok=True)
