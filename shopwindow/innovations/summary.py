"""The check-your-answers page: each section of a record as a GOV.UK summary card with Change links.

Everything the council typed goes in as `text` (escaped by the component) or through
`format_html` before it joins other HTML. The fields the record page renders as Markdown (the
problem, the approach, step details) are rendered the same way here, through
core.markdown.render_markdown, which removes raw HTML and unsafe links.
"""

from typing import Any

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from shopwindow.authorities.models import Authority
from shopwindow.core.markdown import render_markdown
from shopwindow.innovations.models import EvidenceLevel, Innovation
from shopwindow.innovations.partial_dates import PartialDate
from shopwindow.innovations.provenance import path_label
from shopwindow.innovations.services.submission import SECTIONS
from shopwindow.innovations.vocabularies import (
    FUNCTION_LABELS,
    SERVICE_AREAS,
    THEMES,
    RecordStatus,
    SavingKind,
    SavingSharedBy,
    SourceKind,
    Verification,
)

NOT_GIVEN = "Not given"


def _lines(items: list[str]) -> SafeString:
    if not items:
        return mark_safe(NOT_GIVEN)  # noqa: S308 - a constant
    return format_html_join(mark_safe("<br>"), "{}", ((item,) for item in items))


def _names(names: dict[str, str], codes: Any) -> SafeString:
    return _lines([names.get(code, code) for code in codes or []])


def _money(value: Any) -> str:
    return f"£{round(float(value)):,}" if isinstance(value, (int, float)) else NOT_GIVEN


def _date(value: Any) -> str:
    try:
        return PartialDate.parse(value).display() if value else NOT_GIVEN
    except ValueError:
        return str(value)


def _label(choices: list[tuple[str, str]], code: Any) -> str:
    return dict(choices).get(str(code), NOT_GIVEN) if code else NOT_GIVEN


def _source(source: dict[str, Any]) -> str:
    parts = [f"{source.get('title')} ({source.get('url')})"]
    if source.get("publisher"):
        parts.append(str(source["publisher"]))
    if source.get("kind"):
        parts.append(_label(SourceKind.choices, source["kind"]))
    if source.get("supports"):
        parts.append("backs the " + ", ".join(path_label(str(p)) for p in source["supports"]))
    return "; ".join(parts)


Row = tuple[str, Any, str]  # label, value (text, or SafeString HTML), the field's id to change it


def _markdown(text: Any) -> Any:
    """Text the record page renders as Markdown is shown here the same way (sanitised)."""
    return render_markdown(str(text)) if text else NOT_GIVEN


def _about(record: dict[str, Any]) -> list[Row]:
    themes = {c: label for c, label, _ in THEMES}
    areas = {c: label for c, label, _ in SERVICE_AREAS}
    return [
        ("Title", record.get("title") or NOT_GIVEN, "id_title"),
        ("Summary", record.get("summary") or NOT_GIVEN, "id_summary"),
        ("The problem", _markdown(record.get("problem")), "id_problem"),
        ("What you did", _markdown(record.get("approach")), "id_approach"),
        ("Themes", _lines([themes.get(c, c) for c in record.get("themes") or []]), "id_themes"),
        (
            "Service areas",
            _lines([areas.get(c, c) for c in record.get("service_areas") or []]),
            "id_service_areas",
        ),
        ("Council functions", _names(FUNCTION_LABELS, record.get("functions")), "id_functions"),
        (
            "Where it is now",
            dict(RecordStatus.choices).get(str(record.get("status")), NOT_GIVEN),
            "id_status",
        ),
        ("Started", _date(record.get("started_on")), "started_on"),
    ]


def _who(record: dict[str, Any]) -> list[Row]:
    codes = set(record.get("lead_authorities") or []) | set(record.get("partner_authorities") or [])
    names = dict(Authority.objects.filter(gss__in=codes).values_list("gss", "name"))
    return [
        ("Lead councils", _names(names, record.get("lead_authorities")), "id_leads-0-council"),
        (
            "Partner councils",
            _names(names, record.get("partner_authorities")),
            "id_partners-0-council",
        ),
        ("Other partners", _lines(list(record.get("other_partners") or [])), "id_other_partners"),
    ]


def _metric(m: dict[str, Any]) -> str:
    parts = (
        f"({m['unit']})" if m.get("unit") else "",
        f"before {m['baseline']}" if m.get("baseline") is not None else "",
        f"after {m['result']}" if m.get("result") is not None else "",
        m.get("period", ""),
        _label(SavingKind.choices, m["kind"]) if m.get("kind") else "",
    )
    return " ".join(str(p) for p in parts if p) or NOT_GIVEN


