"""Prints how many cases the schemathesis fuzz tests ran, per identity and operation; keeps the
test's connection open for tests that call Django's WSGI handler in process."""

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """Keep the test's database connection (and its transaction) open between requests, as
    Django's test client does: a WSGI server closes old connections at each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    fuzz = sys.modules.get("tests.integration.api.test_fuzz")  # only when the fuzz tests ran
    CASES = getattr(fuzz, "CASES", None)
    if not CASES:
        return
    terminalreporter.section("schemathesis cases run")
    for identity, counts in CASES.items():
        terminalreporter.write_line(f"{identity}: {sum(counts.values())} cases")
        for operation, number in sorted(counts.items()):
            terminalreporter.write_line(f"    {number:4d}  {operation}")
