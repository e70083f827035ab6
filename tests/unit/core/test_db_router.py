"""The read replica router: public catalogue reads to the replica, everything else to the
primary."""

from collections.abc import Iterator

import pytest
from django.db import connections

from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.core.db_router import ReplicaRouter
from shopwindow.innovations.models import Innovation
from shopwindow.search.models import SearchDocument


@pytest.fixture
def router() -> ReplicaRouter:
    return ReplicaRouter()


@pytest.fixture
def in_transaction() -> Iterator[None]:
    primary = connections["default"]
    before = primary.in_atomic_block
    primary.in_atomic_block = True
    yield
    primary.in_atomic_block = before


def test_catalogue_reads_outside_a_transaction_go_to_the_replica(router: ReplicaRouter) -> None:
    for model in (Innovation, SearchDocument, Authority):
        assert router.db_for_read(model) == "replica"


def test_account_reads_stay_on_the_primary(router: ReplicaRouter) -> None:
    assert router.db_for_read(User) == "default"


@pytest.mark.usefixtures("in_transaction")
def test_reads_inside_a_transaction_go_to_the_primary(router: ReplicaRouter) -> None:
    assert router.db_for_read(Innovation) == "default"


def test_writes_always_go_to_the_primary(router: ReplicaRouter) -> None:
    assert router.db_for_write(Innovation) == "default"
    assert router.db_for_write(User) == "default"


def test_a_relation_follows_the_database_its_object_came_from(router: ReplicaRouter) -> None:
    record = Innovation()
    record._state.db = "default"
    assert router.db_for_read(Authority, instance=record) == "default"


def test_migrations_run_on_the_primary_only(router: ReplicaRouter) -> None:
    assert router.allow_migrate("default", "innovations")
    assert not router.allow_migrate("replica", "innovations")
