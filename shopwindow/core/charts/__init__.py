"""Server-rendered, accessible SVG charts in GOV.UK colours: the UK hex map, bars and time.

Pure functions of their inputs (no database access): each returns the SVG as a SafeString and
the same data as table rows, so a page shows the chart and a GOV.UK table side by side. The
SVGs use presentation attributes only (no style attributes: the CSP forbids them) and no
JavaScript, so they also work in WeasyPrint PDFs.
"""

from shopwindow.core.charts.bars import render_bar_chart
from shopwindow.core.charts.base import Chart, Row, format_count, format_pounds
from shopwindow.core.charts.hexmap import (
    HexMap,
    HexRow,
    district_hexes,
    render_hexmap,
    spread_to_districts,
)
from shopwindow.core.charts.lines import render_time_chart
from shopwindow.core.charts.palette import Category, strongest_category
from shopwindow.core.charts.scales import Bucket, sequential_buckets

__all__ = [
    "Bucket",
    "Category",
    "Chart",
    "HexMap",
    "HexRow",
    "Row",
    "district_hexes",
    "format_count",
    "format_pounds",
    "render_bar_chart",
    "render_hexmap",
    "render_time_chart",
    "sequential_buckets",
    "spread_to_districts",
    "strongest_category",
]
