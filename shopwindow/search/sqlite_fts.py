"""The SQLite engine: an FTS5 external-content table over search_document (porter stemming),
ranked by bm25 with column weights, snippets by FTS5's snippet()."""

import json
from typing import Any

from django.db import connection

from shopwindow.search.engine import Engine, TextSQL
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
    join = "CROSS JOIN"

    def text_sql(self, clauses: list[Clause]) -> TextSQL:
        weights = ", ".join(str(w) for w in WEIGHTS)
        return TextSQL(
            # CROSS JOIN fixes the join order in SQLite: text matches first, then their documents.
            # Left to the planner, a filter such as evidence_level = 4 can lead it to walk that
            # index and probe FTS5 once per document (40 s instead of 0.1 s at 100,000 records).
            "search_fts CROSS JOIN search_document d ON d.innovation_id = search_fts.rowid",
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

    def ids_sql(self, ids: list[int]) -> tuple[str, list[Any]]:
        # One JSON parameter, whatever the number of ids (SQLite limits bound parameters).
        return "SELECT value AS id FROM json_each(%s)", [json.dumps([int(i) for i in ids])]

    def snippets(self, clauses: list[Clause], ids: list[int]) -> dict[int, str]:
        if not ids or not clauses:
            return {}
        # Snippets only for the page's rows: snippet() is costly, so it is not in the ranking query.
        # A type-ahead prefix ("bus"*) costs FTS5 a merge of every word it starts (about 20 ms
        # per row for "bus" at 100,000 records), so rows are first cut with the words as typed
        # and only rows that matched through the prefix alone are cut again with it.
        found = self._snippets(_without_prefixes(clauses), ids)
        missing = [pk for pk in ids if pk not in found]
        if missing and _has_prefix(clauses):
            found.update(self._snippets(clauses, missing))
        return found

    def _snippets(self, clauses: list[Clause], ids: list[int]) -> dict[int, str]:
        if not clauses:
            return {}
        # One `rowid = ?` lookup per row, so FTS5 seeks to each row.
        one = "SELECT rowid, snippet(search_fts, -1, %s, %s, '…', 28) FROM search_fts "
        one += "WHERE search_fts MATCH %s AND rowid = %s"
        expression = match_expression(clauses)
        params: list[Any] = []
        for pk in ids:
            params += [START, STOP, expression, pk]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([one] * len(ids)), params)
            return {int(pk): text for pk, text in cursor.fetchall()}


def _has_prefix(clauses: list[Clause]) -> bool:
    return any(p.prefix for c in clauses for p in c.alternatives)


def _without_prefixes(clauses: list[Clause]) -> list[Clause]:
    """The clauses without type-ahead prefixes (a clause of only a prefix is kept whole)."""
    kept = []
    for clause in clauses:
        whole = tuple(p for p in clause.alternatives if not p.prefix)
        kept.append(Clause(whole, clause.synonyms) if whole else clause)
    return kept
