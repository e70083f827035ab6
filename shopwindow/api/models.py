"""Personal API tokens: a user creates one to write through the API. Only a hash is stored."""

import hashlib
import secrets

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "sw_"  # noqa: S105 - a marker, not a secret


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token_value() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for")
    token_hash = models.CharField(max_length=64, unique=True)
    # The first characters, so that people can tell their tokens apart; not enough to use one.
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def owner_id(self) -> int:
        """For the permission matrix's "own" cells (accounts.permissions.can)."""
        return int(self.user_id)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
