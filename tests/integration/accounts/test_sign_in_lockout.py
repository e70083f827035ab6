"""Sign-in, and the lockout after 5 failures for an account-and-address pair (django-axes)."""

import datetime
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from shopwindow.accounts import audit
from shopwindow.accounts.models import AuditEvent, User
from tests.factories import TEST_PASSWORD


def _sign_in(client: Client, email: str, password: str, ip: str = "203.0.113.5") -> Any:
    return client.post(
        "/sign-in/",
        {"username": email, "password": password},
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT="pytest-browser",
    )


def _signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def test_right_password_signs_in_and_is_audited(member: User) -> None:
    client = Client()
    response = _sign_in(client, member.email, TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert _signed_in_user_id(client) == str(member.pk)
    event = AuditEvent.objects.get(action=audit.SIGN_IN)
    assert event.actor == member
    assert event.ip_address == "203.0.113.5"
    assert event.user_agent == "pytest-browser"


def test_wrong_password_shows_the_error_summary(member: User) -> None:
    response = _sign_in(Client(), member.email, "wrong-password")
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter a correct email address and password" in content
    assert AuditEvent.objects.filter(action=audit.SIGN_IN_FAILED, actor=member).count() == 1


def test_sixth_attempt_is_refused_even_with_the_right_password(member: User) -> None:
    client = Client()
    for attempt in range(5):
        response = _sign_in(client, member.email, f"wrong-password-{attempt}")
        # The fifth failure itself already shows the lockout page.
        assert response.status_code in {200, 429}
    response = _sign_in(client, member.email, TEST_PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "You cannot sign in for 15 minutes" in content
    assert "reset your password" in content
    assert _signed_in_user_id(client) is None
    assert AuditEvent.objects.filter(action=audit.SIGN_IN_FAILED, actor=member).count() == 6
    assert AuditEvent.objects.filter(action=audit.LOCKED_OUT, actor=member).exists()
    assert not AuditEvent.objects.filter(action=audit.SIGN_IN).exists()


def test_lockout_is_per_account_and_address(member: User) -> None:
    for attempt in range(5):
        _sign_in(Client(), member.email, f"wrong-{attempt}", ip="203.0.113.5")
    # The same account from another address, and another account from the same address, work.
    other_address = Client()
    assert (
        _sign_in(other_address, member.email, TEST_PASSWORD, ip="198.51.100.7").status_code == 302
    )
    other = User.objects.create_user(email="other@example.org", password=TEST_PASSWORD)
    same_address = Client()
    assert _sign_in(same_address, other.email, TEST_PASSWORD, ip="203.0.113.5").status_code == 302


def test_lockout_ends_after_15_minutes(member: User) -> None:
    for attempt in range(5):
        _sign_in(Client(), member.email, f"wrong-{attempt}")
    assert _sign_in(Client(), member.email, TEST_PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    client = Client()
    assert _sign_in(client, member.email, TEST_PASSWORD).status_code == 302
    assert _signed_in_user_id(client) == str(member.pk)


def test_email_case_does_not_dodge_the_lockout(member: User) -> None:
    for attempt in range(5):
        _sign_in(Client(), member.email.upper() if attempt % 2 else member.email, f"x{attempt}")
    assert _sign_in(Client(), member.email, TEST_PASSWORD).status_code == 429


@pytest.mark.parametrize("path", ["/sign-in/", "/sign-up/", "/password-reset/"])
def test_forms_need_a_csrf_token(db: None, path: str) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(path, {"username": "a@example.org"}).status_code == 403
