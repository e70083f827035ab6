"""The one search interface: `search(query, filters, sort, page, page_size) -> SearchResult`.

Only published records are in the index (see models.py), so every search is public-safe.
The engine is chosen by the database vendor; both are driven by the same parsed query.
Counts, facet counts and the spelling suggestion are cached per index version (every reindex
bumps it), so a repeated search costs one page query and one version read.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from shopwindow.search import cache as search_cache
from shopwindow.search import hybrid
from shopwindow.search.engine import Engine, Filters
from shopwindow.search.facets import FACETS
from shopwindow.search.models import SearchDocument, SearchEmbedding, SearchIndexState
from shopwindow.search.query import Clause, ParsedQuery, parse, relaxed
from shopwindow.search.spelling import suggest

FEW_RESULTS = 2  # at or below this many results, offer "Did you mean"
RANKED_WINDOW = 100  # the first results of a search whose order is cached (5 pages of 20)


@dataclass
class Hit:
    pk: int
    id: str
    title: str
    summary: str
    score: float
    snippet: SafeString
    annual_saving_gbp: Decimal | None
    saving_kind: str
    evidence_level: int
    verification: str
    status: str
    lead_authorities: list[tuple[str, str]]  # (identifier, name)
    is_illustrative: bool
    about: str | None = None  # found by meaning alone: the topic nearest the query

    @property
    def url(self) -> str:
        return f"/innovations/{self.id}/"


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetResult:
    name: str
    param: str
    heading: str
    values: list[FacetValue]


@dataclass
class SearchResult:
    query: str
    filters: Filters
    sort: str
    page: int
    page_size: int
    count: int
    hits: list[Hit] = field(default_factory=list)
    facets: list[FacetResult] = field(default_factory=list)
    did_you_mean: str | None = None
    relaxed: bool = False  # no record matched every word: these match some of them

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))


def engine() -> Engine:
    if connection.vendor == "postgresql":
        from shopwindow.search.postgres import PostgresEngine

        return PostgresEngine()
    from shopwindow.search.sqlite_fts import SQLiteEngine

    return SQLiteEngine()


def index_version() -> str:
    return SearchIndexState.objects.filter(pk=1).values_list("version", flat=True).first() or ""


def highlight(text: str, start: str = "\x02", stop: str = "\x03") -> SafeString:
    """Escape everything, then turn the engine's marks into <mark>."""
    escaped = str(escape(text))
    return mark_safe(  # noqa: S308 - escaped above; only our own <mark> tags are added
        escaped.replace(start, '<mark class="app-search-mark">').replace(stop, "</mark>")
    )


def _hints(parsed: ParsedQuery, ids: list[int]) -> dict[int, str]:
    """ "Why this result" for records found by meaning alone."""
    if not ids:
        return {}
    topics = dict(SearchEmbedding.objects.filter(pk__in=ids).values_list("pk", "topics"))
    return hybrid.hints(parsed, topics)


def _cached_snippets(
    eng: Engine,
    parsed: ParsedQuery,
    clauses: list[Clause],
    entry: dict[str, Any],
    ranked: list[tuple[int, float, bool]],
) -> tuple[dict[int, str], dict[int, str], bool]:
    """Snippets and "why this result" hints of a page within the cached window, kept in the
    search's cache entry: cutting snippets is most of a repeated search's time, and both depend
    only on the query and the indexed text, which the entry's key (index version) pins. Returns
    them and whether the entry grew (so it is written back)."""
    cut: dict[str, str] = entry.setdefault("snippets", {})
    about: dict[str, str] = entry.setdefault("hints", {})
    new_text = [pk for pk, _, lex in ranked if lex and str(pk) not in cut]
    new_meaning = [pk for pk, _, lex in ranked if not lex and str(pk) not in about]
    if new_text:
        fetched = eng.snippets(clauses, new_text)
        cut.update({str(pk): fetched.get(pk, "") for pk in new_text})
    if new_meaning:
        found = _hints(parsed, new_meaning)
        about.update({str(pk): found.get(pk, "") for pk in new_meaning})
    snippets = {pk: cut[str(pk)] for pk, _, lex in ranked if lex and cut.get(str(pk))}
    hints = {pk: about[str(pk)] for pk, _, lex in ranked if not lex and about.get(str(pk))}
    return snippets, hints, bool(new_text or new_meaning)


