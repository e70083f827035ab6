"""A Django Storage that keeps file bytes in the database (the `StoredFile` table).

Every process (web, worker, a second server) sees the same files, and a file written inside a
transaction is rolled back with it: a failed save leaves no orphan. Files have no public URL:
they are served only by views that check who may see them (CV downloads for moderators, the
report PDF download), so `url()` refuses.

Settings: STORAGES["private"] names this backend; `private_storage()` is what models and
services use, so an installation could point "private" at another backend (django-storages S3,
see docs/decisions.md) without code changes.
"""

from datetime import datetime
from typing import IO, Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages
from django.db import IntegrityError, transaction
from django.utils.deconstruct import deconstructible

from shopwindow.files.models import StoredFile

SAVE_ATTEMPTS = 5  # a random name that collides five times running is a bug, not bad luck


def private_storage() -> Storage:
    """The storage for files that are never served publicly (a callable, for FileField)."""
    return storages["private"]


@deconstructible(path="shopwindow.files.storage.DatabaseStorage")
class DatabaseStorage(Storage):
    def _open(self, name: str, mode: str = "rb") -> File[Any]:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Stored files are written with save(), not opened for writing")
        row = StoredFile.objects.filter(name=name).only("content").first()
        if row is None:
            raise FileNotFoundError(name)
        return ContentFile(bytes(row.content), name=name)

    def _save(self, name: str, content: IO[Any] | File[Any]) -> str:
        if hasattr(content, "seek"):
            content.seek(0)
        if hasattr(content, "chunks"):
            data = b"".join(
                chunk if isinstance(chunk, bytes) else chunk.encode() for chunk in content.chunks()
            )
        else:
            raw = content.read()
            data = raw if isinstance(raw, bytes) else raw.encode()
        for _ in range(SAVE_ATTEMPTS):
            try:
                with transaction.atomic():  # a savepoint: a clash leaves the caller's work intact
                    StoredFile.objects.create(name=name, content=data, size=len(data))
                return name
            except IntegrityError:  # saved under this name by another process meanwhile
                name = self.get_available_name(name)
        raise FileExistsError(name)

    def delete(self, name: str) -> None:
        if name:
            StoredFile.objects.filter(name=name).delete()

    def exists(self, name: str) -> bool:
        return StoredFile.objects.filter(name=name).exists()

    def size(self, name: str) -> int:
        row = StoredFile.objects.filter(name=name).only("size").first()
        if row is None:
            raise FileNotFoundError(name)
        return row.size

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        prefix = f"{path.strip('/')}/" if path.strip("/") else ""
        names = StoredFile.objects.filter(name__startswith=prefix).values_list("name", flat=True)
        directories, files = set(), []
        for name in names:
            rest = name[len(prefix) :]
            if "/" in rest:
                directories.add(rest.split("/", 1)[0])
            else:
                files.append(rest)
        return sorted(directories), sorted(files)

    def get_created_time(self, name: str) -> datetime:
        row = StoredFile.objects.filter(name=name).only("created").first()
        if row is None:
            raise FileNotFoundError(name)
        return row.created

    get_modified_time = get_created_time  # stored files are never changed, only replaced

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Stored files are private: serve them through a view")
