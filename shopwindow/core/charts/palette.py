"""GOV.UK Frontend 6 colours for charts, the categorical palette and the sequential scale.

Values are copied from govuk-frontend 6 (dist/govuk/settings/_colours-palette--internal.scss),
so charts match the rest of the service. Contrast choices (WCAG 2.2, 1.4.11 non-text contrast):

- Every hex and bar is separated from its neighbours by a white gap, and every colour that
  carries meaning has at least 3:1 contrast against white, so each shape's edge is visible.
- The categorical colours also have at least 3:1 against the "not involved" grey.
- Colour is never the only carrier (1.4.1): each shape has a <title>, and every chart comes
  with a table of the same data.
"""

from enum import StrEnum
from typing import Final

# GOV.UK Frontend 6 palette (name-variant -> hex).
BLUE: Final = "#1d70b8"
BLUE_TINT_25: Final = "#5694ca"
BLUE_TINT_50: Final = "#8eb8dc"
BLUE_TINT_80: Final = "#d2e2f1"
BLUE_TINT_95: Final = "#f4f8fb"
BLUE_SHADE_10: Final = "#1a65a6"
BLUE_SHADE_25: Final = "#16548a"
BLUE_SHADE_50: Final = "#0f385c"  # "dark blue" before the brand refresh
GREEN: Final = "#0f7a52"
TEAL: Final = "#158187"
PURPLE: Final = "#54319f"
MAGENTA: Final = "#ca357c"
RED: Final = "#ca3535"
ORANGE: Final = "#f47738"
YELLOW: Final = "#ffdd00"  # the focus colour
BLACK: Final = "#0b0c0c"  # text
BLACK_TINT_25: Final = "#484949"  # secondary text
BLACK_TINT_50: Final = "#858686"
BLACK_TINT_80: Final = "#cecece"  # border
BLACK_TINT_95: Final = "#f3f3f3"
WHITE: Final = "#ffffff"

TEXT: Final = BLACK
SECONDARY_TEXT: Final = BLACK_TINT_25
BORDER: Final = BLACK_TINT_80
BACKGROUND: Final = WHITE

# The brand's system font stack (shopwindow/core/static_src/shopwindow.scss), for SVG font-family
# presentation attributes. Not GDS Transport: that typeface is for GOV.UK services only.
FONT_FAMILY: Final = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", arial, sans-serif'
)


class Category(StrEnum):
    """A council's part in a record, strongest first (see `strongest_category`)."""

    LEAD = "lead"
    PARTNER = "partner"
    ADOPTER = "adopter"
    NONE = "none"


CATEGORY_COLOURS: Final[dict[Category, str]] = {
    Category.LEAD: BLUE_SHADE_50,
    Category.PARTNER: BLUE,
    Category.ADOPTER: GREEN,
    Category.NONE: BLACK_TINT_80,
}

CATEGORY_LABELS: Final[dict[Category, str]] = {
    Category.LEAD: "Lead council",
    Category.PARTNER: "Partner council",
    Category.ADOPTER: "Adopting council",
    Category.NONE: "Not involved",
}

_PRECEDENCE: Final = (Category.LEAD, Category.PARTNER, Category.ADOPTER, Category.NONE)


def strongest_category(first: Category, second: Category) -> Category:
    """The stronger of two parts (lead > partner > adopter > none): a `combine` for
    `spread_to_districts` when a council both adopted and sits under a lead county."""
    return min(first, second, key=_PRECEDENCE.index)


# Sequential scale for counts and money, light to dark. It starts at tint-50 rather than
# tint-80 so the lightest step stays distinct from the "none" grey. NO_VALUE_COLOUR is
# lighter than every step, so darker always means more.
SEQUENTIAL: Final[tuple[str, ...]] = (
    BLUE_TINT_50,
    BLUE_TINT_25,
    BLUE,
    BLUE_SHADE_25,
    BLUE_SHADE_50,
)
NO_VALUE_COLOUR: Final = BLACK_TINT_80


def sequential_colours(count: int) -> list[str]:
    """`count` colours (1 to 5) spread evenly over the sequential scale, light to dark."""
    if not 1 <= count <= len(SEQUENTIAL):
        raise ValueError(f"A sequential scale has 1 to {len(SEQUENTIAL)} steps, not {count}")
    if count == 1:
        return [SEQUENTIAL[2]]
    last = len(SEQUENTIAL) - 1
    return [SEQUENTIAL[round(i * last / (count - 1))] for i in range(count)]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"Expected a #rrggbb colour, got {colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
