"""Template tags of the adoption app: the GOV.UK date input, and the record page sections
(adopt this for your council, spread, talk to the originator). Each section computes its own
data here through the adoption selectors, so the record page view knows nothing about them."""

from datetime import date
from typing import Any

from django import template
from django.forms.boundfield import BoundField
from django.http import HttpRequest
from django.utils.safestring import SafeString

from shopwindow.accounts.permissions import approved_council_ids
from shopwindow.adoption import selectors, spread
from shopwindow.core.components import render_component
from shopwindow.innovations.models import Innovation

register = template.Library()


@register.simple_tag
def govuk_date(field: BoundField, hint: str = "", size: str = "s") -> SafeString:
    """Render an adoption.forms.DateField as the GOV.UK date input, with its error."""
    value = field.value()
    if isinstance(value, date):
        parts = [str(value.day), str(value.month), str(value.year)]
    elif isinstance(value, list | tuple):
        parts = ["" if v is None else str(v) for v in value]
    else:
        parts = ["", "", ""]
    error = bool(field.errors)
    widths = {"day": 2, "month": 2, "year": 4}
    items = [
        {
            "name": f"{field.html_name}_{part}",
            "id": f"{field.auto_id}_{part}",
            "label": part.capitalize(),
            "value": text,
            "classes": f"govuk-input--width-{widths[part]}"
            + (" govuk-input--error" if error else ""),
        }
        for part, text in zip(("day", "month", "year"), parts, strict=True)
    ]
    params: dict[str, Any] = {
        "id": field.auto_id,
        "fieldset": {
            "legend": {"text": str(field.label), "classes": f"govuk-fieldset__legend--{size}"}
        },
        "items": items,
    }
    if hint or field.help_text:
        params["hint"] = {"text": hint or str(field.help_text)}
    if error:
        params["errorMessage"] = {"text": " ".join(str(e) for e in field.errors)}
    return render_component("date-input", params)


@register.inclusion_tag("adoption/includes/adopt.html")
def adopt_section(request: HttpRequest, innovation: Innovation) -> dict[str, Any]:
    user = request.user
    signed_in = bool(user.is_authenticated)
    plans = list(selectors.plans_for_record(user, innovation)) if signed_in else []
    can_start = signed_in and selectors.councils_without_plan(user, innovation).exists()
    return {
        "innovation": innovation,
        "signed_in": signed_in,
        "is_council_member": bool(approved_council_ids(user)),
        "plans": plans,
        "can_start": can_start,
        "has_steps": innovation.steps.exists(),
        "next": request.get_full_path(),
        "contact_available": bool(innovation.contact_email),
    }


@register.inclusion_tag("adoption/includes/spread.html")
def spread_section(innovation: Innovation) -> dict[str, Any]:
    hexmap = spread.record_hexmap(innovation)
    return {
        "innovation": innovation,
        "timeline": spread.timeline(innovation),
        "hexmap": hexmap,
        "table": hexmap.table_params(caption="Councils involved, by part played"),
        "unplaced": hexmap.unplaced,
    }
