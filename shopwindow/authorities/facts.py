"""Key facts about a council, as GOV.UK summary-list rows.

Built in Python because the rows need links, formatting and words for numbers; templates only
render them with {% govuk_params %}.
"""

from collections.abc import Iterable
from typing import Any

from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType, Nation, Region

IOD_2025_DISTRICTS = 296

QUINTILE_WORDS = {
    1: "most deprived fifth of UK councils",
    2: "second most deprived fifth of UK councils",
    3: "middle fifth of UK councils",
    4: "second least deprived fifth of UK councils",
    5: "least deprived fifth of UK councils",
}


def long_date(value: Any) -> str:
    return format_date(value, "j F Y") if value else ""


def council_link(authority: Authority) -> SafeString:
    return format_html(
        '<a class="govuk-link" href="{}">{}</a>', authority.get_absolute_url(), authority
    )


def council_links(authorities: Iterable[Authority]) -> SafeString | None:
    items = list(authorities)
    if not items:
        return None
    if len(items) == 1:
        return council_link(items[0])
    return format_html(
        '<ul class="govuk-list">{}</ul>',
        format_html_join("", "<li>{}</li>", ((council_link(a),) for a in items)),
    )


def _number(value: float, places: int = 1) -> str:
    text = f"{value:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def population_text(authority: Authority) -> str | None:
    if authority.population is None:
        return None
    source = f" ({authority.population_source})" if authority.population_source else ""
    return f"{authority.population:,}{source}"


def deprivation_html(authority: Authority) -> SafeString | None:
    parts: list[SafeString] = []
    if authority.deprivation_score is not None:
        quintile = QUINTILE_WORDS.get(authority.deprivation_quintile or 0)
        parts.append(
            format_html(
                '<p class="govuk-body">Composite UK score {} (higher is more deprived){}.</p>',
                _number(authority.deprivation_score),
                format_html(": in the {}", quintile) if quintile else "",
            )
        )
    if authority.imd_2025_rank is not None:
        parts.append(
            format_html(
                '<p class="govuk-body">English Indices of Deprivation 2025: ranked {} of {} '
                "districts (1 is the most deprived).</p>",
                authority.imd_2025_rank,
                IOD_2025_DISTRICTS,
            )
        )
    if not parts:
        return None
    return format_html_join("", "{}", ((p,) for p in parts))


def _row(key: str, value: str | SafeString | None) -> dict[str, Any]:
    if isinstance(value, SafeString):
        return {"key": {"text": key}, "value": {"html": value}}
    return {"key": {"text": key}, "value": {"text": value or "Not known"}}


def key_facts(authority: Authority) -> dict[str, Any]:
    """Summary-list params for the council page (related councils must be prefetched)."""
    rows = [
        _row("Type", AuthorityType(authority.authority_type).label),
        _row("Nation", Nation(authority.nation).label),
    ]
    if authority.nation == Nation.ENGLAND and authority.region:
        rows.append(_row("Region", Region(authority.region).label))
    if authority.parent_county:
        rows.append(_row("County council", council_link(authority.parent_county)))
    if authority.combined_authority:
        key = (
            "Strategic authority"
            if authority.combined_authority.authority_type == AuthorityType.STRATEGIC_AUTHORITY
            else "Combined authority"
        )
        rows.append(_row(key, council_link(authority.combined_authority)))
    members = council_links(authority.constituent_members.all())
    if members:
        rows.append(_row("Member councils", members))
    districts = council_links(authority.districts.all())
    if districts:
        rows.append(_row("District councils", districts))
    rows.append(_row("Population", population_text(authority)))
    if authority.area_sq_km is not None:
        rows.append(_row("Area", f"{_number(authority.area_sq_km)} square kilometres"))
    if authority.density is not None:
        rows.append(
            _row("Population density", f"{_number(authority.density)} people per square kilometre")
        )
    rows.append(_row("Deprivation", deprivation_html(authority)))
    if authority.start_date:
        rows.append(_row("Established", long_date(authority.start_date)))
    if authority.end_date:
        rows.append(_row("Abolished", long_date(authority.end_date)))
    predecessors = council_links(authority.predecessors.all())
    if predecessors:
        rows.append(_row("Replaced", predecessors))
    successors = council_links(authority.replaced_by.all())
    if successors:
        rows.append(_row("Replaced by", successors))
    rows.append(_row("GSS code", authority.gss or "None (abolished before GSS codes)"))
    rows.append(_row("Register code", authority.code))
    return {"rows": rows}
