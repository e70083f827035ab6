"""The one place that decides who may do what. Every app asks `can(...)`; nobody re-implements it.

The permission matrix below (MATRIX) is data: for each object kind (and state), each action and each
role it holds a rule. docs/permissions.md prints the same matrix for people and says which
attributes an object must have. Roles are relative to the object: "council_member" means a member
of one of the object's councils; a member of another council counts as a plain "member".

Rules:
- "yes": allowed.
- "no": refused (also used where an action does not apply).
- "own": allowed when the object's `owner_id` is the user's id.
- "invited": allowed when the user's id is in the object's `associate_ids`.
"""

from collections.abc import Callable, Iterable
from typing import Any, Final

from django.contrib.auth.models import AnonymousUser

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, Role, User

VISITOR: Final = "visitor"
MEMBER: Final = "member"
COUNCIL_MEMBER: Final = "council_member"
ASSOCIATE: Final = "associate"
MODERATOR: Final = "moderator"
ADMIN: Final = "admin"
ROLES: Final = (VISITOR, MEMBER, COUNCIL_MEMBER, ASSOCIATE, MODERATOR, ADMIN)
ACTIONS: Final = ("view", "create", "edit", "submit", "publish", "delete")

YES, NO, OWN, INVITED = "yes", "no", "own", "invited"
RULES: Final = (YES, NO, OWN, INVITED)

# One row per kind (or kind:state): action -> the six rules in ROLES order
# (visitor, member, council_member, associate, moderator, admin).
_Row = dict[str, tuple[str, str, str, str, str, str]]

MATRIX: Final[dict[str, _Row]] = {
    "innovation_record:draft": {
        "view": (NO, NO, YES, OWN, YES, YES),
        "create": (NO, NO, YES, YES, YES, YES),
        "edit": (NO, NO, YES, OWN, NO, YES),
        "submit": (NO, NO, YES, OWN, NO, YES),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, YES, OWN, YES, YES),
    },
    "innovation_record:submitted": {
        "view": (NO, NO, YES, OWN, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, NO, NO, YES, YES),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, NO, NO, YES, YES),
    },
    "innovation_record:published": {
        "view": (YES, YES, YES, YES, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, YES, NO, YES, YES),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, NO, NO, YES, YES),
    },
    "innovation_record:pending_revision": {
        "view": (NO, NO, YES, NO, YES, YES),
        "create": (NO, NO, YES, NO, YES, YES),
        "edit": (NO, NO, YES, NO, YES, YES),
        "submit": (NO, NO, YES, NO, NO, YES),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, YES, NO, YES, YES),
    },
    "innovation_record:withdrawn": {
        "view": (NO, NO, YES, NO, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, NO, NO, NO, NO),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, NO, NO, NO, YES),
    },
    "adoption_plan:private": {
        "view": (NO, NO, YES, NO, YES, YES),
        "create": (NO, NO, YES, NO, NO, NO),
        "edit": (NO, NO, YES, NO, NO, NO),
        "submit": (NO, NO, YES, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, YES, NO, NO, YES),
    },
    "adoption_plan:shared": {
        "view": (NO, YES, YES, YES, YES, YES),
        "create": (NO, NO, YES, NO, NO, NO),
        "edit": (NO, NO, YES, NO, NO, NO),
        "submit": (NO, NO, YES, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, YES, NO, NO, YES),
    },
    "help_request": {
        "view": (NO, NO, YES, INVITED, YES, YES),
        "create": (NO, NO, YES, NO, NO, NO),
        "edit": (NO, NO, YES, NO, YES, YES),
        "submit": (NO, NO, YES, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, YES, NO, YES, YES),
    },
    "engagement": {
        "view": (NO, NO, YES, INVITED, YES, YES),
        "create": (NO, NO, YES, NO, YES, YES),
        "edit": (NO, NO, YES, INVITED, YES, YES),
        "submit": (NO, NO, YES, INVITED, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, YES, NO, YES, YES),
    },
    "associate_profile:unvetted": {
        "view": (NO, OWN, OWN, OWN, YES, YES),
        "create": (NO, YES, YES, NO, NO, NO),
        "edit": (NO, OWN, OWN, OWN, NO, YES),
        "submit": (NO, OWN, OWN, OWN, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, OWN, OWN, OWN, YES, YES),
    },
    "associate_profile:vetted": {
        "view": (YES, YES, YES, YES, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, NO, OWN, NO, YES),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, NO, OWN, YES, YES),
    },
    "council_membership": {
        "view": (NO, OWN, YES, OWN, YES, YES),
        "create": (NO, YES, YES, YES, YES, YES),
        "edit": (NO, NO, NO, NO, YES, YES),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, OWN, OWN, OWN, YES, YES),
    },
    "audit_log": {
        "view": (NO, NO, NO, NO, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, NO, NO, NO, NO),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, NO, NO, NO, NO),
    },
    "domain_allowlist": {
        "view": (NO, NO, NO, NO, YES, YES),
        "create": (NO, NO, NO, NO, YES, YES),
        "edit": (NO, NO, NO, NO, YES, YES),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, NO, NO, YES, YES),
    },
    # A member without a council cannot create tokens, but still sees and revokes their own (made
    # while they belonged to a council): taking access away is always allowed.
    "api_token": {
        "view": (NO, OWN, OWN, OWN, OWN, YES),
        "create": (NO, NO, YES, YES, YES, YES),
        "edit": (NO, NO, NO, NO, NO, NO),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, OWN, OWN, OWN, OWN, YES),
    },
    "briefing_pack": {
        "view": (NO, NO, NO, NO, YES, YES),
        "create": (NO, NO, NO, NO, YES, YES),
        "edit": (NO, NO, NO, NO, YES, YES),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, YES, YES),
        "delete": (NO, NO, NO, NO, YES, YES),
    },
    # The moderators' own pages (queues, imports): "view" is entering them at all.
    "moderation": {
        "view": (NO, NO, NO, NO, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, NO, NO, NO, NO),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, NO, NO, NO, NO),
    },
    # A council's members-only page; the object is the council (its council_ids are its own id).
    "council_dashboard": {
        "view": (NO, NO, YES, NO, YES, YES),
        "create": (NO, NO, NO, NO, NO, NO),
        "edit": (NO, NO, NO, NO, NO, NO),
        "submit": (NO, NO, NO, NO, NO, NO),
        "publish": (NO, NO, NO, NO, NO, NO),
        "delete": (NO, NO, NO, NO, NO, NO),
    },
}

