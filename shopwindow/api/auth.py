"""Bearer-token authentication for the API's write endpoints (personal API tokens)."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from shopwindow.api.models import ApiToken, hash_token


def user_for_token(token: str) -> Any | None:
    """The active user a live token belongs to, or None. Records when it was last used."""
    found = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; a missing, wrong or revoked token is a 401."""

    openapi_description = "A personal API token, created at /account/api-tokens/"

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_token(token.strip())
        if user is not None:
            request.user = user
        return user


token_auth = ApiTokenAuth()
