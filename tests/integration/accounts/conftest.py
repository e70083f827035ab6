"""Fixtures for the accounts tests: councils, people in each role."""

import pytest
from django.test import Client

from shopwindow.accounts.models import Role, User
from shopwindow.authorities.models import Authority
from tests.factories import CouncilMembershipFactory, UserFactory, otp_login


@pytest.fixture
def south_hams(db: None) -> Authority:
    return Authority.objects.get(gss="E07000044")


@pytest.fixture
def member(db: None) -> User:
    return UserFactory.create(email="member@example.org")


@pytest.fixture
def council_member(south_hams: Authority) -> User:
    user = UserFactory.create(email="officer@southhams.gov.uk")
    CouncilMembershipFactory.create(user=user, authority=south_hams)
    return user


@pytest.fixture
def moderator(db: None) -> User:
    return UserFactory.create(email="moderator@shopwindow.example", role=Role.MODERATOR)


def signed_in(user: User) -> Client:
    client = Client()
    otp_login(client, user)
    return client