# How an object's own state names map onto the matrix's states, per kind.
# innovation_record reads obj.permission_state when present, else obj.status; adoption_plan reads
# obj.is_shared; associate_profile reads obj.is_vetted. "changes requested" is a draft again: the
# council edits and resubmits it.
_STATUS_ALIASES: Final = {"changes_requested": "draft", "changes-requested": "draft"}

# Kinds whose "council_member" column means "member of the object's councils" (obj.council_ids).
# For the other kinds it means "an approved member of any council".
COUNCIL_SCOPED_KINDS: Final = frozenset(
    {
        "innovation_record",
        "adoption_plan",
        "help_request",
        "engagement",
        "council_membership",
        "council_dashboard",
    }
)


def kinds() -> list[str]:
    """Every row of the matrix (kind or kind:state)."""
    return list(MATRIX)


def _is_signed_in(user: Any) -> bool:
    return user is not None and bool(getattr(user, "is_authenticated", False))


def is_admin(user: Any) -> bool:
    """An administrator: the admin role or a Django superuser."""
    return _is_signed_in(user) and (user.is_superuser or user.role == Role.ADMIN)


def is_moderator(user: Any) -> bool:
    """A moderator or an administrator (administrators can do everything moderators can)."""
    return _is_signed_in(user) and (is_admin(user) or user.role == Role.MODERATOR)


def is_associate(user: Any) -> bool:
    """A vetted associate.

    An explicit `user.is_vetted_associate` (for example set by a test) wins; otherwise the
    check the associates app registered answers (a vetted AssociateProfile, cached for the
    request).
    """
    if not _is_signed_in(user):
        return False
    flag = getattr(user, "is_vetted_associate", None)
    if flag is None:
        flag = _vetted_associate_check(user)
    return bool(flag)


def _no_associates(user: Any) -> bool:
    return False


# The associates app sits above accounts, so it registers its answer here (AppConfig.ready)
# rather than accounts importing it: without that app nobody is a vetted associate.
_vetted_associate_check: Callable[[Any], bool] = _no_associates


def register_vetted_associate_check(check: Callable[[Any], bool]) -> None:
    """Say how to tell a vetted associate (called once by the associates app)."""
    global _vetted_associate_check  # set once at start-up, read per request
    _vetted_associate_check = check


def approved_council_ids(user: Any) -> set[int]:
    """Ids of the councils (authorities.Authority) the user is an approved member of.

    Cached on the user object for the length of the request.
    """
    if not _is_signed_in(user):
        return set()
    cached = getattr(user, "_approved_council_ids", None)
    if cached is None:
        cached = set(
            CouncilMembership.objects.filter(
                user_id=user.pk, status=MembershipStatus.APPROVED
            ).values_list("authority_id", flat=True)
        )
        user._approved_council_ids = cached
    return set(cached)


