"""Shared pieces for the SVG charts: escaping, number formats, scales, label wrapping, results.

Charts are built as strings: every piece of text and every attribute value passes through
`esc`, so a council or record name can never inject markup. No `style` attributes anywhere
(the Content Security Policy forbids inline styles): colours and fonts are presentation
attributes (fill, stroke, font-family).
"""

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import slugify

from shopwindow.core.charts import palette

Number = int | float | Decimal
ValueFormat = Callable[[Number], str]

# Average advance of an Arial glyph, as a share of the font size: enough to wrap labels.
CHAR_WIDTH = 0.55


def esc(value: object) -> str:
    """Escape text or an attribute value for SVG (which is XML: &, <, >, " and ')."""
    return str(escape(str(value)))


def attrs(**values: object) -> str:
    """Render attributes; underscores become hyphens; None values are left out."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        if name == "class_":
            name = "class"
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{esc(value)}"')
    return " ".join(parts)


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_count(value: Number) -> str:
    """1234 -> "1,234"; 2.5 -> "2.5"; 0.125 -> "0.13" (at most two decimals)."""
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def format_pounds(value: Number) -> str:
    """1234 -> "£1,234" (whole pounds; negative as "-£5")."""
    whole = round(float(value))
    return f"-£{-whole:,}" if whole < 0 else f"£{whole:,}"


def is_whole(value: Number) -> bool:
    return isinstance(value, int) or float(value).is_integer()


def nice_step(rough: float, *, whole: bool) -> float:
    """The smallest "nice" step (1, 2, 2.5 or 5 times a power of ten) at least `rough`."""
    if rough <= 0:
        return 1.0
    magnitude: float = 10 ** math.floor(math.log10(rough))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * magnitude
        if step >= rough - 1e-9 and (not whole or float(step).is_integer()):
            return float(step)
    return 10.0 * magnitude


def nice_ticks(maximum: float, *, whole: bool, count: int = 5) -> list[float]:
    """Axis ticks from 0 to at least `maximum`, about `count` intervals."""
    step = max(nice_step(maximum / count, whole=whole), 1.0 if whole else 0.0) or 1.0
    intervals = max(1, math.ceil(maximum / step - 1e-9))
    return [step * i for i in range(intervals + 1)]


def wrap_label(text: str, *, max_chars: int, max_lines: int = 2) -> list[str]:
    """Wrap at spaces into at most `max_lines` lines; the last one ends "…" if cut short."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= max_chars:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines or any(len(line) > max_chars for line in lines):
        lines = [line[:max_chars] for line in lines[:max_lines]]
        kept = " ".join(lines)
        if kept != " ".join(words):
            last = lines[-1][: max_chars - 1].rstrip()
            lines[-1] = f"{last}…"
    return lines or [""]


def chart_id(prefix: str | None, title: str) -> str:
    """An id prefix for a chart's <title>/<desc>: unique per title unless the caller sets it."""
    base = prefix or f"chart-{slugify(title)[:40]}"
    return re.sub(r"[^A-Za-z0-9_-]", "-", base) or "chart"


def text_attrs(font_size: float) -> str:
    """Font and text colour for a group of text: GOV.UK's font stack, black text."""
    return attrs(font_family=palette.FONT_FAMILY, font_size=num(font_size), fill=palette.TEXT)


def open_svg(
    *,
    ident: str,
    title: str,
    description: str,
    width: float,
    height: float,
    css_class: str,
    interactive: bool = False,
) -> str:
    """The <svg> start tag with its <title> and <desc>.

    A static chart is one image (role="img"), named by its title and description. A chart with
    links is a group instead, because an image's children are hidden from assistive technology
    and links inside it would be focusable yet unannounced.
    """
    role = "group" if interactive else "img"
    head = attrs(
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {num(width)} {num(height)}",
        role=role,
        aria_labelledby=f"{ident}-title {ident}-desc",
        class_=css_class,
    )
    return (
        f"<svg {head}>"
        f'<title id="{esc(ident)}-title">{esc(title)}</title>'
        f'<desc id="{esc(ident)}-desc">{esc(description)}</desc>'
    )


@dataclass(frozen=True)
class Row:
    """One row of a chart's table alternative: a label, the raw value and how it reads."""

    label: str
    value: Number | None  # None: no figure given
    display: str


@dataclass(frozen=True)
class Chart:
    """A rendered chart: the SVG and the same data as table rows."""

    svg: SafeString
    table_rows: list[Row]
    table_head: tuple[str, str] = ("Item", "Value")

    def table_params(
        self, *, caption: str, caption_classes: str = "govuk-table__caption--s"
    ) -> dict[str, Any]:
        """Params for the GOV.UK table component: `{% govuk_params "table" params %}`."""
        return {
            "caption": caption,
            "captionClasses": caption_classes,
            "firstCellIsHeader": True,
            "head": [
                {"text": self.table_head[0]},
                {"text": self.table_head[1], "format": "numeric"},
            ],
            "rows": [
                [{"text": row.label}, {"text": row.display, "format": "numeric"}]
                for row in self.table_rows
            ],
        }


def check_rows(rows: Sequence[tuple[str, Number | None]]) -> None:
    """Charts draw lengths from zero: negative or non-finite values are caller errors. None is a
    missing figure (drawn as no bar and labelled, never as zero)."""
    for label, value in rows:
        if value is None:
            continue
        if not math.isfinite(float(value)) or value < 0:
            raise ValueError(f"{label!r}: chart values must be zero or more, got {value!r}")
