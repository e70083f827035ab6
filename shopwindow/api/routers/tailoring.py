"""Tailoring API: a council's comparators (its 15 nearest neighbours), with the method stated,
and the published records recommended for it (fit, projected saving, powers match).

Mounted on the same /authorities prefix as the authorities router, so the paths read
/api/v1/authorities/{gss}/comparators and /api/v1/authorities/{gss}/recommendations.
"""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from shopwindow.api.errors import bad_parameter, code_enum, not_found, responses
from shopwindow.api.pagination import page_number, page_size_param, paginate
from shopwindow.innovations.vocabularies import SERVICE_AREA_CODES, THEME_CODES
from shopwindow.tailoring import selectors

router = Router()
ThemeCode = code_enum("ThemeCode", THEME_CODES)
ServiceAreaCode = code_enum("ServiceAreaCode", SERVICE_AREA_CODES)


class AuthorityRef(Schema):
    gss: str = Field(description="GSS code (or register code for a pre-2015 NI council)")
    name: str


class MethodVariable(Schema):
    name: str = Field(description="The authority field used")
    label: str
    weight: float = Field(description="Share of the distance; the weights sum to 1")
    transform: str = Field(description="Applied before standardising")


class Method(Schema):
    name: str
    version: str
    neighbours: int = Field(description="How many comparators each council has")
    variables: list[MethodVariable]
    standardisation: str
    distance: str
    rebasing: str
    documentation: str = Field(description="The page that explains the method")
    group: str | None = Field(description="district, county, single-tier, or null: not compared")
    group_label: str
    scope: str = Field(description="nation (the default: councils in the same nation) or uk")
    scope_text: str = Field(description="Which councils were compared, and why")
    note: str | None = Field(default=None, description="Why a council has no comparators")


class ComparatorOut(Schema):
    gss: str
    name: str
    distance: float = Field(description="0 is identical; 1 is the farthest council in the group")
    rank: int = Field(description="1 is the most similar council")


class ComparatorsOut(Schema):
    authority: AuthorityRef
    method: Method
    comparators: list[ComparatorOut]


@router.get(
    "/{gss}/comparators",
    response=responses({200: ComparatorsOut}, lookup=True),
    summary="A council's comparable councils",
    operation_id="listComparators",
    description=(
        "The 15 most similar councils of the same kind (districts with districts, counties with "
        "counties, single-tier with single-tier), nearest first, within the council's own nation "
        "by default (Northern Ireland's 11 districts have 10 each); `?scope=uk` compares across "
        "the UK. Combined authorities, the GLA and former councils have none: the list is empty "
        "and `method.note` says why."
    ),
)
def authority_comparators(
    request: HttpRequest, gss: str, scope: Literal["nation", "uk"] = "nation"
) -> ComparatorsOut:
    if scope not in selectors.SCOPES:
        raise bad_parameter("scope", "must be nation or uk")
    council = selectors.authority_by_identifier(gss)
    if council is None:
        raise not_found(f"No authority has the code {gss}")
    method = selectors.method_for(council, scope)
    method.pop("weights_text", None)
    return ComparatorsOut(
        authority=AuthorityRef(gss=council.identifier, name=council.name),
        method=Method(**method),
        comparators=[
            ComparatorOut(
                gss=item.comparator.gss,
                name=item.comparator.name,
                distance=item.distance,
                rank=item.rank,
            )
            for item in selectors.comparators_for(council, scope)
        ],
    )


class SavingRangeOut(Schema):
    low: int
    central: int
    high: int


class RecommendationOut(Schema):
    id: str = Field(description="The record's id")
    title: str
    url: str = Field(description="The record's page")
    is_illustrative: bool
    fit: int = Field(description="Fit score, 0 to 100")
    fit_reasons: list[str] = Field(description="Each part of the fit score in words")
    projected_saving_gbp: SavingRangeOut | None = Field(
        description="Projected annual saving for this council, rounded to 2 significant "
        "figures; null when there is no basis (see projection_note)"
    )
    projection_note: str = Field(description="Why there is no projection, or the method used")
    saving_kind: str | None = Field(
        description="How far the record's own saving was checked, which the projection scales: "
        "projected (a forecast), reported, audited or evaluated; null when not stated"
    )
    powers_match: bool = Field(
        description="False when the council runs none of the record's functions (or, for a "
        "record without functions, none of its service areas)"
    )
    powers_basis: str = Field(description="What the powers check used: functions or service-areas")
    services_not_run: list[str] = Field(description="Service-area codes the council does not run")
    functions_not_run: list[str] = Field(
        description="Function codes the council does not run (empty for a record without functions)"
    )
    run_elsewhere: list[str] = Field(
        description="Who runs each of those functions for this council's area, in words"
    )


class RecommendationsOut(Schema):
    authority: AuthorityRef
    count: int
    next: str | None
    previous: str | None
    page: int
    page_size: int
    results: list[RecommendationOut]


@router.get(
    "/{gss}/recommendations",
    response=responses({200: RecommendationsOut}, lookup=True),
    summary="Options recommended for a council",
    operation_id="listRecommendations",
    description=(
        "Published records ranked for this council: those in services it runs first, then by fit "
        "score plus up to 20 points for the projected saving. Records the council led, partnered "
        "in or adopted are left out. Method: /councils/how-we-score-fit/."
    ),
)
def authority_recommendations(
    request: HttpRequest,
    gss: str,
    theme: ThemeCode | None = None,  # type: ignore[valid-type]
    service_area: ServiceAreaCode | None = None,  # type: ignore[valid-type]
    only_services_we_run: bool = False,
    include_illustrative: bool = False,
    page: int = page_number(),
    page_size: int = page_size_param(20),
) -> RecommendationsOut:
    council = selectors.authority_by_identifier(gss)
    if council is None:
        raise not_found(f"No authority has the code {gss}")
    if not council.is_current:
        raise not_found(f"{council.name} is a former council: it has no recommendations")
    if theme and theme not in dict(selectors.theme_choices()):
        raise bad_parameter("theme", f"unknown theme code {theme!r}")
    if service_area and service_area not in dict(selectors.service_area_choices()):
        raise bad_parameter("service_area", f"unknown service area code {service_area!r}")
    found = selectors.recommendations_for(
        council,
        theme=theme,
        service_area=service_area,
        only_services_we_run=only_services_we_run,
        include_illustrative=include_illustrative,
    )
    envelope, items = paginate(request, found.items, page=page, page_size=page_size)
    results = []
    for item in items:
        fit, projection = item.fit, item.fit.projection
        saving = projection.saving
        results.append(
            RecommendationOut(
                id=item.innovation.record_id,
                title=item.innovation.title,
                url=request.build_absolute_uri(item.innovation.get_absolute_url()),
                is_illustrative=item.innovation.is_illustrative,
                fit=fit.score,
                fit_reasons=fit.reasons,
                projected_saving_gbp=(
                    SavingRangeOut(low=saving.low, central=saving.central, high=saving.high)
                    if saving
                    else None
                ),
                projection_note=projection.reason or projection.method,
                saving_kind=item.innovation.saving_kind or None,
                powers_match=fit.powers_match,
                powers_basis=fit.basis,
                services_not_run=list(fit.areas_not_run),
                functions_not_run=list(fit.unmatched) if fit.basis == "functions" else [],
                run_elsewhere=list(fit.run_elsewhere),
            )
        )
    return RecommendationsOut(
        authority=AuthorityRef(gss=council.identifier, name=council.name),
        page=page,
        page_size=page_size,
        results=results,
        **envelope,
    )
