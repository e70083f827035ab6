"""Bearer-token authentication for the API's write endpoints (personal API tokens), and the API's
rate limits (per client address and per token, on the shared limiter in core/ratelimit.py).

A wrong token counts as a failed sign-in from the client's address: an address that has failed
too often (web sign-ins and API tokens together) gets 429 before its token is even looked at.
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from shopwindow.accounts import audit
from shopwindow.accounts.backends import ADDRESS_BUCKET
from shopwindow.api.models import ApiToken, hash_token
from shopwindow.core import ratelimit

TOKEN_BUCKET, API_ADDRESS_BUCKET = "api_token", "api_address"


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
        address = audit.client_ip(request) or ""
        if ratelimit.exceeded(ADDRESS_BUCKET, address):
            raise ratelimit.RateLimited(
                ratelimit.retry_after(ADDRESS_BUCKET), "Too many failed sign-ins from this address"
            )
        token = token.strip()
        user = user_for_token(token)
        if user is None:
            ratelimit.hit(ADDRESS_BUCKET, address)
            return None
        ratelimit.check(TOKEN_BUCKET, f"token:{hash_token(token)}")
        request.user = user
        return user


class AddressThrottle(BaseThrottle):
    """Every API request counts against its client address (ninja runs this after auth)."""

    def allow_request(self, request: HttpRequest) -> bool:
        return ratelimit.hit(API_ADDRESS_BUCKET, audit.client_ip(request) or "")

    def wait(self) -> float | None:
        # Fixed windows end at the same moment for every address.
        return ratelimit.retry_after(API_ADDRESS_BUCKET)


token_auth = ApiTokenAuth()
