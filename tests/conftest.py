"""Shared fixtures: reference data loaded once per test database."""

from typing import Any

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Load the real reference data (every UK council) and its comparators once."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        call_command("build_comparators", verbosity=0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run browser tests last: their live server needs transactional tests, which empty the
    database when they finish, so they reload the reference data for themselves."""
    items.sort(key=lambda item: "/e2e/" in str(item.path))
