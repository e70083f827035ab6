"""Reads for tailoring: comparators, the method in words, and the council a visitor has chosen.

Fit and projection (fit.py, projection.py) build on `chosen_council(request)` and
`comparators_for(authority)`; `recommendations_for(council, ...)` ranks published records for a
council. Pages and the API both use these.
"""

import math
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse

from shopwindow.accounts.permissions import approved_council_ids
from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.innovations.models import Innovation, ServiceArea, Theme
from shopwindow.innovations.selectors import published_innovations
from shopwindow.tailoring.comparators import (
    GROUP_LABELS,
    METHOD_VERSION,
    NEIGHBOURS,
    VARIABLES,
    comparison_group,
)
from shopwindow.tailoring.fit import Fit, fit_for_many
from shopwindow.tailoring.models import Comparator, ComparatorScope

SESSION_KEY = "tailoring.council_gss"
CACHE_ATTRIBUTE = "_tailoring_chosen_council"


def authority_by_identifier(identifier: str) -> Authority | None:
    """A council by GSS code, or by register code for the pre-2015 NI councils that have none."""
    found = Authority.objects.filter(gss=identifier).first() if identifier else None
    return found or Authority.objects.filter(code=identifier).first()


SCOPES = tuple(ComparatorScope.values)
SCOPE_TEXT = {
    ComparatorScope.NATION: (
        "councils of the same kind in the same nation: the nations' councils run different "
        "functions and each nation's deprivation index is its own"
    ),
    ComparatorScope.UK: "councils of the same kind anywhere in the UK",
}


def comparators_for(
    authority: Authority, scope: str = ComparatorScope.NATION
) -> QuerySet[Comparator]:
    """The council's stored comparators, nearest first, with each comparator council loaded:
    within its nation (the default) or across the UK (`scope="uk"`). Empty for councils outside
    every comparison group (combined authorities, the GLA, former councils) and before
    `build_comparators` has run."""
    return (
        Comparator.objects.filter(authority=authority, scope=scope)
        .select_related("comparator")
        .order_by("rank")
    )


def method_for(
    authority: Authority | None = None, scope: str = ComparatorScope.NATION
) -> dict[str, Any]:
    """The method in words and numbers, for pages and the API. With a council, says which group
    it is compared within and, if none, why."""
    group = comparison_group(authority.authority_type) if authority else None
    method: dict[str, Any] = {
        "name": "Nearest neighbours (in the style of CIPFA's model)",
        "version": METHOD_VERSION,
        "neighbours": NEIGHBOURS,
        "variables": [
            {"name": v.field, "label": v.label, "weight": v.weight, "transform": v.transform_label}
            for v in VARIABLES
        ],
        "weights_text": ", ".join(f"{v.short_label} {v.weight:.0%}" for v in VARIABLES),
        "standardisation": "within the comparison group: mean 0, standard deviation 1",
        "distance": "weighted Euclidean distance between standardised values",
        "rebasing": (
            "each council's distances are divided by its distance to the farthest council in "
            "its group, so 0 is identical and 1 is the least similar council of its kind"
        ),
        "documentation": reverse("tailoring:comparators-method"),
        "group": group,
        "group_label": GROUP_LABELS.get(group or "", ""),
        "scope": scope,
        "scope_text": SCOPE_TEXT.get(ComparatorScope(scope), ""),
    }
    if authority is not None and (group is None or not authority.is_current):
        method["note"] = no_comparators_reason(authority)
    return method


def no_comparators_reason(authority: Authority) -> str:
    if not authority.is_current:
        return (
            "This council no longer exists, so it has no comparators. Its successor councils are "
            "compared with councils like them."
        )
    if comparison_group(authority.authority_type) is None:
        return (
            "Combined authorities and the Greater London Authority are not compared: each has a "
            "different set of devolved powers, so there is no like-for-like group. Their member "
            "councils each have comparators."
        )
    return "Comparators for this council have not been calculated yet."


