"""Hybrid ranking: the text ranking (the engine's) and the semantic ranking (semantic.py) fused
into one order, with the same filters on both.

- A search's results are its text matches plus the records whose similarity to the query is at
  least SEMANTIC_THRESHOLD (the best SEMANTIC_LIMIT of them), so counts and facet counts keep a
  meaning: a record is in the results because it shares the words or because it is close in
  meaning, never merely because it exists.
- Order (relevance sort): weighted reciprocal rank fusion, score = Σ weight / (RRF_K + rank),
  over the text ranking's first RANKED_WINDOW and the filtered semantic ranking. A record whose
  title holds every searched word (stems compared) comes first, as does every text match of a
  query with quoted phrases or OR, which searches by the words alone.
- Records found by meaning alone get a "why this result" hint: the topic of theirs (theme,
  service area or tag) nearest in meaning to the query.

The constants were tuned on the tuning set of tests/integration/search/judgments.py only; the
test set there is held apart (docs/search.md has the figures).
"""

import numpy as np

from shopwindow.search import semantic
from shopwindow.search.query import STOP_WORDS, ParsedQuery, words_of

SEMANTIC_THRESHOLD = 0.35
SEMANTIC_LIMIT = 500
RRF_K = 10
LEXICAL_WEIGHT = 1.0
SEMANTIC_WEIGHT = 0.5
# When no record holds every word, the text ranking is of records holding any of them: weaker.
RELAXED_LEXICAL_WEIGHT = 1.0
EXPANSION_WEIGHT = 0.3
TITLE_BOOST = 1.0  # more than any fused score (at most 2 / (RRF_K + 1))


def uses_meaning(parsed: ParsedQuery) -> bool:
    """Whether a query searches by meaning too: not for quoted phrases or OR (the person asked
    for exact words), and not without words."""
    if not parsed.has_text:
        return False
    raw = parsed.raw
    return '"' not in raw and " OR " not in f" {raw} " and "|" not in raw


def query_vector(parsed: ParsedQuery) -> np.ndarray:
    """The query's unit vector: the words typed (not common words, not excluded ones), plus a
    share (EXPANSION_WEIGHT) of the mean of the phrases of the synonym groups they matched, so
    that jargon ("LATC", "ASC") carries its plain meaning without drowning the other words."""
    words = [w for w in parsed.typed_words if w not in STOP_WORDS] or parsed.typed_words
    expansions = list(
        dict.fromkeys(
            phrase.text
            for clause in parsed.clauses
            if clause.synonyms
            for phrase in clause.alternatives
        )
    )
    vector = semantic.embed([" ".join(words)])[0]
    if expansions:
        vector = vector + EXPANSION_WEIGHT * semantic.embed(expansions).mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def semantic_hits(parsed: ParsedQuery, version: str) -> list[tuple[int, float]]:
    if not uses_meaning(parsed):
        return []
    return semantic.similar(
        query_vector(parsed), version, threshold=SEMANTIC_THRESHOLD, limit=SEMANTIC_LIMIT
    )


def _same_stem(a: str, b: str) -> bool:
    """A light stem comparison ('mergers' ~ 'merged', 'standards' ~ 'standard')."""
    if a == b:
        return True
    n = max(4, min(len(a), len(b)) - 3)
    return len(a) >= n and len(b) >= n and a[:n] == b[:n]


def title_matches(parsed: ParsedQuery, title: str) -> bool:
    """Whether every clause of the query has an alternative whose words are all in the title."""
    title_words = words_of(title)
    if not parsed.clauses:
        return False
    for clause in parsed.clauses:
        if not any(
            all(
                word in STOP_WORDS or any(_same_stem(word, t) for t in title_words)
                for word in phrase.words
            )
            for phrase in clause.alternatives
        ):
            return False
    return True


def fuse(
    parsed: ParsedQuery,
    lexical: list[tuple[int, float, bool]],
    meaning: list[int],
    titles: dict[int, str],
    *,
    relaxed: bool,
) -> list[tuple[int, float, bool]]:
    """(id, fused score, whether the text matched), best first. `lexical`: the text ranking;
    `meaning`: the semantic ranking (ids, filtered); `titles`: the text matches' titles."""
    weight = RELAXED_LEXICAL_WEIGHT if relaxed else LEXICAL_WEIGHT
    scores: dict[int, float] = {}
    text_matched: set[int] = set()
    for rank, (pk, _score, _lex) in enumerate(lexical, 1):
        scores[pk] = scores.get(pk, 0.0) + weight / (RRF_K + rank)
        text_matched.add(pk)
        if not relaxed and title_matches(parsed, titles.get(pk, "")):
            scores[pk] += TITLE_BOOST
    for rank, pk in enumerate(meaning, 1):
        scores[pk] = scores.get(pk, 0.0) + SEMANTIC_WEIGHT / (RRF_K + rank)
    order = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [(pk, score, pk in text_matched) for pk, score in order]


def hints(parsed: ParsedQuery, topics: dict[int, list[str]]) -> dict[int, str]:
    """For records found by meaning alone: the topic of each nearest in meaning to the query."""
    found: dict[int, str] = {}
    labels = sorted({label for labels in topics.values() for label in labels})
    if not labels:
        return found
    closeness = dict(
        zip(labels, (semantic.embed(labels) @ query_vector(parsed)).tolist(), strict=True)
    )
    for pk, own in topics.items():
        if own:
            found[pk] = max(own, key=lambda label: closeness.get(label, -np.inf))
    return found
