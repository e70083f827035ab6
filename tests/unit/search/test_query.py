"""Query understanding: parsing, synonyms as data, and spelling corrections."""

from shopwindow.search.query import Phrase, parse, synonym_groups, synonyms_for
from shopwindow.search.spelling import distance


def texts(query: str) -> list[list[str]]:
    return [
        [p.text + ("*" if p.prefix else "") for p in c.alternatives] for c in parse(query).clauses
    ]


def test_synonym_list_is_data_with_enough_groups() -> None:
    groups = synonym_groups()
    assert len(groups) >= 40
    flat = {phrase.lower() for group in groups for phrase in group}
    assert {"latc", "teckal company", "third sector", "channel shift", "unitarisation"} <= flat


def test_synonyms_expand_to_an_or_group_of_phrases() -> None:
    clauses = texts("trading standards")
    assert clauses == [["trading standards", "consumer protection"]]
    latc = synonyms_for(("latc",))
    assert latc is not None
    assert Phrase(("council", "owned", "company")) in latc


def test_plurals_match_synonyms() -> None:
    assert "community hubs" in texts("library")[0]


def test_stop_words_dropped_and_last_word_is_a_prefix() -> None:
    assert texts("waste for the depot") == [["waste"], ["depot", "depot*"]]
    assert texts("waste depot ") == [["waste"], ["depot"]]


def test_phrases_exclusions_and_or() -> None:
    parsed = parse('"joint committee" -planning waste OR refuse')
    assert [p.text for p in parsed.exclusions] == ["planning"]
    assert parsed.clauses[0].alternatives == (Phrase(("joint", "committee")),)
    assert {p.text for p in parsed.clauses[1].alternatives} >= {"waste", "refuse"}


def test_only_stop_words_still_searches() -> None:
    assert texts("the ") == [["the"]]


def test_punctuation_cannot_break_the_query_syntax() -> None:
    parsed = parse('a"b) OR (NEAR* ^c: -')
    words = [w for c in parsed.clauses for p in c.alternatives for w in p.words]
    assert all(w.isalnum() for w in words)


def test_edit_distance_counts_swaps_as_one() -> None:
    assert distance("tradng", "trading", 2) == 1
    assert distance("acadmey", "academy", 2) == 1
    assert distance("abc", "xyzxyz", 2) == 3
