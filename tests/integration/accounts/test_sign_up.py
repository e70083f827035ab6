"""Sign up, the emailed confirmation link, password reset and the rate limits on emails."""

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client, override_settings

from shopwindow.accounts import audit, tokens
from shopwindow.accounts.models import AuditEvent, User
from tests.factories import TEST_PASSWORD

GOOD = {
    "full_name": "Jo Bloggs",
    "email": "Jo.Bloggs@SouthHams.gov.uk",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
}


def _link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://\S+", str(message.body))
    assert match, message.body
    return match.group(0).replace("http://testserver", "")


def test_sign_up_sends_a_confirmation_link_that_confirms(db: None, after_commit: Any) -> None:
    client = Client()
    with after_commit():
        response = client.post("/sign-up/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/sign-up/check-your-email/"
    user = User.objects.get(email="jo.bloggs@southhams.gov.uk")
    assert user.email_confirmed_at is None
    assert user.password.startswith("md5$")  # hashed (Argon2 outside the tests)
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0])
    assert link.startswith("/confirm-email/")
    page = client.get(link)
    assert page.status_code == 200
    assert b"Confirm email address" in page.content
    assert client.post(link).status_code == 302
    user.refresh_from_db()
    assert user.email_confirmed_at is not None
    assert AuditEvent.objects.filter(action=audit.EMAIL_CONFIRMED, actor=user).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter an email address in the correct format"),
        ({"full_name": ""}, "full_name", "Enter your full name"),
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password1": "password123", "password2": "password123"}, "password1", "too common"),
        ({"password2": "something-else-entirely"}, "password2", "The passwords do not match"),
    ],
)
def test_sign_up_errors_are_shown_in_the_summary(
    db: None, changes: dict[str, str], field: str, message: str
) -> None:
    response = Client().post("/sign-up/", {**GOOD, **changes})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert message in content
    assert f'href="#id_{field}"' in content
    assert not User.objects.exists()


def test_sign_up_with_a_taken_email_reveals_nothing(member: User, after_commit: Any) -> None:
    with after_commit():
        response = Client().post("/sign-up/", {**GOOD, "email": member.email})
    assert response["Location"] == "/sign-up/check-your-email/"
    assert User.objects.count() == 1
    assert "already has one" in mail.outbox[0].body


@pytest.mark.parametrize("token_change", ["tamper", "expire"])
def test_a_bad_or_expired_link_is_refused_clearly(member: User, token_change: str) -> None:
    member.email_confirmed_at = None
    member.save()
    token = tokens.make_confirmation_token(member)
    if token_change == "tamper":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        response = Client().get(f"/confirm-email/{token}/")
        assert b"The link does not work" in response.content
    else:
        with override_settings(ACCOUNTS_CONFIRMATION_MAX_AGE=-1):
            response = Client().get(f"/confirm-email/{token}/")
        assert b"The link has expired" in response.content
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.email_confirmed_at is None


def test_sign_ups_are_rate_limited_per_address(db: None) -> None:
    client = Client()
    for n in range(5):
        response = client.post("/sign-up/", {**GOOD, "email": f"person{n}@example.org"})
        assert response.status_code == 302
    response = client.post("/sign-up/", {**GOOD, "email": "person6@example.org"})
    assert response.status_code == 429
    assert b"Try again later" in response.content
    assert User.objects.count() == 5


def test_confirmation_emails_are_rate_limited(member: User, after_commit: Any) -> None:
    member.email_confirmed_at = None
    member.save()
    client = Client()
    client.force_login(member)
    with after_commit():
        for _ in range(3):
            assert client.post("/account/confirm-email/send/").status_code == 302
        assert client.post("/account/confirm-email/send/").status_code == 429
    assert len(mail.outbox) == 3


def test_password_reset_by_email(member: User, after_commit: Any) -> None:
    client = Client()
    with after_commit():
        response = client.post("/password-reset/", {"email": member.email})
    assert response["Location"] == "/password-reset/check-your-email/"
    link = _link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    assert b"Set a new password" in form_page.content
    new = "another-long-passphrase-2026"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done["Location"] == "/password-reset/complete/"
    member.refresh_from_db()
    assert member.check_password(new)
    assert AuditEvent.objects.filter(action=audit.PASSWORD_CHANGED, actor=member).exists()


def test_password_resets_are_rate_limited(member: User, after_commit: Any) -> None:
    client = Client()
    with after_commit():
        for _ in range(5):
            assert client.post("/password-reset/", {"email": member.email}).status_code == 302
        assert client.post("/password-reset/", {"email": member.email}).status_code == 429
    assert len(mail.outbox) == 5


def test_change_password(member: User) -> None:
    client = Client()
    client.force_login(member)
    bad = client.post("/account/password/", {"old_password": "nope"})
    assert b"There is a problem" in bad.content
    new = "a-brand-new-passphrase"
    response = client.post(
        "/account/password/",
        {"old_password": TEST_PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == "/account/"
    member.refresh_from_db()
    assert member.check_password(new)


def test_sign_out_is_a_post(member: User) -> None:
    client = Client()
    client.force_login(member)
    assert client.get("/sign-out/").status_code == 405
    assert client.post("/sign-out/")["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=audit.SIGN_OUT, actor=member).exists()
