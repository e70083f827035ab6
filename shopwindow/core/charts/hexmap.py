"""The UK hex map: one hexagon per district-level council (361), as an accessible SVG.

The layout is ODI Leeds' hexjson of 2023 local authority districts (data/reference/), an
"odd-r" grid of pointy-top hexagons: odd rows sit half a hex to the right, and r grows
northwards (Shetland has the largest r), so rows are drawn top-down from the largest r.

Counties, combined authorities and the GLA have no hex of their own: use
`spread_to_districts` to show their values on the councils inside them.
"""

import json
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from shopwindow.core.charts import palette
from shopwindow.core.charts.base import (
    CHAR_WIDTH,
    Number,
    ValueFormat,
    attrs,
    chart_id,
    esc,
    format_count,
    num,
    open_svg,
)
from shopwindow.core.charts.palette import Category
from shopwindow.core.charts.scales import sequential_buckets

HEXJSON_NAME = "odileeds_uk_local_authority_districts_2023.hexjson"

SIZE = 10.0  # centre-to-corner radius of a hex, in viewBox units
HEX_WIDTH = math.sqrt(3) * SIZE
ROW_HEIGHT = 1.5 * SIZE
PADDING = 8.0
FONT_SIZE = 12.0
LEGEND_LINE = 20.0

V = TypeVar("V")


@dataclass(frozen=True)
class Hex:
    """One council's cell in the hexjson."""

    gss: str
    name: str
    q: int
    r: int
    region: str


@dataclass(frozen=True)
class HexRow:
    """One row of the table alternative: the same data the map shows."""

    name: str
    gss: str
    value: Category | Number
    label: str


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str
    count: int


@dataclass(frozen=True)
class HexMap:
    """A rendered hex map. `table_rows` holds exactly the input entries drawn on the map,
    sorted by name; `unplaced` the input codes that have no hex (not drawn, not in rows)."""

    svg: SafeString
    table_rows: list[HexRow]
    legend: list[LegendItem]
    unplaced: list[str]
    value_heading: str

    @property
    def table_head(self) -> tuple[str, str, str]:
        return ("Council", "GSS code", self.value_heading)

    def table_params(
        self, *, caption: str, caption_classes: str = "govuk-table__caption--s"
    ) -> dict[str, Any]:
        """Params for the GOV.UK table component: `{% govuk_params "table" params %}`."""
        numeric = (
            {"format": "numeric"}
            if self.table_rows and not isinstance(self.table_rows[0].value, Category)
            else {}
        )
        return {
            "caption": caption,
            "captionClasses": caption_classes,
            "firstCellIsHeader": True,
            "head": [{"text": text} for text in self.table_head[:2]]
            + [{"text": self.table_head[2], **numeric}],
            "rows": [
                [{"text": row.name}, {"text": row.gss}, {"text": row.label, **numeric}]
                for row in self.table_rows
            ],
        }


def hexjson_path() -> Path:
    return Path(settings.BASE_DIR) / "data" / "reference" / HEXJSON_NAME


@cache
def _load(path: str) -> dict[str, Hex]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("layout") != "odd-r":
        raise ValueError(f"{path}: expected an odd-r hexjson layout, got {data.get('layout')!r}")
    return {
        gss: Hex(gss=gss, name=cell["n"], q=int(cell["q"]), r=int(cell["r"]), region=cell["region"])
        for gss, cell in data["hexes"].items()
    }


def district_hexes() -> dict[str, Hex]:
    """Every hex by GSS code, parsed once per process from data/reference/."""
    return _load(str(hexjson_path()))


def spread_to_districts(
    values: Mapping[str, V],
    *,
    members: Mapping[str, Iterable[str]],
    combine: Callable[[V, V], V],
) -> dict[str, V]:
    """Put upper-tier values on the district hexes inside them.

    `values` is keyed by GSS code, district or upper tier. `members` maps an upper-tier code
    (county, combined authority, the GLA) to the codes of the councils inside it; members may
    themselves be upper tier (a county inside a combined authority) and are followed down to
    districts. Each district gets its own value combined with every value above it, using
    `combine` (e.g. `palette.strongest_category`, `max`, or addition). Codes that are neither a
    hex nor in `members` are left out, so check `render_hexmap(...).unplaced` for your input.

    Adding numbers shows a county's figure on each of its districts; never sum the districts'
    figures afterwards, or the county counts once per district.
    """
    hexes = district_hexes()
    result: dict[str, V] = {}

    def districts_in(code: str, seen: frozenset[str]) -> set[str]:
        if code in hexes:
            return {code}
        found: set[str] = set()
        for member in members.get(code, ()):
            if member not in seen:  # guard against a cycle in the caller's mapping
                found |= districts_in(member, seen | {member})
        return found

    for code, value in values.items():
        for district in sorted(districts_in(code, frozenset({code}))):
            result[district] = combine(result[district], value) if district in result else value
    return result