def current_council_choices() -> list[tuple[str, str]]:
    """(GSS code, name) for every current council, by name, for the council picker. A name that
    two councils share is told apart by the type of council."""
    councils = list(
        Authority.objects.filter(is_current=True)
        .exclude(gss="")
        .order_by("name", "gss")
        .values_list("gss", "name", "authority_type")
    )
    seen: dict[str, int] = {}
    for _gss, name, _type in councils:
        seen[name] = seen.get(name, 0) + 1
    labels = dict(AuthorityType.choices)
    return [
        (gss, f"{name} ({labels.get(kind, kind)})" if seen[name] > 1 else name)
        for gss, name, kind in councils
    ]


def chosen_council(request: HttpRequest) -> Authority | None:
    """The council this visitor is looking at things for, or None.

    The choice kept in the session wins; otherwise a signed-in council member's approved council
    (the first by name, if they belong to more than one) is their default. Former councils are
    never chosen.
    """
    # Cached on the request: several parts of one page may ask.
    if CACHE_ATTRIBUTE in request.__dict__:
        return cast(Authority | None, request.__dict__[CACHE_ATTRIBUTE])
    council: Authority | None = None
    gss = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if gss:
        council = Authority.objects.filter(gss=gss, is_current=True).first()
    user = getattr(request, "user", None)
    if council is None and user is not None and user.is_authenticated:
        council = (
            Authority.objects.filter(pk__in=approved_council_ids(user), is_current=True)
            .order_by("name")
            .first()
        )
    request.__dict__[CACHE_ATTRIBUTE] = council
    return council


# --- Recommendations: published records ranked for one council ------------------------------

# Saving points: 5 for each tenfold step of the central projected saving above £10,000, up to 20
# (£100,000 = 5, £1m = 10, £10m = 15, £100m = 20). A log scale, so one huge saving cannot swamp
# fit; no projection scores 0. docs/projection.md explains the ranking.
SAVING_POINTS_PER_TENFOLD = 5
SAVING_POINTS_FLOOR_GBP = 10_000
SAVING_POINTS_MAX = 20


@dataclass(frozen=True)
class Recommendation:
    innovation: Innovation
    fit: Fit
    saving_points: float

    @property
    def rank_score(self) -> float:
        return self.fit.score + self.saving_points


@dataclass(frozen=True)
class Recommendations:
    items: list[Recommendation]
    known: int  # records left out because the council led, partnered in or adopted them


def saving_points(fit: Fit) -> float:
    saving = fit.projection.saving
    if saving is None or saving.central <= SAVING_POINTS_FLOOR_GBP:
        return 0.0
    tenfolds = math.log10(saving.central / SAVING_POINTS_FLOOR_GBP)
    return min(float(SAVING_POINTS_MAX), SAVING_POINTS_PER_TENFOLD * tenfolds)


def recommendations_for(
    council: Authority,
    *,
    theme: str | None = None,
    service_area: str | None = None,
    only_services_we_run: bool = False,
    include_illustrative: bool = False,
) -> Recommendations:
    """Published records for this council, best first: options in services it runs before those
    it does not, then by fit score plus saving points, then evidence level, then title. Records
    the council led, partnered in or has adopted are left out: it knows them already."""
    qs = published_innovations(include_illustrative=include_illustrative)
    if theme:
        qs = qs.filter(themes__code=theme)
    if service_area:
        qs = qs.filter(service_areas__code=service_area)
    records = list(qs.distinct())
    fits = fit_for_many(records, council)
    found = []
    known = 0
    for record in records:
        fit = fits[record.pk]
        if fit.relationship:
            known += 1
        elif fit.powers_match or not only_services_we_run:
            found.append(Recommendation(record, fit, saving_points(fit)))
    found.sort(
        key=lambda r: (
            not r.fit.powers_match,
            -r.rank_score,
            -r.fit.evidence_level,
            r.innovation.title,
        )
    )
    return Recommendations(found, known)


def theme_choices() -> list[tuple[str, str]]:
    return list(Theme.objects.order_by("position").values_list("code", "label"))


def service_area_choices() -> list[tuple[str, str]]:
    return list(ServiceArea.objects.order_by("position").values_list("code", "label"))
