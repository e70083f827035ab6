"""URLs of the innovations app. The record pages, submission form and moderation queue join here."""

from django.urls import path

from shopwindow.innovations.views import importing

app_name = "innovations"

urlpatterns = [
    path("moderation/import/", importing.import_records, name="moderation-import"),
]
