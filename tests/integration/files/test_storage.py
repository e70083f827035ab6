"""The database storage: files written, read, listed and deleted through Django's Storage API,
rolled back with their transaction, never given a public URL; and the migration that moves CVs
written to disk before issue 14 into the database."""

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction

from shopwindow.files.models import StoredFile
from shopwindow.files.storage import DatabaseStorage, private_storage
from tests.factories import associate_profile

pytestmark = pytest.mark.django_db


def test_private_storage_is_the_database() -> None:
    assert isinstance(private_storage(), DatabaseStorage)
    assert private_storage() is storages["private"]


def test_save_open_size_list_delete() -> None:
    storage = private_storage()
    name = storage.save("reports/a.pdf", ContentFile(b"%PDF-1.7 one"))
    assert name == "reports/a.pdf"
    assert storage.exists(name)
    assert storage.size(name) == len(b"%PDF-1.7 one")
    with storage.open(name) as stored:
        assert stored.read() == b"%PDF-1.7 one"
    # The same name again gets a new, free name rather than overwriting.
    second = storage.save("reports/a.pdf", ContentFile(b"two"))
    assert second != name
    assert second.startswith("reports/a_")
    storage.save("cvs/x.docx", ContentFile(b"PK"))
    assert storage.listdir("") == (["cvs", "reports"], [])
    assert storage.listdir("reports") == ([], sorted(["a.pdf", second.split("/")[1]]))
    storage.delete(name)
    assert not storage.exists(name)
    with pytest.raises(FileNotFoundError):
        storage.open(name)


def test_a_file_saved_in_a_failed_transaction_is_gone() -> None:
    def save_then_fail() -> None:
        with transaction.atomic():
            private_storage().save("cvs/rolled-back.pdf", ContentFile(b"%PDF-"))
            raise RuntimeError("the rest of the work failed")

    with pytest.raises(RuntimeError):
        save_then_fail()
    assert not StoredFile.objects.exists()


def test_stored_files_have_no_public_url() -> None:
    storage = private_storage()
    name = storage.save("cvs/private.pdf", ContentFile(b"%PDF-"))
    with pytest.raises(NotImplementedError):
        storage.url(name)


def test_cvs_on_disk_move_into_the_database(settings: Any, tmp_path: Path) -> None:
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "abc.pdf").write_bytes(b"%PDF-old cv")
    on_disk = associate_profile()
    on_disk.cv_file = "cvs/abc.pdf"
    on_disk.save()
    missing = associate_profile()
    missing.cv_file = "cvs/gone.pdf"
    missing.save()
    escaping = associate_profile()
    escaping.cv_file = "../secret.pdf"
    escaping.save()
    (tmp_path.parent / "secret.pdf").write_bytes(b"not a cv")
    migration = importlib.import_module("shopwindow.associates.migrations.0002_cvs_into_database")
    migration.move_cvs_into_database(apps, None)
    migration.move_cvs_into_database(apps, None)  # running it again changes nothing
    assert [(f.name, bytes(f.content)) for f in StoredFile.objects.all()] == [
        ("cvs/abc.pdf", b"%PDF-old cv")
    ]
