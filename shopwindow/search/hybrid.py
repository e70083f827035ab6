"""Hybrid ranking: the text ranking (the engine's) and the semantic ranking (semantic.py) fused
into one order, with the same filters on both.

- A search's results are its text matches plus the records whose similarity to the query is at
  least SEMANTIC_THRESHOLD (the best SEMANTIC_LIMIT of them), so counts and facet counts keep a
  meaning: a record is in the results because it shares the words or because it is close in
  meaning, never merely because it exists.
- Order (relevance sort): weighted reciprocal rank fusion, score = Σ weight / (RRF_K + rank),
  over the text ranking's first RANKED_WINDOW and the filtered semantic ranking. A record whose
  title holds every searched word (stems compared) comes first; then a record whose title or
  topics (a theme, service area or tag equal to a searched phrase) hold some of the clauses is
  lifted by the share it holds. A query with quoted phrases or OR searches by the words alone.
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
TOPIC_BOOST = 0.2


def uses_meaning(parsed: ParsedQuery) -> bool:
    """Whether a query searches by meaning too: not for quoted phrases or OR (the person asked
    for exact words), and not without words."""
    if not parsed.has_text:
        return False
    raw = parsed.raw
    return '"' not in raw and " OR " not in f" {raw} " and "|" not in raw


def query_vector(parsed: ParsedQuery) -> semantic.Vectors:
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
    vector: semantic.Vectors = semantic.embed([" ".join(words)])[0]
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


def _phrase_in(words: tuple[str, ...], text_words: tuple[str, ...]) -> bool:
    return all(word in STOP_WORDS or any(_same_stem(word, t) for t in text_words) for word in words)


def _phrase_is(words: tuple[str, ...], topic: str) -> bool:
    topic_words = words_of(topic)
    return len(topic_words) == len(words) and all(map(_same_stem, words, topic_words))


def field_boost(parsed: ParsedQuery, title: str, topics: list[str]) -> float:
    """How much a record's own fields say it is what was asked for: TITLE_BOOST when its title
    holds every clause of the query; otherwise TOPIC_BOOST times the share of clauses that its
    title holds or that one of its topics (theme, service area, tag) is."""
    if not parsed.clauses:
        return 0.0
    title_words = words_of(title)
    in_title = in_either = 0
    for clause in parsed.clauses:
        if any(_phrase_in(p.words, title_words) for p in clause.alternatives):
            in_title += 1
            in_either += 1
        elif any(_phrase_is(p.words, topic) for p in clause.alternatives for topic in topics):
            in_either += 1
    if in_title == len(parsed.clauses):
        return TITLE_BOOST
    return TOPIC_BOOST * in_either / len(parsed.clauses)


def fuse(
    parsed: ParsedQuery,
    lexical: list[tuple[int, float, bool]],
    meaning: list[int],
    fields: dict[int, tuple[str, list[str]]],
    *,
    relaxed: bool,
) -> list[tuple[int, float, bool]]:
    """(id, fused score, whether the text matched), best first. `lexical`: the text ranking;
    `meaning`: the semantic ranking (ids, filtered); `fields`: each candidate's title and
    topics."""
    weight = RELAXED_LEXICAL_WEIGHT if relaxed else LEXICAL_WEIGHT
    scores: dict[int, float] = {}
    text_matched: set[int] = set()
    for rank, (pk, _score, _lex) in enumerate(lexical, 1):
        scores[pk] = scores.get(pk, 0.0) + weight / (RRF_K + rank)
        text_matched.add(pk)
    for rank, pk in enumerate(meaning, 1):
        scores[pk] = scores.get(pk, 0.0) + SEMANTIC_WEIGHT / (RRF_K + rank)
    for pk in scores:
        title, topics = fields.get(pk, ("", []))
        scores[pk] += field_boost(parsed, title, topics)
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
