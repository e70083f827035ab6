"""The search facets: their URL/API parameter names, headings, codes and labels, in order.

Labels come from the vocabularies in code, never from the database, so showing facets costs
no queries. Multi-valued facets (theme, service area and the lead councils' type, nation and
region) and single-valued ones are all stored as rows of `search_facet`.
"""

from dataclasses import dataclass
from decimal import Decimal

from shopwindow.authorities.vocabularies import AuthorityType, Nation, Region
from shopwindow.innovations.vocabularies import (
    EVIDENCE_LEVELS,
    SERVICE_AREAS,
    THEMES,
    RecordStatus,
    Verification,
)

# (code, label, lower bound inclusive, upper bound exclusive)
SAVINGS_BANDS: list[tuple[str, str, Decimal | None, Decimal | None]] = [
    ("under-100k", "Under £100,000", Decimal(0), Decimal(100_000)),
    ("100k-1m", "£100,000 to £1 million", Decimal(100_000), Decimal(1_000_000)),
    ("1m-5m", "£1 million to £5 million", Decimal(1_000_000), Decimal(5_000_000)),
    ("over-5m", "Over £5 million", Decimal(5_000_000), None),
    ("not-stated", "Not stated", None, None),
]


@dataclass(frozen=True)
class Facet:
    name: str  # the key in search_facet and in the API's "facets"
    param: str  # the URL and API parameter
    heading: str
    choices: tuple[tuple[str, str], ...]  # (code, label), in display order

    @property
    def labels(self) -> dict[str, str]:
        return dict(self.choices)


FACETS: tuple[Facet, ...] = (
    Facet("theme", "theme", "Theme", tuple((c, label) for c, label, _ in THEMES)),
    Facet(
        "service_area",
        "service_area",
        "Service area",
        tuple((c, label) for c, label, _ in SERVICE_AREAS),
    ),
    Facet("authority_type", "authority_type", "Lead council type", tuple(AuthorityType.choices)),
    Facet("nation", "nation", "Nation", tuple(Nation.choices)),
    Facet("region", "region", "Region", tuple(Region.choices)),
    Facet(
        "evidence_level",
        "evidence_level",
        "Evidence level",
        tuple((str(level), f"Level {level}: {label}") for level, label, _ in EVIDENCE_LEVELS),
    ),
    Facet("verification", "verification", "Verification", tuple(Verification.choices)),
    Facet("status", "status", "Status", tuple(RecordStatus.choices)),
    Facet(
        "savings_band",
        "savings_band",
        "Annual saving",
        tuple((c, label) for c, label, _, _ in SAVINGS_BANDS),
    ),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}

# Facet values are stored as facet position * STRIDE + code position (search_facet.value).
STRIDE = 100
_VALUES = {
    (facet.name, code): i * STRIDE + j
    for i, facet in enumerate(FACETS)
    for j, (code, _) in enumerate(facet.choices)
}
_DECODED = {value: key for key, value in _VALUES.items()}


def facet_value(name: str, code: str) -> int | None:
    """The stored number of a facet value (None for a code outside the vocabulary)."""
    return _VALUES.get((name, code))


def decode(value: int) -> tuple[str, str]:
    return _DECODED[value]


def facet_range(name: str) -> tuple[int, int]:
    """The stored numbers of one facet: lower bound inclusive, upper exclusive."""
    start = [f.name for f in FACETS].index(name) * STRIDE
    return start, start + STRIDE


def savings_band(amount: Decimal | None) -> str:
    if amount is None:
        return "not-stated"
    for code, _, low, high in SAVINGS_BANDS:
        if low is not None and amount >= low and (high is None or amount < high):
            return code
    return "under-100k"  # a negative "saving" is still a figure: the lowest band


SORTS: tuple[tuple[str, str], ...] = (
    ("relevance", "Relevance"),
    ("saving", "Annual saving (highest first)"),
    ("evidence", "Evidence level (strongest first)"),
    ("newest", "Newest"),
)
SORT_CODES = tuple(code for code, _ in SORTS)