def _outcomes(record: dict[str, Any]) -> list[Row]:
    outcomes = record.get("outcomes") or {}
    rows: list[Row] = [
        ("Annual saving", _money(outcomes.get("annual_saving_gbp")), "id_annual_saving_gbp"),
        ("One-off cost", _money(outcomes.get("one_off_cost_gbp")), "id_one_off_cost_gbp"),
        (
            "How the saving was worked out",
            outcomes.get("saving_basis") or NOT_GIVEN,
            "id_saving_basis",
        ),
        (
            "Kind of figure",
            _label(SavingKind.choices, outcomes.get("saving_kind")),
            "id_saving_kind",
        ),
        ("Year the saving refers to", outcomes.get("saving_year") or NOT_GIVEN, "id_saving_year"),
        (
            "Made across",
            _label(SavingSharedBy.choices, outcomes.get("saving_shared_by")),
            "id_saving_shared_by",
        ),
    ]
    metrics = outcomes.get("metrics") or []
    for i, m in enumerate(metrics):
        rows.append((f"Measure {i + 1}: {m.get('name', '')}", _metric(m), f"id_metrics-{i}-name"))
    if not metrics:
        rows.append(("Measures", NOT_GIVEN, "id_metrics-0-name"))
    return rows


def _evidence(record: dict[str, Any]) -> list[Row]:
    evidence = record.get("evidence") or {}
    level = EvidenceLevel.objects.filter(level=evidence.get("level") or 0).first()
    rows: list[Row] = [
        (
            "Evidence level",
            f"Level {level.level}: {level.label}" if level else NOT_GIVEN,
            "id_level",
        ),
        (
            "Verification (set by a moderator)",
            dict(Verification.choices).get(str(evidence.get("verification")), NOT_GIVEN),
            "id_level",
        ),
    ]
    sources = evidence.get("sources") or []
    for i, source in enumerate(sources):
        rows.append((f"Source {i + 1}", _source(source), f"id_sources-{i}-title"))
    if not sources:
        rows.append(("Sources", NOT_GIVEN, "id_sources-0-title"))
    return rows


def _step(step: dict[str, Any]) -> Any:
    weeks = step.get("duration_weeks")
    heading = f"{weeks:g} weeks" if isinstance(weeks, (int, float)) else "Length not given"
    return format_html(
        '<p class="govuk-body">{}</p>{}',
        heading,
        _markdown(step.get("detail")) if step.get("detail") else "",
    )


def _guidance(record: dict[str, Any]) -> list[Row]:
    guidance = record.get("guidance") or {}
    rows: list[Row] = []
    steps = guidance.get("steps") or []
    for i, step in enumerate(steps):
        rows.append((f"Step {i + 1}: {step.get('title', '')}", _step(step), f"id_steps-{i}-title"))
    if not steps:
        rows.append(("Steps", NOT_GIVEN, "id_steps-0-title"))
    rows += [
        ("Legal basis", guidance.get("legal_basis") or NOT_GIVEN, "id_legal_basis"),
        (
            "What needs to be in place first",
            _lines(list(guidance.get("prerequisites") or [])),
            "id_prerequisites",
        ),
    ]
    risks = guidance.get("risks") or []
    for i, risk in enumerate(risks):
        rows.append(
            (
                f"Risk {i + 1}",
                _pair(risk.get("risk"), "How to reduce it", risk.get("mitigation")),
                f"id_risks-{i}-risk",
            )
        )
    if not risks:
        rows.append(("Risks", NOT_GIVEN, "id_risks-0-risk"))
    rows.append(("Lessons", _lines(list(guidance.get("lessons") or [])), "id_lessons"))
    return rows


def _pair(first: Any, second_label: str, second: Any) -> SafeString:
    """An item and its follow-up on two lines, like a risk and how to reduce it."""
    return format_html("{}<br>{}: {}", first or NOT_GIVEN, second_label, second or NOT_GIVEN)


def _barriers(record: dict[str, Any]) -> list[Row]:
    barriers = record.get("barriers") or []
    rows: list[Row] = [
        (
            f"Barrier {i + 1}",
            _pair(b.get("barrier"), "Ask of government", b.get("ask_of_government")),
            f"id_barriers-{i}-barrier",
        )
        for i, b in enumerate(barriers)
    ]
    return rows or [("Barriers", NOT_GIVEN, "id_barriers-0-barrier")]


def _contact(record: dict[str, Any]) -> list[Row]:
    contact = record.get("contact") or {}
    return [
        ("Name", contact.get("name") or NOT_GIVEN, "id_name"),
        ("Job title", contact.get("role") or NOT_GIVEN, "id_role"),
        ("Email address", contact.get("email") or NOT_GIVEN, "id_email"),
    ]


SECTION_ROWS = {
    "about": _about,
    "who": _who,
    "outcomes": _outcomes,
    "evidence": _evidence,
    "guidance": _guidance,
    "barriers": _barriers,
    "contact": _contact,
}


def check_answer_cards(innovation: Innovation, record: dict[str, Any]) -> list[dict[str, Any]]:
    """One summary card per section; every answer has its own Change link to its field."""
    cards = []
    for section in SECTIONS:
        href = reverse("innovations:edit-section", args=[innovation.record_id, section.key])
        rows = []
        for label, value, field_id in SECTION_ROWS[section.key](record):
            shown: dict[str, Any] = (
                {"html": value} if isinstance(value, SafeString) else {"text": str(value)}
            )
            rows.append(
                {
                    "key": {"text": label},
                    "value": shown,
                    "actions": {
                        "items": [
                            {
                                "href": f"{href}#{field_id}",
                                "text": "Change",
                                "visuallyHiddenText": label[0].lower() + label[1:],
                            }
                        ]
                    },
                }
            )
        cards.append({"card": {"title": {"text": section.title}}, "rows": rows})
    return cards
