"""Who sees what: the public roster shows vetted associates only (pages and API), with only
their public fields; a council never sees another council's requests; an associate sees only
the requests they were invited to."""

import datetime
from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import Role
from shopwindow.api.services import create_token
from shopwindow.associates.models import HelpRequest, Invitation
from shopwindow.associates.vocabularies import ProfileStatus
from shopwindow.authorities.models import Authority
from tests.factories import CouncilMembershipFactory, UserFactory, associate_profile, otp_login

pytestmark = pytest.mark.django_db


def _bearer(user: Any) -> dict[str, str]:
    _, value = create_token(user=user, name="test")
    return {"Authorization": f"Bearer {value}"}


@pytest.mark.parametrize(
    "status", [ProfileStatus.SUBMITTED, ProfileStatus.MORE_INFO, ProfileStatus.REFUSED]
)
def test_an_unvetted_associate_appears_nowhere_public(client: Client, status: str) -> None:
    hidden = associate_profile(
        vetted=False, status=status, user=UserFactory.create(full_name="Hidden Harriet")
    )
    shown = associate_profile(user=UserFactory.create(full_name="Visible Vera"))
    roster = client.get("/associates/").content.decode()
    assert "Visible Vera" in roster
    assert "Hidden Harriet" not in roster
    assert "Hidden Harriet" not in client.get("/associates/?q=harriet").content.decode()
    assert client.get(f"/associates/{hidden.pk}/").status_code == 404
    assert client.get(f"/associates/{shown.pk}/").status_code == 200
    body = client.get("/api/v1/associates").json()
    assert [a["id"] for a in body["results"]] == [shown.pk]
    assert (
        "Hidden Harriet"
        not in client.get("/api/v1/associates?skill=capability:procurement").content.decode()
    )
    # Nor to a signed-in member.
    client.force_login(UserFactory.create())
    assert "Hidden Harriet" not in client.get("/associates/").content.decode()


def test_only_public_fields_are_shown_and_searchable(client: Client) -> None:
    profile = associate_profile(
        user=UserFactory.create(full_name="Private Pat"),
        headline="Secret headline",
        public_fields=["skills"],
    )
    page = client.get(f"/associates/{profile.pk}/").content.decode()
    assert "Private Pat" in page
    assert "Procurement" in page
    assert "Secret headline" not in page
    assert "South West" not in page
    assert "400 to" not in page  # the day rate was not made public
    # Searching or filtering on a hidden field finds nothing.
    assert "Private Pat" not in client.get("/associates/?q=secret").content.decode()
    assert "Private Pat" not in client.get("/associates/?area=region:south-west").content.decode()
    assert "Private Pat" not in client.get("/associates/?min_days=2").content.decode()
    assert "Private Pat" in client.get("/associates/?skill=capability:procurement").content.decode()
    api = client.get("/api/v1/associates").json()["results"][0]
    assert set(api) == {"id", "name", "url", "skills"}
    assert client.get("/api/v1/associates?region=south-west").json()["count"] == 0


def test_roster_filters(client: Client) -> None:
    associate_profile(user=UserFactory.create(full_name="Wendy Waste"))
    associate_profile(
        user=UserFactory.create(full_name="Lenny London"),
        skills=["capability:data"],
        regions=["london"],
        days_per_month=1,
        available_from=datetime.date(2028, 1, 1),
    )

    def names(query: str) -> set[str]:
        page = client.get(f"/associates/?{query}").content.decode()
        return {n for n in ("Wendy Waste", "Lenny London") if n in page}

    assert names("") == {"Wendy Waste", "Lenny London"}
    assert names("skill=capability:data") == {"Lenny London"}
    assert names("area=region:south-west") == {"Wendy Waste"}
    assert names("available_by-day=1&available_by-month=6&available_by-year=2027") == {
        "Wendy Waste"
    }
    assert names("min_days=3") == {"Wendy Waste"}
    assert names("q=lenny") == {"Lenny London"}
    assert (
        "must be a real date"
        in client.get(
            "/associates/?available_by-day=99&available_by-month=99&available_by-year=2027"
        ).content.decode()
    )
    assert client.get("/api/v1/associates?region=narnia").status_code == 400
    assert client.get("/api/v1/associates?skill=capability:data").json()["count"] == 1


