"""Moderation pages under /moderation/. Other apps mount theirs under /moderation/<area>/."""

from django.urls import path

from shopwindow.accounts.views import moderation

app_name = "moderation"

urlpatterns = [
    path("", moderation.index, name="index"),
    path("memberships/", moderation.membership_queue, name="memberships"),
    path("memberships/<int:pk>/", moderation.membership_decide, name="membership-decide"),
    path("domains/", moderation.domains, name="domains"),
    path("domains/<int:pk>/remove/", moderation.domain_remove, name="domain-remove"),
    path("audit-log/", moderation.audit_log, name="audit-log"),
]
