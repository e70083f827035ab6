"""Every cell of the permission matrix, checked against `can(...)` with real users.

EXPECTED is written out here by hand, independently of shopwindow/accounts/permissions.py, so a
change to the matrix must be made twice on purpose (and in docs/permissions.md, which a test
below compares). Each cell is one of:

  Y  allowed          -  refused
  O  only for an object the user owns (owner_id)     I  only when invited (associate_ids)

Columns: visitor, member, council member (of the object's council), associate, moderator, admin.
"""

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from shopwindow.accounts import permissions
from shopwindow.accounts.models import Role, User
from shopwindow.authorities.models import Authority
from tests.factories import CouncilMembershipFactory, UserFactory

EXPECTED = """
row                                 action   vis mem cou ass mod adm
innovation_record:draft             view     -   -   Y   O   Y   Y
innovation_record:draft             create   -   -   Y   Y   Y   Y
innovation_record:draft             edit     -   -   Y   O   -   Y
innovation_record:draft             submit   -   -   Y   O   -   Y
innovation_record:draft             publish  -   -   -   -   -   -
innovation_record:draft             delete   -   -   Y   O   Y   Y
innovation_record:submitted         view     -   -   Y   O   Y   Y
innovation_record:submitted         create   -   -   -   -   -   -
innovation_record:submitted         edit     -   -   -   -   Y   Y
innovation_record:submitted         submit   -   -   -   -   -   -
innovation_record:submitted         publish  -   -   -   -   Y   Y
innovation_record:submitted         delete   -   -   -   -   Y   Y
innovation_record:published         view     Y   Y   Y   Y   Y   Y
innovation_record:published         create   -   -   -   -   -   -
innovation_record:published         edit     -   -   Y   -   Y   Y
innovation_record:published         submit   -   -   -   -   -   -
innovation_record:published         publish  -   -   -   -   -   -
innovation_record:published         delete   -   -   -   -   Y   Y
innovation_record:pending_revision  view     -   -   Y   -   Y   Y
innovation_record:pending_revision  create   -   -   Y   -   Y   Y
innovation_record:pending_revision  edit     -   -   Y   -   Y   Y
innovation_record:pending_revision  submit   -   -   Y   -   -   Y
innovation_record:pending_revision  publish  -   -   -   -   Y   Y
innovation_record:pending_revision  delete   -   -   Y   -   Y   Y
innovation_record:withdrawn         view     -   -   Y   -   Y   Y
innovation_record:withdrawn         create   -   -   -   -   -   -
innovation_record:withdrawn         edit     -   -   -   -   -   -
innovation_record:withdrawn         submit   -   -   -   -   -   -
innovation_record:withdrawn         publish  -   -   -   -   Y   Y
innovation_record:withdrawn         delete   -   -   -   -   -   Y
adoption_plan:private               view     -   -   Y   -   Y   Y
adoption_plan:private               create   -   -   Y   -   -   -
adoption_plan:private               edit     -   -   Y   -   -   -
adoption_plan:private               submit   -   -   Y   -   -   -
adoption_plan:private               publish  -   -   -   -   Y   Y
adoption_plan:private               delete   -   -   Y   -   -   Y
adoption_plan:shared                view     -   Y   Y   Y   Y   Y
adoption_plan:shared                create   -   -   Y   -   -   -
adoption_plan:shared                edit     -   -   Y   -   -   -
adoption_plan:shared                submit   -   -   Y   -   -   -
adoption_plan:shared                publish  -   -   -   -   Y   Y
adoption_plan:shared                delete   -   -   Y   -   -   Y
help_request                        view     -   -   Y   I   Y   Y
help_request                        create   -   -   Y   -   -   -
help_request                        edit     -   -   Y   -   Y   Y
help_request                        submit   -   -   Y   -   -   -
help_request                        publish  -   -   -   -   -   -
help_request                        delete   -   -   Y   -   Y   Y
engagement                          view     -   -   Y   I   Y   Y
engagement                          create   -   -   Y   -   Y   Y
engagement                          edit     -   -   Y   I   Y   Y
engagement                          submit   -   -   Y   I   -   -
engagement                          publish  -   -   -   -   -   -
engagement                          delete   -   -   Y   -   Y   Y
associate_profile:unvetted          view     -   O   O   O   Y   Y
associate_profile:unvetted          create   -   Y   Y   -   -   -
associate_profile:unvetted          edit     -   O   O   O   -   Y
associate_profile:unvetted          submit   -   O   O   O   -   -
associate_profile:unvetted          publish  -   -   -   -   Y   Y
associate_profile:unvetted          delete   -   O   O   O   Y   Y
associate_profile:vetted            view     Y   Y   Y   Y   Y   Y
associate_profile:vetted            create   -   -   -   -   -   -
associate_profile:vetted            edit     -   -   -   O   -   Y
associate_profile:vetted            submit   -   -   -   -   -   -
associate_profile:vetted            publish  -   -   -   -   Y   Y
associate_profile:vetted            delete   -   -   -   O   Y   Y
council_membership                  view     -   O   Y   O   Y   Y
council_membership                  create   -   Y   Y   Y   Y   Y
council_membership                  edit     -   -   -   -   Y   Y
council_membership                  submit   -   -   -   -   -   -
council_membership                  publish  -   -   -   -   Y   Y
council_membership                  delete   -   O   O   O   Y   Y
audit_log                           view     -   -   -   -   Y   Y
audit_log                           create   -   -   -   -   -   -
audit_log                           edit     -   -   -   -   -   -
audit_log                           submit   -   -   -   -   -   -
audit_log                           publish  -   -   -   -   -   -
audit_log                           delete   -   -   -   -   -   -
domain_allowlist                    view     -   -   -   -   Y   Y
domain_allowlist                    create   -   -   -   -   Y   Y
domain_allowlist                    edit     -   -   -   -   Y   Y
domain_allowlist                    submit   -   -   -   -   -   -
domain_allowlist                    publish  -   -   -   -   -   -
domain_allowlist                    delete   -   -   -   -   Y   Y
api_token                           view     -   O   O   O   O   Y
api_token                           create   -   -   Y   Y   Y   Y
api_token                           edit     -   -   -   -   -   -
api_token                           submit   -   -   -   -   -   -
api_token                           publish  -   -   -   -   -   -
api_token                           delete   -   O   O   O   O   Y
briefing_pack                       view     -   -   -   -   Y   Y
briefing_pack                       create   -   -   -   -   Y   Y
briefing_pack                       edit     -   -   -   -   Y   Y
briefing_pack                       submit   -   -   -   -   -   -
briefing_pack                       publish  -   -   -   -   Y   Y
briefing_pack                       delete   -   -   -   -   Y   Y
moderation                          view     -   -   -   -   Y   Y
moderation                          create   -   -   -   -   -   -
moderation                          edit     -   -   -   -   -   -
moderation                          submit   -   -   -   -   -   -
moderation                          publish  -   -   -   -   -   -
moderation                          delete   -   -   -   -   -   -
council_dashboard                   view     -   -   Y   -   Y   Y
council_dashboard                   create   -   -   -   -   -   -
council_dashboard                   edit     -   -   -   -   -   -
council_dashboard                   submit   -   -   -   -   -   -
council_dashboard                   publish  -   -   -   -   -   -
council_dashboard                   delete   -   -   -   -   -   -
"""

