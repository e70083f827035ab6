"""JSON errors for the API: a 404 that says what was not found, a 400 that names the parameter,
a 429 with Retry-After when a rate limit is reached."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError

from shopwindow.core.ratelimit import RateLimited


class ApiError(HttpError):
    """An error with a status code, a message and (for a bad parameter) the parameter's name."""

    def __init__(self, status_code: int, message: str, *, parameter: str | None = None) -> None:
        super().__init__(status_code, message)
        self.parameter = parameter


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
