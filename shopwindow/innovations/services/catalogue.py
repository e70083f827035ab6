"""Loading the real catalogue (`data/catalogue/*.json`) through the importer: every file or none.

The catalogue is the service's content, not demo data, so it loads in every environment. Each file
must declare format 1.1 (so every figure has a source), no record may be tagged illustrative, and
ids must be unique across files. Loading again changes nothing: the importer upserts, and records
whose content is unchanged keep their revisions and their "last checked" date.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from shopwindow.core import safejson
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.services.imports import parse_file, preview_import, run_import
from shopwindow.innovations.services.validation import SCHEMA_1_1, RecordError
from shopwindow.innovations.vocabularies import ILLUSTRATIVE_TAG


class CatalogueError(Exception):
    """The catalogue cannot be loaded; `problems` names each file and record at fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class CatalogueLoad:
    files: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def catalogue_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.json"))


def check_catalogue(directory: Path) -> list[str]:
    """Every problem in the catalogue files, each prefixed with its file name. Writes nothing."""
    files = catalogue_files(directory)
    if not files:
        return [f"{directory}: no catalogue files (*.json)"]
    problems: list[str] = []
    first_file: dict[str, str] = {}
    for path in files:
        content = path.read_bytes()
        records, errors = parse_file(content)
        problems += [f"{path.name}: {error}" for error in errors]
        if _declared_schema(content) != SCHEMA_1_1:
            problems.append(f"{path.name}: file: schema: must be {SCHEMA_1_1!r}")
        problems += [f"{path.name}: {error}" for error in preview_import(content).errors]
        for n, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                continue
            record_id = str(record.get("id"))
            if ILLUSTRATIVE_TAG in (record.get("tags") or []):
                error = RecordError(n, record_id, "tags", "the catalogue holds real records only")
                problems.append(f"{path.name}: {error}")
            if record_id in first_file:
                where = f"also in {first_file[record_id]}"
                problems.append(f"{path.name}: {RecordError(n, record_id, 'id', where)}")
            first_file.setdefault(record_id, path.name)
    return list(dict.fromkeys(problems))


def _declared_schema(content: bytes) -> str | None:
    try:
        document = safejson.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return document.get("schema") if isinstance(document, dict) else None


@transaction.atomic
def load_catalogue(*, directory: Path) -> CatalogueLoad:
    """Load every catalogue file, published, or raise CatalogueError and load nothing."""
    problems = check_catalogue(directory)
    if problems:
        raise CatalogueError(problems)
    load = CatalogueLoad()
    for path in catalogue_files(directory):
        result = run_import(path.read_bytes(), publish=True)
        load.files.append(path.name)
        load.created += result.created
        load.updated += result.updated + result.pending
        load.unchanged += result.unchanged
    changed = load.created + load.updated
    if changed:
        # Checked against its sources when it last changed in the catalogue.
        Innovation.objects.filter(record_id__in=changed).update(last_checked_at=timezone.now())
    return load
