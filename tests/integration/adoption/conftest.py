"""Fixtures for adoption tests: a record with guidance steps and a contact, and people."""

from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import Role, User
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from tests.factories import CouncilMembershipFactory, UserFactory, create_innovation, otp_login

SOUTH_HAMS = "E07000044"
CORNWALL = "E06000052"


@pytest.fixture
def record(db: None) -> Innovation:
    return create_innovation(
        lead_authorities=["E07000045"],  # Teignbridge leads
        partner_authorities=["E10000008"],  # Devon County Council partners
        started_on="2019-04",
        guidance={
            "steps": [
                {"title": "Make the case", "detail": "Write a business case.", "duration_weeks": 2},
                {"title": "Agree the governance", "duration_weeks": 4},
                {"title": "Go live"},
            ]
        },
        contact={"name": "Rita Lead", "role": "Head of waste", "email": "rita@teignbridge.gov.uk"},
    )


def member_of(gss: str, **kwargs: Any) -> User:
    user = UserFactory.create(**kwargs)
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss=gss))
    return user


@pytest.fixture
def member(db: None) -> User:
    return member_of(SOUTH_HAMS, full_name="Sam Member")


@pytest.fixture
def outsider(db: None) -> User:
    return member_of(CORNWALL)


@pytest.fixture
def moderator(db: None) -> User:
    return UserFactory.create(role=Role.MODERATOR)


def client_for(user: User) -> Client:
    client = Client()
    otp_login(client, user)
    return client


def date_post(prefix: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{prefix}-day": str(day), f"{prefix}-month": str(month), f"{prefix}-year": str(year)}
