"""Values over time (e.g. adoptions per year) as a column or line chart in accessible SVG.

Points are drawn in the order given, evenly spaced: pass every period, including those with
zero, so gaps in time are not hidden. The y axis starts at zero with "nice" ticks.
"""

from collections.abc import Sequence
from typing import Literal

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
    is_whole,
    nice_ticks,
    num,
    open_svg,
    text_attrs,
)

FONT_SIZE = 13.0
PADDING = 10.0
X_LABEL_SPACE = 28.0


def render_time_chart(
    points: Sequence[tuple[str, Number]],
    *,
    title: str,
    description: str,
    kind: Literal["column", "line"] = "column",
    value_format: ValueFormat = format_count,
    label_heading: str = "Year",
    value_heading: str = "Value",
    colour: str = palette.BLUE,
    width: float = 640.0,
    height: float = 320.0,
    id_prefix: str | None = None,
) -> Chart:
    """Draw (period label, value) points as columns or a line; values must be zero or more.

    With no points the SVG says "No data to show" and the table has no rows.
    """
    if kind not in ("column", "line"):
        raise ValueError(f"kind must be 'column' or 'line', not {kind!r}")
    check_rows(points)
    table = [Row(label=label, value=value, display=value_format(value)) for label, value in points]
    parts = [
        open_svg(
            ident=chart_id(id_prefix, title),
            title=title,
            description=description,
            width=width,
            height=height,
            css_class=f"sw-chart sw-{kind}-chart",
        ),
        f"<g {text_attrs(FONT_SIZE)}>",
    ]
    if not table:
        parts.append(f"<text {attrs(x=num(PADDING), y=num(PADDING + 24))}>No data to show</text>")
    else:
        parts.extend(
            _plot(
                table,
                kind=kind,
                width=width,
                height=height,
                colour=colour,
                value_format=value_format,
            )
        )
    parts.append("</g></svg>")
    return Chart(
        svg=_safe("".join(parts)), table_rows=table, table_head=(label_heading, value_heading)
    )


def _plot(
    table: list[Row],
    *,
    kind: str,
    width: float,
    height: float,
    colour: str,
    value_format: ValueFormat,
) -> list[str]:
    whole = all(is_whole(row.value or 0) for row in table)
    largest = max(float(row.value or 0) for row in table)
    ticks = nice_ticks(largest, whole=whole) if largest > 0 else [0.0, 1.0]
    tick_labels = [value_format(int(t) if whole else t) for t in ticks]
    left = PADDING + max(len(text) for text in tick_labels) * FONT_SIZE * CHAR_WIDTH + 8
    top = PADDING + FONT_SIZE  # room for the value over the tallest column
    bottom = height - X_LABEL_SPACE
    plot_width = width - left - PADDING
    scale = (bottom - top) / ticks[-1]
    band = plot_width / len(table)
    parts: list[str] = []

    for tick, text in zip(ticks, tick_labels, strict=True):
        y = bottom - tick * scale
        grid = attrs(
            x1=num(left),
            y1=num(y),
            x2=num(width - PADDING),
            y2=num(y),
            stroke=palette.TEXT if tick == 0 else palette.BORDER,
            stroke_width=1,
        )
        label = attrs(x=num(left - 6), y=num(y + FONT_SIZE * 0.35), text_anchor="end")
        parts.append(f"<line {grid}/><text {label}>{esc(text)}</text>")

    # Thin out period labels so they never overlap: every nth, starting with the first.
    widest = max(len(row.label) for row in table) * FONT_SIZE * CHAR_WIDTH + 6
    every = max(1, -(-int(widest) // max(int(band), 1)))
    centres = [left + band * (i + 0.5) for i in range(len(table))]
    for index, (row, x) in enumerate(zip(table, centres, strict=True)):
        if index % every == 0:
            label = attrs(x=num(x), y=num(bottom + 18), text_anchor="middle")
            parts.append(f"<text {label}>{esc(row.label)}</text>")

    # Values go over their points only when each fits its band; the table always has them.
    print_values = max(len(row.display) for row in table) * FONT_SIZE * CHAR_WIDTH + 4 <= band
    if kind == "line":
        line = " ".join(
            f"{num(x)},{num(bottom - float(row.value or 0) * scale)}"
            for row, x in zip(table, centres, strict=True)
        )
        parts.append(
            f"<polyline {attrs(points=line, fill='none', stroke=colour, stroke_width=3)}/>"
        )
    for row, x in zip(table, centres, strict=True):
        y = bottom - float(row.value or 0) * scale
        if kind == "column":
            shape = attrs(
                x=num(x - band * 0.35),
                y=num(y),
                width=num(band * 0.7),
                height=num(bottom - y),
                fill=colour,
                class_="sw-column",
            )
            mark = f"<rect {shape}/>"
        else:
            mark = f"<circle {attrs(cx=num(x), cy=num(y), r=4, fill=colour)}/>"
        value = ""
        if print_values:
            value_attrs = attrs(x=num(x), y=num(y - 5), text_anchor="middle")
            value = f"<text {value_attrs}>{esc(row.display)}</text>"
        parts.append(f"<g><title>{esc(row.label)}: {esc(row.display)}</title>{mark}{value}</g>")
    return parts


def _safe(svg: str) -> SafeString:
    return mark_safe(svg)  # noqa: S308 - every value in the SVG went through esc()
