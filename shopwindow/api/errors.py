"""JSON errors for the API: a 404 that says what was not found, a 400 that names the parameter,
a 429 with Retry-After when a rate limit is reached.

Every error has the one shape `ErrorOut`, and every operation declares the error statuses it can
return (`responses`), so that the OpenAPI document lists each status a client can meet.
"""

from enum import StrEnum
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled, ValidationError
from pydantic import Field

from shopwindow.core.ratelimit import RateLimited


class FieldProblem(Schema):
    parameter: str = Field(description="The parameter or field at fault, like page or title")
    message: str


class ErrorOut(Schema):
    """The body of every error response."""

    detail: str = Field(description="What went wrong, in words")
    parameter: str | None = Field(None, description="The parameter or field at fault, if one is")
    errors: list[FieldProblem | str] | None = Field(
        None, description="Every problem found: a bad parameter each, or a record's problems"
    )


def code_enum(name: str, codes: list[str]) -> Any:
    """An enum of vocabulary codes, so that the OpenAPI document lists the allowed values."""
    return StrEnum(name, {code: code for code in codes})


def responses(
    ok: dict[int, Any], *, token: bool = False, write: bool = False, lookup: bool = False
) -> dict[int, Any]:
    """The statuses an operation can return: its successes, 400 (a bad parameter or body) and
    429 (too many requests: wait for Retry-After) always; 401 with a token; 403 and 409 for a
    write; 404 for a look-up of one thing."""
    statuses: dict[int, Any] = {**ok, 400: ErrorOut, 429: ErrorOut}
    if token:
        statuses[401] = ErrorOut
    if write:
        statuses[403] = ErrorOut
        statuses[409] = ErrorOut
    if lookup:
        statuses[404] = ErrorOut
    return statuses


class ApiError(HttpError):
    """An error with a status code, a message and (for a bad parameter) the parameter's name."""

    def __init__(self, status_code: int, message: str, *, parameter: str | None = None) -> None:
        super().__init__(status_code, message)
        self.parameter = parameter


RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def with_retry_after(schema: Any) -> Any:
    """The OpenAPI document with the Retry-After header on every 429 response."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if str(status) == "429":
                    response["headers"] = RETRY_AFTER
    return schema


def bad_parameter(parameter: str, message: str) -> ApiError:
    return ApiError(400, f"{parameter}: {message}", parameter=parameter)


def not_found(message: str) -> ApiError:
    return ApiError(404, message)


def _location_name(loc: list[Any]) -> str:
    # ninja reports ["query", "page"] or ["body", "payload", "title"]: drop the source and wrapper.
    parts = [str(p) for p in loc if p not in {"query", "path", "body", "payload", "filters"}]
    return ".".join(parts) or "request"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ApiError)
    def handle_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        body: dict[str, Any] = {"detail": exc.message}
        if exc.parameter:
            body["parameter"] = exc.parameter
        return api.create_response(request, body, status=exc.status_code)

    def too_many(request: HttpRequest, message: str, seconds: int) -> HttpResponse:
        body = {"detail": f"{message}: try again in {seconds} seconds"}
        response = api.create_response(request, body, status=429)
        response["Retry-After"] = str(seconds)
        return response

    @api.exception_handler(RateLimited)
    def handle_rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        return too_many(request, exc.message, exc.retry_after)

    @api.exception_handler(Throttled)
    def handle_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        # The address limit (AddressThrottle); ninja sets Retry-After from the same wait.
        return too_many(request, "Too many requests from this address", int(exc.wait or 1))

    @api.exception_handler(ValidationError)
    def handle_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = []
        for error in exc.errors:
            name = _location_name(list(error.get("loc", [])))
            errors.append({"parameter": name, "message": str(error.get("msg", "is not valid"))})
        first = errors[0] if errors else {"parameter": "request", "message": "is not valid"}
        body = {
            "detail": f"{first['parameter']}: {first['message']}",
            "parameter": first["parameter"],
            "errors": errors,
        }
        return api.create_response(request, body, status=400)
