"""Shared factory_boy factories. Each app adds its own; don't delete others'."""

import factory
from django.utils import timezone

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, Role, User
from shopwindow.innovations.models import Innovation

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A confirmed member. Password: TEST_PASSWORD. Use role=Role.MODERATOR for a moderator.

    Call UserFactory.create(...) (typed as User) rather than UserFactory(...).
    """

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.MEMBER
    email_confirmed_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password(TEST_PASSWORD)


class CouncilMembershipFactory(factory.django.DjangoModelFactory[CouncilMembership]):
    """An approved membership; pass authority=Authority.objects.get(gss=...)."""

    class Meta:
        model = CouncilMembership

    user = factory.SubFactory(UserFactory)
    status = MembershipStatus.APPROVED
    decided_at = factory.LazyFunction(timezone.now)


# --- Innovation records (issue 4) ----------------------------------------------------------------

_record_counter = iter(range(1, 1_000_000))


def innovation_record(**overrides: object) -> dict[str, object]:
    """A valid record in the Innovation Record format (lead: South Hams, E07000044)."""
    n = next(_record_counter)
    record: dict[str, object] = {
        "id": f"test-record-{n}",
        "title": f"Shared waste service number {n}",
        "summary": "Two councils run one waste collection service and save money every year.",
        "approach": "One contract, one set of rounds, **one** joint committee.",
        "themes": ["shared-services"],
        "service_areas": ["waste-and-environment"],
        "lead_authorities": ["E07000044"],
        "status": "implemented",
        "evidence": {"level": 2, "verification": "self-reported"},
    }
    record.update(overrides)
    return record


def create_innovation(
    *, publish: bool = True, actor: User | None = None, **overrides: object
) -> Innovation:
    """Save a record through the real service (so child rows and a revision exist)."""
    from shopwindow.innovations.services.records import save_record

    return save_record(innovation_record(**overrides), actor=actor, publish=publish).innovation
