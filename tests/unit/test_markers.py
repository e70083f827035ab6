"""Every browser test carries the e2e marker, so `-m "not e2e"` leaves out exactly those."""

from pathlib import Path

E2E = Path(__file__).resolve().parent.parent / "e2e"


def test_every_browser_test_module_is_marked_e2e() -> None:
    unmarked = [
        path.name
        for path in sorted(E2E.glob("test_*.py"))
        if "pytestmark = pytest.mark.e2e" not in path.read_text()
    ]
    assert unmarked == []
