"""Creating and revoking personal API tokens, and writing records through the API (audited)."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from shopwindow.accounts import audit
from shopwindow.accounts.models import User
from shopwindow.accounts.services import record_event
from shopwindow.api.models import ApiToken, hash_token, new_token_value
from shopwindow.authorities.models import Authority
from shopwindow.innovations.services.records import SaveResult, save_record
from shopwindow.innovations.vocabularies import Source

# Audit log actions (shopwindow.accounts.audit) for records written with an API token.
RECORD_CREATED = "api.record_created"
RECORD_UPDATED = "api.record_updated"
CHANGE_PROPOSED = "api.record_change_proposed"


def _audit_details(token: ApiToken) -> dict[str, str]:
    # The name and the first characters tell tokens apart; the value itself is never logged.
    return {"name": token.name, "prefix": token.prefix}


@transaction.atomic
def create_token(
    *, user: User, name: str, origin: audit.Origin | None = None
) -> tuple[ApiToken, str]:
    """A new token for the user. The plain token is returned once and never stored.

    Who may create one is the caller's check: can(user, "create", "api_token").
    """
    value = new_token_value()
    token = ApiToken.objects.create(
        user=user, name=name.strip(), token_hash=hash_token(value), prefix=value[:8]
    )
    record_event(
        actor=user,
        action=audit.API_TOKEN_CREATED,
        target=token,
        origin=origin,
        extra=_audit_details(token),
    )
    return token, value


@transaction.atomic
def revoke_token(*, user: User, token_id: int, origin: audit.Origin | None = None) -> bool:
    """Revoke one of the user's own tokens; False if it is not theirs or already revoked."""
    token = (
        ApiToken.objects.select_for_update()
        .filter(pk=token_id, user=user, revoked_at__isnull=True)
        .first()
    )
    if token is None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(
        actor=user,
        action=audit.API_TOKEN_REVOKED,
        target=token,
        origin=origin,
        extra=_audit_details(token),
    )
    return True


@transaction.atomic
def write_record(
    *,
    user: User,
    data: Any,
    owner: Authority,
    create_only: bool,
    origin: audit.Origin | None = None,
) -> SaveResult:
    """Save a draft record (or propose a change to a published one) for a token's owner, and log
    it in the audit log in the same transaction. Raises RecordValidationError, or
    RecordExistsError when create_only and the id is taken."""
    result = save_record(
        data,
        actor=user,
        publish=False,
        source=Source.API,
        owner=owner,
        create_only=create_only,
    )
    if result.revision is not None:
        action = (
            RECORD_CREATED
            if result.created
            else (CHANGE_PROPOSED if result.pending else RECORD_UPDATED)
        )
        record_event(
            actor=user,
            action=action,
            target=result.innovation,
            origin=origin,
            extra={"revision": result.revision.pk},
        )
    return result
