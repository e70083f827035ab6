"""Reads of adoption plans. Visibility is decided here (and only here) with the permission matrix.

- A private plan: members of its council, moderators and admins.
- A shared plan: also anyone signed in.
Anyone else gets None from `visible_plan`, which views turn into a 404 so that a plan's existence
is never revealed.
"""

import uuid
from typing import Any

from django.db.models import QuerySet

from shopwindow.accounts.models import CouncilMembership, MembershipStatus, User
from shopwindow.accounts.permissions import approved_council_ids, can
from shopwindow.adoption.models import AdoptionPlan, PlanTask
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Adoption, Innovation
from shopwindow.innovations.vocabularies import Source


def _plans() -> QuerySet[AdoptionPlan]:
    return AdoptionPlan.objects.select_related("council", "innovation", "created_by")


def council_plans(user: Any) -> QuerySet[AdoptionPlan]:
    """The plans of the user's own councils (their plans page, and the API's /plans)."""
    return _plans().filter(council_id__in=approved_council_ids(user))


def visible_plan(user: Any, plan_id: uuid.UUID | str) -> AdoptionPlan | None:
    """One plan if the user may read it, else None (also for an id that is not a UUID)."""
    try:
        key = plan_id if isinstance(plan_id, uuid.UUID) else uuid.UUID(str(plan_id))
    except ValueError:
        return None
    plan = _plans().filter(pk=key).first()
    if plan is None or not can(user, "view", "adoption_plan", plan):
        return None
    return plan


def plan_tasks(plan: AdoptionPlan) -> QuerySet[PlanTask]:
    return plan.tasks.select_related("owner_user").order_by("position", "pk")


def plans_for_record(user: Any, innovation: Innovation) -> QuerySet[AdoptionPlan]:
    """The user's councils' plans for one record (shown on the record page)."""
    return council_plans(user).filter(innovation=innovation)


def councils_without_plan(user: Any, innovation: Innovation) -> QuerySet[Authority]:
    """The user's councils that could still start a plan for this record."""
    taken = AdoptionPlan.objects.filter(innovation=innovation).values("council_id")
    return Authority.objects.filter(pk__in=approved_council_ids(user)).exclude(pk__in=taken)


def council_members(council: Authority) -> QuerySet[User]:
    """People a task can be assigned to: the council's approved members."""
    ids = CouncilMembership.objects.filter(
        authority=council, status=MembershipStatus.APPROVED, user__isnull=False
    ).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("full_name", "email")


def plan_for_adoption(adoption: Adoption) -> AdoptionPlan | None:
    return _plans().filter(innovation=adoption.innovation, council=adoption.authority).first()


def adoptions_to_confirm() -> QuerySet[Adoption]:
    """The moderators' queue: adoptions from plans that are not public yet, oldest first."""
    return (
        Adoption.objects.filter(confirmed=False, source=Source.PLAN)
        .select_related("innovation", "authority")
        .order_by("pk")
    )
