"""Move CVs written to disk (PRIVATE_MEDIA_ROOT/cvs/) before issue 14 into the database.

Each profile's `cv_file` keeps its name ("cvs/<random>.<kind>"), now a `files.StoredFile` name.
A file already in the database is left alone; a file missing from disk is reported and the
profile keeps its name (the moderators' download then says the file is missing, as before).
The files on disk are not deleted: remove PRIVATE_MEDIA_ROOT once the migration has run.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import migrations


def move_cvs_into_database(apps: Any, schema_editor: Any) -> None:
    profiles = apps.get_model("associates", "AssociateProfile")
    stored = apps.get_model("files", "StoredFile")
    root = Path(getattr(settings, "PRIVATE_MEDIA_ROOT", "") or ".").resolve()
    for name in profiles.objects.exclude(cv_file="").values_list("cv_file", flat=True):
        if stored.objects.filter(name=name).exists():
            continue
        path = (root / name).resolve()
        if root not in path.parents or not path.is_file():
            print(f"  CV {name} is not on disk under {root}: left as it is")  # noqa: T201
            continue
        content = path.read_bytes()
        stored.objects.create(name=name, content=content, size=len(content))


class Migration(migrations.Migration):
    dependencies = [
        ("associates", "0001_initial"),
        ("files", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_cvs_into_database, migrations.RunPython.noop, elidable=True),
    ]