def _facet_results(counts: dict[str, dict[str, int]], filters: Filters) -> list[FacetResult]:
    results = []
    for facet in FACETS:
        chosen = set(filters.selected.get(facet.name) or [])
        values = [
            FacetValue(code, label, counts[facet.name].get(code, 0), code in chosen)
            for code, label in facet.choices
            if counts[facet.name].get(code) or code in chosen
        ]
        results.append(FacetResult(facet.name, facet.param, facet.heading, values))
    return results


def _aggregates(eng: Engine, parsed: ParsedQuery, filters: Filters, version: str) -> dict[str, Any]:
    """Count, whether the search fell back to any word, facet counts, the suggestion and the
    records found by meaning (id and similarity, best first)."""
    meaning = hybrid.semantic_hits(parsed, version)
    ids = [pk for pk, _ in meaning]
    count, lexical, facets = eng.aggregate(parsed, parsed.clauses, filters, ids)
    strict_lexical, is_relaxed = lexical, False
    if lexical == 0 and len(parsed.clauses) > 1:
        relaxed_count, relaxed_lexical, relaxed_facets = eng.aggregate(
            parsed, relaxed(parsed), filters, ids
        )
        if relaxed_lexical:
            count, facets, is_relaxed = relaxed_count, relaxed_facets, True
    did_you_mean = None
    if parsed.has_text and strict_lexical <= FEW_RESULTS:
        candidate = suggest(parsed.typed_words, version)
        if candidate:
            better = parse(candidate, prefix_last=False)
            if eng.count(better, better.clauses, filters) > strict_lexical:
                did_you_mean = candidate
    return {
        "count": count,
        "relaxed": is_relaxed,
        "did_you_mean": did_you_mean,
        "facets": facets,
        "semantic": [[pk, round(similarity, 4)] for pk, similarity in meaning],
    }


def _ranked(
    eng: Engine,
    parsed: ParsedQuery,
    clauses: list[Clause],
    filters: Filters,
    entry: dict[str, Any],
    *,
    sort: str,
    offset: int,
    limit: int,
) -> list[tuple[int, float, bool]]:
    """One page of (id, score, whether the text matched): text and semantic matches, in the
    sort's order; for relevance, the fused order (hybrid.py)."""
    meaning = [int(pk) for pk, _ in entry.get("semantic", [])]
    if not meaning or sort != "relevance":
        return eng.page(
            parsed, clauses, filters, sort=sort, offset=offset, limit=limit, semantic=meaning
        )
    lexical = eng.page(parsed, clauses, filters, sort=sort, offset=0, limit=offset + limit)
    allowed = eng.allowed(parsed, filters, meaning)
    meaning = [pk for pk in meaning if pk in allowed]
    candidates = [pk for pk, _, _ in lexical] + meaning
    fields = {
        pk: (title, topics or [])
        for pk, title, topics in SearchDocument.objects.filter(pk__in=candidates).values_list(
            "pk", "title", "embedding__topics"
        )
    }
    fused = hybrid.fuse(parsed, lexical, meaning, fields, relaxed=entry["relaxed"])
    return fused[offset : offset + limit]


