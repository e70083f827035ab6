"""Two creates of one record id at the same moment through the API: one 201, one 409, never a
500 and never an overwrite. Needs real transactions in two connections, so PostgreSQL only (the
SQLite suite checks sequential repeats in test_robustness.py); the test commits its own data and
removes it after."""

import json
import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from shopwindow.accounts.models import AuditEvent
from shopwindow.api.services import create_token
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from tests.factories import CouncilMembershipFactory, UserFactory, innovation_record


@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need PostgreSQL")
def test_two_concurrent_creates_of_one_id_give_201_and_409(django_db_blocker: Any) -> None:
    """Two requests at the same moment, each in its own connection and transaction: committed
    data, so this test creates and removes its own user, token and record."""
    with django_db_blocker.unblock():
        user = UserFactory.create()
        CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss="E07000044"))
        _, value = create_token(user=user, name="race")
        headers: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {value}"}
        body = json.dumps(innovation_record(id="raced"))
        statuses: list[int] = []
        barrier = threading.Barrier(2)

        def send() -> None:
            try:
                barrier.wait()
                response = Client().post(
                    "/api/v1/innovations", data=body, content_type="application/json", **headers
                )
                statuses.append(response.status_code)
            finally:
                connections.close_all()

        try:
            threads = [threading.Thread(target=send) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert sorted(statuses) == [201, 409]
            assert Innovation.objects.filter(record_id="raced").count() == 1
        finally:
            Innovation.objects.filter(record_id="raced").delete()
            AuditEvent.objects.filter(actor=user).delete()
            user.delete()
