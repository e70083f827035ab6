"""Choosing a council without JavaScript: a plain select, a POST, and the session remembers it."""

import pytest
from django.test import Client, RequestFactory

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, User
from shopwindow.authorities.models import Authority
from shopwindow.tailoring.selectors import SESSION_KEY, chosen_council

pytestmark = pytest.mark.django_db


def test_the_page_is_a_plain_select_of_current_councils(client: Client) -> None:
    response = client.get("/your-council/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<select class="govuk-select' in html
    assert 'value="E07000044"' in html  # South Hams
    former = Authority.objects.filter(is_current=False).exclude(gss="").first()
    assert former is not None
    assert f'value="{former.gss}"' not in html
    assert "core/council-autocomplete.js" in html
    assert "autocomplete/accessible-autocomplete.min.js" in html


def test_choosing_keeps_the_council_in_the_session(client: Client) -> None:
    response = client.post("/your-council/", {"council": "E07000047"})
    assert response.status_code == 302
    assert response["Location"] == "/your-council/"
    assert client.session[SESSION_KEY] == "E07000047"
    html = client.get("/your-council/").content.decode()
    assert "Your council is West Devon." in html
    assert 'value="E07000047" selected' in html


def test_choosing_returns_to_a_safe_next_page_only(client: Client) -> None:
    response = client.post(
        "/your-council/", {"council": "E07000047", "next": "/councils/E07000047/comparators/"}
    )
    assert response["Location"] == "/councils/E07000047/comparators/"
    response = client.post(
        "/your-council/", {"council": "E07000047", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/your-council/"


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "Select a council"), ("E99999999", "Select a council from the list")],
)
def test_a_bad_choice_shows_the_error(client: Client, value: str, message: str) -> None:
    response = client.post("/your-council/", {"council": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert "<title>Error:" in html
    assert SESSION_KEY not in client.session


def test_clearing_the_council(client: Client) -> None:
    client.post("/your-council/", {"council": "E07000047"})
    response = client.post("/your-council/", {"action": "clear"})
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_chosen_council_reads_the_session_and_ignores_former_councils(
    rf: RequestFactory,
) -> None:
    request = rf.get("/")
    request.session = {SESSION_KEY: "E07000044"}  # type: ignore[assignment]
    assert chosen_council(request) == Authority.objects.get(gss="E07000044")
    former = Authority.objects.filter(is_current=False).exclude(gss="").first()
    assert former is not None
    request = rf.get("/")
    request.session = {SESSION_KEY: former.gss}  # type: ignore[assignment]
    assert chosen_council(request) is None


def test_a_council_members_approved_council_is_the_default(rf: RequestFactory) -> None:
    user = User.objects.create_user(email="officer@southhams.gov.uk", password="x-Long-pass-1")
    south_hams = Authority.objects.get(gss="E07000044")
    CouncilMembership.objects.create(
        user=user, authority=south_hams, status=MembershipStatus.APPROVED
    )
    request = rf.get("/")
    request.session = {}  # type: ignore[assignment]
    request.user = user
    assert chosen_council(request) == south_hams
    # An explicit choice in the session wins over the default.
    request = rf.get("/")
    request.session = {SESSION_KEY: "E07000047"}  # type: ignore[assignment]
    request.user = user
    assert chosen_council(request) == Authority.objects.get(gss="E07000047")