def forget_cached_councils(user: Any) -> None:
    """Drop the cached council ids after a membership changes."""
    if hasattr(user, "_approved_council_ids"):
        del user._approved_council_ids


def _authority_id(authority: Any) -> int:
    return int(getattr(authority, "pk", authority))


def is_council_member(user: Any, authority: Any) -> bool:
    """Whether the user is an approved member of this council (an Authority or its id)."""
    return _authority_id(authority) in approved_council_ids(user)


def role_of(user: Any, authority: Any = None, *, council_ids: Iterable[int] | None = None) -> str:
    """The user's single strongest role, relative to a council (or to several).

    With no council given, "council_member" means an approved member of any council.
    Order of strength: admin, moderator, council_member, associate, member, visitor.
    """
    if not _is_signed_in(user):
        return VISITOR
    if is_admin(user):
        return ADMIN
    if is_moderator(user):
        return MODERATOR
    mine = approved_council_ids(user)
    if council_ids is not None:
        wanted = {int(c) for c in council_ids}
    elif authority is not None:
        wanted = {_authority_id(authority)}
    else:
        wanted = None
    if (mine & wanted) if wanted is not None else mine:
        return COUNCIL_MEMBER
    if is_associate(user):
        return ASSOCIATE
    return MEMBER


def matrix_row(kind: str, obj: Any = None) -> str:
    """The matrix row for a kind and an object's state ("innovation_record" + draft -> ...)."""
    if kind in MATRIX:
        return kind
    state: str | None = None
    if obj is not None:
        if kind == "innovation_record":
            # Records name their stage `permission_state` (an Innovation's `status` is the spec's
            # pilot/implemented/...); plain objects may still say `status`.
            state = getattr(obj, "permission_state", None) or str(getattr(obj, "status", "draft"))
            state = _STATUS_ALIASES.get(state, state)
        elif kind == "adoption_plan":
            state = "shared" if getattr(obj, "is_shared", False) else "private"
        elif kind == "associate_profile":
            state = "vetted" if getattr(obj, "is_vetted", False) else "unvetted"
    elif kind == "innovation_record":
        state = "draft"  # creating a record means creating a draft
    elif kind == "adoption_plan":
        state = "private"
    elif kind == "associate_profile":
        state = "unvetted"
    row = f"{kind}:{state}"
    if row not in MATRIX:
        raise KeyError(f"No permission matrix row for kind {kind!r} in state {state!r}")
    return row


def rule_for(role: str, action: str, row: str) -> str:
    """The rule in one cell of the matrix."""
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}; expected one of {', '.join(ACTIONS)}")
    return MATRIX[row][action][ROLES.index(role)]


def _object_council_ids(obj: Any) -> set[int] | None:
    ids = getattr(obj, "council_ids", None) if obj is not None else None
    if ids is None:
        return None
    return {int(i) for i in ids}


def can(user: Any, action: str, kind: str, obj: Any = None) -> bool:
    """Whether the user may do `action` to an object of `kind` (see docs/permissions.md).

    `kind` is a matrix row ("innovation_record:draft") or a base kind ("innovation_record"),
    whose state is read from `obj`. `obj` may be None (for example when creating: then the
    "council_member" column needs membership of any council), a model instance, or any object
    with the documented attributes: council_ids, owner_id, associate_ids, permission_state (or
    status), is_shared, is_vetted.
    """
    if user is None:
        user = AnonymousUser()
    row = matrix_row(kind, obj)
    base = row.split(":", 1)[0]
    council_ids = _object_council_ids(obj) if base in COUNCIL_SCOPED_KINDS else None
    role = role_of(user, council_ids=council_ids)
    rule = rule_for(role, action, row)
    if rule == YES:
        return True
    if rule == NO:
        return False
    if obj is None:
        # "own" and "invited" need an object to check against; creating uses "yes" rules.
        return False
    if rule == OWN:
        owner_id = getattr(obj, "owner_id", None)
        return owner_id is not None and owner_id == user.pk
    if rule == INVITED:
        return user.pk in set(getattr(obj, "associate_ids", ()) or ())
    raise ValueError(f"Unknown rule {rule!r} in the permission matrix")


def user_role_label(user: User | AnonymousUser) -> str:
    """A short description of the user's role for pages (not for decisions)."""
    return role_of(user).replace("_", " ").capitalize()
