"""The UK hex map: one hex per district-level council, accessible SVG, table of the same data."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings

from shopwindow.core.charts import palette
from shopwindow.core.charts.hexmap import (
    HEXJSON_NAME,
    district_hexes,
    render_hexmap,
    spread_to_districts,
)
from shopwindow.core.charts.palette import Category
from shopwindow.core.charts.scales import sequential_buckets

NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"
SHETLAND = "S12000027"
ORKNEY = "S12000023"
CORNWALL = "E06000052"
SOUTH_HAMS = "E07000044"
DEVON = "E10000008"  # a county: no hex of its own


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def hex_paths(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{SVG}path") if p.get("class") == "sw-hex"]


def centre_y(path: ET.Element) -> float:
    ys = [float(y) for y in re.findall(r"[ML][\d.]+ ([\d.]+)", path.get("d") or "")]
    return sum(ys) / len(ys)


def path_titled(root: ET.Element, name: str) -> ET.Element:
    matches = [p for p in hex_paths(root) if (p.findtext(f"{SVG}title") or "").startswith(name)]
    assert len(matches) == 1, name
    return matches[0]


@pytest.fixture
def spread() -> dict[str, Category | str]:
    return {SOUTH_HAMS: Category.LEAD, "E07000045": "partner", CORNWALL: Category.ADOPTER}


def test_reads_the_reference_copy_and_caches_it() -> None:
    path = Path(settings.BASE_DIR) / "data" / "reference" / HEXJSON_NAME
    raw = json.loads(path.read_text(encoding="utf-8"))
    hexes = district_hexes()
    assert len(hexes) == len(raw["hexes"]) == 361
    assert hexes[SOUTH_HAMS].name == raw["hexes"][SOUTH_HAMS]["n"] == "South Hams"
    assert district_hexes() is hexes  # parsed once per process


def test_one_titled_hex_per_district_level_council(spread: dict[str, Category | str]) -> None:
    root = parse(render_hexmap(spread, title="Spread", description="Where it went").svg)
    paths = hex_paths(root)
    assert len(paths) == 361
    titles = [p.findtext(f"{SVG}title") for p in paths]
    assert all(titles)
    names = {hexes.name for hexes in district_hexes().values()}
    assert {t.split(": ")[0] for t in titles if t} == names
    assert path_titled(root, "South Hams").findtext(f"{SVG}title") == "South Hams: Lead council"
    assert path_titled(root, "Cornwall").get("fill") == palette.CATEGORY_COLOURS[Category.ADOPTER]
    assert path_titled(root, "Leeds").get("fill") == palette.CATEGORY_COLOURS[Category.NONE]


def test_table_rows_hold_the_same_data(spread: dict[str, Category | str]) -> None:
    result = render_hexmap(
        spread, title="Spread", description="d", labels={Category.ADOPTER: "Adopted it"}
    )
    rows = {(row.gss, row.name, row.label) for row in result.table_rows}
    assert rows == {
        (SOUTH_HAMS, "South Hams", "Lead council"),
        ("E07000045", "Teignbridge", "Partner council"),
        (CORNWALL, "Cornwall", "Adopted it"),
    }
    assert [row.name for row in result.table_rows] == ["Cornwall", "South Hams", "Teignbridge"]
    root = parse(result.svg)
    for row in result.table_rows:  # the map says exactly what the table says
        assert path_titled(root, row.name).findtext(f"{SVG}title") == f"{row.name}: {row.label}"
    params = result.table_params(caption="Councils involved")
    assert params["head"][0]["text"] == "Council"
    assert [r[0]["text"] for r in params["rows"]] == ["Cornwall", "South Hams", "Teignbridge"]


def test_shetland_and_orkney_at_the_top_cornwall_at_the_bottom() -> None:
    root = parse(render_hexmap({}, title="Map", description="d").svg)
    ys = {name: centre_y(path_titled(root, name)) for name in ("Shetland", "Orkney", "Cornwall")}
    all_ys = [centre_y(p) for p in hex_paths(root)]
    assert ys["Shetland"] == min(all_ys)  # SVG y grows downwards
    assert ys["Shetland"] < ys["Orkney"] < ys["Cornwall"]
    assert ys["Cornwall"] == sorted(set(all_ys))[-2]  # only the Isles of Scilly lie lower


def test_odd_rows_shift_right_by_half_a_hex() -> None:
    hexes = district_hexes()
    root = parse(render_hexmap({}, title="Map", description="d").svg)

    def left_x(gss: str) -> float:
        path = path_titled(root, hexes[gss].name + ":")
        return min(float(x) for x in re.findall(r"[ML]([\d.]+) ", path.get("d") or ""))

    by_cell = {(cell.q, cell.r): gss for gss, cell in hexes.items()}
    odd = next(g for (q, r), g in by_cell.items() if r % 2 and (q, r - 1) in by_cell)
    even = by_cell[(hexes[odd].q, hexes[odd].r - 1)]
    hex_width = 3**0.5 * 10
    assert left_x(odd) - left_x(even) == pytest.approx(hex_width / 2, abs=0.02)


def test_svg_is_accessible_xml_without_style_attributes(spread: dict[str, Category | str]) -> None:
    result = render_hexmap(spread, title="Spread of the idea", description="Lead in Devon")
    assert "style=" not in result.svg
    assert "<script" not in result.svg
    root = parse(result.svg)
    assert root.get("role") == "img"
    ids = (root.get("aria-labelledby") or "").split()
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None
    assert desc is not None
    assert ids == [title.get("id"), desc.get("id")]
    assert title.text == "Spread of the idea"
    assert desc.text == "Lead in Devon"
    assert root.get("viewBox", "").startswith("0 0 ")


def test_links_are_focusable_and_named() -> None:
    result = render_hexmap(
        {CORNWALL: Category.ADOPTER}, title="t", description="d", links={CORNWALL: "/c/?a=1&b=2"}
    )
    root = parse(result.svg)
    assert root.get("role") == "group"  # an img's children are hidden; links must not be
    links = list(root.iter(f"{SVG}a"))
    assert len(links) == 1
    assert links[0].get("href") == "/c/?a=1&b=2"
    assert links[0].get("aria-label") == "Cornwall: Adopting council"
    assert len(hex_paths(root)) == 361


def test_highlight_outlines_the_hex() -> None:
    root = parse(render_hexmap({}, title="t", description="d", highlight={SOUTH_HAMS}).svg)
    assert path_titled(root, "South Hams").get("stroke") == palette.BLACK
    assert path_titled(root, "Cornwall").get("stroke") is None


def test_names_titles_and_links_are_escaped() -> None:
    result = render_hexmap(
        {CORNWALL: Category.LEAD},
        title='Spread <script>alert("x")</script> & more',
        description="Tom & Jerry's <b>",
        names={CORNWALL: "Corn<script>wall & Scilly"},
        links={CORNWALL: 'javascript"><script>'},
    )
    assert "<script" not in result.svg
    assert "Corn&lt;script&gt;wall &amp; Scilly: Lead council" in result.svg
    root = parse(result.svg)  # still well-formed XML
    assert root.findtext("svg:title", namespaces=NS) == 'Spread <script>alert("x")</script> & more'
    assert result.table_rows[0].name == "Corn<script>wall & Scilly"


def test_unknown_codes_are_reported_not_drawn() -> None:
    result = render_hexmap({DEVON: Category.LEAD, "X99": "adopter"}, title="t", description="d")
    assert result.unplaced == [DEVON, "X99"]
    assert result.table_rows == []


def test_bad_category_names_the_council() -> None:
    with pytest.raises(ValueError, match=CORNWALL):
        render_hexmap({CORNWALL: "champion"}, title="t", description="d")


def test_sequential_buckets_for_a_hand_made_example() -> None:
    buckets = sequential_buckets([0, 1, 3, 4, 7, 10])
    # largest 10 over 5 steps: step 2 -> (0,2], (2,4], (4,6], (6,8], (8,10]
    assert [(b.lower, b.upper, b.label) for b in buckets] == [
        (0, 2, "1 to 2"),
        (2, 4, "3 to 4"),
        (4, 6, "5 to 6"),
        (6, 8, "7 to 8"),
        (8, 10, "9 to 10"),
    ]
    assert [b.colour for b in buckets] == list(palette.SEQUENTIAL)
    assert sequential_buckets([0, 0]) == []
    small = sequential_buckets([1, 2])
    assert [(b.upper, b.label) for b in small] == [(1, "1"), (2, "2")]
    assert [b.colour for b in small] == [palette.SEQUENTIAL[0], palette.SEQUENTIAL[-1]]


def test_sequential_buckets_with_breaks_and_money() -> None:
    buckets = sequential_buckets(
        [500, 20_000, 75_000],
        breaks=[10_000, 50_000, 100_000],
        value_format=lambda v: f"£{v:,}",
    )
    assert [b.label for b in buckets] == [
        "£1 to £10,000",
        "£10,001 to £50,000",
        "£50,001 to £100,000",
    ]
    fractional = sequential_buckets([0.5, 1.2])
    # largest 1.2 over 5 steps: 0.24, rounded up to the nice step 0.25
    assert [b.label for b in fractional] == [
        "Up to 0.25",
        "More than 0.25 to 0.5",
        "More than 0.5 to 0.75",
        "More than 0.75 to 1",
        "More than 1 to 1.25",
    ]
    with pytest.raises(ValueError, match="breaks"):
        sequential_buckets([500], breaks=[100])


def test_sequential_map_colours_and_legend() -> None:
    values = {SOUTH_HAMS: 10, CORNWALL: 3, SHETLAND: 0, ORKNEY: 1}
    result = render_hexmap(values, title="Records", description="d", mode="sequential")
    root = parse(result.svg)
    fills = {name: path_titled(root, name).get("fill") for name in ("South Hams", "Cornwall")}
    assert fills == {"South Hams": palette.SEQUENTIAL[-1], "Cornwall": palette.SEQUENTIAL[1]}
    assert path_titled(root, "Shetland").get("fill") == palette.NO_VALUE_COLOUR
    assert path_titled(root, "Leeds").findtext(f"{SVG}title") == "Leeds: no data"
    assert path_titled(root, "Shetland").findtext(f"{SVG}title") == "Shetland Islands: 0"
    assert [(item.label, item.count) for item in result.legend] == [
        ("None", 358),
        ("1 to 2", 1),
        ("3 to 4", 1),
        ("5 to 6", 0),
        ("7 to 8", 0),
        ("9 to 10", 1),
    ]
    legend_texts = [t.text for t in root.iter(f"{SVG}text")]
    assert legend_texts == [item.label for item in result.legend]
    assert {(r.name, r.value) for r in result.table_rows} == {
        ("South Hams", 10),
        ("Cornwall", 3),
        ("Shetland Islands", 0),
        ("Orkney Islands", 1),
    }
    with pytest.raises(ValueError, match=CORNWALL):
        render_hexmap({CORNWALL: -1}, title="t", description="d", mode="sequential")


def test_spread_to_districts_follows_members_down() -> None:
    hexes = district_hexes()
    devon_districts = [g for g in ("E07000044", "E07000045", "E07000040") if g in hexes]
    members = {"CA1": [DEVON, "E06000026"], DEVON: devon_districts}
    values = {DEVON: Category.PARTNER, SOUTH_HAMS: Category.LEAD, "CA1": Category.ADOPTER}
    spread = spread_to_districts(values, members=members, combine=palette.strongest_category)
    assert spread == {
        SOUTH_HAMS: Category.LEAD,  # its own lead beats the county's partner
        "E07000045": Category.PARTNER,
        "E07000040": Category.PARTNER,
        "E06000026": Category.ADOPTER,  # Plymouth, via the combined authority
    }
    counts = spread_to_districts({DEVON: 2, SOUTH_HAMS: 1}, members=members, combine=max)
    assert counts == {SOUTH_HAMS: 2, "E07000045": 2, "E07000040": 2}
    cyclic = spread_to_districts({"A": 1}, members={"A": ["B"], "B": ["A", CORNWALL]}, combine=max)
    assert cyclic == {CORNWALL: 1}


def test_category_colours_have_enough_contrast() -> None:
    for category in (Category.LEAD, Category.PARTNER, Category.ADOPTER):
        colour = palette.CATEGORY_COLOURS[category]
        assert palette.contrast_ratio(colour, palette.WHITE) >= 3
        assert palette.contrast_ratio(colour, palette.CATEGORY_COLOURS[Category.NONE]) >= 3
    assert len(set(palette.CATEGORY_COLOURS.values())) == 4
    luminances = [palette.relative_luminance(c) for c in palette.SEQUENTIAL]
    assert luminances == sorted(luminances, reverse=True)  # light to dark
    assert palette.relative_luminance(palette.NO_VALUE_COLOUR) > luminances[0]
