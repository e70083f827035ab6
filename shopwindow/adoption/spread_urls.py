"""/spread/ (public): the namespace "spread" is listed in accounts/public_urls.py."""

from django.urls import path

from shopwindow.adoption.views import spread

app_name = "spread"

urlpatterns = [path("", spread.index, name="index")]
