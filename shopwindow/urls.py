"""Shopwindow's URLs: each domain app owns its paths; the API lives under /api/v1/."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from shopwindow.api import views as api_views
from shopwindow.api.api import api
from shopwindow.innovations.urls import app_name as innovations_namespace
from shopwindow.innovations.urls import urlpatterns as record_patterns
from shopwindow.search.urls import urlpatterns as search_patterns

handler400 = "shopwindow.core.views.errors.bad_request"
handler403 = "shopwindow.core.views.errors.permission_denied"
handler404 = "shopwindow.core.views.errors.page_not_found"
handler500 = "shopwindow.core.views.errors.server_error"

urlpatterns = [
    path("", include("shopwindow.core.urls")),
    # Tailoring's specific /councils/<gss>/comparators/ paths go before the authorities app.
    path("", include("shopwindow.tailoring.urls")),
    path("councils/", include("shopwindow.authorities.urls")),
    path("account/api-tokens/", include("shopwindow.api.urls")),
    # Adoption's /innovations/<id>/adopt/ and /contact/ go before the record's own paths.
    path("", include("shopwindow.adoption.urls")),
    path("spread/", include("shopwindow.adoption.spread_urls")),
    path("follows/", include("shopwindow.follows.urls")),
    # The record list (search) and the record pages share the `innovations` namespace.
    path("", include((search_patterns + record_patterns, innovations_namespace))),
    path("", include("shopwindow.accounts.urls")),
    path("", include("shopwindow.associates.urls")),
    path("report/", include("shopwindow.reports.urls")),
    path("moderation/briefings/", include("shopwindow.reports.briefing_urls")),
    path("moderation/", include("shopwindow.accounts.moderation_urls")),
    path("api/v1/docs/", api_views.docs, name="api-docs-page"),
    path("api/v1/", api.urls),
    path("api/", RedirectView.as_view(url="/api/v1/docs/", permanent=False), name="api-docs"),
    path("admin/", admin.site.urls),
]
