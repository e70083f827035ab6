"""Tailoring API: a council's comparators (its 15 nearest neighbours), with the method stated.

Mounted on the same /authorities prefix as the authorities router, so the path reads
/api/v1/authorities/{gss}/comparators.
"""

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from shopwindow.api.errors import not_found
from shopwindow.tailoring import selectors

router = Router()


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
    response=ComparatorsOut,
    summary="A council's comparable councils",
    description=(
        "The 15 most similar councils of the same kind (districts with districts, counties with "
        "counties, single-tier with single-tier), nearest first. Combined authorities, the GLA "
        "and former councils have none: the list is empty and `method.note` says why."
    ),
)
def authority_comparators(request: HttpRequest, gss: str) -> ComparatorsOut:
    council = selectors.authority_by_identifier(gss)
    if council is None:
        raise not_found(f"No authority has the code {gss}")
    method = selectors.method_for(council)
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
            for item in selectors.comparators_for(council)
        ],
    )
