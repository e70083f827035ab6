"""Asking to join councils, automatic approval by email domain, and the moderators' decisions."""

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from shopwindow.accounts import audit, permissions, services
from shopwindow.accounts.models import (
    AuditEvent,
    CouncilEmailDomain,
    CouncilMembership,
    MembershipStatus,
    User,
)
from shopwindow.authorities.models import Authority
from tests.factories import UserFactory
from tests.integration.accounts.conftest import signed_in


def test_a_request_waits_for_a_moderator_who_approves_it(
    member: User,
    moderator: User,
    south_hams: Authority,
    django_capture_on_commit_callbacks: Any,
) -> None:
    response = signed_in(member).post("/account/councils/join/", {"council": south_hams.pk})
    assert response["Location"] == "/account/"
    membership = CouncilMembership.objects.get(user=member)
    assert membership.status == MembershipStatus.REQUESTED
    assert not permissions.is_council_member(member, south_hams)

    mod = signed_in(moderator)
    queue = mod.get("/moderation/memberships/").content.decode()
    assert member.email in queue
    assert "South Hams" in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = mod.post(f"/moderation/memberships/{membership.pk}/", {"decision": "approve"})
    assert response["Location"] == "/moderation/memberships/"
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED
    assert membership.decided_by == moderator
    assert permissions.is_council_member(User.objects.get(pk=member.pk), south_hams)
    assert "has been approved" in mail.outbox[-1].body
    event = AuditEvent.objects.get(action=audit.MEMBERSHIP_APPROVED)
    assert event.actor == moderator
    assert event.extra["council"] == "E07000044"
    dashboard = signed_in(member).get("/account/councils/E07000044/")
    assert dashboard.status_code == 200


def test_refusing_needs_a_reason_which_the_member_sees(
    member: User, moderator: User, south_hams: Authority
) -> None:
    [membership] = services.request_memberships(user=member, authorities=[south_hams])
    mod = signed_in(moderator)
    response = mod.post(f"/moderation/memberships/{membership.pk}/", {"decision": "refuse"})
    assert response.status_code == 200
    assert "Enter the reason for refusing the request" in response.content.decode()
    mod.post(
        f"/moderation/memberships/{membership.pk}/",
        {"decision": "refuse", "reason": "Not a council email address"},
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REFUSED
    assert "Not a council email address" in signed_in(member).get("/account/").content.decode()
    event = AuditEvent.objects.get(action=audit.MEMBERSHIP_REFUSED)
    assert event.extra["reason"] == "Not a council email address"


def test_allowlisted_domain_joins_at_once(moderator: User, south_hams: Authority) -> None:
    services.add_email_domain(authority=south_hams, domain="SouthHams.gov.uk", moderator=moderator)
    user = UserFactory.create(email="clerk@southhams.gov.uk")
    [membership] = services.request_memberships(user=user, authorities=[south_hams])
    assert membership.status == MembershipStatus.APPROVED
    assert membership.auto_approved
    assert AuditEvent.objects.filter(action=audit.MEMBERSHIP_AUTO_APPROVED).exists()


def test_unconfirmed_email_is_not_trusted_until_confirmed(
    moderator: User, south_hams: Authority
) -> None:
    CouncilEmailDomain.objects.create(authority=south_hams, domain="southhams.gov.uk")
    user = UserFactory.create(email="new@southhams.gov.uk", email_confirmed_at=None)
    [membership] = services.request_memberships(user=user, authorities=[south_hams])
    assert membership.status == MembershipStatus.REQUESTED
    services.confirm_email(user=user)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED


def test_unconfirmed_users_are_asked_to_confirm_before_joining(db: None) -> None:
    user = UserFactory.create(email_confirmed_at=None)
    response = signed_in(user).get("/account/councils/join/")
    assert b"Confirm your email address first" in response.content


def test_a_user_can_join_several_councils(member: User, south_hams: Authority) -> None:
    west_devon = Authority.objects.get(gss="E07000047")
    client = signed_in(member)
    client.post("/account/councils/join/", {"council": south_hams.pk})
    client.post("/account/councils/join/", {"council": west_devon.pk})
    assert set(
        CouncilMembership.objects.filter(user=member).values_list("authority__gss", flat=True)
    ) == {"E07000044", "E07000047"}


def test_former_councils_cannot_take_new_members(member: User) -> None:
    former = Authority.objects.filter(is_current=False).first()
    assert former is not None, "the reference data has former councils"
    response = signed_in(member).post("/account/councils/join/", {"council": former.pk})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "no longer exists and cannot take new members" in content
    assert not CouncilMembership.objects.exists()
    with pytest.raises(ValidationError):
        services.request_memberships(user=member, authorities=[former])


def test_non_moderators_cannot_decide(
    member: User, council_member: User, south_hams: Authority
) -> None:
    [membership] = services.request_memberships(user=member, authorities=[south_hams])
    response = signed_in(council_member).post(
        f"/moderation/memberships/{membership.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED


def test_council_dashboard_is_for_its_members(member: User, council_member: User) -> None:
    assert signed_in(member).get("/account/councils/E07000044/").status_code == 403
    page = signed_in(council_member).get("/account/councils/E07000044/")
    assert page.status_code == 200
    assert council_member.email in page.content.decode()


def test_leaving_a_council(council_member: User, south_hams: Authority) -> None:
    membership = CouncilMembership.objects.get(user=council_member)
    client = signed_in(council_member)
    assert client.get(f"/account/councils/{membership.pk}/leave/").status_code == 200
    client.post(f"/account/councils/{membership.pk}/leave/")
    assert not CouncilMembership.objects.filter(user=council_member).exists()
    assert AuditEvent.objects.filter(action=audit.MEMBERSHIP_LEFT).exists()


def test_moderators_keep_the_domain_allowlist(moderator: User, south_hams: Authority) -> None:
    client = signed_in(moderator)
    bad = client.post("/moderation/domains/", {"council": south_hams.pk, "domain": "not a domain"})
    assert "Enter a domain in the correct format" in bad.content.decode()
    client.post("/moderation/domains/", {"council": south_hams.pk, "domain": "@southhams.gov.uk"})
    entry = CouncilEmailDomain.objects.get()
    assert entry.domain == "southhams.gov.uk"
    client.post(f"/moderation/domains/{entry.pk}/remove/")
    assert not CouncilEmailDomain.objects.exists()
    assert list(
        AuditEvent.objects.filter(action__startswith="domain.").values_list("action", flat=True)
    ) == [audit.DOMAIN_REMOVED, audit.DOMAIN_ADDED]
