"""Pages of the API app: personal API tokens (under /account/api-tokens/)."""

from django.urls import path

from shopwindow.api import views

app_name = "api-tokens"

urlpatterns = [
    path("", views.tokens, name="list"),
    path("<int:token_id>/revoke/", views.revoke, name="revoke"),
]
