"""Every write about people: accounts, council memberships, roles, the allowlist and the audit log.

Other apps record their own security events and moderation decisions with `record_event`.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from shopwindow.accounts import audit, emails, permissions
from shopwindow.accounts.audit import Origin
from shopwindow.accounts.models import (
    AuditEvent,
    CouncilEmailDomain,
    CouncilMembership,
    MembershipStatus,
    RemovedEmailDomain,
    Role,
    User,
)
from shopwindow.accounts.signals import user_deleting
from shopwindow.authorities.models import Authority


def record_event(
    *,
    actor: Any = None,
    action: str,
    target: Any = None,
    origin: Origin | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit log and return it.

    actor: the User who acted (None or an anonymous user for the system or a visitor).
    action: a short dotted name, "<area>.<verb>", e.g. "innovation.published".
    target: the object acted on: a model instance, a (type, id[, description]) tuple, or None.
    origin: the client's address and browser, `audit.origin(request)` (None from commands, tasks).
    extra: any JSON-serialisable details, e.g. {"reason": "..."} or {"from": "a", "to": "b"}.
    """
    signed_in = actor is not None and getattr(actor, "is_authenticated", False) and actor.pk
    object_type, object_id, description = audit.describe(target)
    return AuditEvent.objects.create(
        actor=actor if signed_in else None,
        actor_email=actor.email if signed_in else "",
        action=action[:60],
        object_type=object_type,
        object_id=object_id,
        object_description=description,
        ip_address=origin.ip_address if origin else None,
        user_agent=origin.user_agent if origin else "",
        extra=extra or {},
    )


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def normalise_domain(domain: str) -> str:
    domain = domain.strip().lower().lstrip("@")
    if domain.startswith("www."):
        domain = domain[4:]
    return domain


# Accounts ---------------------------------------------------------------------------------------


@transaction.atomic
def sign_up(
    *, email: str, password: str, full_name: str = "", origin: Origin | None = None
) -> User | None:
    """Create an unconfirmed account. Returns None when the email already has an account:
    the caller shows the same page either way, so sign-up does not reveal who has an account."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email=email).exists():
        return None
    user = User.objects.create_user(email=email, password=password, full_name=full_name.strip())
    record_event(actor=user, action=audit.SIGN_UP, target=user, origin=origin)
    return user


@transaction.atomic
def confirm_email(*, user: User, origin: Origin | None = None) -> list[CouncilMembership]:
    """Mark the email confirmed and approve any waiting requests its domain qualifies for."""
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
        record_event(actor=user, action=audit.EMAIL_CONFIRMED, target=user, origin=origin)
    approved = []
    for membership in CouncilMembership.objects.filter(
        user=user, status=MembershipStatus.REQUESTED
    ).select_related("authority"):
        if _domain_allowed(user, membership.authority):
            _auto_approve(membership, origin)
            approved.append(membership)
    permissions.forget_cached_councils(user)
    return approved


@transaction.atomic
def change_role(
    *, user: User, role: str, actor: User | None = None, origin: Origin | None = None
) -> bool:
    """Set a user's role; returns whether it changed. Admins keep staff access to /admin/."""
    if role not in Role.values:
        raise ValidationError({"role": f"Choose one of: {', '.join(Role.values)}"})
    old = user.role
    if old == role:
        return False
    user.role = role
    user.is_staff = role == Role.ADMIN or user.is_superuser
    user.save(update_fields=["role", "is_staff"])
    record_event(
        actor=actor,
        action=audit.ROLE_CHANGED,
        target=user,
        origin=origin,
        extra={"from": old, "to": role},
    )
    return True


