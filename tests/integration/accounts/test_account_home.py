"""One account home: a signed-in officer's account page links their council's drafts, plans,
follows, help requests and engagements."""

import datetime

import pytest
from django.test import Client

from shopwindow.adoption.services import start_plan
from shopwindow.associates.models import Engagement, HelpRequest
from shopwindow.authorities.models import Authority
from shopwindow.follows.models import Follow
from shopwindow.innovations.services.submission import start_draft
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    associate_profile,
    create_innovation,
)

pytestmark = pytest.mark.django_db


def test_the_account_page_links_the_officers_work() -> None:
    south_hams = Authority.objects.get(gss="E07000044")
    officer = UserFactory.create()
    CouncilMembershipFactory.create(user=officer, authority=south_hams)
    start_draft(actor=officer, council=south_hams)
    record = create_innovation(lead_authorities=["E07000045"])
    start_plan(
        user=officer,
        innovation=record,
        council=south_hams,
        title="Our plan",
        start_date=datetime.date(2027, 1, 4),
    )
    Follow.objects.create(user=officer, kind="theme", code="shared-services")
    help_request = HelpRequest.objects.create(
        council=south_hams,
        author=officer,
        title="Merge our waste rounds",
        goal="Save money",
        service_area="waste-and-environment",
        days_needed=10,
        budget_band="5k-20k",
        start_on=datetime.date(2027, 3, 1),
        end_on=datetime.date(2027, 6, 1),
        work_mode="either",
    )
    engagement = Engagement.objects.create(
        help_request=help_request,
        associate=associate_profile(),
        start_on=datetime.date(2027, 3, 1),
        end_on=datetime.date(2027, 6, 1),
        days_agreed=10,
    )

    client = Client()
    client.force_login(officer)
    page = client.get("/account/").content.decode()
    for href, hint in (
        ("/innovations/mine/", "1 draft in progress"),
        ("/plans/", "1 plan"),
        ("/follows/", "1 follow"),
        ("/help-requests/", "1 request"),
    ):
        assert f'href="{href}"' in page, href
        assert hint in page, hint
    assert f'href="/engagements/{engagement.pk}/"' in page
    assert "Merge our waste rounds (South Hams" in page


def test_someone_without_a_council_sees_only_what_applies() -> None:
    client = Client()
    client.force_login(UserFactory.create())
    page = client.get("/account/").content.decode()
    assert 'href="/follows/"' in page
    assert 'href="/innovations/mine/"' not in page
    assert 'href="/plans/"' not in page