ROLES = ["visitor", "member", "council_member", "associate", "moderator", "admin"]


def _parse() -> dict[tuple[str, str, str], str]:
    lines = [line.split() for line in EXPECTED.strip().splitlines()[1:]]
    cells = {}
    for row, action, *marks in lines:
        assert len(marks) == len(ROLES), f"{row} {action}: expected {len(ROLES)} columns"
        for role, mark in zip(ROLES, marks, strict=True):
            cells[(row, action, role)] = mark
    return cells


CELLS = _parse()
ROWS = sorted({row for row, _, _ in CELLS})
ACTIONS = ["view", "create", "edit", "submit", "publish", "delete"]


def test_expected_table_covers_exactly_the_matrix() -> None:
    matrix_cells = {
        (row, action, role)
        for row in permissions.MATRIX
        for action in permissions.ACTIONS
        for role in permissions.ROLES
    }
    assert set(CELLS) == matrix_cells
    assert len(CELLS) == 18 * 6 * 6


@pytest.fixture
def people(db: None) -> dict[str, Any]:
    """One person per role. The council member belongs to South Hams, the object's council."""
    south_hams = Authority.objects.get(gss="E07000044")
    council_member = UserFactory.create()
    CouncilMembershipFactory.create(user=council_member, authority=south_hams)
    associate = UserFactory.create()
    # What the associates app will set.
    associate.is_vetted_associate = True  # type: ignore[attr-defined]
    return {
        "council": south_hams,
        "visitor": AnonymousUser(),
        "member": UserFactory.create(),
        "council_member": council_member,
        "associate": associate,
        "moderator": UserFactory.create(role=Role.MODERATOR),
        "admin": UserFactory.create(role=Role.ADMIN),
    }


