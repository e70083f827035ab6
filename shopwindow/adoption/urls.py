"""URLs of the adoption app: plans (/plans/...), the adopt and contact pages under a record,
and the moderators' adoption queue. /spread/ is in spread_urls.py (namespace "spread")."""

from django.urls import path

from shopwindow.adoption.views import contact, exports, moderation, plans
from shopwindow.innovations.aliases import follows_record_aliases

app_name = "adoption"

urlpatterns = [
    path("plans/", plans.plan_list, name="plans"),
    path("plans/<uuid:plan_id>/", plans.detail, name="plan"),
    path("plans/<uuid:plan_id>/edit/", plans.edit, name="plan-edit"),
    path("plans/<uuid:plan_id>/delete/", plans.delete, name="plan-delete"),
    path("plans/<uuid:plan_id>/print/", plans.printable, name="plan-print"),
    path("plans/<uuid:plan_id>/plan.csv", exports.plan_csv, name="plan-csv"),
    path("plans/<uuid:plan_id>/plan.xlsx", exports.plan_xlsx, name="plan-xlsx"),
    path("plans/<uuid:plan_id>/plan.ics", exports.plan_ics, name="plan-ics"),
    path("plans/<uuid:plan_id>/tasks/add/", plans.task_add, name="task-add"),
    path("plans/<uuid:plan_id>/tasks/<int:task_id>/", plans.task_edit, name="task-edit"),
    path("plans/<uuid:plan_id>/tasks/<int:task_id>/remove/", plans.task_remove, name="task-remove"),
    path("plans/<uuid:plan_id>/tasks/<int:task_id>/move/", plans.task_move, name="task-move"),
    path("innovations/<slug:record_id>/adopt/", follows_record_aliases(plans.start), name="start"),
    path(
        "innovations/<slug:record_id>/contact/",
        follows_record_aliases(contact.contact),
        name="contact",
    ),
    path(
        "innovations/<slug:record_id>/contact/sent/",
        follows_record_aliases(contact.contact_sent),
        name="contact-sent",
    ),
    path("moderation/adoptions/", moderation.queue, name="moderation-queue"),
    path("moderation/adoptions/<int:pk>/", moderation.decide, name="moderation-decide"),
]
