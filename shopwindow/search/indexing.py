"""Keeping the search index consistent with the records: `reindex(ids)` and `rebuild()`.

A record is indexed from the database as it stands (the record and all its child rows), so a
reindex after the record's transaction has written everything is always correct. signals.py
calls it when a revision is written (save_record, approve_revision and status changes write
their revision last) and on commit after any other save of a record.
"""

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from uuid import uuid4

from django.db import connection, transaction
from django.db.models import F, Prefetch, QuerySet

from shopwindow.innovations.models import Innovation, LeadAuthority, PartnerAuthority
from shopwindow.innovations.vocabularies import FUNCTION_LABELS, WorkflowStatus
from shopwindow.search import semantic
from shopwindow.search.facets import facet_value, savings_band
from shopwindow.search.models import (
    SearchCache,
    SearchDocument,
    SearchEmbedding,
    SearchFacet,
    SearchIndexState,
    SearchTerm,
)
from shopwindow.search.query import STOP_WORDS, words_of

BATCH = 1000


def _indexable(ids: Iterable[int] | None = None) -> QuerySet[Innovation]:
    qs = Innovation.objects.filter(workflow_status=WorkflowStatus.PUBLISHED)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.select_related("evidence_level").prefetch_related(
        "themes",
        "service_areas",
        Prefetch("lead_links", queryset=LeadAuthority.objects.select_related("authority")),
        Prefetch("partner_links", queryset=PartnerAuthority.objects.select_related("authority")),
        "steps",
        "risks",
        "barriers",
        "metrics",
    )


MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"(\*\*|__|`|^#+\s*|^\s*[-*]\s+)", re.MULTILINE)


def plain(text: str) -> str:
    """Markdown as plain words, so snippets do not show ** or link targets."""
    return MARKDOWN_MARKS.sub("", MARKDOWN_LINK.sub(r"\1", text))


def _join(parts: Iterable[str]) -> str:
    return plain("\n".join(p for p in parts if p))


def document_for(innovation: Innovation) -> tuple[SearchDocument, list[SearchFacet]]:
    """The search document and facet rows of one record (relations prefetched)."""
    leads = [link.authority for link in innovation.lead_links.all()]
    partners = [link.authority for link in innovation.partner_links.all()]
    themes = list(innovation.themes.all())
    areas = list(innovation.service_areas.all())
    body = _join(
        [
            innovation.problem,
            innovation.approach,
            innovation.saving_basis,
            innovation.legal_basis,
            *innovation.prerequisites,
            *innovation.lessons,
            *(f"{s.title}. {s.detail}" for s in innovation.steps.all()),
            *(f"{r.risk} {r.mitigation}" for r in innovation.risks.all()),
            *(f"{b.barrier} {b.ask_of_government}" for b in innovation.barriers.all()),
            *(m.name for m in innovation.metrics.all()),
        ]
    )
    extra = _join(
        [
            " ".join(innovation.tags),
            " ".join(str(p) for p in innovation.other_partners),
            *(a.name for a in leads + partners),
            *(t.label for t in themes),
            *(a.label for a in areas),
            *(FUNCTION_LABELS.get(code, code) for code in innovation.functions or []),
        ]
    )
    document = SearchDocument(
        innovation_id=innovation.pk,
        record_id=innovation.record_id,
        title=innovation.title,
        summary=plain(innovation.summary),
        body=body,
        extra=extra,
        status=innovation.status,
        verification=innovation.verification,
        evidence_level=innovation.evidence_level.level,
        annual_saving=innovation.annual_saving_gbp,
        saving_kind=innovation.saving_kind,
        savings_band=savings_band(innovation.annual_saving_gbp),
        published_at=innovation.published_at,
        is_illustrative=innovation.is_illustrative,
        leads=[[a.identifier, a.name] for a in leads],
    )
    values: set[tuple[str, str]] = {("theme", t.code) for t in themes}
    values |= {("service_area", a.code) for a in areas}
    for authority in leads:
        values.add(("authority_type", authority.authority_type))
        values.add(("nation", authority.nation))
        if authority.region:
            values.add(("region", authority.region))
    values |= {
        ("evidence_level", str(document.evidence_level)),
        ("verification", document.verification),
        ("status", document.status),
        ("savings_band", document.savings_band),
    }
    numbers = {facet_value(name, code) for name, code in values}
    facets = [
        SearchFacet(document_id=innovation.pk, value=number)
        for number in sorted(n for n in numbers if n is not None)
    ]
    return document, facets


