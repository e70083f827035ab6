"""Every accounts page renders for the people who may see it."""

import pytest
from django.test import Client

from shopwindow.accounts.models import User
from tests.integration.accounts.conftest import signed_in


@pytest.mark.parametrize(
    "path",
    [
        "/sign-up/",
        "/sign-in/",
        "/password-reset/",
        "/sign-up/check-your-email/",
        "/password-reset/check-your-email/",
        "/password-reset/complete/",
    ],
)
def test_public_account_pages_render(db: None, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 200
    assert b"govuk-template" in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/account/",
        "/account/password/",
        "/account/councils/join/",
        "/account/delete/",
        "/account/councils/E07000044/",
    ],
)
def test_member_pages_render(council_member: User, path: str) -> None:
    response = signed_in(council_member).get(path)
    assert response.status_code == 200, response.content[:500]
    assert b"Sign out" in response.content


@pytest.mark.parametrize(
    "path",
    ["/moderation/", "/moderation/memberships/", "/moderation/domains/", "/moderation/audit-log/"],
)
def test_moderation_pages_render(moderator: User, path: str) -> None:
    response = signed_in(moderator).get(path)
    assert response.status_code == 200, response.content[:500]
