"""The semantic step's share of an uncached search, in-process (run by bench/search.py).

    DATABASE_URL=... DJANGO_SETTINGS_MODULE=bench_settings SECRET_KEY=... \
        PYTHONPATH=.:bench/lib python bench/lib/semantic_share.py

Times, for every text search of the bench: the whole search() with the cache off, and the
semantic step inside it (embedding the query, the similarity pass over the matrix, the best
matches above the threshold). Prints their p50 and p95, the share, the one-off cost of loading
the model and the matrix in a fresh process, and the matrix's memory.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from search import searches  # bench/search.py

    from shopwindow.search import hybrid, selectors, semantic
    from shopwindow.search.query import parse

    settings.SEARCH_CACHE_SECONDS = 0
    version = selectors.index_version()
    started = time.perf_counter()
    semantic.model()
    model_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    table = semantic.matrix(version)
    matrix_ms = (time.perf_counter() - started) * 1000
    texts = sorted({s["q"] for s in searches() if s.get("q")})
    whole, step = [], []
    for text in texts:
        parsed = parse(text)
        started = time.perf_counter()
        hybrid.semantic_hits(parsed, version)
        step.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        selectors.search(text)
        whole.append((time.perf_counter() - started) * 1000)
    print(
        f"  semantic step over {len(table.ids):,} vectors ({table.nbytes / 1e6:.1f} MB per "
        f"process; model load {model_ms:.0f} ms, matrix load {matrix_ms:.0f} ms, once per "
        f"process and index version): p50 {statistics.median(step):.1f} ms, p95 "
        f"{percentile(step, 0.95):.1f} ms; uncached search() p50 {statistics.median(whole):.1f}"
        f" ms, p95 {percentile(whole, 0.95):.1f} ms; semantic share "
        f"{100 * sum(step) / sum(whole):.0f}% ({len(texts)} text searches)"
    )


if __name__ == "__main__":
    main()
