"""Reading search parameters from a URL's query string, for the page and the API alike.

A parameter repeated means OR (`?theme=assets&theme=procurement`). A bad value raises
`BadParameter` naming the parameter; the API turns it into a 400, the page into an error message.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.http import QueryDict

from shopwindow.search.engine import Filters
from shopwindow.search.facets import FACETS, SORT_CODES

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000
# No saving is larger (the Innovation Record schema's maximum); a bigger figure is a mistake.
MAX_SAVINGS_MIN = 10_000_000_000
DEFAULT_PAGE_SIZE = 20


class BadParameter(ValueError):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass
class SearchParams:
    query: str
    filters: Filters
    sort: str | None
    page: int
    page_size: int


def _integer(params: QueryDict, name: str, default: int, low: int, high: int) -> int:
    value = params.get(name, "")
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(name, f"must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise BadParameter(name, f"must be between {low} and {high}")
    return number


def parse_params(params: QueryDict, *, default_page_size: int = DEFAULT_PAGE_SIZE) -> SearchParams:
    query = params.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise BadParameter("q", f"must be {MAX_QUERY_LENGTH} characters or fewer")
    selected: dict[str, list[str]] = {}
    for facet in FACETS:
        values = [v for v in params.getlist(facet.param) if v != ""]
        allowed = facet.labels
        for value in values:
            if value not in allowed:
                raise BadParameter(facet.param, f"{value!r} is not one of: {', '.join(allowed)}")
        if values:
            selected[facet.name] = list(dict.fromkeys(values))
    evidence_min = None
    if params.get("evidence_min", "") != "":
        evidence_min = _integer(params, "evidence_min", 1, 1, 5)
    savings_min = None
    raw_saving = params.get("savings_min", "")
    if raw_saving != "":
        try:
            savings_min = Decimal(raw_saving)
        except InvalidOperation:
            raise BadParameter(
                "savings_min", f"must be a number of pounds, not {raw_saving!r}"
            ) from None
        if not savings_min.is_finite() or not 0 <= savings_min <= MAX_SAVINGS_MIN:
            raise BadParameter("savings_min", f"must be between 0 and {MAX_SAVINGS_MIN:,}")
    raw_switch = params.get("include_illustrative", "").strip().lower()
    if raw_switch not in {"", "true", "false", "1", "0", "on", "yes", "no"}:
        raise BadParameter("include_illustrative", "must be true or false")
    sort = params.get("sort", "") or None
    if sort is not None and sort not in SORT_CODES:
        raise BadParameter("sort", f"{sort!r} is not one of: {', '.join(SORT_CODES)}")
    return SearchParams(
        query=query,
        filters=Filters(
            selected=selected,
            evidence_min=evidence_min,
            savings_min=savings_min,
            include_illustrative=raw_switch in {"true", "1", "on", "yes"},
        ),
        sort=sort,
        page=_integer(params, "page", 1, 1, MAX_PAGE),
        page_size=_integer(params, "page_size", default_page_size, 1, MAX_PAGE_SIZE),
    )
