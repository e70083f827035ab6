"""Linked records are picked by title (search, then tick), never typed as internal ids; the
picker works without JavaScript: searching posts the form and keeps everything typed."""

import pytest
from django.test import Client

from shopwindow.associates.models import HelpRequest
from shopwindow.authorities.models import Authority
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    create_innovation,
    with_date_inputs,
)

pytestmark = pytest.mark.django_db


def test_a_help_request_links_records_found_by_title(client: Client) -> None:
    south_hams = Authority.objects.get(gss="E07000044")
    member = UserFactory.create()
    CouncilMembershipFactory.create(user=member, authority=south_hams)
    waste = create_innovation(id="shared-waste-rounds", title="Shared waste rounds")
    create_innovation(id="joint-planning-team", title="Joint planning enforcement team")
    client.force_login(member)

    page = client.get("/help-requests/new/").content.decode()
    assert "separated by commas" not in page
    assert "Search records" in page

    answers = {
        "council": str(south_hams.pk),
        "title": "Merge our waste rounds",
        "goal": "",  # not answered yet: a search shows no error for it
        "record_search": "waste",
        "action": "find-records",
    }
    found = client.post("/help-requests/new/", answers)
    assert found.status_code == 200
    page = found.content.decode()
    assert "There is a problem" not in page
    assert "1 record found for ‘waste’" in page
    assert 'value="shared-waste-rounds"' in page
    assert "Shared waste rounds" in page
    assert "Joint planning enforcement team" not in page
    assert 'value="Merge our waste rounds"' in page  # what was typed is kept

    # A second search keeps the ticked record and offers the new matches.
    again = client.post(
        "/help-requests/new/",
        {**answers, "linked": ["shared-waste-rounds"], "record_search": "planning"},
    ).content.decode()
    assert "Shared waste rounds" in again
    assert "Joint planning enforcement team" in again

    client.post(
        "/help-requests/new/",
        with_date_inputs(
            {
                **answers,
                "action": "",
                "goal": "Cut costs by sharing rounds with a neighbour.",
                "linked": ["shared-waste-rounds"],
                "service_area": "waste-and-environment",
                "days_needed": "8",
                "budget_band": "5k-20k",
                "start_on": "1/3/2027",
                "end_on": "30/4/2027",
                "work_mode": "either",
            },
            "start_on",
            "end_on",
        ),
    )
    help_request = HelpRequest.objects.get()
    assert list(help_request.linked_records.all()) == [waste]


def test_an_unknown_record_is_refused_with_a_clear_error(client: Client) -> None:
    south_hams = Authority.objects.get(gss="E07000044")
    member = UserFactory.create()
    CouncilMembershipFactory.create(user=member, authority=south_hams)
    client.force_login(member)
    response = client.post(
        "/help-requests/new/",
        {"council": str(south_hams.pk), "title": "Help", "linked": ["no-such-record"]},
    )
    assert "Select records from the search results" in response.content.decode()
    assert not HelpRequest.objects.exists()
