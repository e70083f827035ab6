"""The search index: one denormalised document per published record, and its facet values.

Only published records have a document, so public search never sees drafts. The full-text
index itself is not a Django model: migrations add it per database (a weighted, stored tsvector
column with a GIN index on PostgreSQL; an FTS5 external-content table kept in step with
`search_document` by triggers on SQLite). `indexing.reindex()` writes both tables.
"""

from django.db import models


class SearchDocument(models.Model):
    innovation = models.OneToOneField(
        "innovations.Innovation",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    record_id = models.CharField(max_length=80)
    # The four weighted fields: A title, B summary, C problem/approach/guidance/barriers,
    # D tags, council names and vocabulary labels.
    title = models.TextField()
    summary = models.TextField()
    body = models.TextField(blank=True)
    extra = models.TextField(blank=True)
    # Sort keys and what a result shows, so that a results page needs no joins.
    status = models.CharField(max_length=20)
    verification = models.CharField(max_length=30)
    evidence_level = models.PositiveSmallIntegerField()
    annual_saving = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    saving_kind = models.CharField(max_length=20, blank=True)
    savings_band = models.CharField(max_length=20)
    published_at = models.DateTimeField(null=True)
    is_illustrative = models.BooleanField(default=False)
    leads = models.JSONField(default=list)  # [[identifier, name], ...] in the record's order

    class Meta:
        db_table = "search_document"
        indexes = [
            models.Index(fields=["-annual_saving"], name="search_doc_saving"),
            models.Index(fields=["-evidence_level"], name="search_doc_evidence"),
            models.Index(fields=["-published_at"], name="search_doc_newest"),
        ]

    def __str__(self) -> str:
        return self.record_id


class SearchFacet(models.Model):
    """One facet value of a document, such as ("theme", "shared-services"), stored as a small
    integer (facets.facet_value): grouping and joining on integers is several times faster
    than on text at 100,000 records. The numbering follows the vocabularies in code, so a
    change to a vocabulary needs `manage.py rebuild_search_index`."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    value = models.PositiveSmallIntegerField()

    class Meta:
        db_table = "search_facet"
        indexes = [
            models.Index(fields=["value", "document"], name="search_facet_lookup"),
            models.Index(fields=["document", "value"], name="search_facet_by_doc"),
        ]

    def __str__(self) -> str:
        from shopwindow.search.facets import decode

        name, code = decode(self.value)
        return f"{name}={code}"


class SearchTerm(models.Model):
    """The index's own vocabulary (words of titles, summaries, tags and labels of published
    records, with how many records use each): "Did you mean" suggests from it."""

    term = models.CharField(max_length=60, unique=True)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "search_term"

    def __str__(self) -> str:
        return self.term


class SearchIndexState(models.Model):
    """A single row whose version changes on every reindex: cached counts and the cached
    vocabulary are keyed by it, so every server process sees a change at once. A random token
    rather than a counter, so that a rolled-back transaction can never reuse a version."""

    version = models.CharField(max_length=32)

    class Meta:
        db_table = "search_index_state"

    def __str__(self) -> str:
        return f"search index version {self.version}"


class SearchCache(models.Model):
    """What a search costs most to work out — its count, facet counts and suggestion, and the
    order of its first results — shared by every server process (a per-process cache would have
    each worker pay for the same search again). Keys include the index version and every reindex
    empties the table, so an entry is never stale; entries older than SEARCH_CACHE_SECONDS are
    ignored and purged from time to time."""

    key = models.CharField(max_length=120, primary_key=True)
    value = models.JSONField()
    created_at = models.DateTimeField()

    class Meta:
        db_table = "search_cache"
        indexes = [models.Index(fields=["created_at"], name="search_cache_created")]

    def __str__(self) -> str:
        return self.key


class SearchEmbedding(models.Model):
    """A document's meaning as a vector (semantic.py): 256 int8 codes and their scale (the
    unit vector is codes × scale), and the topics a "why this result" hint may name (themes,
    service areas and tags). Written with the document by indexing.reindex and rebuild."""

    document = models.OneToOneField(
        SearchDocument, primary_key=True, on_delete=models.CASCADE, related_name="embedding"
    )
    codes = models.BinaryField()
    scale = models.FloatField()
    topics = models.JSONField(default=list)

    class Meta:
        db_table = "search_embedding"

    def __str__(self) -> str:
        return f"embedding of {self.document_id}"
