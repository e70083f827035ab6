"""Ranking vetted associates for a help request, with a reason sentence for every part of a score.

The scoring (docs/matching.md has the worked example):

- Skills: 10 points for each of the request's needs the associate has. Needs are the request's
  service area ("service:"), the themes of its linked records ("theme:") and the capabilities it
  asks for ("capability:").
- Delivery: 30 points if the associate helped deliver one of the linked records (strong), else
  15 if they helped deliver a similar record (one sharing a linked record's theme or the
  request's service area). Only the better of the two counts.
- Place: 10 if both the request and the associate allow remote work; otherwise 10 if they work
  in the council's region, 5 if only in its nation, 0 if neither.
- Availability: 10 if available by the start date, plus 10 if their days a month cover the
  request's days spread over the months of the window (rounded up).

Ties are broken by more skills matched, then earlier availability, then the profile id, so the
same data always gives the same order. Associates with no skill match are not shortlisted.

`rank()` works on plain dataclasses (unit-testable without a database); `shortlist_for()` in
selectors builds them from the database.
"""

import math
from dataclasses import dataclass, field
from datetime import date

from shopwindow.associates.vocabularies import NATION_LABELS, REGION_LABELS, skill_label

SKILL_POINTS = 10
SAME_RECORD_POINTS = 30
SIMILAR_RECORD_POINTS = 15
REMOTE_POINTS = 10
REGION_POINTS = 10
NATION_POINTS = 5
AVAILABLE_BY_START_POINTS = 10
ENOUGH_DAYS_POINTS = 10


@dataclass(frozen=True)
class Record:
    """A published record, as matching needs it."""

    id: int
    title: str
    themes: frozenset[str]  # theme codes, no prefix
    service_areas: frozenset[str]


@dataclass(frozen=True)
class Need:
    """What a help request asks for."""

    service_area: str
    capabilities: frozenset[str]
    linked_records: tuple[Record, ...]
    council_name: str
    nation: str
    region: str
    work_mode: str  # remote, on-site or either
    start_on: date
    end_on: date
    days_needed: int

    @property
    def skills(self) -> list[str]:
        """The needed skills as prefixed codes, in a stable order."""
        needs = [f"service:{self.service_area}"]
        themes = sorted({t for r in self.linked_records for t in r.themes})
        needs += [f"theme:{t}" for t in themes]
        needs += [f"capability:{c}" for c in sorted(self.capabilities)]
        return needs

    @property
    def days_a_month(self) -> int:
        """The days needed spread over the window's months (30-day months, rounded up)."""
        months = max(1, math.ceil(((self.end_on - self.start_on).days + 1) / 30))
        return math.ceil(self.days_needed / months)


@dataclass(frozen=True)
class Candidate:
    """A vetted associate, as matching needs them."""

    id: int
    name: str
    skills: frozenset[str]
    delivered: tuple[Record, ...]
    nations: frozenset[str]
    regions: frozenset[str]
    work_mode: str
    days_per_month: int
    available_from: date


@dataclass
class Match:
    candidate: Candidate
    score: int = 0
    skills_matched: int = 0
    reasons: list[str] = field(default_factory=list)


def _labels(codes: list[str]) -> str:
    return ", ".join(skill_label(c) for c in codes)


def _skills(need: Need, candidate: Candidate, match: Match) -> None:
    needed = need.skills
    have = [code for code in needed if code in candidate.skills]
    match.skills_matched = len(have)
    match.score += SKILL_POINTS * len(have)
    if have:
        match.reasons.append(
            f"Has {len(have)} of the {len(needed)} skills needed: {_labels(have)}."
        )
    else:
        match.reasons.append(f"Has none of the {len(needed)} skills needed.")


def _delivery(need: Need, candidate: Candidate, match: Match) -> None:
    linked_ids = {r.id for r in need.linked_records}
    same = sorted((r for r in candidate.delivered if r.id in linked_ids), key=lambda r: r.id)
    if same:
        match.score += SAME_RECORD_POINTS
        match.reasons.append(f"Helped deliver “{same[0].title}”, which this request links to.")
        return
    themes = {t for r in need.linked_records for t in r.themes}
    similar = sorted(
        (
            r
            for r in candidate.delivered
            if r.themes & themes or need.service_area in r.service_areas
        ),
        key=lambda r: r.id,
    )
    if similar:
        match.score += SIMILAR_RECORD_POINTS
        match.reasons.append(
            f"Helped deliver a similar record, “{similar[0].title}” (same theme or service area)."
        )
    else:
        match.reasons.append("Has not helped deliver the same or a similar record.")


def _place(need: Need, candidate: Candidate, match: Match) -> None:
    remote_ok = need.work_mode in {"remote", "either"} and candidate.work_mode in {
        "remote",
        "either",
    }
    region = REGION_LABELS.get(need.region, need.region)
    if remote_ok:
        match.score += REMOTE_POINTS
        match.reasons.append("Works remotely, which this request allows.")
    elif need.region and need.region in candidate.regions:
        match.score += REGION_POINTS
        match.reasons.append(f"Works in {region}, where {need.council_name} is.")
    elif need.nation in candidate.nations:
        match.score += NATION_POINTS
        nation = NATION_LABELS.get(need.nation, need.nation)
        match.reasons.append(f"Works in {nation}, though not named {region} as a region.")
    else:
        match.reasons.append(f"Does not work in {region} and cannot do this request remotely.")


def _availability(need: Need, candidate: Candidate, match: Match) -> None:
    start = f"{need.start_on.day} {need.start_on:%B %Y}"
    if candidate.available_from <= need.start_on:
        match.score += AVAILABLE_BY_START_POINTS
        match.reasons.append(f"Available by the start date ({start}).")
    else:
        when = f"{candidate.available_from.day} {candidate.available_from:%B %Y}"
        match.reasons.append(f"Available only from {when}, after the start date ({start}).")
    wanted = need.days_a_month
    if candidate.days_per_month >= wanted:
        match.score += ENOUGH_DAYS_POINTS
        match.reasons.append(
            f"Offers {candidate.days_per_month} days a month; the request needs about {wanted}."
        )
    else:
        match.reasons.append(
            f"Offers only {candidate.days_per_month} days a month; "
            f"the request needs about {wanted}."
        )


def score(need: Need, candidate: Candidate) -> Match:
    """One candidate's score and reasons (skills, delivery, place, availability, in that order)."""
    match = Match(candidate)
    for part in (_skills, _delivery, _place, _availability):
        part(need, candidate, match)
    return match


def rank(need: Need, candidates: list[Candidate], *, limit: int = 10) -> list[Match]:
    """The shortlist: candidates with at least one skill matched, best first (deterministic)."""
    matches = [score(need, c) for c in candidates]
    matches = [m for m in matches if m.skills_matched > 0]
    matches.sort(
        key=lambda m: (-m.score, -m.skills_matched, m.candidate.available_from, m.candidate.id)
    )
    return matches[:limit]
