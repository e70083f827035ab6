"""Query understanding, the same for both engines: parse what a person typed into clauses.

Syntax (as on web search engines): words must all match; "quoted phrases" match in order;
`-word` and `-"a phrase"` exclude; `OR` between two terms accepts either; the last bare word
also matches as a prefix (type-ahead). Synonym groups from synonyms.csv turn a matching phrase
into an OR-group of every phrase in its group. Common English words are dropped outside quotes.

The result is engine-neutral (`ParsedQuery`): each engine compiles it to its own syntax.
"""

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.csv"
MAX_SYNONYM_WORDS = 8
WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Dropped outside quotes; a subset of PostgreSQL's English stop words, so that SQLite (which
# keeps every word) and PostgreSQL (which drops these) need the same words to match.
STOP_WORDS = frozenset(
    """a an and are as at be but by do does for from has have how i if in into is it its of on or
    our so such that the their then there these they this to was we what when where which who
    why will with you your""".split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass(frozen=True)
class Phrase:
    """Words that must appear together, in order. `prefix`: the last word may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Clause:
    """Any one of the alternatives must match. `synonyms`: expanded from a synonym group."""

    alternatives: tuple[Phrase, ...]
    synonyms: bool = False


@dataclass
class ParsedQuery:
    raw: str
    clauses: list[Clause] = field(default_factory=list)
    exclusions: list[Phrase] = field(default_factory=list)
    # The words typed (outside exclusions), for "Did you mean" to check and replace.
    typed_words: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.clauses)

    def key(self) -> str:
        """A canonical form, for cache keys."""
        parts = [
            "|".join(f"{p.text}{'*' if p.prefix else ''}" for p in c.alternatives)
            for c in self.clauses
        ]
        parts += [f"-{p.text}" for p in self.exclusions]
        return " & ".join(parts)


def words_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD.findall(text))


def _stem_key(word: str) -> str:
    """A light normalisation for matching synonyms: 'libraries' ~ 'library', 'bins' ~ 'bin'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _key(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_stem_key(w) for w in words)


@cache
def synonym_groups() -> list[tuple[str, ...]]:
    """The groups in synonyms.csv, each a tuple of phrases."""
    groups = []
    with SYNONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            phrases = tuple(p.strip() for p in row if p.strip())
            if len(phrases) >= 2:
                groups.append(phrases)
    return groups


@cache
def _synonym_index() -> dict[tuple[str, ...], tuple[Phrase, ...]]:
    """Normalised phrase -> every phrase of its group(s), as Phrases."""
    index: dict[tuple[str, ...], list[Phrase]] = {}
    for group in synonym_groups():
        phrases = [Phrase(words_of(p)) for p in group]
        for phrase in phrases:
            bucket = index.setdefault(_key(phrase.words), [])
            bucket.extend(p for p in phrases if p not in bucket)
    return {k: tuple(v) for k, v in index.items()}


def synonyms_for(words: tuple[str, ...]) -> tuple[Phrase, ...] | None:
    return _synonym_index().get(_key(words))


# A token: optional '-', then a "quoted phrase" or a run of non-space characters.
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class _Token:
    words: tuple[str, ...]
    quoted: bool
    negated: bool
    is_or: bool = False


def _tokens(raw: str) -> list[_Token]:
    tokens = []
    for match in TOKEN.finditer(raw):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            words = words_of(quoted)
            if words:
                tokens.append(_Token(words, quoted=True, negated=bool(negated)))
            continue
        if bare == "OR" or bare == "|":
            tokens.append(_Token((), quoted=False, negated=False, is_or=True))
            continue
        negate = bare.startswith("-") and len(bare) > 1
        words = words_of(bare[1:] if negate else bare)
        if not words:
            continue
        # "arm's-length" is one typed token but several words: keep them together as a phrase.
        tokens.append(_Token(words, quoted=len(words) > 1, negated=negate))
    return tokens


def _expand(run: list[_Token]) -> list[Clause]:
    """Greedy longest match of synonym phrases over a run of bare single words."""
    clauses: list[Clause] = []
    i = 0
    while i < len(run):
        for size in range(min(MAX_SYNONYM_WORDS, len(run) - i), 0, -1):
            words = tuple(t.words[0] for t in run[i : i + size])
            found = synonyms_for(words)
            if found:
                clauses.append(Clause(found, synonyms=True))
                i += size
                break
        else:
            word = run[i].words[0]
            if word not in STOP_WORDS:
                clauses.append(Clause((Phrase((word,)),)))
            i += 1
    return clauses


def parse(raw: str, *, prefix_last: bool = True) -> ParsedQuery:
    """Parse a query. `prefix_last`: let the last bare word match as a prefix (type-ahead),
    unless the query ends with a space (the person has finished the word)."""
    raw = raw or ""
    finished = raw.endswith((" ", '"'))
    parsed = ParsedQuery(raw=raw.strip())
    tokens = _tokens(raw)
    # Group tokens joined by OR into one clause; collect runs of bare words for synonyms.
    groups: list[list[_Token]] = []
    pending_or = False
    for token in tokens:
        if token.is_or:
            pending_or = bool(groups)
            continue
        if token.negated:
            parsed.exclusions.append(Phrase(token.words))
            pending_or = False
            continue
        parsed.typed_words.extend(token.words)
        if pending_or and groups:
            groups[-1].append(token)
        else:
            groups.append([token])
        pending_or = False

    run: list[_Token] = []
    for group in groups:
        single_bare = len(group) == 1 and not group[0].quoted
        if single_bare:
            run.append(group[0])
            continue
        parsed.clauses.extend(_expand(run))
        run = []
        alternatives: list[Phrase] = []
        for token in group:
            found = synonyms_for(token.words) if not token.quoted else None
            alternatives.extend(found or (Phrase(token.words),))
        parsed.clauses.append(Clause(tuple(dict.fromkeys(alternatives))))
    parsed.clauses.extend(_expand(run))

    if not parsed.clauses and groups:
        # Only common words were typed ("how to"): search for them rather than for nothing.
        parsed.clauses = [Clause((Phrase(g[0].words),)) for g in groups]

    last = parsed.clauses[-1] if parsed.clauses else None
    if (
        prefix_last
        and last is not None
        and not finished
        and not last.synonyms
        and len(last.alternatives) == 1
        and len(last.alternatives[0].words) == 1
        and len(last.alternatives[0].words[0]) >= 3
    ):
        word = last.alternatives[0]
        parsed.clauses[-1] = Clause((word, Phrase(word.words, prefix=True)))
    return parsed


def relaxed(parsed: ParsedQuery) -> list[Clause]:
    """The clauses as alternatives of one clause: any of them may match (the fallback when
    no record matches every word)."""
    alternatives: list[Phrase] = []
    for clause in parsed.clauses:
        alternatives.extend(clause.alternatives)
    return [Clause(tuple(dict.fromkeys(alternatives)))]
