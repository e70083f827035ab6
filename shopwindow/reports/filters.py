"""The national report's filters, parsed once from a query string for the page, downloads and API.

A bad value raises `FilterError` naming the parameter, so the page can show an error against the
field, the download can refuse it with a 400 and the API can answer `bad_parameter(...)`.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from shopwindow.authorities.vocabularies import Nation, Region
from shopwindow.innovations.vocabularies import THEME_CODES, THEMES

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
TRUE_WORDS = {"1", "true", "on", "yes"}
FALSE_WORDS = {"", "0", "false", "off", "no"}


class FilterError(ValueError):
    """A filter value that cannot be used; `parameter` is the query-string name."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class ReportFilters:
    """Which published records the figures cover. Empty strings and None mean "all"."""

    nation: str = ""
    region: str = ""
    theme: str = ""
    period_from: int | None = None
    period_to: int | None = None
    include_illustrative: bool = False

    @property
    def narrows(self) -> bool:
        """Whether any filter other than the illustrative switch is set."""
        return bool(
            self.nation
            or self.region
            or self.theme
            or self.period_from is not None
            or self.period_to is not None
        )

    def as_query(self) -> dict[str, str]:
        """The query-string form (only the parameters that are set), for links and downloads."""
        query: dict[str, str] = {}
        for name in ("nation", "region", "theme"):
            if getattr(self, name):
                query[name] = getattr(self, name)
        if self.period_from is not None:
            query["period_from"] = str(self.period_from)
        if self.period_to is not None:
            query["period_to"] = str(self.period_to)
        if self.include_illustrative:
            query["include_illustrative"] = "true"
        return query

    def key(self) -> str:
        """A stable hash of the filters, for caching built files."""
        text = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def describe(self) -> list[str]:
        """Plain-English lines saying what the figures cover."""
        lines = []
        if self.nation:
            lines.append(f"Nation: {Nation(self.nation).label}")
        if self.region:
            lines.append(f"Region: {Region(self.region).label}")
        if self.theme:
            labels = {code: label for code, label, _ in THEMES}
            lines.append(f"Theme: {labels[self.theme]}")
        if self.period_from is not None or self.period_to is not None:
            start = self.period_from if self.period_from is not None else "any year"
            end = self.period_to if self.period_to is not None else "any year"
            lines.append(f"Started: from {start} to {end}")
        lines.append(
            "Illustrative examples: included"
            if self.include_illustrative
            else "Illustrative examples: excluded"
        )
        return lines


# The nation each region is in: a region filter already keeps to its nation.
REGION_NATION = {
    **dict.fromkeys(Region.values, Nation.ENGLAND.value),
    Region.WALES.value: Nation.WALES.value,
    Region.SCOTLAND.value: Nation.SCOTLAND.value,
    Region.NORTHERN_IRELAND.value: Nation.NORTHERN_IRELAND.value,
}


def _raw(params: Mapping[str, Any], name: str) -> str:
    """One parameter's text, stripped; a parameter given twice is refused (which one counts?)."""
    getlist = getattr(params, "getlist", None)
    if getlist is not None and len(getlist(name)) > 1:
        raise FilterError(name, "give this filter once")
    return str(params.get(name) or "").strip()


def _year(params: Mapping[str, Any], name: str) -> int | None:
    raw = _raw(params, name)
    if not raw:
        return None
    if not raw.isdigit():
        raise FilterError(name, "must be a year, like 2015")
    year = int(raw)
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise FilterError(name, f"must be a year between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return year


def _choice(params: Mapping[str, Any], name: str, allowed: list[str], what: str) -> str:
    raw = _raw(params, name).lower()
    if raw and raw not in allowed:
        raise FilterError(name, f"'{raw}' is not a {what} code (use one of {', '.join(allowed)})")
    return raw


def parse_filters(params: Mapping[str, Any]) -> ReportFilters:
    """Read the filters from a query dict; raise FilterError naming the first bad parameter.

    The result is normalised, so requests that mean the same give equal filters (and share one
    `key()`, so one cached PDF): codes in any letter case, surrounding spaces, any of the
    true/false words, parameters in any order, unknown parameters ignored, and a nation that
    the region already implies dropped.
    """
    nation = _choice(params, "nation", list(Nation.values), "nation")
    region = _choice(params, "region", list(Region.values), "region")
    theme = _choice(params, "theme", THEME_CODES, "theme")
    period_from = _year(params, "period_from")
    period_to = _year(params, "period_to")
    if period_from is not None and period_to is not None and period_from > period_to:
        raise FilterError("period_to", "must be the same as or later than period_from")
    raw_switch = _raw(params, "include_illustrative").lower()
    if raw_switch not in TRUE_WORDS | FALSE_WORDS:
        raise FilterError("include_illustrative", "must be true or false")
    if region and REGION_NATION[region] == nation:
        nation = ""  # the region already keeps to its nation: one form, one cached PDF
    return ReportFilters(
        nation=nation,
        region=region,
        theme=theme,
        period_from=period_from,
        period_to=period_to,
        include_illustrative=raw_switch in TRUE_WORDS,
    )
