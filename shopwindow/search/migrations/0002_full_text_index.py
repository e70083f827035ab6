"""The full-text index, which differs by database (so it is SQL, branching on the vendor).

PostgreSQL: search_document.search_vector, a STORED generated tsvector (title A, summary B,
body C, extra D; the database recomputes it on every insert and update, as a trigger would),
with a GIN index. Concatenated tsvectors continue each other's word positions, so a phrase
could match across two fields ("… one roof" + "One contract …"); a filler word at the end of each
field keeps them apart, as SQLite's separate FTS5 columns do.
SQLite: search_fts, an FTS5 external-content table over search_document (porter stemming),
kept in step by insert, update and delete triggers.

Note for later migrations: Django's SQLite schema editor rebuilds a table to alter it, which
drops its triggers. A migration that alters search_document must re-run SQLITE_TRIGGERS.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    """
    ALTER TABLE search_document ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '') || ' zzzfieldbreak'), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '') || ' zzzfieldbreak'), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '') || ' zzzfieldbreak'), 'C') ||
        setweight(to_tsvector('english', coalesce(extra, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX search_document_vector ON search_document USING GIN (search_vector)",
    # Ranking reads a second, small vector (title, summary and extra; no long body): a whole
    # search_vector is often large enough to be compressed out of line, and decompressing it
    # for every match made ranking the slowest step of a search.
    """
    ALTER TABLE search_document ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '') || ' zzzfieldbreak'), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '') || ' zzzfieldbreak'), 'B') ||
        setweight(to_tsvector('english', coalesce(extra, '')), 'D')
    ) STORED
    """,
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS rank_vector",
]

SQLITE_TABLE = """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, extra,
        content='search_document', content_rowid='innovation_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
"""
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
        INSERT INTO search_fts(rowid, title, summary, body, extra)
        VALUES (new.innovation_id, new.title, new.summary, new.body, new.extra);
    END
    """,
    """
    CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, extra)
        VALUES ('delete', old.innovation_id, old.title, old.summary, old.body, old.extra);
    END
    """,
    """
    CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, extra)
        VALUES ('delete', old.innovation_id, old.title, old.summary, old.body, old.extra);
        INSERT INTO search_fts(rowid, title, summary, body, extra)
        VALUES (new.innovation_id, new.title, new.summary, new.body, new.extra);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRES_FORWARD)
    elif vendor == "sqlite":
        _run(schema_editor, [SQLITE_TABLE, *SQLITE_TRIGGERS])
        # Index any documents already present (none on a fresh database).
        schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    else:
        raise RuntimeError(f"Search supports PostgreSQL and SQLite, not {vendor}")


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, POSTGRES_BACKWARD if vendor == "postgresql" else SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