def meaning_of(innovation: Innovation) -> tuple[dict[str, str], list[str]]:
    """The fields a record's vector is made from (semantic.FIELD_WEIGHTS), and its topics: the
    labels a "why this result" hint may name."""
    labels = [t.label for t in innovation.themes.all()]
    labels += [a.label for a in innovation.service_areas.all()]
    labels += [FUNCTION_LABELS.get(code, code) for code in innovation.functions or []]
    tags = [str(tag).replace("-", " ") for tag in innovation.tags]
    fields = {
        "title": innovation.title,
        "summary": plain(innovation.summary),
        "body": _join([innovation.problem, innovation.approach]),
        "lessons": _join(innovation.lessons),
        "labels": ". ".join(labels + tags),
    }
    topics = list(dict.fromkeys(label.lower() for label in labels + tags if label))
    return fields, topics


def embeddings_for(innovations: list[Innovation]) -> list[SearchEmbedding]:
    """The embedding rows of these records (relations prefetched), embedded in one batch."""
    meanings = [meaning_of(innovation) for innovation in innovations]
    vectors = semantic.record_vectors([fields for fields, _ in meanings])
    rows = []
    for innovation, (_, topics), vector in zip(innovations, meanings, vectors, strict=True):
        codes, scale = semantic.quantise(vector)
        rows.append(
            SearchEmbedding(document_id=innovation.pk, codes=codes, scale=scale, topics=topics)
        )
    return rows


def vocabulary_of(document: SearchDocument) -> set[str]:
    """The words "Did you mean" may suggest: alphabetic, 3 to 60 letters, not common words."""
    text = " ".join([document.title, document.summary, document.body, document.extra])
    return {w for w in words_of(text) if w.isalpha() and 3 <= len(w) <= 60 and w not in STOP_WORDS}


def _adjust_terms(counts: Counter[str]) -> None:
    changed = {term: n for term, n in counts.items() if n}
    if not changed:
        return
    existing = set(SearchTerm.objects.filter(term__in=changed).values_list("term", flat=True))
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=t, documents=0) for t in changed if t not in existing],
        ignore_conflicts=True,
    )
    by_delta: dict[int, list[str]] = {}
    for term, delta in changed.items():
        by_delta.setdefault(delta, []).append(term)
    for delta, terms in by_delta.items():
        for start in range(0, len(terms), 500):
            SearchTerm.objects.filter(term__in=terms[start : start + 500]).update(
                documents=F("documents") + delta
            )
    SearchTerm.objects.filter(documents__lte=0).delete()


def bump_version() -> None:
    SearchIndexState.objects.update_or_create(pk=1, defaults={"version": uuid4().hex})
    # Every cached search belongs to an older version now.
    SearchCache.objects.all().delete()


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


@transaction.atomic
def reindex(innovation_ids: Iterable[int]) -> None:
    """Bring the index up to date for these records: index the published ones, drop the rest."""
    ids = sorted(set(innovation_ids))
    for chunk in _chunks(ids):
        old_docs = list(SearchDocument.objects.filter(innovation_id__in=chunk))
        counts: Counter[str] = Counter()
        for doc in old_docs:
            counts.subtract(vocabulary_of(doc))
        # Delete then insert: the SQLite triggers keep the FTS5 table in step with both.
        SearchDocument.objects.filter(innovation_id__in=chunk).delete()
        documents, facets = [], []
        innovations = list(_indexable(chunk))
        for innovation in innovations:
            document, rows = document_for(innovation)
            documents.append(document)
            facets.extend(rows)
            counts.update(vocabulary_of(document))
        SearchDocument.objects.bulk_create(documents)
        SearchFacet.objects.bulk_create(facets)
        SearchEmbedding.objects.bulk_create(embeddings_for(innovations))
        _adjust_terms(counts)
    bump_version()


@transaction.atomic
def rebuild() -> int:
    """Rebuild the whole index from the records (after a bulk load or a restore)."""
    SearchEmbedding.objects.all().delete()
    SearchFacet.objects.all().delete()
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    ids = list(
        Innovation.objects.filter(workflow_status=WorkflowStatus.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    counts: Counter[str] = Counter()
    for chunk in _chunks(ids):
        documents, facets = [], []
        innovations = list(_indexable(chunk))
        for innovation in innovations:
            document, rows = document_for(innovation)
            documents.append(document)
            facets.extend(rows)
            counts.update(vocabulary_of(document))
        SearchDocument.objects.bulk_create(documents)
        SearchFacet.objects.bulk_create(facets, batch_size=5000)
        SearchEmbedding.objects.bulk_create(embeddings_for(innovations), batch_size=2000)
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=t, documents=n) for t, n in counts.items()], batch_size=5000
    )
    bump_version()
    # Fresh statistics after a bulk change, so the planners choose index plans from the start.
    with connection.cursor() as cursor:
        for table in ("search_document", "search_facet", "search_term", "search_embedding"):
            cursor.execute(f"ANALYZE {table}")
    return len(ids)
