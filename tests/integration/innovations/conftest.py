"""Fixtures for the innovations tests: people, tokens and the demo content."""

import pytest
from django.core.management import call_command
from django.test import Client

from shopwindow.accounts.models import Role, User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from tests.factories import CouncilMembershipFactory, UserFactory, otp_login


@pytest.fixture
def south_hams_member(db: None) -> User:
    user = UserFactory.create(email="officer@southhams.gov.uk")
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss="E07000044"))
    return user


@pytest.fixture
def other_council_member(db: None) -> User:
    user = UserFactory.create(email="officer@exeter.gov.uk")
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss="E07000041"))
    return user


@pytest.fixture
def moderator(db: None) -> User:
    return UserFactory.create(email="moderator@shopwindow.example", role=Role.MODERATOR)


@pytest.fixture
def demo(db: None) -> None:
    call_command("load_demo", verbosity=0, stdout=None)
    assert Innovation.objects.filter(is_illustrative=True).count() >= 40


def signed_in(user: User) -> Client:
    client = Client()
    otp_login(client, user)
    return client