def search(
    query: str = "",
    filters: Filters | None = None,
    sort: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> SearchResult:
    """Search published records. `sort` defaults to relevance with a query, newest without.
    A page past the end is empty (callers decide whether that is an error)."""
    filters = filters or Filters()
    parsed = parse(query)
    sort = sort or ("relevance" if parsed.has_text else "newest")
    if sort == "relevance" and not parsed.has_text:
        sort = "newest"
    eng = engine()
    if eng.needs_transaction:
        with transaction.atomic():
            eng.prepare()
            result, pending = _search(eng, parsed, filters, sort, page, page_size)
    else:
        result, pending = _search(eng, parsed, filters, sort, page, page_size)
    if pending is not None:
        # Written after the search's own transaction, in one statement.
        search_cache.put(*pending)
    return result


def _search(
    eng: Engine, parsed: ParsedQuery, filters: Filters, sort: str, page: int, page_size: int
) -> tuple[SearchResult, tuple[str, dict[str, Any]] | None]:
    """The search, and the cache entry to store if it was not cached (or has grown).

    One cache entry per search (query, filters, sort, index version) holds the aggregates and,
    once a page within them is shown, the order of the first RANKED_WINDOW results: ranking is
    a pass over every match, so repeat visits and the next few pages skip it; and the snippets
    and hints of the results shown within that window. Deeper pages are queried live; the
    page's documents are always read live."""
    version = index_version()
    text = f"{eng.vendor}#{version}#{parsed.key()}#{filters.key()}#{sort}"
    key = "search:" + hashlib.sha256(text.encode()).hexdigest()
    entry = search_cache.get(key)
    changed = entry is None
    if entry is None:
        entry = _aggregates(eng, parsed, filters, version)
    clauses = relaxed(parsed) if entry["relaxed"] else parsed.clauses
    result = SearchResult(
        query=parsed.raw,
        filters=filters,
        sort=sort,
        page=page,
        page_size=page_size,
        count=entry["count"],
        facets=_facet_results(entry["facets"], filters),
        did_you_mean=entry["did_you_mean"],
        relaxed=entry["relaxed"],
    )
    pending = (key, entry) if changed and search_cache.seconds() else None
    offset = (page - 1) * page_size
    if offset >= result.count:
        return result, pending
    if offset + page_size > RANKED_WINDOW or not search_cache.seconds():
        ranked = _ranked(
            eng, parsed, clauses, filters, entry, sort=sort, offset=offset, limit=page_size
        )
    else:
        if "window" not in entry:
            window = _ranked(
                eng, parsed, clauses, filters, entry, sort=sort, offset=0, limit=RANKED_WINDOW
            )
            entry["window"] = [[pk, score, int(lex)] for pk, score, lex in window]
            pending = (key, entry)
        ranked = [
            (int(item[0]), float(item[1]), bool(item[2]) if len(item) > 2 else True)
            for item in entry["window"][offset:][:page_size]
        ]
    ids = [pk for pk, _, _ in ranked]
    documents = SearchDocument.objects.in_bulk(ids)
    if offset + page_size <= RANKED_WINDOW and search_cache.seconds():
        snippets, hints, grew = _cached_snippets(eng, parsed, clauses, entry, ranked)
        if grew:
            pending = (key, entry)
    else:
        snippets = eng.snippets(clauses, [pk for pk, _, lex in ranked if lex])
        hints = _hints(parsed, [pk for pk, _, lex in ranked if not lex])
    for pk, score, _ in ranked:
        doc = documents[pk]
        snippet = snippets.get(pk)
        hint = hints.get(pk)
        if hint:
            snippet_html = mark_safe(  # noqa: S308 - both parts escaped
                '<span class="app-search-about govuk-!-font-weight-bold">'
                f"About: {escape(hint)}</span> — {escape(doc.summary)}"
            )
        else:
            snippet_html = highlight(snippet) if snippet else highlight(doc.summary)
        result.hits.append(
            Hit(
                pk=pk,
                id=doc.record_id,
                title=doc.title,
                summary=doc.summary,
                score=round(score, 6),
                snippet=snippet_html,
                about=hint,
                annual_saving_gbp=doc.annual_saving,
                saving_kind=doc.saving_kind,
                evidence_level=doc.evidence_level,
                verification=doc.verification,
                status=doc.status,
                lead_authorities=[(code, name) for code, name in doc.leads],
                is_illustrative=doc.is_illustrative,
            )
        )
    return result, pending
