"""The SQLite engine: an FTS5 external-content table over search_document (porter stemming),
ranked by bm25 with column weights, snippets by FTS5's snippet()."""

from typing import Any

from django.db import connection

from shopwindow.search.engine import Engine, TextSQL, placeholders
from shopwindow.search.query import Clause, Phrase

# bm25 weights for title, summary, body and extra (tags, councils, labels): A > B > D > C.
# Ranking uses the same order of importance as PostgreSQL's A/B/C/D weights.
WEIGHTS = (10.0, 4.0, 1.0, 2.0)
START, STOP = "\x02", "\x03"  # marks that cannot occur in text; replaced by <mark> after escaping


def _phrase(phrase: Phrase) -> str:
    # Words are letters and digits only (query.words_of), so quoting them is always safe.
    quoted = '"' + " ".join(phrase.words) + '"'
    return f"{quoted}*" if phrase.prefix else quoted


def match_expression(clauses: list[Clause]) -> str:
    parts = []
    for clause in clauses:
        alternatives = [_phrase(p) for p in clause.alternatives]
        parts.append(
            alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
        )
    return " AND ".join(parts)


class SQLiteEngine(Engine):
    vendor = "sqlite"

    def text_sql(self, clauses: list[Clause]) -> TextSQL:
        weights = ", ".join(str(w) for w in WEIGHTS)
        return TextSQL(
            "search_fts JOIN search_document d ON d.innovation_id = search_fts.rowid",
            "search_fts MATCH %s",
            f"-bm25(search_fts, {weights})",
            [match_expression(clauses)],
        )

    def exclusion_sql(self, phrases: list[Phrase]) -> tuple[str, list[Any]]:
        expression = " OR ".join(_phrase(p) for p in phrases)
        return (
            "d.innovation_id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)",
            [expression],
        )

    def snippets(self, clauses: list[Clause], ids: list[int]) -> dict[int, str]:
        if not ids or not clauses:
            return {}
        # Snippets only for the page's rows: snippet() is costly, so it is not in the ranking query.
        sql = (
            f"SELECT rowid, snippet(search_fts, -1, %s, %s, '…', 28) FROM search_fts "  # noqa: S608
            f"WHERE search_fts MATCH %s AND rowid IN ({placeholders(ids)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, match_expression(clauses), *ids])
            return {int(pk): text for pk, text in cursor.fetchall()}
