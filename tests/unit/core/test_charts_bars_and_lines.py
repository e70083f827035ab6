"""Bar, column and line charts: proportional shapes, the same data as a table, escaping."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from shopwindow.core.charts import format_pounds, palette, render_bar_chart, render_time_chart
from shopwindow.core.charts.base import Number, format_count, nice_ticks, wrap_label

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def shapes(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == css_class]


def assert_accessible(svg: str, title: str, description: str) -> ET.Element:
    assert "style=" not in svg
    root = parse(svg)
    assert root.get("role") == "img"
    title_el = root.find(f"{SVG}title")
    desc_el = root.find(f"{SVG}desc")
    assert title_el is not None
    assert desc_el is not None
    assert title_el.text == title
    assert desc_el.text == description
    assert (root.get("aria-labelledby") or "").split() == [title_el.get("id"), desc_el.get("id")]
    return root


def test_bar_widths_are_proportional_to_values() -> None:
    rows = [("Adult social care", 400), ("Children", 100), ("Waste", 0), ("Housing", 200)]
    chart = render_bar_chart(rows, title="Savings by theme", description="Four themes")
    root = assert_accessible(chart.svg, "Savings by theme", "Four themes")
    widths = [float(bar.get("width") or "nan") for bar in shapes(root, "sw-bar")]
    assert len(widths) == 4
    # Hand-checked: 400 is the longest bar, 100 a quarter of it, 0 nothing, 200 half.
    assert widths[1] == pytest.approx(widths[0] / 4, abs=0.01)
    assert widths[2] == 0
    assert widths[3] == pytest.approx(widths[0] / 2, abs=0.01)
    starts = {bar.get("x") for bar in shapes(root, "sw-bar")}
    assert len(starts) == 1  # every bar starts at the same baseline
    assert all(bar.get("fill") == palette.BLUE for bar in shapes(root, "sw-bar"))


def test_bar_values_are_printed_and_tabled() -> None:
    rows: list[tuple[str, Number]] = [
        ("Adult social care", 1_250_000),
        ("Waste", Decimal("98000.40")),
    ]
    chart = render_bar_chart(
        rows, title="t", description="d", value_format=format_pounds, value_heading="Savings"
    )
    assert [(r.label, r.value, r.display) for r in chart.table_rows] == [
        ("Adult social care", 1_250_000, "£1,250,000"),
        ("Waste", Decimal("98000.40"), "£98,000"),
    ]
    texts = [t.text for t in parse(chart.svg).iter(f"{SVG}text")]
    assert "£1,250,000" in texts
    assert "£98,000" in texts
    params = chart.table_params(caption="Savings by theme")
    assert params["head"] == [{"text": "Item"}, {"text": "Savings", "format": "numeric"}]
    assert params["rows"][0] == [
        {"text": "Adult social care"},
        {"text": "£1,250,000", "format": "numeric"},
    ]
    assert 'font-family="system-ui, ' in chart.svg
    assert "GDS Transport" not in chart.svg


def test_long_labels_wrap_and_keep_the_full_text_in_the_title() -> None:
    label = "Children's services and a very long label that goes on and on about many things"
    chart = render_bar_chart([(label, 5)], title="t", description="d")
    root = parse(chart.svg)
    tspans = [t.text or "" for t in root.iter(f"{SVG}tspan")]
    assert len(tspans) == 2
    assert tspans[1].endswith("…")
    assert all(len(line) <= 40 for line in tspans)
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert f"{label}: 5" in titles


def test_wrap_label() -> None:
    assert wrap_label("Adult social care", max_chars=11) == ["Adult", "social care"]
    assert wrap_label("Adult social care", max_chars=10) == ["Adult", "social…"]
    assert wrap_label("Short", max_chars=10) == ["Short"]
    assert wrap_label("one two three four five", max_chars=7) == ["one two", "three…"]
    assert wrap_label("Supercalifragilistic", max_chars=8) == ["Superca…"]


def test_charts_escape_text() -> None:
    bar = render_bar_chart(
        [("<script>alert(1)</script> & co", 3)], title="A & B <i>", description="<desc>"
    )
    line = render_time_chart([("20<b>24", 2)], title="x & y", description="d", kind="line")
    for svg in (bar.svg, line.svg):
        assert "<script" not in svg
        assert "<b>" not in svg
        assert "<i>" not in svg
        parse(svg)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co: 3" in bar.svg
    assert bar.table_rows[0].label == "<script>alert(1)</script> & co"


def test_empty_charts_say_so() -> None:
    for chart in (
        render_bar_chart([], title="t", description="d"),
        render_time_chart([], title="t", description="d"),
    ):
        assert chart.table_rows == []
        assert "No data to show" in chart.svg
        parse(chart.svg)


def test_negative_values_are_refused_with_their_label() -> None:
    with pytest.raises(ValueError, match="Waste"):
        render_bar_chart([("Waste", -1)], title="t", description="d")
    with pytest.raises(ValueError, match="2020"):
        render_time_chart([("2020", -1)], title="t", description="d")


def test_column_heights_are_proportional_and_start_at_zero() -> None:
    points = [("2021", 2), ("2022", 0), ("2023", 8), ("2024", 4)]
    chart = render_time_chart(points, title="Adoptions per year", description="Rising")
    root = assert_accessible(chart.svg, "Adoptions per year", "Rising")
    columns = shapes(root, "sw-column")
    heights = [float(c.get("height") or "nan") for c in columns]
    assert heights[1] == 0
    assert heights[0] == pytest.approx(heights[2] / 4, abs=0.01)
    assert heights[3] == pytest.approx(heights[2] / 2, abs=0.01)
    bottoms = {round(float(c.get("y") or 0) + float(c.get("height") or 0), 2) for c in columns}
    assert len(bottoms) == 1
    xs = [float(c.get("x") or 0) for c in columns]
    assert xs == sorted(xs)  # in the order given
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for label, value in points:
        assert label in texts
        assert str(value) in texts
    assert [(r.label, r.value) for r in chart.table_rows] == points
    assert chart.table_head == ("Year", "Value")


def test_line_chart_points_follow_the_values() -> None:
    points = [("2021", 1), ("2022", 3), ("2023", 2)]
    chart = render_time_chart(points, title="t", description="d", kind="line")
    root = parse(chart.svg)
    polyline = next(root.iter(f"{SVG}polyline"))
    ys = [float(pair.split(",")[1]) for pair in (polyline.get("points") or "").split()]
    bottom = max(float(line.get("y1") or 0) for line in root.iter(f"{SVG}line"))
    heights = [bottom - y for y in ys]
    assert heights[0] == pytest.approx(heights[1] / 3, abs=0.01)
    assert heights[2] == pytest.approx(heights[1] * 2 / 3, abs=0.01)
    assert len(list(root.iter(f"{SVG}circle"))) == 3
    with pytest.raises(ValueError, match="kind"):
        render_time_chart(points, title="t", description="d", kind="pie")  # type: ignore[arg-type]


def test_nice_ticks_and_formats() -> None:
    assert nice_ticks(13, whole=True) == [0, 5, 10, 15]
    assert nice_ticks(3, whole=True) == [0, 1, 2, 3]
    assert nice_ticks(1.2, whole=False) == [0, 0.25, 0.5, 0.75, 1.0, 1.25]
    assert format_count(1234) == "1,234"
    assert format_count(2.5) == "2.5"
    assert format_pounds(Decimal("1234.4")) == "£1,234"
    assert format_pounds(-5) == "-£5"
