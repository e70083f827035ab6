"""Markdown rendering with raw HTML removed, for text that councils write."""

import html
import re

import nh3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# CommonMark with raw HTML switched off; nh3 then removes anything unsafe that slipped through,
# such as javascript: links.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<a ": '<a class="govuk-link" ',
}
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _scrolling_table(match: re.Match[str]) -> str:
    """A wide table scrolls inside its own region, named by its column headings (WCAG 1.4.10;
    the name tells regions on one page apart)."""
    headings = [html.unescape(_TAG.sub("", h)).strip() for h in _HEADER.findall(match.group(1))]
    label = "Table: " + ", ".join(h for h in headings if h) if any(headings) else "Table"
    return format_html(
        '<div class="app-table-scroll" role="region" aria-label="{}" tabindex="0">'
        '<table class="govuk-table">{}</table></div>',
        label,
        mark_safe(match.group(1)),  # noqa: S308 - already sanitised by nh3
    )


def render_markdown(text: str | None) -> SafeString:
    """Render Markdown to safe HTML styled with GOV.UK classes."""
    if not text:
        return mark_safe("")
    rendered = _markdown.render(text)
    rendered = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    rendered = _TABLE.sub(_scrolling_table, rendered)
    for plain, styled in GOVUK_CLASSES.items():
        rendered = rendered.replace(plain, styled)
    return mark_safe(rendered)  # noqa: S308 - sanitised by nh3 above
