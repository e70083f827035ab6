"""Shared fixtures: reference data loaded once per test database."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Load the real reference data (every UK council) into the test database once."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run browser tests last: their live server needs transactional tests, which empty the
    database when they finish, so they reload the reference data for themselves."""
    items.sort(key=lambda item: "/e2e/" in str(item.path))
