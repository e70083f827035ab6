"""Fit and projection in any template, without the page's view knowing about them.

    {% load tailoring_fit %}
    {% record_fit innovation %}              the record page section (uses the chosen council)
    {% fits_for page.object_list as fits %}  one batch for a list of results (no N+1)
    {% fit_summary innovation fits %}        one result's fit, from that batch

All three read the visitor's council from `chosen_council(request)`; with none chosen they offer
a link to choose one (record_fit) or render nothing (fit_summary).
"""

from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.selectors import published_innovations
from shopwindow.tailoring.fit import Fit, fit_for, fit_for_many
from shopwindow.tailoring.projection import SavingRange
from shopwindow.tailoring.selectors import chosen_council

register = template.Library()


def _choose_url(context: template.Context) -> str:
    request = context.get("request")
    url = reverse("tailoring:your-council")
    return f"{url}?next={request.get_full_path()}" if request is not None else url


@register.inclusion_tag("tailoring/includes/record_fit.html", takes_context=True)
def record_fit(context: template.Context, innovation: Innovation) -> dict[str, Any]:
    request = context.get("request")
    council = chosen_council(request) if request is not None else None
    return {
        "innovation": innovation,
        "council": council,
        "fit": fit_for(innovation, council) if council else None,
        "choose_url": _choose_url(context),
    }


@register.simple_tag(takes_context=True)
def fits_for(context: template.Context, innovations: Iterable[Innovation]) -> dict[int, Fit]:
    """{innovation pk: Fit} for the chosen council, or {} when none is chosen."""
    request = context.get("request")
    council = chosen_council(request) if request is not None else None
    return fit_for_many(innovations, council) if council else {}


@register.simple_tag(takes_context=True)
def fits_for_hits(context: template.Context, hits: Iterable[Any]) -> dict[int, Fit]:
    """{pk: Fit} for a page of search hits (anything with a `pk`), or {} without a council.

    Loads the page's records in one prefetched query, then scores them together (no N+1).
    """
    request = context.get("request")
    council = chosen_council(request) if request is not None else None
    pks = [hit.pk for hit in hits]
    if council is None or not pks:
        return {}
    return fit_for_many(
        published_innovations(include_illustrative=True).filter(pk__in=pks), council
    )


@register.inclusion_tag("tailoring/includes/fit_summary.html", takes_context=True)
def fit_summary(
    context: template.Context, innovation: Innovation, fits: dict[int, Fit]
) -> dict[str, Any]:
    request = context.get("request")
    council = chosen_council(request) if request is not None else None
    return {"fit": fits.get(innovation.pk), "council": council}


@register.filter
def saving_range(saving: SavingRange | None) -> str:
    """ "£360,000 to £2,300,000 a year (about £910,000)", or "" without a projection."""
    if saving is None:
        return ""
    return (
        f"£{saving.low:,} to £{saving.high:,} a year (central estimate about £{saving.central:,})"
    )
