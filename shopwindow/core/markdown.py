"""Markdown rendering with raw HTML removed, for text that councils write."""

import nh3
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
    "<table>": '<table class="govuk-table">',
    "<a ": '<a class="govuk-link" ',
}


def render_markdown(text: str | None) -> SafeString:
    """Render Markdown to safe HTML styled with GOV.UK classes."""
    if not text:
        return mark_safe("")
    html = _markdown.render(text)
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    for plain, styled in GOVUK_CLASSES.items():
        html = html.replace(plain, styled)
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 above