@transaction.atomic
def delete_account(*, user: User, origin: Origin | None = None) -> None:
    """Delete the account. Memberships and audit events stay, anonymised; other apps null out
    authorship through the `user_deleting` signal, so council content stays."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    user_id, email = user.pk, user.email
    user_deleting.send(sender=User, user=user)
    AuditEvent.objects.filter(actor=user).update(actor=None, actor_email="")
    AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user_id)).update(
        object_description="Deleted user"
    )
    CouncilMembership.objects.filter(user=user).update(user=None)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=email).delete()
    user.delete()
    record_event(
        actor=None,
        action=audit.ACCOUNT_DELETED,
        target=("accounts.user", user_id, "Deleted user"),
        origin=origin,
    )


# Council membership -----------------------------------------------------------------------------


def _domain_allowed(user: User, authority: Authority) -> bool:
    if user.email_confirmed_at is None:
        return False
    return CouncilEmailDomain.objects.filter(
        authority=authority, domain=email_domain(user.email)
    ).exists()


def _auto_approve(membership: CouncilMembership, origin: Origin | None) -> None:
    membership.status = MembershipStatus.APPROVED
    membership.auto_approved = True
    membership.reason = ""
    membership.decided_by = None
    membership.decided_at = timezone.now()
    membership.save()
    assert membership.user is not None
    record_event(
        actor=membership.user,
        action=audit.MEMBERSHIP_AUTO_APPROVED,
        target=membership,
        origin=origin,
        extra={"council": membership.authority.gss, "domain": email_domain(membership.user.email)},
    )


@transaction.atomic
def request_memberships(
    *, user: User, authorities: Iterable[Authority], origin: Origin | None = None
) -> list[CouncilMembership]:
    """Ask to join councils. Approved at once where the confirmed email domain is allowlisted.

    Raises ValidationError naming any former council (they cannot take new members); nothing is
    saved then. Councils the user already belongs to, or is waiting for, are left as they are.
    """
    authorities = list(authorities)
    former = [a.name for a in authorities if not a.is_current]
    if former:
        raise ValidationError(
            {"councils": f"{', '.join(former)} no longer exists and cannot take new members"}
        )
    changed = []
    for authority in authorities:
        membership, created = CouncilMembership.objects.get_or_create(
            user=user, authority=authority
        )
        if not created and membership.status != MembershipStatus.REFUSED:
            continue
        membership.status = MembershipStatus.REQUESTED
        membership.reason = ""
        membership.decided_by = None
        membership.decided_at = None
        membership.save()
        record_event(
            actor=user,
            action=audit.MEMBERSHIP_REQUESTED,
            target=membership,
            origin=origin,
            extra={"council": authority.gss},
        )
        if _domain_allowed(user, authority):
            _auto_approve(membership, origin)
        changed.append(membership)
    permissions.forget_cached_councils(user)
    return changed


@transaction.atomic
def decide_membership(
    *,
    membership: CouncilMembership,
    moderator: User,
    approve: bool,
    reason: str = "",
    origin: Origin | None = None,
    account_link: str = "",
) -> CouncilMembership:
    """A moderator approves or refuses a request (a refusal needs a reason). Emails the user."""
    if not permissions.can(moderator, "publish", "council_membership", membership):
        raise PermissionError("Only moderators decide council memberships")
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Enter the reason for refusing the request"})
    if approve and not membership.authority.is_current:
        raise ValidationError(
            {"decision": f"{membership.authority.name} no longer exists: refuse the request"}
        )
    membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.REFUSED
    membership.reason = "" if approve else reason
    membership.auto_approved = False
    membership.decided_by = moderator
    membership.decided_at = timezone.now()
    membership.save()
    record_event(
        actor=moderator,
        action=audit.MEMBERSHIP_APPROVED if approve else audit.MEMBERSHIP_REFUSED,
        target=membership,
        origin=origin,
        extra={
            "council": membership.authority.gss,
            "member": membership.user.email if membership.user else "",
            "reason": membership.reason,
        },
    )
    if account_link:
        emails.send_membership_decision(membership, account_link)
    return membership


@transaction.atomic
def leave_council(
    *, membership: CouncilMembership, user: User, origin: Origin | None = None
) -> None:
    """The member withdraws a request or leaves a council."""
    if not permissions.can(user, "delete", "council_membership", membership):
        raise PermissionError("You cannot remove this membership")
    record_event(
        actor=user,
        action=audit.MEMBERSHIP_LEFT,
        target=membership,
        origin=origin,
        extra={"council": membership.authority.gss, "status": membership.status},
    )
    membership.delete()
    permissions.forget_cached_councils(user)


@transaction.atomic
def add_email_domain(
    *, authority: Authority, domain: str, moderator: User, origin: Origin | None = None
) -> CouncilEmailDomain:
    if not permissions.can(moderator, "create", "domain_allowlist"):
        raise PermissionError("Only moderators keep the allowlist")
    domain = normalise_domain(domain)
    entry, created = CouncilEmailDomain.objects.get_or_create(
        authority=authority, domain=domain, defaults={"added_by": moderator}
    )
    # A moderator adding it back overrides an earlier removal.
    RemovedEmailDomain.objects.filter(authority=authority, domain=domain).delete()
    if created:
        record_event(
            actor=moderator,
            action=audit.DOMAIN_ADDED,
            target=entry,
            origin=origin,
            extra={"council": authority.gss, "domain": domain},
        )
    return entry


@transaction.atomic
def remove_email_domain(
    *, entry: CouncilEmailDomain, moderator: User, origin: Origin | None = None
) -> None:
    if not permissions.can(moderator, "delete", "domain_allowlist"):
        raise PermissionError("Only moderators keep the allowlist")
    record_event(
        actor=moderator,
        action=audit.DOMAIN_REMOVED,
        target=entry,
        origin=origin,
        extra={"council": entry.authority.gss, "domain": entry.domain},
    )
    # Remembered, so that seeding from the domain register does not put it back.
    RemovedEmailDomain.objects.update_or_create(
        authority=entry.authority, domain=entry.domain, defaults={"removed_by": moderator}
    )
    entry.delete()


# Operators --------------------------------------------------------------------------------------


@transaction.atomic
def ensure_user(
    *,
    email: str,
    password: str,
    full_name: str = "",
    role: str = Role.MEMBER,
    council: Authority | None = None,
) -> list[str]:
    """Create or update an account for an operator, confirmed, with an approved membership.

    Idempotent: running it twice changes nothing the second time. Returns what it did.
    """
    done: list[str] = []
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password, full_name=full_name)
        done.append(f"Created user {email}")
    else:
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            done.append(f"Set a new password for {email}")
        if full_name and user.full_name != full_name:
            user.full_name = full_name
            user.save(update_fields=["full_name"])
            done.append(f"Set the name of {email} to {full_name}")
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
        done.append(f"Confirmed {email}")
    if change_role(user=user, role=role):
        done.append(f"Set the role of {email} to {role}")
    if council is not None:
        if not council.is_current:
            raise ValidationError(f"{council.name} no longer exists and cannot take new members")
        membership, created = CouncilMembership.objects.get_or_create(user=user, authority=council)
        if created or membership.status != MembershipStatus.APPROVED:
            membership.status = MembershipStatus.APPROVED
            membership.reason = ""
            membership.decided_at = timezone.now()
            membership.save()
            record_event(
                action=audit.MEMBERSHIP_APPROVED,
                target=membership,
                extra={"council": council.gss, "member": email, "by": "create_user command"},
            )
            done.append(f"Approved {email} as a member of {council.name} ({council.gss})")
    if not done:
        done.append(f"{email} already exists as asked: nothing to do")
    return done