def _centre(cell: Hex, *, min_q: int, max_r: int) -> tuple[float, float]:
    shift = HEX_WIDTH / 2 if cell.r % 2 else 0.0  # odd-r: odd rows half a hex right
    x = PADDING + HEX_WIDTH / 2 + (cell.q - min_q) * HEX_WIDTH + shift
    y = PADDING + SIZE + (max_r - cell.r) * ROW_HEIGHT  # r grows northwards: flip it
    return x, y


def _hex_path(x: float, y: float) -> str:
    corners = [
        (x + SIZE * math.cos(math.radians(angle)), y + SIZE * math.sin(math.radians(angle)))
        for angle in (-90, -30, 30, 90, 150, 210)
    ]
    return "M" + "L".join(f"{num(cx)} {num(cy)}" for cx, cy in corners) + "Z"


def render_hexmap(
    values: Mapping[str, Category | str | Number],
    *,
    title: str,
    description: str,
    mode: Literal["categorical", "sequential"] = "categorical",
    labels: Mapping[Category, str] | None = None,
    value_format: ValueFormat = format_count,
    breaks: Iterable[Number] | None = None,
    none_label: str = "None",
    value_heading: str | None = None,
    names: Mapping[str, str] | None = None,
    links: Mapping[str, str] | None = None,
    highlight: Collection[str] | None = None,
    id_prefix: str | None = None,
) -> HexMap:
    """Render the UK hex map coloured by `values` (keyed by district GSS code).

    categorical: values are `Category` members (or their strings); missing councils are
    `Category.NONE`; `labels` overrides the legend wording per category.
    sequential: values are numbers of zero or more, coloured by `sequential_buckets`
    (`value_format`, `breaks`); zero and missing councils are grey and labelled `none_label`
    in the legend ("no data" in a missing hex's title).
    `names` overrides the hexjson names; `links` wraps those hexes in keyboard-focusable links;
    `highlight` outlines those hexes in black (e.g. "your council").
    """
    hexes = district_hexes()
    names = names or {}
    links = links or {}
    highlighted = set(highlight or ())
    unplaced = sorted(code for code in values if code not in hexes)

    fills: dict[str, str] = {}
    titles: dict[str, str] = {}
    rows: list[HexRow] = []
    legend_entries: list[tuple[str, str]]
    if mode == "categorical":
        wording = {**palette.CATEGORY_LABELS, **(labels or {})}
        categories: dict[str, Category] = {}
        known = {category.value: category for category in Category}
        for code, raw in values.items():
            category = known.get(raw) if isinstance(raw, str) else None
            if category is None:
                raise ValueError(f"{code}: {raw!r} is not a category")
            categories[code] = category
        for code in hexes:
            category = categories.get(code, Category.NONE)
            fills[code] = palette.CATEGORY_COLOURS[category]
            titles[code] = wording[category]
        rows = [
            HexRow(name="", gss=code, value=category, label=wording[category])
            for code, category in categories.items()
            if code in hexes
        ]
        legend_entries = [(wording[c], palette.CATEGORY_COLOURS[c]) for c in Category]
        heading = value_heading or "Part played"
    elif mode == "sequential":
        numbers: dict[str, Number] = {}
        for code, raw in values.items():
            if isinstance(raw, bool | str) or raw < 0:
                raise ValueError(f"{code}: {raw!r} is not a number of zero or more")
            numbers[code] = raw
        buckets = sequential_buckets(
            (v for c, v in numbers.items() if c in hexes), value_format=value_format, breaks=breaks
        )
        for code in hexes:
            value = numbers.get(code)
            fills[code] = next(
                (b.colour for b in buckets if value is not None and b.holds(value)),
                palette.NO_VALUE_COLOUR,
            )
            titles[code] = "no data" if value is None else value_format(value)
        rows = [
            HexRow(name="", gss=code, value=value, label=value_format(value))
            for code, value in numbers.items()
            if code in hexes
        ]
        legend_entries = [(none_label, palette.NO_VALUE_COLOUR)] + [
            (b.label, b.colour) for b in buckets
        ]
        heading = value_heading or "Value"
    else:
        raise ValueError(f"mode must be 'categorical' or 'sequential', not {mode!r}")

    def name_of(code: str) -> str:
        return names.get(code) or hexes[code].name

    rows = sorted(
        (
            HexRow(name=name_of(row.gss), gss=row.gss, value=row.value, label=row.label)
            for row in rows
        ),
        key=lambda row: (row.name.casefold(), row.gss),
    )
    colour_counts: dict[str, int] = {}
    for code in hexes:
        colour_counts[fills[code]] = colour_counts.get(fills[code], 0) + 1
    legend = [
        LegendItem(label=label, colour=colour, count=colour_counts.get(colour, 0))
        for label, colour in legend_entries
    ]

    svg = _draw(
        hexes=hexes,
        fills=fills,
        titles={code: f"{name_of(code)}: {text}" for code, text in titles.items()},
        links=links,
        highlighted=highlighted,
        legend=legend,
        ident=chart_id(id_prefix, title),
        title=title,
        description=description,
    )
    return HexMap(svg=svg, table_rows=rows, legend=legend, unplaced=unplaced, value_heading=heading)


