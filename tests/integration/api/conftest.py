"""Prints how many cases the schemathesis fuzz tests ran, per identity and operation."""

import sys
from typing import Any


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
