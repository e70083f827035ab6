"""A request id for every request: taken from the proxy's X-Request-ID header when it is sane,
otherwise generated; echoed in the response's X-Request-ID header and added to every log record
written while the request is handled, so one request's log lines can be found together.

The middleware also writes one "request" log line per request (method, path, status, duration)
at INFO on the `shopwindow.request` logger.
"""

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Ids from the proxy are kept only when short and plain: they end up in logs and headers.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
_current: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
logger = logging.getLogger("shopwindow.request")


def current_request_id() -> str:
    """The id of the request being handled in this thread, or "" outside a request."""
    return _current.get()


def request_id_from(request: HttpRequest) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if _SAFE_ID.match(offered) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request)
        token = _current.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response.headers[HEADER] = request_id
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True
