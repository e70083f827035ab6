"""Innovations API: search over published records, each published record in the Innovation Record
format, and draft writes by token.

GET is open to everyone and shows published records only. POST and PUT need a personal API token
(Authorization: Bearer) of a council member of a lead authority, or a moderator; they create or
update drafts and never publish. Validation is the same as the importer's and the form's.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponsePermanentRedirect, JsonResponse
from ninja import Router

from shopwindow.accounts import audit
from shopwindow.accounts.permissions import approved_council_ids, can
from shopwindow.api.auth import token_auth
from shopwindow.api.errors import ApiError, not_found, responses
from shopwindow.api.schemas import JsonSchemaDocument, RecordOut, RecordWriteOut, SearchPage
from shopwindow.api.search import openapi_parameters, search_response
from shopwindow.api.services import write_record
from shopwindow.authorities.models import Authority
from shopwindow.core import safejson
from shopwindow.innovations import selectors
from shopwindow.innovations.aliases import current_id
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services.records import RecordExistsError
from shopwindow.innovations.services.validation import (
    RecordError,
    RecordValidationError,
    load_schema,
    validate_record,
)

router = Router()


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with each `{"$ref": "#/$defs/x"}` replaced by a copy of x (they do not nest)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def record_body() -> dict[str, Any]:
    """The request body of POST and PUT: the Innovation Record schema's `record`, inlined."""
    defs = load_schema("1.1")["$defs"]
    return {
        "requestBody": {
            "required": True,
            "description": "One record in the Innovation Record format "
            "(/api/v1/schema/innovation-record-1.1.json, $defs/record). Rules the schema cannot "
            "state are checked too, each a 400 naming the field: authorities must be real GSS "
            "codes; every figure of a record not tagged illustrative needs a source that names "
            "it in `supports`; title and summary are plain text; dates are real dates; for PUT "
            "the id is the one in the URL.",
            "content": {"application/json": {"schema": _inline(defs["record"], defs)}},
        }
    }


SCHEMA_DOCUMENT = {
    "responses": {
        200: {
            "description": "The JSON Schema document",
            "content": {
                "application/schema+json": {
                    "schema": {"$ref": "#/components/schemas/JsonSchemaDocument"}
                }
            },
        }
    }
}


def represent(
    request: HttpRequest, innovation: Innovation, *, include_contact: bool
) -> dict[str, Any]:
    """The record plus the read-only fields the API adds."""
    body = record_to_dict(innovation, include_contact=include_contact)
    body["url"] = request.build_absolute_uri(innovation.get_absolute_url())
    body["published_at"] = innovation.published_at.isoformat() if innovation.published_at else None
    body["updated_at"] = innovation.updated_at.isoformat()
    body["derived"] = selectors.derived_figures(innovation)
    return body


@router.get(
    "/schema/innovation-record-1.1.json",
    summary="The Innovation Record JSON Schema, version 1.1",
    operation_id="getRecordSchema",
    response=responses({200: JsonSchemaDocument}),
    by_alias=True,  # the document's own names: $schema, $id
    openapi_extra=SCHEMA_DOCUMENT,
)
def record_schema(request: HttpRequest) -> JsonResponse:
    return JsonResponse(load_schema("1.1"), content_type="application/schema+json")


@router.get(
    "/schema/innovation-record-1.json",
    summary="The Innovation Record JSON Schema, version 1",
    operation_id="getRecordSchemaVersion1",
    response=responses({200: JsonSchemaDocument}),
    by_alias=True,  # the document's own names: $schema, $id
    openapi_extra=SCHEMA_DOCUMENT,
)
def record_schema_1_0(request: HttpRequest) -> JsonResponse:
    return JsonResponse(load_schema("1"), content_type="application/schema+json")


@router.get(
    "/innovations",
    summary="Search published innovation records",
    description="Full-text and semantic search with facets (shopwindow.search): records that "
    "share the words, and records close in meaning. Each result is a summary: "
    "fetch /innovations/{id} for the whole record. `snippet` is HTML: text escaped, matches in "
    "<mark>. `about` is set for a record found by meaning alone: its topic nearest the query "
    "(the snippet starts with it). `facets` gives counts per value, each facet counted with the "
    "other filters applied. A bad parameter value is a 400 naming the parameter.",
    openapi_extra={"parameters": openapi_parameters()},
    operation_id="listInnovations",
    response=responses({200: SearchPage}),
)
def list_innovations(request: HttpRequest) -> dict[str, Any]:
    return search_response(request)


@router.get(
    "/innovations/{record_id}",
    summary="One published innovation record",
    operation_id="getInnovation",
    response=responses({200: RecordOut}, lookup=True),
)
def get_innovation(request: HttpRequest, record_id: str) -> Any:
    innovation = selectors.get_published(record_id)
    if innovation is None:
        moved_to = current_id(record_id)
        if moved_to is not None:
            # An old id of a renamed record: the same resource lives at the current id.
            head, _, tail = request.path.rpartition(record_id)
            return HttpResponsePermanentRedirect(head + moved_to + tail)
        raise not_found(f"No published innovation record with id {record_id!r}")
    return represent(
        request,
        innovation,
        include_contact=selectors.may_see_contact_email(getattr(request, "user", None), innovation),
    )


