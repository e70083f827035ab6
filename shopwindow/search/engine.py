"""What both engines share: filters and facet counts in SQL over the matching id set.

An engine only says how text matches, how it is ranked and how snippets are cut
(postgres.py, sqlite_fts.py). Everything else — filters, facet counts with the "exclude own
facet" rule, sorting and paging — is the same SQL here, so both engines behave the same.

The SQL is assembled from fixed fragments and placeholders (`# noqa: S608` below): every value
a person supplies — words, facet codes, numbers — is passed as a query parameter.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection

from shopwindow.search.facets import FACETS, decode, facet_range, facet_value
from shopwindow.search.query import Clause, ParsedQuery, Phrase

# The document columns that filters, sorts and facets read (the union of text and semantic
# matches carries them, so a count or a page needs no second join).
DOC_COLUMNS = (
    "d.innovation_id, d.status, d.verification, d.evidence_level, d.savings_band, "
    "d.annual_saving, d.is_illustrative, d.published_at"
)

# Single-valued facets filter on the document's own column (cheaper than a subquery).
COLUMN_FACETS = {
    "status": "d.status",
    "verification": "d.verification",
    "evidence_level": "d.evidence_level",
    "savings_band": "d.savings_band",
}


@dataclass
class Filters:
    """Facet selections (OR within a facet, AND across), the two thresholds, and whether the
    illustrative demo records are included (left out unless a visitor asks for them)."""

    selected: dict[str, list[str]] = field(default_factory=dict)
    evidence_min: int | None = None
    savings_min: Decimal | None = None
    include_illustrative: bool = False

    def active_facets(self) -> set[str]:
        names = {name for name, codes in self.selected.items() if codes}
        if self.evidence_min is not None:
            names.add("evidence_level")
        if self.savings_min is not None:
            names.add("savings_band")
        return names

    def key(self) -> str:
        parts = [f"{k}={','.join(sorted(v))}" for k, v in sorted(self.selected.items()) if v]
        return ";".join(
            [
                *parts,
                f"emin={self.evidence_min}",
                f"smin={self.savings_min}",
                f"ill={self.include_illustrative}",
            ]
        )


@dataclass
class TextSQL:
    """How an engine joins and ranks text matches: FROM, WHERE, a score and their params."""

    from_sql: str
    where_sql: str
    score_sql: str
    params: list[Any]


def placeholders(values: list[Any]) -> str:
    return ", ".join(["%s"] * len(values))


class Engine:
    vendor = ""
    # SQLite: "CROSS JOIN" keeps the written join order (its planner, without statistics, may
    # otherwise start from search_facet and probe every document).
    join = "JOIN"
    # Whether prepare() sets anything, so the search must run in its own transaction (not on
    # SQLite, where this project's transactions start with BEGIN IMMEDIATE, a write lock).
    needs_transaction = False

    # --- what each engine provides ------------------------------------------------------------
    def text_sql(self, clauses: list[Clause]) -> TextSQL:
        raise NotImplementedError

    def exclusion_sql(self, phrases: list[Phrase]) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def snippets(self, clauses: list[Clause], ids: list[int]) -> dict[int, str]:
        raise NotImplementedError

    def ids_sql(self, ids: list[int]) -> tuple[str, list[Any]]:
        """A subquery of one column, `id`, holding these ids (passed as one parameter)."""
        raise NotImplementedError

    def prepare(self) -> None:
        """Session settings for this search's statements (called inside its transaction)."""

    # --- shared -------------------------------------------------------------------------------
    def _base(self, parsed: ParsedQuery, clauses: list[Clause]) -> TextSQL:
        if not clauses:
            text = TextSQL("search_document d", "1 = 1", "0", [])
        else:
            text = self.text_sql(clauses)
        if parsed.exclusions:
            sql, params = self.exclusion_sql(parsed.exclusions)
            text = TextSQL(
                text.from_sql, f"{text.where_sql} AND {sql}", text.score_sql, text.params + params
            )
        return text

    def _filter_sql(
        self, filters: Filters, skip: str | None = None, *, columns: bool = True
    ) -> tuple[str, list[Any]]:
        """WHERE conditions for the filters. `columns`: test single-valued facets on the
        document's own columns (cheap over a set of text matches); otherwise through the
        indexed search_facet table (cheaper when every document is a candidate)."""
        where: list[str] = []
        params: list[Any] = []
        if not filters.include_illustrative:
            where.append("d.is_illustrative = %s")
            params.append(False)
        for name, codes in filters.selected.items():
            if not codes or name == skip:
                continue
            values: list[Any]
            if columns and name in COLUMN_FACETS:
                values = [int(c) for c in codes] if name == "evidence_level" else list(codes)
                where.append(f"{COLUMN_FACETS[name]} IN ({placeholders(values)})")
            else:
                values = [facet_value(name, code) for code in codes]
                where.append(
                    "d.innovation_id IN (SELECT document_id FROM search_facet "  # noqa: S608
                    f"WHERE value IN ({placeholders(values)}))"
                )
            params.extend(values)
        if filters.evidence_min is not None and skip != "evidence_level":
            where.append("d.evidence_level >= %s")
            params.append(filters.evidence_min)
        if filters.savings_min is not None and skip != "savings_band":
            where.append("d.annual_saving >= %s")
            params.append(filters.savings_min)
        return " AND ".join(where) or "1 = 1", params

    def count(self, parsed: ParsedQuery, clauses: list[Clause], filters: Filters) -> int:
        text = self._base(parsed, clauses)
        fsql, fparams = self._filter_sql(filters)
        sql = f"SELECT COUNT(*) FROM {text.from_sql} WHERE {text.where_sql} AND {fsql}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, text.params + fparams)
            return int(cursor.fetchone()[0])

    def _union(
        self, parsed: ParsedQuery, clauses: list[Clause], semantic: list[int], *, score: bool
    ) -> tuple[str, list[Any]]:
        """CTEs ending in `d`: the text matches (lex = 1) and the semantic matches that are not
        text matches (lex = 0), with the columns that filters, sorts and facets read. The text
        is matched once (`lx`, materialised)."""
        text = self._base(parsed, clauses)
        score_sql = text.score_sql if score else "0"
        ids_sql, ids_params = self.ids_sql(semantic)
        exclusion, exclusion_params = (
            self.exclusion_sql(parsed.exclusions) if parsed.exclusions else ("1 = 1", [])
        )
        sql = (
            f"WITH lx AS MATERIALIZED (SELECT {DOC_COLUMNS}, {score_sql} AS score "  # noqa: S608
            f"FROM {text.from_sql} WHERE {text.where_sql}), "
            f"d AS MATERIALIZED (SELECT lx.*, 1 AS lex FROM lx UNION ALL "
            f"SELECT {DOC_COLUMNS}, 0, 0 FROM search_document d WHERE d.innovation_id IN "
            f"(SELECT id FROM ({ids_sql}) s) AND d.innovation_id NOT IN "
            f"(SELECT innovation_id FROM lx) AND {exclusion}) "
        )
        return sql, [*text.params, *ids_params, *exclusion_params]

    def page(
        self,
        parsed: ParsedQuery,
        clauses: list[Clause],
        filters: Filters,
        *,
        sort: str,
        offset: int,
        limit: int,
        semantic: list[int] | None = None,
    ) -> list[tuple[int, float, bool]]:
        """(innovation id, score, whether the text matched) for one page of results, in order.
        `semantic`: ids found by meaning, part of the results whether or not the text matches
        (ranked by `sort` with a text score of 0; hybrid ranking is selectors' job)."""
        order = {
            "relevance": "score DESC, d.published_at DESC, d.innovation_id",
            "saving": "d.annual_saving IS NULL, d.annual_saving DESC, d.innovation_id",
            "evidence": "d.evidence_level DESC, score DESC, d.innovation_id",
            "newest": "d.published_at DESC, d.innovation_id DESC",
        }[sort]
        fsql, fparams = self._filter_sql(filters)
        if semantic and clauses:
            prefix, params = self._union(parsed, clauses, semantic, score=True)
            sql = (
                f"{prefix}SELECT d.innovation_id, d.score, d.lex FROM d "  # noqa: S608
                f"WHERE {fsql} ORDER BY {order.replace('score', 'd.score')} LIMIT %s OFFSET %s"
            )
            params += [*fparams, limit, offset]
        else:
            text = self._base(parsed, clauses)
            sql = (
                f"SELECT d.innovation_id, {text.score_sql} AS score, 1 "  # noqa: S608
                f"FROM {text.from_sql} WHERE {text.where_sql} AND {fsql} "
                f"ORDER BY {order} LIMIT %s OFFSET %s"
            )
            params = [*text.params, *fparams, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(int(pk), float(score or 0), bool(lex)) for pk, score, lex in cursor.fetchall()]

    def allowed(self, parsed: ParsedQuery, filters: Filters, ids: list[int]) -> set[int]:
        """Which of these ids pass the filters and exclusions (for the semantic ranking)."""
        if not ids:
            return set()
        ids_sql, ids_params = self.ids_sql(ids)
        fsql, fparams = self._filter_sql(filters)
        exclusion, exclusion_params = (
            self.exclusion_sql(parsed.exclusions) if parsed.exclusions else ("1 = 1", [])
        )
        sql = (
            "SELECT d.innovation_id FROM search_document d WHERE d.innovation_id IN "  # noqa: S608
            f"(SELECT id FROM ({ids_sql}) s) AND {fsql} AND {exclusion}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ids_params, *fparams, *exclusion_params])
            return {int(row[0]) for row in cursor.fetchall()}

    def aggregate(
        self,
        parsed: ParsedQuery,
        clauses: list[Clause],
        filters: Filters,
        semantic: list[int] | None = None,
    ) -> tuple[int, int, dict[str, dict[str, int]]]:
        """The count, the count of text matches and the counts per facet value, in one
        statement, so the text is matched once (matching dominates the cost at 100,000
        records). `semantic`: ids found by meaning, counted with the text matches. A facet with
        a selection is counted with every filter but its own (so its other values show what
        choosing them would add); the other facets share one run. Runs are tagged and joined by
        UNION ALL."""
        text = self._base(parsed, clauses)
        active = sorted(filters.active_facets())
        lexical_only = "1 = 1"
        params: list[Any]
        if semantic and clauses:
            prefix, params = self._union(parsed, clauses, semantic, score=False)
            lexical_only = "d.lex = 1"
        elif clauses or parsed.exclusions:
            # Materialise the text matches once, with the columns the filters read.
            prefix = (
                "WITH d AS MATERIALIZED (SELECT d.innovation_id, d.status, d.verification, "  # noqa: S608
                "d.evidence_level, d.savings_band, d.annual_saving, d.is_illustrative "
                f"FROM {text.from_sql} WHERE {text.where_sql}) "
            )
            params = list(text.params)
        else:
            prefix, params = "", []
        source = "d" if prefix else "search_document d"
        parts: list[str] = []
        columns = bool(prefix)
        fsql, fparams = self._filter_sql(filters, columns=columns)
        parts.append(f"SELECT -1, 0, COUNT(*) FROM {source} WHERE {fsql}")  # noqa: S608
        params += fparams
        if lexical_only != "1 = 1":
            parts.append(
                f"SELECT -2, 0, COUNT(*) FROM {source} WHERE {fsql} AND {lexical_only}"  # noqa: S608
            )
            params += fparams
        # Join from the matching ids to their facet rows (an index-only lookup per document)
        # and group on the integer value.
        parts.append(
            f"SELECT 0, f.value, COUNT(*) FROM {source} {self.join} search_facet f "  # noqa: S608
            f"ON f.document_id = d.innovation_id WHERE {fsql} GROUP BY f.value"
        )
        params += fparams
        for run, skip in enumerate(active, 1):
            fsql, fparams = self._filter_sql(filters, skip=skip, columns=columns)
            parts.append(
                f"SELECT {run}, f.value, COUNT(*) FROM {source} {self.join} search_facet f "  # noqa: S608
                f"ON f.document_id = d.innovation_id WHERE {fsql} "
                "AND f.value >= %s AND f.value < %s GROUP BY f.value"
            )
            params += [*fparams, *facet_range(skip)]
        sql = prefix + " UNION ALL ".join(parts)
        count, lexical = 0, None
        counts: dict[str, dict[str, int]] = {facet.name: {} for facet in FACETS}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for run, value, n in cursor.fetchall():
                if run == -1:
                    count = int(n)
                    continue
                if run == -2:
                    lexical = int(n)
                    continue
                name, code = decode(int(value))
                # The shared run's counts of an active facet are replaced by its own run.
                if run == 0 and name in active:
                    continue
                counts[name][code] = int(n)
        return count, count if lexical is None else lexical, counts
