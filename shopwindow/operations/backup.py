"""Backup and restore of the whole service: records, accounts, files and (rebuilt) search index.

A backup is one zip file:
- `manifest.json`: format and version, when it was taken, the migrations applied, and every
  file with its size and SHA-256;
- `data.json`: every row of every model except those that are derived or transient (see
  EXCLUDED), in Django's serialisation with natural foreign keys, so that content types and
  permissions (recreated by `migrate`) are matched by name rather than by id;
- `files/private/<name>`: every file in the private storage (STORAGES["private"]: the database
  table files.StoredFile, holding associates' CVs) except the report PDFs, which are cached
  (their ReportFile rows are excluded too) and built again on request. Files are read and
  written through the storage API, with a SHA-256 each, so a damaged archive is refused before
  anything changes. Every model FileField uses the private storage today; a FileField on
  another storage would need adding here.

The data is read in one transaction (REPEATABLE READ on PostgreSQL), so it is one consistent
snapshot. A restore checks the whole archive first, then in one transaction empties the
database, loads the data, writes the files (into the same transaction, as they live in the
database), and rebuilds the search index; any failure leaves the database as it was.
"""

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from django.core import serializers
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import Storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializedObject
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder

from shopwindow.files.storage import private_storage
from shopwindow.reports.models import ReportFile
from shopwindow.reports.signals import schedule_default_pdf
from shopwindow.search.indexing import rebuild

FORMAT = "shopwindow-backup"
VERSION = 1
CHUNK = 1024 * 1024
BATCH = 1000

# Rebuilt by `migrate` (content types, permissions), rebuilt on restore (search), or transient
# (sessions, queued tasks, lockouts, worker heartbeats, cached report PDFs). StoredFile rows
# (file bytes) are not dumped as rows: the files they hold go into the archive's files/ folder
# with a checksum each, all but the report PDFs (see stored_file_names).
EXCLUDED = (
    "contenttypes",
    "auth.Permission",
    "sessions",
    "django_tasks_database",
    "axes",
    "core.WorkerHeartbeat",
    "search",
    "reports.ReportFile",
    "files.StoredFile",
)
SOURCE = "private"  # the archive folder (files/private/) for the files of STORAGES["private"]


class BackupError(Exception):
    """The archive cannot be restored (the message says why); nothing was changed."""


@dataclass(frozen=True)
class Summary:
    objects: int
    files: int
    bytes: int


def _report_pdf_folder() -> str:
    """Where report PDFs are stored (ReportFile.file's upload_to): cached, so not backed up."""
    return str(ReportFile._meta.get_field("file").upload_to).strip("/")


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from _walk(storage, f"{folder}/{directory}" if folder else directory)


def stored_file_names() -> list[str]:
    """Every file in the private storage (associates' CVs) except the cached report PDFs."""
    storage = private_storage()
    skip = _report_pdf_folder()
    directories, files = storage.listdir("")
    names = sorted(files)
    for directory in sorted(directories):
        if directory != skip:
            names.extend(_walk(storage, directory))
    return names


@contextmanager
def _snapshot() -> Iterator[None]:
    """One transaction whose reads all see the same moment."""
    connection = connections[DEFAULT_DB_ALIAS]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=DEFAULT_DB_ALIAS):
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    return sorted([app, name] for app, name in recorder.applied_migrations())


class _Writable(Protocol):
    def write(self, chunk: bytes, /) -> int: ...


def _copy(source: IO[bytes], target: _Writable) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
    return digest.hexdigest()


def create_backup(*, path: Path) -> Summary:
    """Write a backup of the default database and every stored file to `path` (replaced
    atomically: a failed backup leaves no half-written file)."""
    partial = path.with_name(path.name + ".partial")
    files: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as work, _snapshot():
        data = Path(work) / "data.json"
        call_command(
            "dumpdata",
            exclude=list(EXCLUDED),
            natural_foreign=True,
            database=DEFAULT_DB_ALIAS,
            output=str(data),
            verbosity=0,
        )
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.json")
            storage = private_storage()
            for name in stored_file_names():
                entry = f"files/{SOURCE}/{name}"
                with (
                    storage.open(name, "rb") as stored,
                    archive.open(entry, "w", force_zip64=True) as out,
                ):
                    sha256 = _copy(stored, out)
                size = archive.getinfo(entry).file_size
                files.append({"source": SOURCE, "name": name, "size": size, "sha256": sha256})
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created_at": datetime.now(UTC).isoformat(),
                "migrations": _applied_migrations(),
                "excluded": list(EXCLUDED),
                "files": files,
            }
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
        objects = len(json.loads(data.read_text(encoding="utf-8")))
    os.replace(partial, path)
    return Summary(objects=objects, files=len(files), bytes=path.stat().st_size)


