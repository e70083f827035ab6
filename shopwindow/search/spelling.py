""" "Did you mean …": corrections from the index's own vocabulary (SearchTerm), by edit distance.

The vocabulary is the set of words in published records. It is cached per process and reloaded
when the index version changes, so a suggestion never names a word no record uses.
"""

from threading import Lock

from shopwindow.search.models import SearchTerm
from shopwindow.search.query import STOP_WORDS

_cache: dict[str, object] = {"version": None, "terms": {}, "by_length": {}}
_lock = Lock()


def _vocabulary(version: str) -> tuple[dict[str, int], dict[int, list[str]]]:
    with _lock:
        if _cache["version"] != version:
            terms = dict(SearchTerm.objects.values_list("term", "documents"))
            by_length: dict[int, list[str]] = {}
            for term in terms:
                by_length.setdefault(len(term), []).append(term)
            _cache.update(version=version, terms=terms, by_length=by_length)
        return _cache["terms"], _cache["by_length"]  # type: ignore[return-value]


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits, with adjacent swaps), stopping past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def correct(word: str, version: str) -> str | None:
    """The closest known word to `word` (None if it is known, too short or nothing is close)."""
    terms, by_length = _vocabulary(version)
    if word in terms or word in STOP_WORDS or len(word) < 3 or not word.isalpha():
        return None
    limit = 1 if len(word) <= 4 else 2
    best: tuple[int, int, str] | None = None
    for length in range(len(word) - limit, len(word) + limit + 1):
        for term in by_length.get(length, ()):
            d = distance(word, term, limit)
            if d <= limit:
                candidate = (d, -terms[term], term)
                if best is None or candidate < best:
                    best = candidate
    return best[2] if best else None


def suggest(words: list[str], version: str) -> str | None:
    """The typed words with unknown ones corrected, or None if nothing would change."""
    corrected = [correct(w, version) or w for w in words]
    return " ".join(corrected) if corrected != words else None
