"""Authorities API: every UK council, current and former, filtered by the spec's vocabularies.

Filter parameters are typed with the vocabulary enums, so the OpenAPI document lists the allowed
values and a bad value is a 400 that names the parameter and lists them.
"""

from datetime import date
from enum import StrEnum
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from shopwindow.api.errors import not_found, responses
from shopwindow.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, paginate
from shopwindow.authorities import selectors
from shopwindow.authorities.facts import IOD_2025_DISTRICTS
from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType, Nation, Region

router = Router()


class CurrentFilter(StrEnum):
    TRUE = "true"
    FALSE = "false"


class Deprivation(Schema):
    composite_uk_score: float | None = Field(
        description="mySociety composite UK index of deprivation (higher is more deprived)"
    )
    composite_uk_quintile: int | None = Field(
        description="Quintile of UK councils on the composite index: 1 is the most deprived fifth"
    )
    imd_2025_rank: int | None = Field(
        description="England only: rank of average score in the English Indices of Deprivation "
        "2025 (1 is the most deprived)"
    )
    imd_2025_rank_of: int | None = Field(description="How many districts the IoD 2025 ranks")
    imd_2025_average_score: float | None = Field(description="England only: IoD 2025 average score")


class AuthoritySummary(Schema):
    gss: str | None = Field(description="GSS code; null for NI councils abolished in 2015")
    code: str = Field(description="mySociety register code")
    name: str = Field(description="Short name")
    official_name: str
    nation: Nation
    region: Region | None = Field(description="ONS region in England; the nation elsewhere")
    type: AuthorityType = Field(description="Type of authority")
    current: bool = Field(description="False for a former (abolished) council")
    start_date: date | None
    end_date: date | None
    parent_county: str | None = Field(description="GSS code of the county council above it")
    combined_authority: str | None = Field(
        description="GSS code of its combined authority, or the GLA for London"
    )
    population: int | None
    url: str = Field(description="The council's page on Shopwindow")
    api_url: str = Field(description="This council's full record in the API")


class AuthorityDetail(AuthoritySummary):
    members: list[str] = Field(description="GSS codes of member councils (combined authorities)")
    districts: list[str] = Field(description="GSS codes of district councils (counties)")
    replaced_by: list[str] = Field(description="GSS codes of the councils that replaced it")
    predecessors: list[str] = Field(description="GSS codes of the councils it replaced")
    population_source: str | None = Field(description='"ONS mid-2022" or "mySociety 2020"')
    area_sq_km: float | None
    density: float | None = Field(description="People per square kilometre")
    deprivation: Deprivation
    latitude: float | None
    longitude: float | None
    hex_q: int | None = Field(description="Column on the UK district hex map (odd-r layout)")
    hex_r: int | None = Field(description="Row on the UK district hex map (odd-r layout)")
    notes: str = Field(description="Corrections applied to the published data, with reasons")


class AuthorityPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[AuthoritySummary]


class AuthorityFilters(Schema):
    nation: Nation | None = Field(None, description="Nation code")
    region: Region | None = Field(None, description="Region code")
    type: AuthorityType | None = Field(None, description="Authority type code")
    current: CurrentFilter | None = Field(
        None, description="true: current councils only; false: former only; omit for both"
    )
    q: str | None = Field(None, max_length=100, description="Search in names (case-insensitive)")
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE}")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Results a page, 1 to {MAX_PAGE_SIZE}",
    )


def _gss(authority: Authority | None) -> str | None:
    return (authority.gss or authority.code) if authority else None


def _codes(authorities: Any) -> list[str]:
    return [a.gss or a.code for a in authorities]


def _summary(request: HttpRequest, authority: Authority) -> dict[str, Any]:
    return {
        "gss": authority.gss or None,
        "code": authority.code,
        "name": authority.name,
        "official_name": authority.official_name,
        "nation": authority.nation,
        "region": authority.region or None,
        "type": authority.authority_type,
        "current": authority.is_current,
        "start_date": authority.start_date,
        "end_date": authority.end_date,
        "parent_county": _gss(authority.parent_county),
        "combined_authority": _gss(authority.combined_authority),
        "population": authority.population,
        "url": request.build_absolute_uri(authority.get_absolute_url()),
        "api_url": request.build_absolute_uri(
            reverse("api:authority", kwargs={"gss": authority.identifier})
        ),
    }


@router.get(
    "",
    response=responses({200: AuthorityPage}),
    summary="List councils",
    url_name="authorities",
    operation_id="listAuthorities",
)
def list_authorities(request: HttpRequest, filters: Query[AuthorityFilters]) -> dict[str, Any]:
    """Every UK council, current and former, filtered by the Authority vocabularies' codes."""
    current = None if filters.current is None else filters.current == CurrentFilter.TRUE
    councils = selectors.filter_authorities(
        nation=filters.nation,
        region=filters.region,
        authority_type=filters.type,
        current=current,
        q=filters.q,
    )
    envelope, items = paginate(request, councils, page=filters.page, page_size=filters.page_size)
    return {**envelope, "results": [_summary(request, a) for a in items]}


@router.get(
    "/{gss}",
    response=responses({200: AuthorityDetail}, lookup=True),
    summary="One council",
    url_name="authority",
    operation_id="getAuthority",
)
def get_authority(request: HttpRequest, gss: str) -> dict[str, Any]:
    """A council's full record, by GSS code (or register code for the NI councils abolished in
    2015, which never had a GSS code)."""
    authority = selectors.get_authority(gss)
    if authority is None:
        raise not_found(f"No council with GSS code {gss!r}.")
    return {
        **_summary(request, authority),
        "members": _codes(authority.constituent_members.all()),
        "districts": _codes(authority.districts.all()),
        "replaced_by": _codes(authority.replaced_by.all()),
        "predecessors": _codes(authority.predecessors.all()),
        "population_source": authority.population_source or None,
        "area_sq_km": authority.area_sq_km,
        "density": authority.density,
        "deprivation": {
            "composite_uk_score": authority.deprivation_score,
            "composite_uk_quintile": authority.deprivation_quintile,
            "imd_2025_rank": authority.imd_2025_rank,
            "imd_2025_rank_of": IOD_2025_DISTRICTS if authority.imd_2025_rank else None,
            "imd_2025_average_score": authority.imd_2025_score,
        },
        "latitude": authority.latitude,
        "longitude": authority.longitude,
        "hex_q": authority.hex_q,
        "hex_r": authority.hex_r,
        "notes": authority.notes,
    }
