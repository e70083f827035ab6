"""Download your own data, delete your account, and the moderators' audit log."""

import datetime
import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.utils import timezone

from shopwindow.accounts import audit, services
from shopwindow.accounts.models import AuditEvent, CouncilMembership, Role, User
from shopwindow.accounts.signals import collect_user_data, user_deleting
from shopwindow.authorities.models import Authority
from tests.factories import TEST_PASSWORD, UserFactory
from tests.integration.accounts.conftest import signed_in


def test_download_own_data_as_json(council_member: User) -> None:
    def extra_section(sender: Any, user: User, **kwargs: Any) -> dict[str, Any]:
        return {"innovation_records": [{"id": "demo", "author": user.email}]}

    collect_user_data.connect(extra_section)
    try:
        response = signed_in(council_member).post("/account/my-data/")
    finally:
        collect_user_data.disconnect(extra_section)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == council_member.email
    assert data["council_memberships"][0]["gss"] == "E07000044"
    assert data["innovation_records"][0]["author"] == council_member.email
    assert signed_in(council_member).get("/account/my-data/").status_code == 405


def test_delete_account_keeps_anonymised_records(council_member: User) -> None:
    seen: list[int] = []

    def null_authorship(sender: Any, user: User, **kwargs: Any) -> None:
        seen.append(user.pk)

    user_deleting.connect(null_authorship)
    client = signed_in(council_member)
    try:
        wrong = client.post("/account/delete/", {"password": "not-it"})
        assert "The password is not correct" in wrong.content.decode()
        assert User.objects.filter(pk=council_member.pk).exists()
        response = client.post("/account/delete/", {"password": TEST_PASSWORD})
    finally:
        user_deleting.disconnect(null_authorship)
    assert response.status_code == 200
    assert b"Your account has been deleted" in response.content
    assert seen == [council_member.pk]
    assert not User.objects.filter(pk=council_member.pk).exists()
    membership = CouncilMembership.objects.get(authority__gss="E07000044")
    assert membership.user is None
    assert not AuditEvent.objects.filter(actor_email=council_member.email).exists()
    assert not AuditEvent.objects.filter(object_description__contains=council_member.email).exists()
    assert AuditEvent.objects.filter(action=audit.ACCOUNT_DELETED).exists()
    assert "_auth_user_id" not in client.session


def test_audit_log_is_filtered_and_paginated(moderator: User, member: User) -> None:
    for n in range(55):
        services.record_event(actor=member, action="test.bulk", target=("thing", n))
    services.record_event(actor=moderator, action=audit.ROLE_CHANGED, target=member)
    client = signed_in(moderator)
    page1 = client.get("/moderation/audit-log/", {"action": "test.bulk"}).content.decode()
    assert "55 events" in page1
    assert 'rel="next"' in page1
    page2 = client.get(
        "/moderation/audit-log/", {"action": "test.bulk", "page": "2"}
    ).content.decode()
    assert page2.count("(test.bulk)") == 5
    by_actor = client.get("/moderation/audit-log/", {"actor": "moderator@"}).content.decode()
    assert "2 events" in by_actor  # signing in, and the role change
    assert "Role changed" in by_actor
    assert "(test.bulk)" not in by_actor
    today = timezone.localdate()
    in_range = client.get(
        "/moderation/audit-log/", {**_date("date_from", today), **_date("date_to", today)}
    )
    assert "57 events" in in_range.content.decode()
    before = client.get("/moderation/audit-log/", _date("date_to", datetime.date(2020, 1, 1)))
    assert "No events match the filters" in before.content.decode()
    bad = client.get(
        "/moderation/audit-log/",
        {"date_from-day": "31", "date_from-month": "2", "date_from-year": "2026"},
    ).content.decode()
    assert "From date must be a real date, like 27 3 2027" in bad
    backwards = client.get(
        "/moderation/audit-log/",
        {
            **_date("date_from", datetime.date(2026, 2, 1)),
            **_date("date_to", datetime.date(2026, 1, 1)),
        },
    ).content.decode()
    assert "The to date must be the same as or after the from date" in backwards


