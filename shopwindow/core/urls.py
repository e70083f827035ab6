"""Service pages that belong to no single domain."""

from django.urls import path

from shopwindow.core.views import health, pages

app_name = "core"

urlpatterns = [
    path("", pages.home, name="home"),
    path("about-the-data/", pages.about_data, name="about-data"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("cookies/", pages.cookies, name="cookies"),
    path("privacy/", pages.privacy, name="privacy"),
    # Probes (docs/deploy.md): no trailing slash, as load balancers expect.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
