"""Template tags of the adoption app: the record page sections
(adopt this for your council, spread, talk to the originator). Each section computes its own
data here through the adoption selectors, so the record page view knows nothing about them."""

from typing import Any

from django import template
from django.http import HttpRequest

from shopwindow.accounts.permissions import approved_council_ids
from shopwindow.adoption import selectors, spread
from shopwindow.innovations.models import Innovation

register = template.Library()


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
