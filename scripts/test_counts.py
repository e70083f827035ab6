"""Print how many tests ran on each database, from pytest's JUnit XML reports."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(paths: list[str]) -> int:
    status = 0
    print("== Test counts")
    for path in paths:
        name = Path(path).stem
        if not Path(path).exists():
            print(f"{name}: no report (the run did not finish)")
            status = 1
            continue
        root = ET.parse(path).getroot()  # noqa: S314 - our own pytest report
        suite = root if root.tag == "testsuite" else root.find("testsuite")
        assert suite is not None
        total = int(suite.get("tests", 0))
        failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        passed = total - failed - skipped
        print(f"{name}: {total} tests ran: {passed} passed, {failed} failed, {skipped} skipped")
        if total == 0 or failed:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
