"""Horizontal bar chart as an accessible SVG (e.g. savings by theme, records by region).

Bars start at zero and their lengths are proportional to the values; each value is printed at
the end of its bar, so the chart reads without an axis. Long labels wrap onto two lines and
are cut with "…" beyond that; the full label is in the bar's <title> and in the table.
"""

from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from shopwindow.core.charts import palette
from shopwindow.core.charts.base import (
    CHAR_WIDTH,
    Chart,
    Number,
    Row,
    ValueFormat,
    attrs,
    chart_id,
    check_rows,
    esc,
    format_count,
    num,
    open_svg,
    text_attrs,
    wrap_label,
)

FONT_SIZE = 14.0
LINE_HEIGHT = 17.0
BAR_HEIGHT = 24.0
ROW_GAP = 12.0
PADDING = 8.0
LABEL_SHARE = 0.38  # of the width, for the label column


def render_bar_chart(
    rows: Sequence[tuple[str, Number | None]],
    *,
    title: str,
    description: str,
    value_format: ValueFormat = format_count,
    label_heading: str = "Item",
    value_heading: str = "Value",
    colour: str = palette.BLUE,
    width: float = 640.0,
    id_prefix: str | None = None,
    missing_label: str = "No figure given",
) -> Chart:
    """Draw one bar per (label, value) row, in the order given; values must be zero or more.
    A None value is a missing figure: no bar, and `missing_label` where the value would be (a
    missing figure is never drawn as zero).

    With no rows the SVG says "No data to show" and the table has no rows.
    """
    check_rows(rows)
    table = [
        Row(
            label=label,
            value=value,
            display=missing_label if value is None else value_format(value),
        )
        for label, value in rows
    ]
    ident = chart_id(id_prefix, title)
    label_width = width * LABEL_SHARE
    max_chars = max(8, int((label_width - PADDING * 2) / (FONT_SIZE * CHAR_WIDTH)))
    wrapped = [wrap_label(row.label, max_chars=max_chars) for row in table]
    row_heights = [max(BAR_HEIGHT, len(lines) * LINE_HEIGHT) + ROW_GAP for lines in wrapped]
    height = PADDING * 2 + (sum(row_heights) if table else 40.0)

    parts = [
        open_svg(
            ident=ident,
            title=title,
            description=description,
            width=width,
            height=height,
            css_class="sw-chart sw-bar-chart",
        ),
        f"<g {text_attrs(FONT_SIZE)}>",
    ]
    if not table:
        parts.append(f"<text {attrs(x=num(PADDING), y=num(PADDING + 24))}>No data to show</text>")
    else:
        longest_value = max(len(row.display) for row in table)
        value_space = longest_value * FONT_SIZE * CHAR_WIDTH + PADDING * 2
        bar_space = max(width - label_width - value_space - PADDING, 1.0)
        largest = max((float(row.value) for row in table if row.value is not None), default=0.0)
        top = PADDING
        for row, lines, row_height in zip(table, wrapped, row_heights, strict=True):
            parts.append(_bar(row, lines, top, row_height, label_width, bar_space, largest, colour))
            top += row_height
        baseline = attrs(
            x1=num(label_width),
            y1=num(PADDING),
            x2=num(label_width),
            y2=num(height - PADDING),
            stroke=palette.TEXT,
            stroke_width=1,
        )
        parts.append(f"<line {baseline}/>")
    parts.append("</g></svg>")
    return Chart(
        svg=_safe("".join(parts)), table_rows=table, table_head=(label_heading, value_heading)
    )


def _bar(
    row: Row,
    lines: list[str],
    top: float,
    row_height: float,
    label_width: float,
    bar_space: float,
    largest: float,
    colour: str,
) -> str:
    middle = top + (row_height - ROW_GAP) / 2
    value_number = float(row.value) if row.value is not None else 0.0
    length = bar_space * value_number / largest if largest > 0 else 0.0
    first_line = middle - (len(lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
    label = "".join(
        f"<tspan {attrs(x=num(label_width - PADDING), y=num(first_line + i * LINE_HEIGHT))}>"
        f"{esc(line)}</tspan>"
        for i, line in enumerate(lines)
    )
    if row.value is None:  # no bar at all: the label says there is no figure
        value = attrs(x=num(label_width + PADDING), y=num(middle + FONT_SIZE * 0.35))
        return (
            f"<g><title>{esc(row.label)}: {esc(row.display)}</title>"
            f"<text {attrs(text_anchor='end')}>{label}</text>"
            f'<text {value} font-style="italic">{esc(row.display)}</text></g>'
        )
    bar = attrs(
        x=num(label_width),
        y=num(middle - BAR_HEIGHT / 2),
        width=num(length),
        height=num(BAR_HEIGHT),
        fill=colour,
        class_="sw-bar",
    )
    value = attrs(x=num(label_width + length + PADDING), y=num(middle + FONT_SIZE * 0.35))
    return (
        f"<g><title>{esc(row.label)}: {esc(row.display)}</title>"
        f"<text {attrs(text_anchor='end')}>{label}</text>"
        f"<rect {bar}/><text {value}>{esc(row.display)}</text></g>"
    )


def _safe(svg: str) -> SafeString:
    return mark_safe(svg)  # noqa: S308 - every value in the SVG went through esc()
