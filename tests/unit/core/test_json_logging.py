"""Production log lines are JSON objects carrying the request id."""

import json
import logging

from django.test import RequestFactory

from shopwindow.core.json_logging import JsonFormatter
from shopwindow.core.request_id import RequestIdFilter, RequestIdMiddleware


def test_a_log_line_written_during_a_request_carries_its_id() -> None:
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    app_logger = logging.getLogger("shopwindow.test")
    app_logger.addHandler(handler)
    app_logger.setLevel(logging.INFO)

    def view(request: object) -> object:
        from django.http import HttpResponse

        app_logger.info("hello %s", "world", extra={"records": 3})
        return HttpResponse("ok")

    try:
        request = RequestFactory().get("/x", HTTP_X_REQUEST_ID="req-42")
        response = RequestIdMiddleware(view)(request)  # type: ignore[arg-type]
    finally:
        app_logger.removeHandler(handler)
    assert response["X-Request-ID"] == "req-42"
    entry = json.loads(lines[0])
    assert entry["message"] == "hello world"
    assert entry["request_id"] == "req-42"
    assert entry["records"] == 3
    assert entry["level"] == "INFO"