def _invalid(errors: list[RecordError]) -> JsonResponse:
    count = len(errors)
    return JsonResponse(
        {
            "detail": f"The record has {count} problem{'s' if count != 1 else ''}: {errors[0]}",
            "errors": [str(e) for e in errors],
        },
        status=400,
    )


def _read_body(request: HttpRequest) -> Any:
    try:
        return safejson.loads(request.body or b"")
    except safejson.JSONInputError as exc:
        raise ApiError(
            400, f"The request body is not valid JSON: {exc}", parameter="body"
        ) from None
    except UnicodeDecodeError:
        raise ApiError(400, "The request body is not UTF-8 text", parameter="body") from None


def _lead_ids(data: dict[str, Any]) -> list[int]:
    codes = list(data.get("lead_authorities") or [])
    by_gss = dict(Authority.objects.filter(gss__in=codes).values_list("gss", "id"))
    return [by_gss[c] for c in codes if c in by_gss]


@dataclass(frozen=True)
class _Proposal:
    """The record as the request would leave it, in the shape can() reads: its lead councils, its
    stage and its owner. Checking it stops a writer moving a record to councils they cannot act
    for."""

    council_ids: set[int] = field(default_factory=set)
    permission_state: str = "draft"
    owner_id: int | None = None


def _check_may_write(user: Any, leads: list[int], existing: Innovation | None) -> None:
    """Refuse (403, or 409 for a record the user may see but not change now) unless can() allows
    the write, both to the record as it is and as the request would leave it."""
    if existing is None:
        if not can(user, "create", "innovation_record", _Proposal(council_ids=set(leads))):
            raise ApiError(403, "You must be a member of one of the record's lead authorities")
        return
    if not can(user, "edit", "innovation_record", existing):
        if can(user, "view", "innovation_record", existing):
            raise ApiError(
                409,
                f"The record is {existing.get_workflow_status_display().lower()}: you cannot "
                "change it at this stage",
            )
        raise ApiError(403, "You are not a member of a council that leads this record")
    proposal = _Proposal(
        council_ids=set(leads),
        permission_state=existing.permission_state,
        owner_id=existing.owner_id,
    )
    if not can(user, "edit", "innovation_record", proposal):
        raise ApiError(403, "You must be a member of one of the record's lead authorities")


def _write(
    request: HttpRequest,
    data: Any,
    existing: Innovation | None,
    status: int,
    *,
    create_only: bool = False,
) -> JsonResponse:
    user = request.auth  # type: ignore[attr-defined]
    # Refuse people who may never write records before reading the body's details.
    if not can(user, "create", "innovation_record"):
        raise ApiError(403, "Only council members and moderators can write records")
    errors = validate_record(data)
    if errors:
        return _invalid(errors)
    leads = _lead_ids(data)
    _check_may_write(user, leads, existing)
    councils = approved_council_ids(user)
    owner_id = next((i for i in leads if i in councils), leads[0])
    try:
        result = write_record(
            user=user,
            data=data,
            owner=Authority.objects.get(pk=owner_id),
            create_only=create_only,
            origin=audit.origin(request),
        )
    except RecordValidationError as exc:
        return _invalid(exc.errors)
    except RecordExistsError as exc:
        raise _exists(exc.record_id) from None
    innovation = selectors.with_record_relations(Innovation.objects.all()).get(
        pk=result.innovation.pk
    )
    body = represent(request, innovation, include_contact=True)
    body["workflow_status"] = innovation.workflow_status
    body["pending_revision"] = result.pending
    return JsonResponse(body, status=status)


@router.post(
    "/innovations",
    auth=token_auth,
    summary="Create a draft innovation record",
    operation_id="createInnovation",
    openapi_extra=record_body(),
    response=responses({201: RecordWriteOut}, token=True, write=True),
)
def create_innovation(request: HttpRequest) -> JsonResponse:
    data = _read_body(request)
    record_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(record_id, str) and Innovation.objects.filter(record_id=record_id).exists():
        raise _exists(record_id)
    # The check above answers most repeats early; save_record checks again in its transaction,
    # and the unique index settles two creates at the same moment: one 201, one 409.
    return _write(request, data, None, 201, create_only=True)


def _exists(record_id: str) -> ApiError:
    return ApiError(
        409,
        f"A record with id {record_id!r} exists: use PUT /innovations/{record_id}",
        parameter="id",
    )


@router.put(
    "/innovations/{record_id}",
    auth=token_auth,
    summary="Create or update a draft innovation record",
    description="Updating a published record does not change it: the change waits for a "
    "moderator as a pending revision (`pending_revision` is true).",
    operation_id="updateInnovation",
    openapi_extra=record_body(),
    response=responses({200: RecordWriteOut, 201: RecordWriteOut}, token=True, write=True),
)
def update_innovation(request: HttpRequest, record_id: str) -> JsonResponse:
    data = _read_body(request)
    if isinstance(data, dict) and data.get("id") != record_id:
        return _invalid([RecordError(1, record_id, "id", f"must be {record_id!r}, as in the URL")])
    existing = Innovation.objects.prefetch_related("lead_links").filter(record_id=record_id).first()
    return _write(request, data, existing, 200 if existing else 201)