def read_manifest(archive: zipfile.ZipFile) -> dict[str, object]:
    """The archive's manifest, once the archive has been checked through."""
    names = set(archive.namelist())
    if "manifest.json" not in names or "data.json" not in names:
        raise BackupError("This is not a Shopwindow backup (no manifest.json or data.json).")
    manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(
            f"Unknown backup format {manifest.get('format')!r} version {manifest.get('version')!r}."
        )
    broken = archive.testzip()
    if broken:
        raise BackupError(f"The archive is damaged: {broken} fails its checksum.")
    for entry in manifest["files"]:
        name = f"files/{entry['source']}/{entry['name']}"
        if name not in names:
            raise BackupError(f"The archive lacks the file {name} its manifest lists.")
        with archive.open(name) as stored:
            if _copy(stored, _Discard()) != entry["sha256"]:
                raise BackupError(f"The file {name} does not match its recorded SHA-256.")
    missing = {tuple(m) for m in manifest["migrations"]} - set(map(tuple, _applied_migrations()))
    if missing:
        first = ", ".join(f"{app}.{name}" for app, name in sorted(missing)[:3])
        raise BackupError(
            f"This database lacks {len(missing)} migration(s) the backup was taken with "
            f"({first}): run `manage.py migrate` with the release that took it, then restore."
        )
    return manifest


class _Discard:
    def write(self, chunk: bytes) -> int:
        return len(chunk)


def _restore_files(archive: zipfile.ZipFile, entries: list[dict[str, str]]) -> int:
    storage = private_storage()
    written = 0
    for entry in entries:
        if entry["source"] != SOURCE:
            raise BackupError(f"No storage for the files of {entry['source']} in this release.")
        if storage.exists(entry["name"]):
            continue
        with archive.open(f"files/{SOURCE}/{entry['name']}") as stored:
            saved = storage.save(entry["name"], File(stored, name=entry["name"]))
        if saved != entry["name"]:
            raise BackupError(f"The file {entry['name']} was stored as {saved}.")
        written += 1
    return written


def _insert(model: type[models.Model], batch: list[DeserializedObject]) -> None:
    """Insert one model's rows (and their many-to-many links) in bulk: loaddata saves row by
    row, two queries each, which takes minutes for the comparators alone."""
    model._default_manager.db_manager(DEFAULT_DB_ALIAS).bulk_create(
        [item.object for item in batch], batch_size=BATCH
    )
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        if through is None or not through._meta.auto_created:
            continue  # an explicit through model is dumped and loaded as rows of its own
        source = f"{field.m2m_field_name()}_id"
        target = f"{field.m2m_reverse_field_name()}_id"
        links = [
            through(**{source: item.object.pk, target: value})
            for item in batch
            for value in (item.m2m_data or {}).get(field.name, [])
        ]
        through._default_manager.db_manager(DEFAULT_DB_ALIAS).bulk_create(links, batch_size=BATCH)


def _load(data: Path) -> None:
    """Load data.json model by model (dumpdata writes each model's rows together, a model
    before the models whose natural keys point at it)."""
    loaded: set[type[models.Model]] = set()
    deferred: list[DeserializedObject] = []
    batch: list[DeserializedObject] = []
    with data.open(encoding="utf-8") as stream:
        for item in serializers.deserialize(
            "json", stream, using=DEFAULT_DB_ALIAS, handle_forward_references=True
        ):
            if batch and (type(item.object) is not type(batch[0].object) or len(batch) >= BATCH):
                _insert(type(batch[0].object), batch)
                batch = []
            batch.append(item)
            loaded.add(type(item.object))
            if item.deferred_fields:
                deferred.append(item)
        if batch:
            _insert(type(batch[0].object), batch)
    for item in deferred:
        item.save_deferred_fields(using=DEFAULT_DB_ALIAS)
    connection = connections[DEFAULT_DB_ALIAS]
    statements = connection.ops.sequence_reset_sql(no_style(), list(loaded))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def empty_database() -> None:
    """Delete every row of every model (content types and permissions are recreated).
    PostgreSQL refuses to truncate tables with deferred constraint checks still pending in
    the transaction, so they are run first."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def restore_backup(*, path: Path) -> Summary:
    """Replace everything in the default database (and add the missing files) with the backup.
    Restore into a migrated database; stop the web and worker processes first."""
    with zipfile.ZipFile(path) as archive:
        manifest = read_manifest(archive)
        with tempfile.TemporaryDirectory() as work:
            data = Path(work) / "data.json"
            data.write_bytes(archive.read("data.json"))
            objects = len(json.loads(data.read_text(encoding="utf-8")))
            with transaction.atomic(using=DEFAULT_DB_ALIAS):
                empty_database()
                _load(data)
                files = _restore_files(archive, manifest["files"])  # type: ignore[arg-type]
                rebuild()
                schedule_default_pdf()
    cache.clear()
    return Summary(objects=objects, files=files, bytes=path.stat().st_size)
