"""A record's fields and child rows built from its Innovation Record data, without saving.

Saving (`records._apply`) writes what these return; the draft preview (`preview.py`) shows them
without touching the database. One mapping from the format to the models serves both.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from shopwindow.authorities.models import Authority
from shopwindow.innovations.evidence_files import name_from_url
from shopwindow.innovations.models import (
    Barrier,
    EvidenceLevel,
    GuidanceStep,
    Innovation,
    LeadAuthority,
    Metric,
    PartnerAuthority,
    Risk,
    SourceDocument,
)
from shopwindow.innovations.partial_dates import parse_optional
from shopwindow.innovations.vocabularies import FUNCTION_CODES


@dataclass(frozen=True)
class ChildRelation:
    """The unsaved rows of one child relation (`name` is the related manager on Innovation)."""

    name: str
    model: type[models.Model]
    rows: list[Any]


def set_fields(innovation: Innovation, data: dict[str, Any]) -> None:
    """Copy the record's own fields (valid data) onto `innovation`; nothing is saved."""
    outcomes = data.get("outcomes") or {}
    guidance = data.get("guidance") or {}
    contact = data.get("contact") or {}
    innovation.title = data["title"]
    innovation.summary = data["summary"]
    innovation.problem = data.get("problem", "")
    innovation.approach = data["approach"]
    innovation.other_partners = list(data.get("other_partners") or [])
    innovation.status = data["status"]
    innovation.started_on = parse_optional(data.get("started_on"))
    innovation.annual_saving_gbp = outcomes.get("annual_saving_gbp")
    innovation.one_off_cost_gbp = outcomes.get("one_off_cost_gbp")
    innovation.saving_basis = outcomes.get("saving_basis", "")
    innovation.saving_kind = outcomes.get("saving_kind", "")
    innovation.saving_year = outcomes.get("saving_year", "")
    innovation.saving_shared_by = outcomes.get("saving_shared_by", "")
    innovation.functions = sorted(data.get("functions") or [], key=FUNCTION_CODES.index)
    innovation.evidence_level = EvidenceLevel.objects.get(level=data["evidence"]["level"])
    innovation.verification = data["evidence"]["verification"]
    innovation.legal_basis = guidance.get("legal_basis", "")
    innovation.prerequisites = list(guidance.get("prerequisites") or [])
    innovation.lessons = list(guidance.get("lessons") or [])
    innovation.contact_name = contact.get("name", "")
    innovation.contact_role = contact.get("role", "")
    innovation.contact_email = contact.get("email", "")
    innovation.tags = list(data.get("tags") or [])


def authorities_named(data: dict[str, Any]) -> dict[str, Authority]:
    """Every council the record names (leads, partners, adoptions), by GSS code."""
    codes = set(data["lead_authorities"]) | set(data.get("partner_authorities") or [])
    codes |= {a["authority"] for a in data.get("adoptions") or []}
    return {a.gss: a for a in Authority.objects.filter(gss__in=codes)}


def _sources(innovation: Innovation, data: dict[str, Any]) -> list[SourceDocument]:
    sources = []
    for i, s in enumerate(data["evidence"].get("sources") or []):
        doc = SourceDocument(
            innovation=innovation,
            position=i,
            title=s["title"],
            url=s["url"],
            publisher=s.get("publisher", ""),
            kind=s.get("kind", ""),
            supports=list(s.get("supports") or []),
            # A url that is one of this record's evidence addresses links the uploaded file.
            file=name_from_url(s["url"], innovation.pk),
        )
        doc.published_on = parse_optional(s.get("published_on"))
        sources.append(doc)
    return sources


def _metrics(innovation: Innovation, outcomes: dict[str, Any]) -> list[Metric]:
    return [
        Metric(
            innovation=innovation,
            position=i,
            name=m["name"],
            unit=m.get("unit", ""),
            baseline=m.get("baseline"),
            result=m.get("result"),
            period=m.get("period", ""),
            kind=m.get("kind", ""),
        )
        for i, m in enumerate(outcomes.get("metrics") or [])
    ]


def child_rows(
    innovation: Innovation, data: dict[str, Any], by_gss: dict[str, Authority]
) -> list[ChildRelation]:
    """The record's child rows (all but adoptions, which keep confirmations), unsaved."""
    guidance = data.get("guidance") or {}
    leads = [
        LeadAuthority(innovation=innovation, authority=by_gss[code], position=i)
        for i, code in enumerate(data["lead_authorities"])
    ]
    partners = [
        PartnerAuthority(innovation=innovation, authority=by_gss[code], position=i)
        for i, code in enumerate(data.get("partner_authorities") or [])
    ]
    steps = [
        GuidanceStep(
            innovation=innovation,
            position=i,
            title=step["title"],
            detail=step.get("detail", ""),
            duration_weeks=step.get("duration_weeks"),
        )
        for i, step in enumerate(guidance.get("steps") or [])
    ]
    risks = [
        Risk(innovation=innovation, position=i, risk=r["risk"], mitigation=r.get("mitigation", ""))
        for i, r in enumerate(guidance.get("risks") or [])
    ]
    barriers = [
        Barrier(
            innovation=innovation,
            position=i,
            barrier=b["barrier"],
            ask_of_government=b.get("ask_of_government", ""),
        )
        for i, b in enumerate(data.get("barriers") or [])
    ]
    return [
        ChildRelation("lead_links", LeadAuthority, leads),
        ChildRelation("partner_links", PartnerAuthority, partners),
        ChildRelation("metrics", Metric, _metrics(innovation, data.get("outcomes") or {})),
        ChildRelation("sources", SourceDocument, _sources(innovation, data)),
        ChildRelation("steps", GuidanceStep, steps),
        ChildRelation("risks", Risk, risks),
        ChildRelation("barriers", Barrier, barriers),
    ]
