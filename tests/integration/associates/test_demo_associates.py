"""The demo shows everything: `load_demo_associates` puts vetted illustrative associates (labelled
as such) on the roster, and the founding catalogue records name a public role to contact."""

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from shopwindow.accounts.models import User
from shopwindow.associates.models import AssociateProfile
from shopwindow.associates.vocabularies import ProfileStatus
from shopwindow.innovations.models import Innovation
from tests.factories import CouncilMembershipFactory, UserFactory

# Founding records whose running body has a public role to contact. Great Western Cities closed
# in 2025 and Northern Ireland's reform was run by the Department, so they name no contact.
FOUNDING = (
    "greater-manchester-combined-authority",
    "south-hams-west-devon-shared-workforce-t18",
    "surrey-bucks-joint-trading-standards",
    "essex-county-model-shared-services-devolution",
)


@pytest.mark.django_db
def test_demo_accounts_put_illustrative_associates_on_the_roster() -> None:
    with override_settings(ALLOW_DEMO_CONTENT=True):
        call_command("load_demo_accounts", stdout=io.StringIO())
        call_command("load_demo_associates", stdout=io.StringIO())
        call_command("load_demo_associates", stdout=io.StringIO())  # idempotent
    profiles = AssociateProfile.objects.filter(status=ProfileStatus.VETTED)
    assert profiles.count() == 3
    for profile in profiles:
        assert profile.name.endswith("(illustrative)")
        assert profile.headline.startswith("Illustrative associate:")
    # Only the demo associate account can sign in.
    assert [
        u.email
        for u in User.objects.filter(associate_profile__isnull=False)
        if u.has_usable_password()
    ] == ["associate@demo.shopwindow.example"]
    roster = Client().get("/associates/").content.decode()
    assert roster.count("(illustrative)") >= 3


@pytest.mark.django_db
def test_founding_records_name_a_public_role_to_contact(catalogue: Any) -> None:
    south_hams = UserFactory.create()
    CouncilMembershipFactory.create(user=south_hams, authority_id=_gss_pk("E07000044"))
    for record_id in FOUNDING:
        innovation = Innovation.objects.get(record_id=record_id)
        assert innovation.contact_role, record_id
        assert not innovation.contact_name  # a role, not a named person
    client = Client()
    client.force_login(south_hams)
    page = client.get("/innovations/south-hams-west-devon-shared-workforce-t18/").content.decode()
    assert "Head of Paid Service, South Hams and West Devon councils" in page


def _gss_pk(gss: str) -> int:
    from shopwindow.authorities.models import Authority

    return Authority.objects.get(gss=gss).pk
