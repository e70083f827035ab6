"""PDF/UA documents made with WeasyPrint: the national report and briefing packs.

WeasyPrint tags the PDF (structure tree, /Lang from <html lang>, /MarkInfo) when asked for the
"pdf/ua-1" variant. Fonts are the system's (Liberation Sans, metric-compatible with Arial, then
DejaVu Sans); nothing is fetched at build time: the templates are self-contained and the
url_fetcher refuses every URL.
"""

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher

from shopwindow.reports.presentation import report_charts
from shopwindow.reports.selectors import NationalFigures


def html_to_pdf(html: str) -> bytes:
    # No protocol is allowed: the documents are self-contained and must fetch nothing.
    fetcher = URLFetcher(allowed_protocols=[])
    document = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    return bytes(document.write_pdf(pdf_variant="pdf/ua-1"))


def report_html(figures: NationalFigures) -> str:
    return render_to_string(
        "reports/pdf/report.html",
        {"figures": figures, "charts": report_charts(figures, map_mode="savings")},
    )


def render_report_pdf(figures: NationalFigures) -> bytes:
    return html_to_pdf(report_html(figures))
