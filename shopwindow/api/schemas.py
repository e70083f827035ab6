"""Response schemas shared by the API's routers, so that the OpenAPI document describes every body.

Each list is the one page envelope (`Page`: count, next, previous, results). A record is described
by its main fields, typed; the rest of the Innovation Record format passes through unchanged
(`extra="allow"`): the format itself is the JSON Schema at
/api/v1/schema/innovation-record-1.1.json.
"""

from typing import Any

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field


class Page(Schema):
    count: int = Field(description="How many results there are on every page together")
    next: str | None = Field(description="The next page's address, or null on the last page")
    previous: str | None = Field(description="The previous page's address, or null")


# --- The Innovation Record -------------------------------------------------------------------


class DerivedFigures(Schema):
    payback_months: float | None = Field(description="One-off cost over the monthly saving")
    saving_per_head_gbp: float | None
    verified: bool = Field(description="True when the saving was audited or evaluated")


class RecordOut(BaseModel):
    """One published record in the Innovation Record format, plus the fields the API adds.

    A pydantic model, not a ninja Schema: a Schema reads its input as attributes, which loses the
    record's other fields (`extra="allow"` keeps them only from a dict)."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="The record's id")
    title: str
    summary: str
    approach: str
    themes: list[str] = Field(description="Theme codes")
    service_areas: list[str] = Field(description="Service-area codes")
    lead_authorities: list[str] = Field(description="GSS codes of the lead councils")
    status: str = Field(description="Where the work stands: piloting, live, scaled, ...")
    evidence: dict[str, Any] = Field(description="The evidence block of the record format")
    url: str = Field(description="The record's page")
    published_at: str | None = Field(description="When it was first published (ISO 8601)")
    updated_at: str = Field(description="When it last changed (ISO 8601)")
    derived: DerivedFigures


class RecordWriteOut(RecordOut):
    """The record as written, with where it stands in moderation."""

    workflow_status: str = Field(description="draft, submitted, published or withdrawn")
    pending_revision: bool = Field(
        description="True when the change waits for a moderator (the record is published)"
    )


class JsonSchemaDocument(BaseModel):
    """A JSON Schema (draft 2020-12) document."""

    model_config = ConfigDict(extra="allow")

    schema_uri: str = Field(alias="$schema", description="The JSON Schema dialect")
    id_uri: str = Field(alias="$id", description="The schema's own address")
    title: str


# --- Search ----------------------------------------------------------------------------------


class SearchHit(Schema):
    id: str
    title: str
    summary: str
    score: float = Field(description="Relevance: higher is a better match")
    snippet: str = Field(description="HTML: text escaped, matches in <mark>")
    about: str | None = Field(
        None,
        description="For a record found by meaning alone: its topic nearest the query, "
        "which the snippet starts with; null when it shares the query's words",
    )
    annual_saving_gbp: int | float | None = Field(description="Annual saving, or null")
    saving_kind: str | None = Field(description="projected, reported, audited or evaluated")
    is_illustrative: bool
    evidence_level: int
    verification: str
    status: str
    lead_authorities: list[str] = Field(description="Identifiers of the lead councils")
    url: str = Field(description="The record's page")


class FacetValue(Schema):
    code: str
    label: str
    count: int = Field(description="Matching records, with the other filters applied")


class SearchPage(Page):
    results: list[SearchHit]
    facets: dict[str, list[FacetValue]] = Field(description="Counts per value, by facet name")
    did_you_mean: str | None = Field(description="A suggested spelling, when few records match")


# --- Adoption --------------------------------------------------------------------------------


class AdoptionOut(Schema):
    authority: str | None = Field(description="The adopting council's GSS code")
    name: str
    status: str
    started_on: str | None
    notes: str
    confirmed_at: str | None


class RecordAdoptions(Schema):
    record: str = Field(description="The record's id")
    count: int
    results: list[AdoptionOut]


class CouncilRef(Schema):
    gss: str | None
    name: str


class PlanTaskOut(Schema):
    id: int
    order: int
    title: str
    detail: str
    owner: str
    start_date: str | None
    due_date: str | None
    status: str
    notes: str


class PlanOut(Schema):
    id: str
    title: str
    council: CouncilRef
    record: str = Field(description="The record's id")
    status: str
    start_date: str
    is_shared: bool
    adoption_review: str | None = Field(description="The review after adoption, or null")
    created_at: str
    updated_at: str
    url: str


class PlanDetail(PlanOut):
    tasks: list[PlanTaskOut]


class PlanPage(Page):
    results: list[PlanOut]
