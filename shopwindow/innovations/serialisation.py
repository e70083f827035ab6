"""An Innovation as a record in the exchange format, and the number conventions both ways.

`record_to_dict` is deterministic: keys in the spec's order, empty optional fields left out, lists
in their stored order (themes and service areas in vocabulary order), numbers without spurious
decimals. Export, the API, revisions and the round trip all rely on it.
"""

from decimal import Decimal
from typing import Any

from shopwindow.innovations.evidence_files import public_url
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.vocabularies import FUNCTION_CODES, SERVICE_AREA_CODES, THEME_CODES

# Exports write the newest version; imports accept every version in validation.ACCEPTED_SCHEMAS.
DOCUMENT_SCHEMA = "shopwindow/innovation-record/1.1"


def number(value: Decimal | float | int | None) -> int | float | None:
    """A stored number as JSON: whole numbers as integers (300000, not 300000.00)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional values ("", None, [], {}) so every record is written the same way."""
    return {k: v for k, v in data.items() if v not in ("", None, [], {})}


def record_to_dict(innovation: Innovation, *, include_contact: bool = True) -> dict[str, Any]:
    """The record in the Innovation Record format. Use a prefetched queryset for lists
    (see selectors.with_record_relations) so that this makes no queries of its own."""
    started = innovation.started_on
    outcomes = _compact(
        {
            "annual_saving_gbp": number(innovation.annual_saving_gbp),
            "one_off_cost_gbp": number(innovation.one_off_cost_gbp),
            "saving_basis": innovation.saving_basis,
            "saving_kind": innovation.saving_kind,
            "saving_year": innovation.saving_year,
            "saving_shared_by": innovation.saving_shared_by,
            "metrics": [
                _compact(
                    {
                        "name": m.name,
                        "unit": m.unit,
                        "baseline": number(m.baseline),
                        "result": number(m.result),
                        "period": m.period,
                        "kind": m.kind,
                    }
                )
                for m in innovation.metrics.all()
            ],
        }
    )
    evidence: dict[str, Any] = {
        "level": innovation.evidence_level.level,
        "verification": innovation.verification,
    }
    sources = [
        _compact(
            {
                "title": s.title,
                # An uploaded document's address on this service (SITE_URL may have moved).
                "url": public_url(s.file.name) if s.file else s.url,
                "published_on": str(s.published_on) if s.published_on else None,
                "publisher": s.publisher,
                "kind": s.kind,
                "supports": list(s.supports or []),
            }
        )
        for s in innovation.sources.all()
    ]
    if sources:
        evidence["sources"] = sources
    guidance = _compact(
        {
            "steps": [
                _compact(
                    {
                        "title": step.title,
                        "detail": step.detail,
                        "duration_weeks": number(step.duration_weeks),
                    }
                )
                for step in innovation.steps.all()
            ],
            "legal_basis": innovation.legal_basis,
            "prerequisites": list(innovation.prerequisites or []),
            "risks": [
                _compact({"risk": r.risk, "mitigation": r.mitigation})
                for r in innovation.risks.all()
            ],
            "lessons": list(innovation.lessons or []),
        }
    )
    contact = (
        _compact(
            {
                "name": innovation.contact_name,
                "role": innovation.contact_role,
                "email": innovation.contact_email,
            }
        )
        if include_contact
        else {}
    )
    adoptions = [
        _compact(
            {
                "authority": a.authority.gss,
                "status": a.status,
                "started_on": str(a.started_on) if a.started_on else None,
                "notes": a.notes,
            }
        )
        # Only confirmed adoptions are part of the record; plans in progress are not.
        for a in innovation.adoptions.all()
        if a.confirmed
    ]
    record: dict[str, Any] = {
        "id": innovation.record_id,
        "title": innovation.title,
        "summary": innovation.summary,
        "problem": innovation.problem,
        "approach": innovation.approach,
        "themes": [t.code for t in innovation.themes.all()],
        "service_areas": [s.code for s in innovation.service_areas.all()],
        "lead_authorities": [link.authority.gss for link in innovation.lead_links.all()],
        "partner_authorities": [link.authority.gss for link in innovation.partner_links.all()],
        "other_partners": list(innovation.other_partners or []),
        "status": innovation.status,
        "started_on": str(started) if started else None,
        "functions": list(innovation.functions or []),
        "outcomes": outcomes,
        "evidence": evidence,
        "guidance": guidance,
        "barriers": [
            _compact({"barrier": b.barrier, "ask_of_government": b.ask_of_government})
            for b in innovation.barriers.all()
        ],
        "contact": contact,
        "adoptions": adoptions,
        "tags": list(innovation.tags or []),
    }
    required = {"id", "title", "summary", "approach", "themes", "service_areas", "status"}
    return {k: v for k, v in record.items() if k in required or v not in ("", None, [], {})}


def normalise_record(data: dict[str, Any]) -> dict[str, Any]:
    """A valid incoming record in the same canonical form record_to_dict writes (for diffs)."""
    record = _canonical(data)
    for key, order in (
        ("themes", THEME_CODES),
        ("service_areas", SERVICE_AREA_CODES),
        ("functions", FUNCTION_CODES),
    ):
        if isinstance(record.get(key), list):
            record[key] = sorted(record[key], key=lambda c: order.index(c) if c in order else 99)
    return dict(record)


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
