"""Privacy hooks: plans and messages belong to the council and stay when their author's account
is deleted (the author is nulled); the person's plans, tasks and messages are in their data
download."""

from typing import Any

from django.db.models import Q
from django.dispatch import receiver

from shopwindow.accounts.signals import collect_user_data, user_deleting
from shopwindow.adoption.models import AdoptionPlan, OriginatorMessage, PlanTask


@receiver(user_deleting)
def _null_authorship(sender: Any, user: Any, **kwargs: Any) -> None:
    AdoptionPlan.objects.filter(created_by=user).update(created_by=None)
    AdoptionPlan.objects.filter(status_changed_by=user).update(status_changed_by=None)
    PlanTask.objects.filter(owner_user=user).update(owner_user=None)
    OriginatorMessage.objects.filter(sender=user).update(sender=None)


@receiver(collect_user_data)
def _collect(sender: Any, user: Any, **kwargs: Any) -> dict[str, Any]:
    plans = AdoptionPlan.objects.filter(
        Q(created_by=user) | Q(status_changed_by=user)
    ).select_related("council", "innovation")
    return {
        "adoption_plans": [
            {
                "id": str(plan.pk),
                "title": plan.title,
                "council": plan.council.official_name,
                "record": plan.innovation.record_id,
                "status": plan.status,
                "start_date": plan.start_date.isoformat(),
                "created_at": plan.created_at.isoformat(),
            }
            for plan in plans
        ],
        "adoption_tasks_owned": [
            {"plan": str(task.plan_id), "title": task.title, "status": task.status}
            for task in PlanTask.objects.filter(owner_user=user)
        ],
        "messages_to_record_contacts": [
            {
                "record": message.innovation.record_id,
                "council": message.council.official_name if message.council else None,
                "body": message.body,
                "sent_at": message.sent_at.isoformat(),
            }
            for message in OriginatorMessage.objects.filter(sender=user).select_related(
                "innovation", "council"
            )
        ],
    }
