"""Moderators and admins need a second factor: set up an authenticator app, enter its codes or a
recovery code, with wrong codes throttled; members are never asked."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from shopwindow.accounts import two_factor
from shopwindow.accounts.models import AuditEvent, RecoveryCode, Role, User
from shopwindow.authorities.models import Authority
from tests.factories import TEST_PASSWORD, UserFactory

SET_UP = "/account/two-factor/set-up/"
VERIFY = "/sign-in/security-code/"


def password_sign_in(user: User) -> Client:
    client = Client()
    response = client.post("/sign-in/", {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def app_for(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def actions_of(user: User) -> list[str]:
    return list(
        AuditEvent.objects.filter(actor=user, action__startswith="auth.two_factor")
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )


def test_a_new_moderator_sets_up_an_app_and_sees_recovery_codes_once(moderator: User) -> None:
    client = password_sign_in(moderator)
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=%2Fmoderation%2F"

    page = client.get(response["Location"]).content.decode()
    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    assert two_factor.base32_secret(device) in page  # the secret as text...
    assert '<svg class="sw-qr-code"' in page  # ...and as a QR code made on the server
    assert "href" not in page.split('<svg class="sw-qr-code"')[1].split("</svg>")[0]

    wrong = client.post(response["Location"], {"code": "000000"})
    assert "The code is not correct" in wrong.content.decode()
    assert client.get("/moderation/").status_code == 302  # still not through

    device.throttle_reset()  # the one wrong code asks for a one-second wait
    done = client.post(response["Location"], {"code": two_factor.current_code(device)})
    assert done["Location"] == "/account/two-factor/recovery-codes/"
    codes_page = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{5}-[a-z2-7]{5})</code></li>", codes_page)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert 'href="/moderation/"' in codes_page  # carries on where they were going
    # Shown once: the page does not show them again, and they are kept only as hashes.
    again = client.get("/account/two-factor/recovery-codes/", follow=True).content.decode()
    assert not any(code in again for code in codes)
    stored = " ".join(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert not any(code.replace("-", "") in stored for code in codes)

    assert client.get("/moderation/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert actions_of(moderator) == ["auth.two_factor_failed", "auth.two_factor_set_up"]


def test_a_moderator_with_an_app_enters_a_code_before_any_moderator_page(moderator: User) -> None:
    device = app_for(moderator)
    client = password_sign_in(moderator)
    response = client.get("/moderation/memberships/")
    assert response["Location"] == f"{VERIFY}?next=%2Fmoderation%2Fmemberships%2F"
    # Not the set-up page either: a second app would need a code from the first.
    assert client.get(SET_UP)["Location"].startswith(VERIFY)

    wrong = client.post(VERIFY, {"code": "123456", "next": "/moderation/memberships/"})
    assert wrong.status_code == 200
    assert "The code is not correct" in wrong.content.decode()
    assert client.get("/moderation/memberships/").status_code == 302

    device.throttle_reset()
    right = client.post(
        VERIFY, {"code": two_factor.current_code(device), "next": "/moderation/memberships/"}
    )
    assert right["Location"] == "/moderation/memberships/"
    assert client.get("/moderation/memberships/").status_code == 200
    assert actions_of(moderator) == ["auth.two_factor_failed", "auth.two_factor_passed"]


def test_a_code_works_once(moderator: User) -> None:
    device = app_for(moderator)
    code = two_factor.current_code(device)
    assert password_sign_in(moderator).post(VERIFY, {"code": code}).status_code == 302
    replay = password_sign_in(moderator).post(VERIFY, {"code": code})
    assert replay.status_code == 200
    assert "The code is not correct" in replay.content.decode()


def test_an_unverified_moderator_changes_nothing(moderator: User, member: User) -> None:
    app_for(moderator)
    south_hams = Authority.objects.get(gss="E07000044")
    client = password_sign_in(moderator)
    response = client.post(
        "/moderation/domains/", {"council": south_hams.pk, "domain": "southhams.gov.uk"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert not south_hams.email_domains.exists()


def test_recovery_codes_work_once_each(moderator: User) -> None:
    app_for(moderator)
    codes = two_factor.new_recovery_codes(user=moderator)
    client = password_sign_in(moderator)
    typed = codes[3].upper().replace("-", " ")  # any case, spaces instead of the hyphen
    assert client.post(VERIFY, {"code": typed, "next": "/moderation/"})["Location"] == (
        "/moderation/"
    )
    assert client.get("/moderation/").status_code == 200
    assert AuditEvent.objects.get(action="auth.recovery_code_used").extra == {"codes_left": 9}

    again = password_sign_in(moderator).post(VERIFY, {"code": codes[3]})
    assert "The code is not correct" in again.content.decode()


def test_wrong_codes_are_throttled(moderator: User) -> None:
    device = app_for(moderator)
    client = password_sign_in(moderator)
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=timezone.now() - timedelta(minutes=5)
        )
    device.refresh_from_db()
    assert device.throttling_failure_count == 5
    client.post(VERIFY, {"code": "000000"})  # the sixth: now wait 32 seconds
    refused = client.post(VERIFY, {"code": two_factor.current_code(device)})
    assert refused.status_code == 200
    assert "wait" in refused.content.decode()
    assert "seconds before trying again" in (refused.content.decode())
    assert client.get("/moderation/").status_code == 302
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(minutes=1)
    )
    assert client.post(VERIFY, {"code": two_factor.current_code(device)}).status_code == 302
    assert client.get("/moderation/").status_code == 200


def test_members_are_never_asked(member: User) -> None:
    client = password_sign_in(member)
    assert client.get("/account/").status_code == 200
    assert client.get(SET_UP)["Location"] == "/account/"
    assert not TOTPDevice.objects.filter(user=member).exists()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MODERATOR])
def test_admins_and_moderators_need_it_for_the_django_admin_too(db: None, role: str) -> None:
    user = UserFactory.create(role=role, is_staff=True, is_superuser=role == Role.ADMIN)
    app_for(user)
    response = password_sign_in(user).get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_new_recovery_codes_replace_the_old(moderator: User) -> None:
    from tests.factories import otp_login

    old = two_factor.new_recovery_codes(user=moderator)
    client = otp_login(Client(), moderator)
    assert "10 left" in client.get("/account/two-factor/").content.decode()
    response = client.post("/account/two-factor/recovery-codes/new/", follow=True)
    new = re.findall(r"<code>([a-z2-7]{5}-[a-z2-7]{5})</code>", response.content.decode())
    assert len(new) == 10
    assert not set(new) & set(old)
    assert RecoveryCode.objects.filter(device__user=moderator).count() == 10


def test_demo_moderator_has_a_published_secret_and_a_code_command(db: None) -> None:
    out = StringIO()
    call_command("load_demo_accounts", stdout=out)
    assert "ONUG64DXNFXGI33XFVSGK3LPFV2G65DQ" in out.getvalue()
    assert "manage.py demo_totp_code" in out.getvalue()
    code = StringIO()
    call_command("demo_totp_code", stdout=code)
    moderator = User.objects.get(email="moderator@demo.shopwindow.example")
    client = Client()
    client.post("/sign-in/", {"username": moderator.email, "password": "demo-moderator-password-1"})
    assert client.post(VERIFY, {"code": code.getvalue().strip()}).status_code == 302
    assert client.get("/moderation/").status_code == 200


def test_no_demo_second_factor_without_demo_content(db: None, settings: object) -> None:
    from django.core.management.base import CommandError

    settings.ALLOW_DEMO_CONTENT = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError):
        call_command("demo_totp_code", stdout=StringIO())
    user = UserFactory.create(role=Role.MODERATOR)
    with pytest.raises(PermissionError):
        two_factor.give_demo_app(email=user.email, key_hex="00" * 20)
