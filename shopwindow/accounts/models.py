"""Users sign in with their email address; a role says what they may do across the service."""

import hashlib
import hmac
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    MODERATOR = "moderator", "Moderator"
    ADMIN = "admin", "Administrator"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", Role.ADMIN)
        return self._create_user(email, password, **extra)


class User(AbstractUser):  # type: ignore[django-manager-missing]  # django-otp is untyped
    """A person with an account. The email address is the sign-in name."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name or self.email

    @property
    def is_moderator(self) -> bool:
        return self.is_superuser or self.role in {Role.MODERATOR, Role.ADMIN}


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class CouncilMembership(models.Model):
    """A user's request to act for a council, and the decision on it.

    The user is nulled when an account is deleted, so the record of the decision stays.
    """

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(
        max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.REQUESTED
    )
    reason = models.TextField(blank=True, help_text="Why it was refused (shown to the user)")
    auto_approved = models.BooleanField(
        default=False, help_text="Approved because the confirmed email domain is on the allowlist"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "authority"], name="one_membership_per_council")
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        who = self.user.email if self.user else "deleted user"
        return f"{who} at {self.authority.name} ({self.status})"

    # The permission matrix reads these two attributes from any object (see docs/permissions.md).
    @property
    def owner_id(self) -> int | None:
        return self.user_id

    @property
    def council_ids(self) -> set[int]:
        return {self.authority_id}


class DomainSource(models.TextChoices):
    MODERATOR = "moderator", "Moderator"
    REGISTER = "register", "GDS domain register (2018)"


class CouncilEmailDomain(models.Model):
    """An email domain whose confirmed addresses join a council without waiting for a moderator."""

    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="email_domains"
    )
    domain = models.CharField(max_length=253, help_text="For example southhams.gov.uk")
    added_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    # Where the entry came from: a moderator, or seeded from the government domain register.
    source = models.CharField(
        max_length=20, choices=DomainSource.choices, default=DomainSource.MODERATOR
    )

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "domain"], name="one_domain_per_council")
        ]

    def __str__(self) -> str:
        return f"{self.domain} ({self.authority.name})"


class RemovedEmailDomain(models.Model):
    """A domain a moderator took off a council's allowlist: seeding never adds it back."""

    authority = models.ForeignKey(
        "authorities.Authority", on_delete=models.CASCADE, related_name="+"
    )
    domain = models.CharField(max_length=253)
    removed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "domain"], name="one_removal_per_council_domain"
            )
        ]

    def __str__(self) -> str:
        return f"{self.domain} (removed from {self.authority.name})"


class AuditEvent(models.Model):
    """One security event or moderation decision: who did what to which object, when, from where.

    Append-only. Deleting an account keeps its events with the actor nulled and the email removed.
    """

    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    actor_email = models.CharField(
        max_length=254, blank=True, help_text="As it was at the time (removed on account deletion)"
    )
    action = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_description = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_email or 'system'} {self.action}"


def normalise_recovery_code(code: str) -> str:
    """Recovery codes are typed in any case, with or without spaces and hyphens."""
    return "".join(ch for ch in code.lower() if ch.isalnum())


def _recovery_code_hash(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{normalise_recovery_code(code)}".encode()).hexdigest()


class RecoveryCodeDevice(ThrottlingMixin, Device):  # type: ignore[misc]  # django-otp: untyped
    """A moderator's or admin's one-use recovery codes: a django-otp device, like their TOTP app.

    django-otp's own static plugin keeps the codes in plain text; these are stored only as salted
    SHA-256 hashes (OWASP ASVS 2.6.2), so a copy of the database does not give them away. Wrong
    codes are throttled like wrong TOTP codes: each one doubles the wait before the next try.
    """

    user: "models.ForeignKey[User, User]" = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recovery_code_devices",
        help_text="The user that this device belongs to.",
    )

    def get_throttle_factor(self) -> int:
        return int(getattr(settings, "ACCOUNTS_RECOVERY_CODE_THROTTLE_FACTOR", 1))

    def verify_token(self, token: str) -> bool:
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        for code in self.codes.filter(used_at__isnull=True):
            if code.matches(token):
                code.used_at = timezone.now()
                code.save(update_fields=["used_at"])
                self.throttle_reset()
                return True
        self.throttle_increment()
        return False

    def codes_left(self) -> int:
        return int(self.codes.filter(used_at__isnull=True).count())


class RecoveryCode(models.Model):
    """One recovery code, kept as a salted hash; used_at is set when it is spent."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Recovery code {self.pk} ({'used' if self.used_at else 'unused'})"

    @classmethod
    def for_code(cls, device: RecoveryCodeDevice, code: str) -> "RecoveryCode":
        salt = secrets.token_hex(8)
        return cls(device=device, salt=salt, code_hash=_recovery_code_hash(salt, code))

    def matches(self, code: str) -> bool:
        return hmac.compare_digest(self.code_hash, _recovery_code_hash(self.salt, code))
