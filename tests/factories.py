"""Shared factory_boy factories. Each app adds its own; don't delete others'."""

from typing import TYPE_CHECKING, Any

import factory
from django.utils import timezone
from factory.declarations import LazyFunction, Sequence, SubFactory

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, Role, User
from shopwindow.innovations.models import Innovation

if TYPE_CHECKING:
    from django.test import Client

    from shopwindow.associates.models import AssociateProfile

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A confirmed member. Password: TEST_PASSWORD. Use role=Role.MODERATOR for a moderator.

    Call UserFactory.create(...) (typed as User) rather than UserFactory(...).
    """

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = Sequence(lambda n: f"Person {n}")
    role = Role.MEMBER
    email_confirmed_at = LazyFunction(timezone.now)
    password = factory.django.Password(TEST_PASSWORD)


class CouncilMembershipFactory(factory.django.DjangoModelFactory[CouncilMembership]):
    """An approved membership; pass authority=Authority.objects.get(gss=...)."""

    class Meta:
        model = CouncilMembership

    user = SubFactory(UserFactory)
    status = MembershipStatus.APPROVED
    decided_at = LazyFunction(timezone.now)


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
    return _with_backing_source(record)


def _with_backing_source(record: dict[str, object]) -> dict[str, object]:
    """Format 1.1: a real record's figures need a source. When a test gives figures but no
    sources, add one source that backs them all (tests of the rule pass their own evidence)."""
    outcomes = record.get("outcomes")
    evidence = record.get("evidence")
    if not isinstance(outcomes, dict) or not isinstance(evidence, dict) or "sources" in evidence:
        return record
    figures = [f"outcomes.{k}" for k in ("annual_saving_gbp", "one_off_cost_gbp") if k in outcomes]
    metrics = outcomes.get("metrics")
    figures += [
        f"outcomes.metrics[{i}]" for i in range(len(metrics) if isinstance(metrics, list) else 0)
    ]
    if figures and "illustrative" not in (record.get("tags") or []):  # type: ignore[operator]
        source = {
            "title": "Committee report on the shared service",
            "url": "https://democracy.example.gov.uk/report",
            "publisher": "South Hams District Council",
            "kind": "council-report",
            "supports": figures,
        }
        record["evidence"] = {**evidence, "sources": [source]}
    return record


def create_innovation(
    *, publish: bool = True, actor: User | None = None, **overrides: object
) -> Innovation:
    """Save a record through the real service (so child rows and a revision exist)."""
    from shopwindow.innovations.services.records import save_record

    return save_record(innovation_record(**overrides), actor=actor, publish=publish).innovation


# --- Associates (issue 8) ------------------------------------------------------------------------


def associate_profile(
    *, vetted: bool = True, user: User | None = None, **overrides: object
) -> "AssociateProfile":
    """An associate profile (vetted unless vetted=False) with every field public by default.
    No CV file is written; tests that need one upload it through the form."""
    import datetime

    from shopwindow.associates.models import AssociateProfile
    from shopwindow.associates.vocabularies import PUBLIC_FIELDS, ProfileStatus

    fields: dict[str, object] = {
        "user": user or UserFactory.create(),
        "status": ProfileStatus.VETTED if vetted else ProfileStatus.SUBMITTED,
        "background": "service",
        "headline": "Former head of waste services",
        "skills": ["service:waste-and-environment", "capability:procurement"],
        "nations": ["england"],
        "regions": ["south-west"],
        "work_mode": "either",
        "days_per_month": 4,
        "available_from": datetime.date(2027, 1, 1),
        "day_rate_band": "400-600",
        "referee_1_name": "Ann Referee",
        "referee_1_role": "Director",
        "referee_1_organisation": "A Council",
        "referee_1_email": "ann@example.gov.uk",
        "referee_2_name": "Ben Referee",
        "referee_2_role": "Chief executive",
        "referee_2_organisation": "B Council",
        "referee_2_email": "ben@example.gov.uk",
        "public_fields": [code for code, _ in PUBLIC_FIELDS],
        "submitted_at": timezone.now(),
    }
    fields.update(overrides)
    return AssociateProfile.objects.create(**fields)


def otp_login(client: "Client", user: User) -> "Client":
    """Sign the test client in as `user`; for a moderator or admin, with a session that has passed
    the second factor (an authenticator app is made for them if they have none).

    Use this instead of client.force_login(user) wherever a moderator or admin acts.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from shopwindow.accounts import two_factor

    client.force_login(user)
    if two_factor.required_for(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def with_date_inputs(data: dict[str, Any], *names: str) -> dict[str, Any]:
    """Spread dates typed as "27/3/2027" over GOV.UK date inputs' day, month and year boxes."""
    result = dict(data)
    for name in names:
        if name in result:
            day, month, year = str(result.pop(name)).split("/")
            result.update({f"{name}-day": day, f"{name}-month": month, f"{name}-year": year})
    return result
