"""The saving's kind (format 1.1) on the search document, so results show it without a join.

SQLite rebuilds search_document to add the column, which drops the FTS5 triggers (see 0002):
they are created again and the FTS5 index rebuilt from the documents. The documents' new column
is filled on the next reindex (`manage.py rebuild_search_index`) or save.
"""

import importlib

from django.db import migrations, models

full_text = importlib.import_module("shopwindow.search.migrations.0002_full_text_index")


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in full_text.SQLITE_TRIGGERS:
        schema_editor.execute(statement)
    schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_shared_cache"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="saving_kind",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
