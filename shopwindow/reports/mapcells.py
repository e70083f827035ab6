"""The report's hex map cells: for each district-level council area, the distinct records its
council, or a county or combined authority covering it, led or partnered in, and their savings
achieved (None when none of them gives one: "no figure given", never £0)."""

from collections import defaultdict
from decimal import Decimal

from shopwindow.authorities.models import Authority
from shopwindow.core.charts import district_hexes, spread_to_districts
from shopwindow.innovations.models import Innovation
from shopwindow.reports.figures import MapCell
from shopwindow.reports.savings import achieved_saving

ZERO = Decimal("0")


def _area_members() -> dict[str, list[str]]:
    """Upper-tier GSS code -> the GSS codes of the councils inside it (for the hex map)."""
    members: dict[str, list[str]] = defaultdict(list)
    rows = Authority.objects.exclude(gss="").values_list(
        "gss", "parent_county__gss", "combined_authority__gss"
    )
    for gss, county, combined in rows:
        for parent in (county, combined):
            if parent:
                members[parent].append(gss)
    return members


def map_cells(records: list[Innovation]) -> dict[str, MapCell]:
    """Each district hex: the distinct records its council, or a county or combined authority
    above it, led or partnered in. A record counts once per hex however many of its councils
    cover that hex, so a hex's figures are never doubled; hexes are not meant to be summed."""
    if not records:
        return {}
    by_council: dict[str, frozenset[int]] = defaultdict(frozenset)
    for record in records:
        councils = [link.authority for link in record.lead_links.all()]
        councils += [link.authority for link in record.partner_links.all()]
        for council in councils:
            if council.gss:
                by_council[council.gss] |= {record.pk}
    spread = spread_to_districts(by_council, members=_area_members(), combine=lambda a, b: a | b)
    saving = {r.pk: achieved_saving(r) for r in records}
    hexes = district_hexes()
    cells = {}
    for gss, ids in spread.items():
        if gss not in hexes:
            continue
        figures = [value for i in ids if (value := saving[i]) is not None]
        cells[gss] = MapCell(
            records=len(ids),
            achieved_saving=sum(figures, ZERO) if figures else None,
            achieved_records=len(figures),
        )
    return cells
