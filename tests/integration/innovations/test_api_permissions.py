"""The API's record writes follow can() (docs/permissions.md), including where it says no."""

import pytest
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import create_innovation, innovation_record

from .test_api import bearer, send

pytestmark = pytest.mark.django_db


def test_nobody_changes_a_withdrawn_record_through_the_api(
    client: Client, moderator: User, south_hams_member: User
) -> None:
    innovation = create_innovation(id="withdrawn-one", title="Original title here")
    Innovation.objects.filter(pk=innovation.pk).update(workflow_status=WorkflowStatus.WITHDRAWN)
    data = innovation_record(id="withdrawn-one", title="Changed after withdrawal")
    for user in (moderator, south_hams_member):
        response = send(client, "put", "/api/v1/innovations/withdrawn-one", data, bearer(user))
        assert response.status_code == 409, user
        assert "withdrawn" in response.json()["detail"]
    assert Innovation.objects.get(pk=innovation.pk).title == "Original title here"


def test_moderators_change_submitted_records(client: Client, moderator: User) -> None:
    innovation = create_innovation(id="waiting-one", publish=False)
    Innovation.objects.filter(pk=innovation.pk).update(workflow_status=WorkflowStatus.SUBMITTED)
    data = innovation_record(id="waiting-one", title="Tidied by a moderator")
    response = send(client, "put", "/api/v1/innovations/waiting-one", data, bearer(moderator))
    assert response.status_code == 200
    assert Innovation.objects.get(pk=innovation.pk).title == "Tidied by a moderator"


def test_a_member_cannot_hand_a_draft_to_councils_they_do_not_belong_to(
    client: Client, south_hams_member: User
) -> None:
    headers = bearer(south_hams_member)
    assert (
        send(
            client, "post", "/api/v1/innovations", innovation_record(id="mine"), headers
        ).status_code
        == 201
    )
    moved = innovation_record(id="mine", lead_authorities=["E07000041"], title="Moved away now")
    response = send(client, "put", "/api/v1/innovations/mine", moved, headers)
    assert response.status_code == 403
    assert Innovation.objects.get(record_id="mine").title != "Moved away now"