def _date(name: str, day: datetime.date) -> dict[str, str]:
    """A date as the GOV.UK date input posts it."""
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def test_non_moderators_cannot_read_the_audit_log(council_member: User) -> None:
    assert signed_in(council_member).get("/moderation/audit-log/").status_code == 403


def test_record_event_captures_who_what_where(rf: Any, member: User) -> None:
    request = rf.get("/", REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Agent/1.0")
    event = services.record_event(
        actor=member,
        action="innovation.published",
        target=("innovation", "abc", "A record"),
        origin=audit.origin(request),
        extra={"reason": "checked"},
    )
    assert (event.actor_email, event.object_type, event.object_id) == (
        member.email,
        "innovation",
        "abc",
    )
    assert (event.ip_address, event.user_agent, event.extra) == (
        "192.0.2.10",
        "Agent/1.0",
        {"reason": "checked"},
    )


def _create_user(*args: str, stdin: str = "a-long-operator-password\n") -> str:
    out = io.StringIO()
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command("create_user", *args, stdout=out)
    finally:
        sys.stdin = old
    return out.getvalue()


def test_create_user_is_idempotent(db: None) -> None:
    first = _create_user(
        "--email",
        "Officer@SouthHams.gov.uk",
        "--password-stdin",
        "--council",
        "E07000044",
        "--name",
        "Olive Officer",
    )
    assert "Created user officer@southhams.gov.uk" in first
    assert "Approved officer@southhams.gov.uk as a member of South Hams" in first
    again = _create_user(
        "--email",
        "officer@southhams.gov.uk",
        "--password-stdin",
        "--council",
        "E07000044",
        "--name",
        "Olive Officer",
    )
    assert "nothing to do" in again
    user = User.objects.get()
    assert user.check_password("a-long-operator-password")
    assert user.email_confirmed_at is not None
    promoted = _create_user("--email", user.email, "--password-stdin", "--role", "moderator")
    assert "Set the role of officer@southhams.gov.uk to moderator" in promoted
    assert User.objects.get().role == Role.MODERATOR
    assert AuditEvent.objects.filter(action=audit.ROLE_CHANGED).exists()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--council", "X99999999"], "a-long-operator-password\n", "no council has the GSS code"),
        ([], "\n", "no password on standard input"),
        ([], "short\n", "password: "),
    ],
)
def test_create_user_refuses_bad_input(db: None, args: list[str], stdin: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        _create_user("--email", "a@example.org", "--password-stdin", *args, stdin=stdin)
    assert not User.objects.exists()


def test_demo_accounts_only_where_allowed(db: None) -> None:
    out = io.StringIO()
    with override_settings(ALLOW_DEMO_CONTENT=False):
        call_command("load_demo_accounts", stdout=out)
    assert "none created" in out.getvalue()
    assert not User.objects.exists()
    out = io.StringIO()
    with override_settings(ALLOW_DEMO_CONTENT=True):
        call_command("load_demo_accounts", stdout=out)
        call_command("load_demo_accounts", stdout=io.StringIO())
    printed = out.getvalue()
    assert "DEMO ACCOUNTS" in printed
    assert "password:" in printed
    assert User.objects.count() == 3
    south_hams = Authority.objects.get(gss="E07000044")
    member = User.objects.get(email="member@southhams.demo.shopwindow.example")
    assert member.memberships.get().authority == south_hams
    assert User.objects.get(email="moderator@demo.shopwindow.example").role == Role.MODERATOR
    client = Client()
    response = client.post(
        "/sign-in/", {"username": member.email, "password": "demo-member-password-1"}
    )
    assert response.status_code == 302


def test_admin_role_change_is_audited(db: None) -> None:
    admin_user = UserFactory.create(role=Role.ADMIN, is_staff=True, is_superuser=True)
    target = UserFactory.create()
    client = signed_in(admin_user)
    response = client.post(
        f"/admin/accounts/user/{target.pk}/change/",
        {
            "email": target.email,
            "full_name": target.full_name,
            "role": "moderator",
            "is_active": "on",
            "email_confirmed_at_0": "",
            "email_confirmed_at_1": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    target.refresh_from_db()
    assert target.role == Role.MODERATOR
    event = AuditEvent.objects.get(action=audit.ROLE_CHANGED)
    assert event.actor == admin_user
    assert event.extra == {"from": "member", "to": "moderator"}
