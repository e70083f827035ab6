"""Matching: one request, five associates, scores and reasons checked by hand.

The request (South Hams, South West, on site, 1 March to 29 May 2027 = 90 days = 3 months,
12 days needed = 4 a month) needs four skills, in this order:
service:waste-and-environment, theme:shared-services (from the linked record),
capability:procurement, capability:tupe-and-hr.

Hand-computed scores (skills 10 each; same record 30 / similar 15; region 10 / nation 5 /
remote 10; available by start 10; enough days a month 10):

- Alice: 3 skills (30) + delivered the linked record (30) + works in South West (10)
  + available 1 Feb (10) + 4 days >= 4 (10) = 90
- Eve:   4 skills (40) + nothing delivered (0) + South West (10) + available 1 Jan (10)
  + 8 days (10) = 70
- Bob:   4 skills (40) + a similar record, same theme (15) + England only, on-site needed (5)
  + available 1 Mar, the start date (10) + 3 days < 4 (0) = 70
- Cara:  1 skill (10) + nothing (0) + London only, remote-only, on site needed (0)
  + available 1 Apr, after the start (0) + 10 days (10) = 20
- Dev:   no skill needed -> not shortlisted.

Eve and Bob tie on 70 and on 4 skills; Eve is available earlier, so she ranks first.
"""

from dataclasses import replace
from datetime import date

from shopwindow.associates.matching import Candidate, Need, Record, rank, score

LINKED = Record(
    1, "Joint waste service", frozenset({"shared-services"}), frozenset({"waste-and-environment"})
)
SIMILAR = Record(
    2, "Shared legal team", frozenset({"shared-services"}), frozenset({"corporate-services"})
)
UNRELATED = Record(
    3, "Library hub", frozenset({"community-hubs"}), frozenset({"culture-libraries-leisure"})
)

NEED = Need(
    service_area="waste-and-environment",
    capabilities=frozenset({"procurement", "tupe-and-hr"}),
    linked_records=(LINKED,),
    council_name="South Hams",
    nation="england",
    region="south-west",
    work_mode="on-site",
    start_on=date(2027, 3, 1),
    end_on=date(2027, 5, 29),
    days_needed=12,
)


def _candidate(id: int, name: str, **kw: object) -> Candidate:
    base = {
        "skills": frozenset(),
        "delivered": (),
        "nations": frozenset(),
        "regions": frozenset(),
        "work_mode": "on-site",
        "days_per_month": 4,
        "available_from": date(2027, 1, 1),
    }
    base.update(kw)
    return Candidate(id=id, name=name, **base)  # type: ignore[arg-type]


ALL_FOUR = frozenset(
    {
        "service:waste-and-environment",
        "theme:shared-services",
        "capability:procurement",
        "capability:tupe-and-hr",
    }
)
# Ids are chosen so that the id tie-break would put Bob before Eve: availability must decide.
BOB = _candidate(
    1,
    "Bob",
    skills=ALL_FOUR | {"capability:data"},
    delivered=(SIMILAR,),
    nations=frozenset({"england"}),
    work_mode="either",
    days_per_month=3,
    available_from=date(2027, 3, 1),
)
ALICE = _candidate(
    2,
    "Alice",
    skills=frozenset(
        {"service:waste-and-environment", "theme:shared-services", "capability:procurement"}
    ),
    delivered=(LINKED, UNRELATED),
    nations=frozenset({"england"}),
    regions=frozenset({"south-west"}),
    available_from=date(2027, 2, 1),
)
CARA = _candidate(
    3,
    "Cara",
    skills=frozenset({"capability:tupe-and-hr"}),
    regions=frozenset({"london"}),
    work_mode="remote",
    days_per_month=10,
    available_from=date(2027, 4, 1),
)
DEV = _candidate(
    4, "Dev", skills=frozenset({"theme:devolution"}), regions=frozenset({"south-west"})
)
EVE = _candidate(
    5,
    "Eve",
    skills=ALL_FOUR,
    regions=frozenset({"south-west"}),
    days_per_month=8,
    available_from=date(2027, 1, 1),
)


def test_need_lists_skills_and_days_a_month() -> None:
    assert NEED.skills == [
        "service:waste-and-environment",
        "theme:shared-services",
        "capability:procurement",
        "capability:tupe-and-hr",
    ]
    assert NEED.days_a_month == 4  # 12 days over 3 months


def test_ranking_matches_the_hand_computed_scores() -> None:
    ranked = rank(NEED, [BOB, ALICE, CARA, DEV, EVE])
    assert [(m.candidate.name, m.score) for m in ranked] == [
        ("Alice", 90),
        ("Eve", 70),
        ("Bob", 70),
        ("Cara", 20),
    ]


def test_order_does_not_depend_on_input_order() -> None:
    forwards = rank(NEED, [BOB, ALICE, CARA, DEV, EVE])
    backwards = rank(NEED, [EVE, DEV, CARA, ALICE, BOB])
    assert [m.candidate.id for m in forwards] == [m.candidate.id for m in backwards]


def test_alices_reasons() -> None:
    assert score(NEED, ALICE).reasons == [
        "Has 3 of the 4 skills needed: Waste and environment, Shared services, Procurement.",
        "Helped deliver “Joint waste service”, which this request links to.",
        "Works in South West, where South Hams is.",
        "Available by the start date (1 March 2027).",
        "Offers 4 days a month; the request needs about 4.",
    ]


def test_bobs_reasons_similar_record_nation_and_too_few_days() -> None:
    match = score(NEED, BOB)
    assert match.score == 70
    assert match.reasons == [
        "Has 4 of the 4 skills needed: Waste and environment, Shared services, Procurement, "
        "TUPE and HR.",
        "Helped deliver a similar record, “Shared legal team” (same theme or service area).",
        "Works in England, though not named South West as a region.",
        "Available by the start date (1 March 2027).",
        "Offers only 3 days a month; the request needs about 4.",
    ]


def test_caras_reasons_when_nothing_but_skills_and_days_fit() -> None:
    assert score(NEED, CARA).reasons == [
        "Has 1 of the 4 skills needed: TUPE and HR.",
        "Has not helped deliver the same or a similar record.",
        "Does not work in South West and cannot do this request remotely.",
        "Available only from 1 April 2027, after the start date (1 March 2027).",
        "Offers 10 days a month; the request needs about 4.",
    ]


def test_remote_request_rewards_remote_associates() -> None:
    remote = replace(NEED, work_mode="either")
    # Cara works remotely: 20 + 10 = 30. Alice is on-site only: still her region, 90.
    assert score(remote, CARA).score == 30
    assert "Works remotely, which this request allows." in score(remote, CARA).reasons
    assert score(remote, ALICE).score == 90


def test_nobody_without_a_matching_skill_is_shortlisted() -> None:
    assert rank(NEED, [DEV]) == []
    assert score(NEED, DEV).reasons[0] == "Has none of the 4 skills needed."


def test_limit() -> None:
    assert [m.candidate.name for m in rank(NEED, [BOB, ALICE, CARA, EVE], limit=2)] == [
        "Alice",
        "Eve",
    ]
