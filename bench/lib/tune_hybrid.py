"""Tune the hybrid ranking's constants on the TUNING judgments only (never on TEST).

    DATABASE_URL=sqlite:////tmp/tune.sqlite3 DJANGO_SETTINGS_MODULE=shopwindow.settings.test \
        python bench/lib/tune_hybrid.py

needs a database with the real catalogue loaded (manage.py load_reference, load_catalogue). It
ranks each tuning query once by text (the engine) and by meaning for several field weightings,
then replays the fusion for a grid of constants and prints the best settings by recall@5, MRR.
"""

import itertools
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

import numpy as np  # noqa: E402

from shopwindow.search import hybrid, semantic  # noqa: E402
from shopwindow.search.engine import Filters  # noqa: E402
from shopwindow.search.indexing import _indexable, meaning_of  # noqa: E402
from shopwindow.search.models import SearchDocument  # noqa: E402
from shopwindow.search.query import parse, relaxed  # noqa: E402
from shopwindow.search.selectors import engine  # noqa: E402
from tests.integration.search.judgments import TUNING  # noqa: E402

WEIGHTINGS = {
    "title-heavy": {"title": 3.0, "summary": 2.0, "body": 1.5, "lessons": 0.5, "labels": 1.0},
    "even": {"title": 1.0, "summary": 1.0, "body": 1.0, "lessons": 1.0, "labels": 1.0},
    "summary-heavy": {"title": 2.0, "summary": 3.0, "body": 1.0, "lessons": 0.5, "labels": 1.5},
    "labels-heavy": {"title": 2.0, "summary": 2.0, "body": 1.0, "lessons": 0.0, "labels": 2.0},
    "body-heavy": {"title": 2.0, "summary": 2.0, "body": 3.0, "lessons": 1.0, "labels": 1.0},
    "labels-lessons": {"title": 2.0, "summary": 2.0, "body": 1.0, "lessons": 0.5, "labels": 2.0},
}


def main() -> None:
    eng = engine()
    filters = Filters()
    records = list(_indexable())
    pks = np.array([r.pk for r in records])
    record_ids = {r.pk: r.record_id for r in records}
    meanings = [meaning_of(r)[0] for r in records]
    fields = {
        pk: (title, topics or [])
        for pk, title, topics in SearchDocument.objects.values_list(
            "pk", "title", "embedding__topics"
        )
    }
    matrices = {}
    for name, weights in WEIGHTINGS.items():
        semantic.FIELD_WEIGHTS.clear()
        semantic.FIELD_WEIGHTS.update(weights)
        matrices[name] = semantic.record_vectors(meanings)
    queries = []
    for query, relevant in TUNING:
        parsed = parse(query)
        _, lexical_count, _ = eng.aggregate(parsed, parsed.clauses, filters)
        is_relaxed = lexical_count == 0 and len(parsed.clauses) > 1
        clauses = relaxed(parsed) if is_relaxed else parsed.clauses
        lexical = eng.page(parsed, clauses, filters, sort="relevance", offset=0, limit=100)
        vector = hybrid.query_vector(parsed)
        queries.append((parsed, relevant, lexical, is_relaxed, vector))
    results = []
    grid = itertools.product(
        WEIGHTINGS, (0.3, 0.35, 0.4), (5, 10, 20), (0.5, 1.0), (0.0, 0.1, 0.2, 0.5)
    )
    for weighting, threshold, k, semantic_weight, topic_boost in grid:
        hybrid.RRF_K, hybrid.SEMANTIC_WEIGHT = k, semantic_weight
        hybrid.TOPIC_BOOST = topic_boost
        recall, reciprocal = [], []
        for parsed, relevant, lexical, is_relaxed, vector in queries:
            sims = matrices[weighting] @ vector
            order = np.argsort(-sims)
            meaning = [int(pks[i]) for i in order if sims[i] >= threshold][: hybrid.SEMANTIC_LIMIT]
            fused = hybrid.fuse(parsed, lexical, meaning, fields, relaxed=is_relaxed)
            top = [record_ids[pk] for pk, _, _ in fused[:5]]
            ranks = [top.index(r) + 1 for r in relevant if r in top]
            recall.append(len(ranks) / min(5, len(relevant)))
            reciprocal.append(1 / min(ranks) if ranks else 0.0)
        results.append(
            (
                np.mean(recall),
                np.mean(reciprocal),
                weighting,
                threshold,
                k,
                semantic_weight,
                topic_boost,
            )
        )
    results.sort(reverse=True)
    for row in results[:20]:
        print(
            "recall@5 {:.3f} MRR {:.3f} weighting={} threshold={} k={} semantic={} topic={}".format(
                *row
            )
        )


if __name__ == "__main__":
    main()
