"""Spread: where an idea came from (lead and partner councils) and where it went (confirmed
adoptions), as a timeline, a hex map and tables. Reads only; the same figures feed the record
page section, /spread/ and the API.

"Adopting councils" are confirmed adoptions with status in progress or adopted. Confirmed
adoptions that are exploring or abandoned appear in the timeline (honest history) but not on
the maps or in the ranking.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from shopwindow.authorities.models import Authority
from shopwindow.core.charts import (
    Category,
    HexMap,
    render_hexmap,
    spread_to_districts,
    strongest_category,
)
from shopwindow.innovations.models import Adoption, Innovation
from shopwindow.innovations.selectors import published_innovations
from shopwindow.innovations.vocabularies import AdoptionStatus

ADOPTING = (AdoptionStatus.ADOPTED, AdoptionStatus.IN_PROGRESS)


def members_map() -> dict[str, list[str]]:
    """Upper-tier GSS code -> GSS codes of the councils inside it (counties' districts,
    combined authorities' and the GLA's members), for spread_to_districts."""
    members: dict[str, list[str]] = {}
    rows = Authority.objects.exclude(gss="").values_list(
        "gss", "parent_county__gss", "combined_authority__gss"
    )
    for gss, county, combined in rows:
        for upper in (county, combined):
            if upper:
                members.setdefault(upper, []).append(gss)
    return members


def confirmed_adoptions(innovation: Innovation) -> list[Adoption]:
    """Confirmed adoptions of a record (uses the record's prefetch when there is one)."""
    rows = [a for a in innovation.adoptions.all() if a.confirmed]
    return sorted(rows, key=lambda a: (a.started_sort or date.max, a.pk))


@dataclass
class TimelineEntry:
    when: str
    heading: str
    councils: list[Authority]
    text: str


def timeline(innovation: Innovation) -> list[TimelineEntry]:
    started = innovation.started_on
    entries = [
        TimelineEntry(
            when=started.display() if started else "Date not recorded",
            heading="Started by the lead council"
            + ("s" if len(innovation.ordered_leads) > 1 else ""),
            councils=innovation.ordered_leads,
            text=f"{innovation.get_status_display()} ({innovation.title}).",
        )
    ]
    partners = [link.authority for link in innovation.partner_links.all()]
    if partners:
        entries.append(
            TimelineEntry(
                when=started.display() if started else "Date not recorded",
                heading="Partner council" + ("s" if len(partners) > 1 else ""),
                councils=partners,
                text="Worked on it with the lead council.",
            )
        )
    for adoption in confirmed_adoptions(innovation):
        when = adoption.started_on
        text = adoption.notes or ""
        entries.append(
            TimelineEntry(
                when=when.display() if when else "Date not recorded",
                heading=f"{adoption.get_status_display()}: {adoption.authority.name}",
                councils=[adoption.authority],
                text=text,
            )
        )
    return entries


def record_categories(innovation: Innovation) -> dict[str, Category]:
    values: dict[str, Category] = {}

    def put(authority: Authority, category: Category) -> None:
        if authority.gss:
            previous = values.get(authority.gss, Category.NONE)
            values[authority.gss] = strongest_category(previous, category)

    for authority in innovation.ordered_leads:
        put(authority, Category.LEAD)
    for link in innovation.partner_links.all():
        put(link.authority, Category.PARTNER)
    for adoption in confirmed_adoptions(innovation):
        if adoption.status in ADOPTING:
            put(adoption.authority, Category.ADOPTER)
    return values


def record_hexmap(innovation: Innovation) -> HexMap:
    values = record_categories(innovation)
    districts = spread_to_districts(values, members=members_map(), combine=strongest_category)
    return render_hexmap(
        districts,
        title=f"Where {innovation.title} came from and where it went",
        description=(
            "Hex map of UK councils, one hexagon per district-level council. Lead councils, "
            "partner councils and councils with a confirmed adoption are coloured; a county or "
            "combined authority is shown on every council inside it."
        ),
        id_prefix=f"spread-{innovation.record_id}",
    )


def ranked_records(*, include_illustrative: bool) -> QuerySet[Innovation]:
    """Published records with at least one adopting council, most adopters first."""
    adopting = Q(adoptions__confirmed=True, adoptions__status__in=ADOPTING)
    return (
        published_innovations(include_illustrative=include_illustrative)
        .annotate(adopter_count=Count("adoptions__authority", filter=adopting, distinct=True))
        .filter(adopter_count__gt=0)
        .order_by("-adopter_count", "title")
    )


def council_counts(*, include_illustrative: bool) -> dict[str, Counter[str]]:
    """For each council GSS code: how many published records it shared (led or partnered) and
    how many it adopted."""
    records = published_innovations(include_illustrative=include_illustrative).values("pk")
    shared: Counter[str] = Counter()
    # A council that both led and partnered in one record counts it once.
    pairs: set[tuple[str, int]] = set()
    for gss, record in (
        Authority.objects.exclude(gss="")
        .filter(lead_links__innovation__in=records)
        .values_list("gss", "lead_links__innovation")
    ):
        pairs.add((gss, record))
    for gss, record in (
        Authority.objects.exclude(gss="")
        .filter(partner_links__innovation__in=records)
        .values_list("gss", "partner_links__innovation")
    ):
        pairs.add((gss, record))
    for gss, _record in pairs:
        shared[gss] += 1
    adopted: Counter[str] = Counter(
        gss
        for gss, _record in set(
            Adoption.objects.filter(innovation__in=records, confirmed=True, status__in=ADOPTING)
            .exclude(authority__gss="")
            .values_list("authority__gss", "innovation")
        )
    )
    return {"shared": shared, "adopted": adopted}


MAPS: dict[str, dict[str, str]] = {
    "shared": {
        "label": "Records shared",
        "title": "How many records each council has shared",
        "description": (
            "Hex map of UK councils, one hexagon per district-level council, shaded by how many "
            "published records the council led or was a partner in. A county's or combined "
            "authority's records are added to every council inside it."
        ),
        "heading": "Records shared (led or partnered)",
    },
    "adopted": {
        "label": "Records adopted",
        "title": "How many records each council has adopted",
        "description": (
            "Hex map of UK councils, one hexagon per district-level council, shaded by how many "
            "published records the council has a confirmed adoption of (in progress or adopted). "
            "A county's or combined authority's adoptions are added to every council inside it."
        ),
        "heading": "Records adopted",
    },
}


def council_hexmap(which: str, *, include_illustrative: bool) -> HexMap:
    counts = council_counts(include_illustrative=include_illustrative)[which]
    districts = spread_to_districts(dict(counts), members=members_map(), combine=lambda a, b: a + b)
    spec = MAPS[which]
    return render_hexmap(
        districts,
        title=spec["title"],
        description=spec["description"],
        mode="sequential",
        none_label="None",
        value_heading=spec["heading"],
        id_prefix=f"spread-{which}",
    )


def api_adoptions(innovation: Innovation) -> list[dict[str, Any]]:
    """Confirmed adoptions as the API lists them."""
    return [
        {
            "authority": a.authority.gss or None,
            "name": a.authority.name,
            "status": a.status,
            "started_on": str(a.started_on) if a.started_on else None,
            "notes": a.notes,
            "confirmed_at": a.confirmed_at.isoformat() if a.confirmed_at else None,
        }
        for a in confirmed_adoptions(innovation)
    ]