@pytest.fixture
def two_councils() -> dict[str, Any]:
    south_hams = Authority.objects.get(gss="E07000044")
    other = Authority.objects.get(gss="E07000045")  # Teignbridge
    ours, theirs = UserFactory.create(), UserFactory.create()
    CouncilMembershipFactory.create(user=ours, authority=south_hams)
    CouncilMembershipFactory.create(user=theirs, authority=other)
    request = HelpRequest.objects.create(
        council=south_hams,
        author=ours,
        title="Merge our waste rounds",
        goal="Save money",
        service_area="waste-and-environment",
        capabilities=["procurement"],
        days_needed=10,
        budget_band="5k-20k",
        start_on=datetime.date(2027, 3, 1),
        end_on=datetime.date(2027, 6, 1),
        work_mode="either",
    )
    return {"ours": ours, "theirs": theirs, "request": request}


def test_a_council_never_sees_another_councils_request(
    client: Client, two_councils: dict[str, Any]
) -> None:
    request = two_councils["request"]
    client.force_login(two_councils["theirs"])
    assert client.get(f"/help-requests/{request.pk}/").status_code == 404
    assert client.post(f"/help-requests/{request.pk}/invite/", {"associate": 1}).status_code == 404
    assert "Merge our waste rounds" not in client.get("/help-requests/").content.decode()
    headers = _bearer(two_councils["theirs"])
    assert client.get("/api/v1/help-requests", headers=headers).json()["count"] == 0
    assert client.get(f"/api/v1/help-requests/{request.pk}", headers=headers).status_code == 404
    # Its own members and moderators do see it.
    client.force_login(two_councils["ours"])
    assert client.get(f"/help-requests/{request.pk}/").status_code == 200
    assert (
        client.get("/api/v1/help-requests", headers=_bearer(two_councils["ours"])).json()["count"]
        == 1
    )
    otp_login(client, UserFactory.create(role=Role.MODERATOR))
    assert client.get(f"/help-requests/{request.pk}/").status_code == 200


def test_associates_see_only_requests_they_were_invited_to(
    client: Client, two_councils: dict[str, Any]
) -> None:
    request = two_councils["request"]
    invited = associate_profile()
    other = associate_profile()
    Invitation.objects.create(help_request=request, associate=invited)
    client.force_login(other.user)
    assert client.get(f"/help-requests/{request.pk}/").status_code == 404
    assert client.get("/api/v1/help-requests", headers=_bearer(other.user)).json()["count"] == 0
    client.force_login(invited.user)
    page = client.get(f"/help-requests/{request.pk}/").content.decode()
    assert "Merge our waste rounds" in page
    assert "Shortlist" not in page  # the shortlist is for the council and moderators
    body = client.get("/api/v1/help-requests", headers=_bearer(invited.user)).json()
    assert [r["id"] for r in body["results"]] == [request.pk]
    assert client.get("/api/v1/help-requests").status_code == 401


def test_visitors_are_sent_to_sign_in(client: Client, two_councils: dict[str, Any]) -> None:
    for path in [
        "/help-requests/",
        "/help-requests/new/",
        "/associates/apply/",
        "/associates/invitations/",
    ]:
        assert client.get(path).status_code == 302, path


def test_is_associate_reads_the_vetted_profile() -> None:
    from shopwindow.accounts.permissions import is_associate

    assert is_associate(associate_profile().user)
    assert not is_associate(associate_profile(vetted=False).user)
    assert not is_associate(UserFactory.create())


def test_roster_pages_keep_the_filters(client: Client) -> None:
    from shopwindow.associates.views.public import PAGE_SIZE

    for number in range(PAGE_SIZE + 1):
        associate_profile(user=UserFactory.create(full_name=f"Associate {number:02d}"))
    page = client.get("/associates/?q=associate").content.decode()
    assert 'aria-label="Pages of associates"' in page
    assert 'href="?q=associate&amp;page=2"' in page  # the filter carries to the next page
    second = client.get("/associates/?q=associate&page=2").content.decode()
    assert second.count("Associate ") >= 1
    assert 'aria-current="page"' in second
