"""Backup and restore: into an empty database, the catalogue exports byte for byte the same,
accounts can sign in, CV files come back and search finds the records again."""

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from shopwindow.accounts.models import User
from shopwindow.associates import cv
from shopwindow.associates.models import AssociateProfile
from shopwindow.authorities.models import Authority
from shopwindow.core.backup import empty_database
from shopwindow.files.storage import private_storage
from shopwindow.innovations.models import Innovation
from shopwindow.search.models import SearchDocument
from tests.factories import UserFactory, associate_profile, create_innovation

CV_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "private"
    settings.PRIVATE_MEDIA_ROOT = root
    return root


def export(path: Path) -> bytes:
    call_command("export_innovations", "--all", format="json", output=str(path))
    return path.read_bytes()


def test_backup_then_restore_into_an_empty_database(db: Any, tmp_path: Path) -> None:
    create_innovation(title="Shared waste service", outcomes={"annual_saving_gbp": 120000})
    create_innovation(title="Libraries channel shift")
    user = UserFactory.create(email="associate@example.gov.uk")
    user.set_password("a long enough password")
    user.save()
    profile = associate_profile(user=user)
    stored = cv.store_cv(SimpleUploadedFile("cv.pdf", CV_BYTES), "pdf")
    AssociateProfile.objects.filter(pk=profile.pk).update(cv_file=stored, cv_kind="pdf")
    before = export(tmp_path / "before.json")
    counts = (Innovation.objects.count(), User.objects.count(), Authority.objects.count())

    call_command("backup", str(tmp_path / "shopwindow.zip"))
    # An empty database and no files: what a new server has after `migrate`.
    empty_database()
    cv.delete_cv(stored)
    assert Innovation.objects.count() == 0
    assert not private_storage().exists(stored)

    call_command("restore", str(tmp_path / "shopwindow.zip"), interactive=False)

    assert export(tmp_path / "after.json") == before
    assert (Innovation.objects.count(), User.objects.count(), Authority.objects.count()) == counts
    with cv.open_cv(AssociateProfile.objects.get().cv_file) as restored:
        assert restored.read() == CV_BYTES
    assert authenticate(username="associate@example.gov.uk", password="a long enough password")
    assert SearchDocument.objects.filter(title="Shared waste service").exists()


def test_a_damaged_backup_changes_nothing(db: Any, tmp_path: Path) -> None:
    create_innovation(title="Shared waste service")
    stored = cv.store_cv(SimpleUploadedFile("cv.pdf", CV_BYTES), "pdf")
    call_command("backup", str(tmp_path / "shopwindow.zip"))
    # Corrupt the CV inside the archive by rewriting the zip with different bytes.
    import zipfile

    with (
        zipfile.ZipFile(tmp_path / "shopwindow.zip") as source,
        zipfile.ZipFile(tmp_path / "damaged.zip", "w") as target,
    ):
        for item in source.infolist():
            content = source.read(item)
            if item.filename == f"files/private/{stored}":
                content = b"%PDF-tampered"
            target.writestr(item, content)
    with pytest.raises(CommandError, match="does not match its recorded SHA-256"):
        call_command("restore", str(tmp_path / "damaged.zip"), interactive=False)
    assert Innovation.objects.filter(title="Shared waste service").exists()
