"""The PostgreSQL engine: a stored, GIN-indexed, weighted tsvector (search_document.search_vector,
title A, summary B, body C, tags/councils/labels D), matched with websearch_to_tsquery (and
to_tsquery for type-ahead prefixes), ranked by ts_rank_cd with weights, snippets by ts_headline."""

from typing import Any

from django.db import connection

from shopwindow.search.engine import Engine, TextSQL, placeholders
from shopwindow.search.query import Clause, Phrase

# ts_rank_cd weights in PostgreSQL's order {D, C, B, A}.
WEIGHTS = "{0.2, 0.1, 0.4, 1.0}"
START, STOP = "\x02", "\x03"
HEADLINE = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=32, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def _phrase(phrase: Phrase) -> tuple[str, list[Any]]:
    if phrase.prefix:
        # Words are letters and digits only (query.words_of), so this is a valid to_tsquery term.
        return "to_tsquery('english', %s)", [f"{phrase.words[0]}:*"]
    text = phrase.words[0] if len(phrase.words) == 1 else '"' + " ".join(phrase.words) + '"'
    return "websearch_to_tsquery('english', %s)", [text]


def tsquery_sql(clauses: list[Clause]) -> tuple[str, list[Any]]:
    """One tsquery expression: clauses joined by && (AND), alternatives by || (OR)."""
    parts, params = [], []
    for clause in clauses:
        alternatives = []
        for phrase in clause.alternatives:
            sql, values = _phrase(phrase)
            alternatives.append(sql)
            params.extend(values)
        parts.append("(" + " || ".join(alternatives) + ")")
    return " && ".join(parts), params


class PostgresEngine(Engine):
    vendor = "postgresql"
    needs_transaction = True

    def prepare(self) -> None:
        # JIT compilation costs 100-300 ms per statement here and never pays for itself on
        # these short queries. SET LOCAL lasts only until the search's transaction ends.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")

    def text_sql(self, clauses: list[Clause]) -> TextSQL:
        sql, params = tsquery_sql(clauses)
        return TextSQL(
            f"search_document d CROSS JOIN (SELECT {sql} AS query) q",
            "d.search_vector @@ q.query",
            # Matching uses the whole record; ranking the small rank_vector (see migration 0002).
            f"ts_rank_cd('{WEIGHTS}', d.rank_vector, q.query, 1)",
            params,
        )

    def exclusion_sql(self, phrases: list[Phrase]) -> tuple[str, list[Any]]:
        sql, params = tsquery_sql([Clause(tuple(phrases))])
        return f"NOT (d.search_vector @@ {sql})", params

    def ids_sql(self, ids: list[int]) -> tuple[str, list[Any]]:
        return "SELECT unnest(%s::bigint[]) AS id", [[int(i) for i in ids]]

    def snippets(self, clauses: list[Clause], ids: list[int]) -> dict[int, str]:
        if not ids or not clauses:
            return {}
        sql, params = tsquery_sql(clauses)
        query = (
            "SELECT d.innovation_id, ts_headline('english', d.summary || E'\\n' || d.body, "  # noqa: S608
            f"q.query, %s) FROM search_document d CROSS JOIN (SELECT {sql} AS query) q "
            f"WHERE d.innovation_id IN ({placeholders(ids)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, [HEADLINE, *params, *ids])
            return {int(pk): text for pk, text in cursor.fetchall()}
