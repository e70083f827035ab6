"""Which council functions each council runs, and who runs them where it does not.

Finer than the service areas in powers.py: "regulatory services" holds trading standards (the
county's in two-tier areas) and licensing (the district's), so a record's `functions` (format 1.1)
are checked here, function by function. The table is data/powers-functions.csv: one row per
function × authority type, with `runs` (yes/no), `elsewhere` (who runs it when the council does
not), a `note` and the `source` the row rests on. Councils that differ from their type are in
data/powers-overrides.csv (its `functions` column names the functions an override covers).
See docs/powers.md.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.innovations.vocabularies import FUNCTION_LABELS

RUNS_VALUES = {"yes": True, "no": False}

# `elsewhere` values that name a body by its place in the council's area rather than by name.
TOKEN_COUNTY = "county"  # noqa: S105 - a table value, not a secret
TOKEN_DISTRICTS = "districts"  # noqa: S105
TOKEN_MEMBERS = "member councils"  # noqa: S105
TOKEN_COMBINED = "combined authority"  # noqa: S105
TOKEN_BOROUGHS = "London boroughs"  # noqa: S105
TOKENS = {TOKEN_COUNTY, TOKEN_DISTRICTS, TOKEN_MEMBERS, TOKEN_COMBINED, TOKEN_BOROUGHS}


@dataclass(frozen=True)
class FunctionRule:
    """One row of powers-functions.csv (or an override of it)."""

    function: str
    runs: bool
    elsewhere: str
    note: str
    source: str
    overridden: bool = False

    @property
    def label(self) -> str:
        return FUNCTION_LABELS.get(self.function, self.function)


@dataclass(frozen=True)
class FunctionPower:
    """One function for one council: whether it runs it, and if not, which body does."""

    function: str
    label: str
    runs: bool
    body: str  # the body that runs it for this council's area ("" when the council does)
    note: str
    source: str
    overridden: bool = False

    @property
    def who_runs_sentence(self) -> str:
        """ "Devon County Council runs trading standards for South Hams"-style, without the area."""
        return f"{self.body[:1].upper()}{self.body[1:]} runs {self.label.lower()}"


def _data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data"


@cache
def function_table() -> dict[tuple[str, str], FunctionRule]:
    """(authority_type, function) -> FunctionRule, complete for every type and function. Refuses
    the file, naming the row, on an unknown code, a bad `runs`, a repeat, a "no" without a body
    that runs it, or a row without a source."""
    path = _data_dir() / "powers-functions.csv"
    table: dict[tuple[str, str], FunctionRule] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name} row {line}"
            kind, code, runs = row["authority_type"], row["function"], row["runs"]
            if kind not in AuthorityType.values:
                raise ImproperlyConfigured(f"{where}: unknown authority_type {kind!r}")
            if code not in FUNCTION_LABELS:
                raise ImproperlyConfigured(f"{where}: unknown function {code!r}")
            if runs not in RUNS_VALUES:
                raise ImproperlyConfigured(f"{where}: runs must be yes or no, not {runs!r}")
            if (kind, code) in table:
                raise ImproperlyConfigured(f"{where}: {kind} {code} is listed twice")
            if not row["source"].strip():
                raise ImproperlyConfigured(f"{where}: every row needs a source")
            if runs == "no" and not row["elsewhere"].strip():
                raise ImproperlyConfigured(f"{where}: say who runs {code} when {kind} does not")
            table[(kind, code)] = FunctionRule(
                code, RUNS_VALUES[runs], row["elsewhere"].strip(), row["note"], row["source"]
            )
    missing = [
        f"{kind} {code}"
        for kind in AuthorityType.values
        for code in FUNCTION_LABELS
        if (kind, code) not in table
    ]
    if missing:
        raise ImproperlyConfigured(f"powers-functions.csv has no row for: {', '.join(missing)}")
    return table


@cache
def function_overrides() -> dict[tuple[str, str], FunctionRule]:
    """(GSS code, function) -> FunctionRule from powers-overrides.csv's `functions` column."""
    path = _data_dir() / "powers-overrides.csv"
    table: dict[tuple[str, str], FunctionRule] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            for code in (row.get("functions") or "").split():
                if code not in FUNCTION_LABELS:
                    raise ImproperlyConfigured(f"{path.name} row {line}: unknown function {code!r}")
                table[(row["gss"], code)] = FunctionRule(
                    code,
                    RUNS_VALUES.get(row["runs"], False),
                    "",
                    row["note"],
                    "powers-overrides.csv",
                    overridden=True,
                )
    return table


def _body(authority: Authority, elsewhere: str) -> str:
    """The body an `elsewhere` value names for this council's area."""
    if elsewhere == TOKEN_COUNTY:
        county = authority.parent_county
        return county.official_name if county else "the county council"
    if elsewhere == TOKEN_DISTRICTS:
        return "the district councils"
    if elsewhere == TOKEN_COMBINED:
        combined = authority.combined_authority
        return combined.official_name if combined else "the combined authority"
    if elsewhere in {TOKEN_MEMBERS, TOKEN_BOROUGHS}:
        return f"the {elsewhere}"
    return elsewhere


def function_power(authority: Authority, code: str) -> FunctionPower | None:
    """This council's answer for one function (overrides applied); None for an unknown code."""
    rule = function_overrides().get((authority.gss, code)) or function_table().get(
        (authority.authority_type, code)
    )
    if rule is None:
        return None
    body = "" if rule.runs else _body(authority, rule.elsewhere)
    label = FUNCTION_LABELS.get(code, code)
    return FunctionPower(code, label, rule.runs, body, rule.note, rule.source, rule.overridden)


def functions_for(authority: Authority) -> list[FunctionPower]:
    """Every function for this council, in the vocabulary's order, with who runs it."""
    found = (function_power(authority, code) for code in FUNCTION_LABELS)
    return [power for power in found if power is not None]


def functions_run_by(authority: Authority) -> set[str]:
    return {power.function for power in functions_for(authority) if power.runs}


def functions_match(authority: Authority, codes: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split a record's functions into (those this council runs, those it does not), in order."""
    runs = functions_run_by(authority)
    matched: list[str] = []
    unmatched: list[str] = []
    for code in dict.fromkeys(codes):
        (matched if code in runs else unmatched).append(code)
    return matched, unmatched


def who_runs(authority: Authority, codes: Iterable[str]) -> list[str]:
    """Sentences naming who runs each function the council does not, e.g. "Devon County Council
    runs trading standards for South Hams"."""
    sentences = []
    for code in dict.fromkeys(codes):
        power = function_power(authority, code)
        if power is not None and not power.runs:
            sentences.append(f"{power.who_runs_sentence} for {authority.name}")
    return sentences


def function_matrix(kinds: Iterable[str]) -> list[tuple[str, list[bool]]]:
    """(function label, [runs it? for each authority type in `kinds`]) for every function: the
    summary on the "who runs what" page."""
    table, columns = function_table(), list(kinds)
    return [
        (label, [table[(kind, code)].runs for kind in columns])
        for code, label in FUNCTION_LABELS.items()
    ]