def _draw(
    *,
    hexes: Mapping[str, Hex],
    fills: Mapping[str, str],
    titles: Mapping[str, str],
    links: Mapping[str, str],
    highlighted: set[str],
    legend: list[LegendItem],
    ident: str,
    title: str,
    description: str,
) -> SafeString:
    min_q = min(cell.q for cell in hexes.values())
    max_r = max(cell.r for cell in hexes.values())
    centres = {code: _centre(cell, min_q=min_q, max_r=max_r) for code, cell in hexes.items()}
    grid_width = max(x for x, _ in centres.values()) + HEX_WIDTH / 2 + PADDING
    grid_height = max(y for _, y in centres.values()) + SIZE + PADDING

    # The legend sits top right, in the North Sea, just clear of any hex beside it.
    legend_top = PADDING
    legend_bottom = legend_top + LEGEND_LINE * len(legend)
    beside = [x for x, y in centres.values() if y - SIZE < legend_bottom]
    legend_left = max(beside, default=0.0) + HEX_WIDTH / 2 + 2 * PADDING
    longest = max((len(item.label) for item in legend), default=0)
    legend_right = legend_left + 22 + longest * FONT_SIZE * CHAR_WIDTH + PADDING
    width = max(grid_width, legend_right)

    parts = [
        open_svg(
            ident=ident,
            title=title,
            description=description,
            width=width,
            height=grid_height,
            css_class="sw-chart sw-hexmap",
            interactive=bool(links),
        )
    ]
    parts.append(f"<g {attrs(stroke=palette.WHITE, stroke_width=1, stroke_linejoin='round')}>")
    # Highlighted hexes go last so their outline is not covered by a neighbour's stroke.
    order = sorted(hexes, key=lambda code: (code in highlighted, code))
    for code in order:
        x, y = centres[code]
        shape_attrs = {"d": _hex_path(x, y), "fill": fills[code], "class_": "sw-hex"}
        if code in highlighted:
            shape_attrs.update(stroke=palette.BLACK, stroke_width="2.5")
        shape = f"<path {attrs(**shape_attrs)}><title>{esc(titles[code])}</title></path>"
        if code in links:
            link_attrs = attrs(href=links[code], aria_label=titles[code], class_="sw-hex-link")
            shape = f"<a {link_attrs}>{shape}</a>"
        parts.append(shape)
    parts.append("</g>")

    parts.append(f"<g {attrs(font_family=palette.FONT_FAMILY, font_size=num(FONT_SIZE))}>")
    for index, item in enumerate(legend):
        top = legend_top + index * LEGEND_LINE
        swatch = attrs(
            x=num(legend_left),
            y=num(top + 2),
            width=14,
            height=14,
            fill=item.colour,
            stroke=palette.BLACK_TINT_50,
            stroke_width=1,
        )
        text = attrs(x=num(legend_left + 22), y=num(top + 13), fill=palette.TEXT)
        parts.append(f"<rect {swatch}/><text {text}>{esc(item.label)}</text>")
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above went through esc()
