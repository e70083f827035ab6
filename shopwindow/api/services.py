"""Creating and revoking personal API tokens."""

from django.db import transaction
from django.utils import timezone

from shopwindow.accounts.models import User
from shopwindow.api.models import ApiToken, hash_token, new_token_value


@transaction.atomic
def create_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the user. The plain token is returned once and never stored."""
    value = new_token_value()
    token = ApiToken.objects.create(
        user=user, name=name.strip(), token_hash=hash_token(value), prefix=value[:8]
    )
    return token, value


@transaction.atomic
def revoke_token(*, user: User, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False if it is not theirs or already revoked."""
    updated = ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return updated == 1
