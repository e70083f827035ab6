"""Template helpers for innovation records: Markdown, weeks, stage tags and the council section."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from shopwindow.authorities.models import Authority
from shopwindow.core.markdown import render_markdown
from shopwindow.innovations import selectors
from shopwindow.innovations.vocabularies import WorkflowStatus

register = template.Library()


@register.filter
def markdown(text: str | None) -> SafeString:
    """Councils' Markdown as safe HTML (raw HTML and unsafe links removed)."""
    return render_markdown(text)


@register.filter
def weeks(value: float | None) -> str:
    if value is None:
        return ""
    number = int(value) if float(value).is_integer() else round(float(value), 1)
    return f"{number} week" if number == 1 else f"{number} weeks"


@register.filter
def stage_label(status: str) -> str:
    try:
        return str(WorkflowStatus(status).label)
    except ValueError:
        return status


@register.simple_tag
def council_records(council: Authority) -> dict[str, Any]:
    """The published records a council led, partnered in and adopted (for its page)."""
    return {key: list(qs) for key, qs in selectors.innovations_for_authority(council).items()}
