"""Shared fixtures: reference data loaded once per test database."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.core.management import call_command

if TYPE_CHECKING:
    from shopwindow.innovations.services.catalogue import CatalogueLoad


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Load the real reference data (every UK council) and its comparators once."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        call_command("build_comparators", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The shared cache is a database table that outlives a test's transaction (and survives the
    flush after transactional tests): empty it around every test so counts never leak."""
    from django.core.cache import cache

    with django_db_blocker.unblock():
        cache.clear()
    yield
    with django_db_blocker.unblock():
        cache.clear()


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """`with after_commit(): ...` runs what the block left for after commit (queued emails) as a
    real commit would: a test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run browser tests last: their live server needs transactional tests, which empty the
    database when they finish, so they reload the reference data for themselves."""
    items.sort(key=lambda item: "/e2e/" in str(item.path))


@pytest.fixture(scope="module")
def catalogue(django_db_setup: None, django_db_blocker: Any) -> Iterator["CatalogueLoad"]:
    """The real catalogue (data/catalogue), loaded once for a test module and removed after it.
    Each test still runs in its own transaction, so what a test writes is rolled back."""
    from shopwindow.innovations.models import Innovation
    from shopwindow.innovations.services.catalogue import load_catalogue

    with django_db_blocker.unblock():
        load = load_catalogue(directory=Path(settings.CATALOGUE_DIR))
    yield load
    with django_db_blocker.unblock():
        Innovation.objects.all().delete()
