"""The check-your-answers page: each section of a record as a GOV.UK summary card with Change links.

Everything the council typed goes in as `text` (escaped by the component) or through
`escape()` before it joins other HTML: nothing typed is ever rendered as markup here.
"""

from typing import Any

from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from shopwindow.authorities.models import Authority
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


def _rows(record: dict[str, Any], key: str) -> list[tuple[str, Any]]:
    themes = {c: label for c, label, _ in THEMES}
    areas = {c: label for c, label, _ in SERVICE_AREAS}
    codes = set(record.get("lead_authorities") or []) | set(record.get("partner_authorities") or [])
    names = dict(Authority.objects.filter(gss__in=codes).values_list("gss", "name"))
    outcomes = record.get("outcomes") or {}
    evidence = record.get("evidence") or {}
    guidance = record.get("guidance") or {}
    contact = record.get("contact") or {}
    if key == "about":
        return [
            ("Title", record.get("title") or NOT_GIVEN),
            ("Summary", record.get("summary") or NOT_GIVEN),
            ("The problem", record.get("problem") or NOT_GIVEN),
            ("What you did", record.get("approach") or NOT_GIVEN),
            ("Themes", _lines([themes.get(c, c) for c in record.get("themes") or []])),
            ("Service areas", _lines([areas.get(c, c) for c in record.get("service_areas") or []])),
            ("Council functions", _names(FUNCTION_LABELS, record.get("functions"))),
            (
                "Where it is now",
                dict(RecordStatus.choices).get(str(record.get("status")), NOT_GIVEN),
            ),
            ("Started", _date(record.get("started_on"))),
        ]
    if key == "who":
        return [
            ("Lead councils", _names(names, record.get("lead_authorities"))),
            ("Partner councils", _names(names, record.get("partner_authorities"))),
            ("Other partners", _lines(list(record.get("other_partners") or []))),
        ]
    if key == "outcomes":
        metrics = [
            " ".join(
                str(part)
                for part in (
                    m.get("name"),
                    f"({m['unit']})" if m.get("unit") else "",
                    f"before {m['baseline']}" if m.get("baseline") is not None else "",
                    f"after {m['result']}" if m.get("result") is not None else "",
                    m.get("period", ""),
                )
                if part
            )
            for m in outcomes.get("metrics") or []
        ]
        return [
            ("Annual saving", _money(outcomes.get("annual_saving_gbp"))),
            ("One-off cost", _money(outcomes.get("one_off_cost_gbp"))),
            ("How the saving was worked out", outcomes.get("saving_basis") or NOT_GIVEN),
            ("Kind of figure", _label(SavingKind.choices, outcomes.get("saving_kind"))),
            ("Year the saving refers to", outcomes.get("saving_year") or NOT_GIVEN),
            ("Made across", _label(SavingSharedBy.choices, outcomes.get("saving_shared_by"))),
            ("Measures", _lines(metrics)),
        ]
    if key == "evidence":
        sources = evidence.get("sources") or []
        level = EvidenceLevel.objects.filter(level=evidence.get("level") or 0).first()
        return [
            ("Evidence level", f"Level {level.level}: {level.label}" if level else NOT_GIVEN),
            (
                "Verification",
                dict(Verification.choices).get(str(evidence.get("verification")), NOT_GIVEN),
            ),
            ("Sources", _lines([_source(s) for s in sources])),
        ]
    if key == "guidance":
        steps = [
            s.get("title", "")
            + (f" ({s['duration_weeks']} weeks)" if "duration_weeks" in s else "")
            for s in guidance.get("steps") or []
        ]
        risks = [r.get("risk", "") for r in guidance.get("risks") or []]
        return [
            ("Steps", _lines(steps)),
            ("Legal basis", guidance.get("legal_basis") or NOT_GIVEN),
            ("What needs to be in place first", _lines(list(guidance.get("prerequisites") or []))),
            ("Risks", _lines(risks)),
            ("Lessons", _lines(list(guidance.get("lessons") or []))),
        ]
    if key == "barriers":
        return [("Barriers", _lines([b.get("barrier", "") for b in record.get("barriers") or []]))]
    return [
        ("Name", contact.get("name") or NOT_GIVEN),
        ("Job title", contact.get("role") or NOT_GIVEN),
        ("Email address", contact.get("email") or NOT_GIVEN),
    ]


def check_answer_cards(innovation: Innovation, record: dict[str, Any]) -> list[dict[str, Any]]:
    cards = []
    for section in SECTIONS:
        href = reverse("innovations:edit-section", args=[innovation.record_id, section.key])
        rows = []
        for label, value in _rows(record, section.key):
            shown: dict[str, Any] = (
                {"html": value} if isinstance(value, SafeString) else {"text": str(value)}
            )
            rows.append(
                {
                    "key": {"text": label},
                    "value": shown,
                }
            )
        cards.append(
            {
                "card": {
                    "title": {"text": section.title},
                    "actions": {
                        "items": [
                            {
                                "href": href,
                                "text": "Change",
                                "visuallyHiddenText": section.title.lower(),
                            }
                        ]
                    },
                },
                "rows": rows,
            }
        )
    return cards
