"""The search API's response and its OpenAPI parameters (the router lives in
shopwindow/api/routers/innovations.py and calls `search_response`)."""

from typing import Any

from django.http import HttpRequest

from shopwindow.api.errors import bad_parameter
from shopwindow.api.pagination import page_url
from shopwindow.innovations.serialisation import number
from shopwindow.search.facets import FACETS, SORT_CODES
from shopwindow.search.params import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_SAVINGS_MIN,
    BadParameter,
    parse_params,
)
from shopwindow.search.selectors import search


def _array(description: str, name: str, codes: list[str]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": {"type": "string", "enum": codes}, "minItems": 1},
    }


def openapi_parameters() -> list[dict[str, Any]]:
    parameters: list[dict[str, Any]] = [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": 'Words to search for. "Quoted phrases", -exclusions and OR work; '
            "local-government synonyms are included; the last word also matches as a prefix.",
            "schema": {"type": "string", "minLength": 1, "maxLength": 200},
        }
    ]
    for facet in FACETS:
        parameters.append(
            _array(
                f"{facet.heading}: repeat the parameter for any of several values.",
                facet.param,
                [code for code, _ in facet.choices],
            )
        )
    parameters += [
        {
            "name": "evidence_min",
            "in": "query",
            "required": False,
            "description": "Lowest evidence level (Nesta Standards of Evidence, 1 to 5).",
            "schema": {"type": "integer", "minimum": 1, "maximum": 5},
        },
        {
            "name": "savings_min",
            "in": "query",
            "required": False,
            "description": "Lowest annual saving in pounds.",
            "schema": {"type": "number", "minimum": 0, "maximum": MAX_SAVINGS_MIN},
        },
        {
            "name": "include_illustrative",
            "in": "query",
            "required": False,
            "description": "true to include the illustrative demo records (made-up examples, "
            "labelled is_illustrative); they are left out by default.",
            "schema": {"type": "boolean", "default": False},
        },
        {
            "name": "sort",
            "in": "query",
            "required": False,
            "description": "Order of results: relevance (the default with q), saving, evidence, "
            "or newest (the default without q).",
            "schema": {"type": "string", "enum": list(SORT_CODES)},
        },
        {
            "name": "page",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20},
        },
    ]
    return parameters


def _refuse_empty_values(request: HttpRequest) -> None:
    """The search page's form sends empty fields, which mean "any"; the API says what it means,
    so an empty value there is a mistake, named like any other bad value."""
    known = {parameter["name"] for parameter in openapi_parameters()}
    for name in request.GET:
        if name in known and "" in request.GET.getlist(name):
            raise bad_parameter(name, "must not be empty: leave the parameter out instead")


def search_response(request: HttpRequest) -> dict[str, Any]:
    _refuse_empty_values(request)
    try:
        params = parse_params(request.GET)
    except BadParameter as exc:
        raise bad_parameter(exc.parameter, exc.message) from None
    result = search(params.query, params.filters, params.sort, params.page, params.page_size)
    end = params.page * params.page_size
    return {
        "count": result.count,
        "next": page_url(request, params.page + 1) if end < result.count else None,
        "previous": page_url(request, params.page - 1) if params.page > 1 else None,
        "results": [
            {
                "id": hit.id,
                "title": hit.title,
                "summary": hit.summary,
                "score": hit.score,
                "snippet": str(hit.snippet),
                "about": hit.about,
                "annual_saving_gbp": number(hit.annual_saving_gbp),
                "saving_kind": hit.saving_kind or None,
                "is_illustrative": hit.is_illustrative,
                "evidence_level": hit.evidence_level,
                "verification": hit.verification,
                "status": hit.status,
                "lead_authorities": [code for code, _ in hit.lead_authorities],
                "url": request.build_absolute_uri(hit.url),
            }
            for hit in result.hits
        ],
        "facets": {
            facet.name: [{"code": v.code, "label": v.label, "count": v.count} for v in facet.values]
            for facet in result.facets
        },
        "did_you_mean": result.did_you_mean,
    }
