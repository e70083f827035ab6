"""Briefing packs, for moderators only, under /moderation/briefings/."""

from django.urls import path

from shopwindow.reports.views import briefings

app_name = "briefings"

urlpatterns = [
    path("", briefings.index, name="index"),
    path("new/", briefings.create, name="create"),
    path("<int:pk>/", briefings.detail, name="detail"),
    path("<int:pk>/edit/", briefings.edit, name="edit"),
    path("<int:pk>/records/", briefings.pick_records, name="pick-records"),
    path("<int:pk>/barriers/", briefings.pick_barriers, name="pick-barriers"),
    path("<int:pk>/items/<int:item_pk>/move/", briefings.move, name="move"),
    path("<int:pk>/items/<int:item_pk>/remove/", briefings.remove, name="remove"),
    path("<int:pk>/delete/", briefings.delete, name="delete"),
    path("<int:pk>/download/<str:file_format>/", briefings.download, name="download"),
]
