"""Views and API routers ask `can()` (or a decorator built on it); none checks roles itself.

docs/permissions.md: every rule lives in the matrix in shopwindow/accounts/permissions.py. A view
that reads `user.role`, `Role.…`, `is_staff`, `is_superuser` or calls `is_moderator()` makes a
second rule the matrix and its tests do not know about; this scan finds one.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3] / "shopwindow"
ROLE_ATTRIBUTES = {"role", "is_staff", "is_superuser", "is_moderator", "is_admin"}
ROLE_FUNCTIONS = {"is_moderator", "is_admin", "is_associate", "role_of"}


def _checked_modules() -> list[Path]:
    files = {
        *ROOT.glob("*/views*.py"),
        *ROOT.glob("*/views/*.py"),
        *ROOT.glob("api/routers/*.py"),
    }
    return sorted(files)


def _role_checks(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ROLE_ATTRIBUTES:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id in {"Role", *ROLE_FUNCTIONS}:
            found.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, ast.alias) and node.name in {"Role", *ROLE_FUNCTIONS}:
            found.append(f"import of {node.name}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "hasattr"}
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in ROLE_ATTRIBUTES
        ):
            found.append(f"line {node.lineno}: getattr(..., {node.args[1].value!r})")
    return found


def test_the_scan_covers_views_and_routers() -> None:
    names = {str(p.relative_to(ROOT)) for p in _checked_modules()}
    assert "api/routers/innovations.py" in names
    assert "innovations/views/importing.py" in names
    assert "accounts/views/account.py" in names


@pytest.mark.parametrize(
    "source",
    [
        "ok = user.role == 'moderator'",
        "from shopwindow.accounts.models import Role",
        "ok = permissions.is_moderator(user)",
        "ok = request.user.is_staff",
        "ok = getattr(request.user, 'is_moderator', False)",
    ],
)
def test_the_scan_finds_a_role_check(source: str) -> None:
    assert _role_checks(ast.parse(source))


def test_no_view_or_router_checks_roles_itself() -> None:
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in _checked_modules()
        if (found := _role_checks(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}, "ask can() (shopwindow/accounts/permissions.py) instead"