def _object(row: str, council: Authority, user: Any, related: bool) -> SimpleNamespace:
    """An object in the row's state; `related` makes the user its owner and an invitee."""
    kind, _, state = row.partition(":")
    user_id = getattr(user, "pk", None)
    obj = SimpleNamespace(
        council_ids={council.pk},
        owner_id=user_id if related and user_id else -1,
        associate_ids=[user_id] if related and user_id else [],
    )
    if kind == "innovation_record":
        obj.status = state
    elif kind == "adoption_plan":
        obj.is_shared = state == "shared"
    elif kind == "associate_profile":
        obj.is_vetted = state == "vetted"
    return obj


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS)
def test_every_cell(people: dict[str, Any], row: str, role: str) -> None:
    user = people[role]
    base_kind = row.split(":")[0]
    wrong = []
    for action in ACTIONS:
        mark = CELLS[(row, action, role)]
        for related in (True, False):
            obj = _object(row, people["council"], user, related)
            expected = mark == "Y" or (mark in {"O", "I"} and related)
            # Both ways of naming the state: the explicit row, and the base kind + object state.
            for kind in {row, base_kind}:
                got = permissions.can(user, action, kind, obj)
                if got != expected:
                    wrong.append(
                        f"{action} ({kind}, related={related}): {got}, expected {expected}"
                    )
    assert not wrong, f"{row} as {role}:\n" + "\n".join(wrong)


def test_a_member_of_another_council_is_just_a_member(people: dict[str, Any]) -> None:
    other = UserFactory.create()
    CouncilMembershipFactory.create(user=other, authority=Authority.objects.get(gss="E07000047"))
    draft = _object("innovation_record:draft", people["council"], other, related=False)
    assert permissions.role_of(other, people["council"]) == "member"
    assert not permissions.can(other, "view", "innovation_record", draft)
    assert permissions.can(people["council_member"], "view", "innovation_record", draft)


def test_changes_requested_counts_as_a_draft(people: dict[str, Any]) -> None:
    obj = SimpleNamespace(status="changes_requested", council_ids={people["council"].pk})
    assert permissions.can(people["council_member"], "edit", "innovation_record", obj)
    assert not permissions.can(people["member"], "view", "innovation_record", obj)


def test_creating_without_an_object_needs_any_council(people: dict[str, Any]) -> None:
    assert permissions.can(people["council_member"], "create", "innovation_record")
    assert not permissions.can(people["member"], "create", "innovation_record")
    assert not permissions.can(people["council_member"], "view", "api_token")  # "own" needs obj


def test_role_helpers(people: dict[str, Any]) -> None:
    council = people["council"]
    assert permissions.approved_council_ids(people["council_member"]) == {council.pk}
    assert permissions.approved_council_ids(people["visitor"]) == set()
    assert permissions.is_council_member(people["council_member"], council)
    assert permissions.is_council_member(people["council_member"], council.pk)
    assert not permissions.is_council_member(people["member"], council)
    assert [permissions.role_of(people[r], council) for r in ROLES] == ROLES
    assert permissions.is_moderator(people["admin"])
    assert permissions.is_moderator(people["moderator"])
    assert not permissions.is_moderator(people["council_member"])
    assert permissions.is_associate(people["associate"])
    assert not permissions.is_associate(
        UserFactory.create()
    )  # nobody until the associates app says so
    superuser = User(email="root@example.org", is_superuser=True)
    superuser.pk = 999_999
    assert permissions.role_of(superuser) == "admin"


def test_unknown_actions_and_states_fail_loudly(people: dict[str, Any]) -> None:
    with pytest.raises(KeyError):
        permissions.can(people["admin"], "approve", "audit_log")
    with pytest.raises(KeyError):
        permissions.can(people["admin"], "view", "innovation_record", SimpleNamespace(status="x"))


def test_the_documented_matrix_is_the_real_one() -> None:
    from pathlib import Path

    from shopwindow.accounts.matrix_doc import matrix_markdown

    doc = (Path(__file__).resolve().parents[3] / "docs/permissions.md").read_text()
    assert matrix_markdown() in doc, "docs/permissions.md is out of date: run the command in it"
