"""Template helpers for innovation records: Markdown, weeks, stage tags and the council section."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from shopwindow.authorities.models import Authority
from shopwindow.core.markdown import render_markdown
from shopwindow.innovations import selectors
from shopwindow.innovations.provenance import kind_phrase
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
def saving_kind_label(kind: str | None) -> str:
    """The kind of a saving figure in words ("forecast", "confirmed by audit")."""
    return kind_phrase(kind or "").lower() if kind else "kind not stated"


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


# Plain words for the fields a change touched (paths as in Revision.changes, without list
# positions). Anything not listed is spelt out from its path.
CHANGE_WORDS = {
    "id": "record id",
    "problem": "the problem",
    "approach": "what they did",
    "service_areas": "service areas",
    "lead_authorities": "lead councils",
    "partner_authorities": "partner councils",
    "other_partners": "other partners",
    "started_on": "start date",
    "functions": "council functions",
    "outcomes.annual_saving_gbp": "annual saving",
    "outcomes.one_off_cost_gbp": "one-off cost",
    "outcomes.saving_basis": "how the saving was worked out",
    "outcomes.saving_kind": "kind of saving",
    "outcomes.saving_year": "year of the saving",
    "outcomes.saving_shared_by": "who shares the saving",
    "outcomes.metrics": "measures before and after",
    "evidence.level": "evidence level",
    "evidence.verification": "verification level",
    "evidence.sources": "sources",
    "guidance.steps": "steps",
    "guidance.legal_basis": "legal basis",
    "guidance.prerequisites": "what needs to be in place first",
    "guidance.risks": "risks",
    "guidance.lessons": "lessons learned",
    "barriers": "barriers and asks of government",
    "contact.email": "contact email address",
    "adoptions": "councils that have taken it up",
}
_GROUPS = ("outcomes.", "evidence.", "guidance.")
MAX_CHANGE_WORDS = 6


def change_words(path: str) -> str:
    """ "outcomes.annual_saving_gbp" -> "annual saving"; "evidence.sources[0].url" -> "sources"."""
    key = path.split("[", 1)[0]
    if key in CHANGE_WORDS:
        return CHANGE_WORDS[key]
    for group in _GROUPS:
        key = key.removeprefix(group)
    words = key.replace(".", " ").replace("_", " ").strip()
    return words.removesuffix(" gbp")


def changed_fields(changes: list[dict[str, Any]]) -> list[str]:
    """The fields a revision changed, in plain words, each once, at most MAX_CHANGE_WORDS."""
    words = list(dict.fromkeys(change_words(str(c.get("path", ""))) for c in changes or []))
    if len(words) > MAX_CHANGE_WORDS:
        more = len(words) - MAX_CHANGE_WORDS + 1
        words = [*words[: MAX_CHANGE_WORDS - 1], f"{more} other parts"]
    return words


@register.simple_tag
def public_history(innovation: Any) -> list[dict[str, Any]]:
    """The record's public history of changes, newest first: when, what kind of change, the
    public note of a correction and the fields changed. Never who made the change."""
    from shopwindow.innovations.models import RevisionKind

    rows = []
    for revision in selectors.public_history(innovation):
        changes = revision.changes or []
        whole_record = any(c.get("path") == "id" for c in changes)  # a first version
        what = revision.get_kind_display()
        if revision.kind == RevisionKind.STATUS and revision.workflow_status:
            what = f"{what}: {stage_label(revision.workflow_status).lower()}"
        rows.append(
            {
                "date": revision.created_at,
                "what": what,
                "note": revision.reason if revision.kind == RevisionKind.CORRECTED else "",
                "fields": [] if whole_record else changed_fields(changes),
                "first_version": whole_record,
            }
        )
    return rows
