"""The national evidence report (/report/) and its downloads. Both are public."""

from django.urls import path

from shopwindow.reports.views import report

app_name = "reports"

urlpatterns = [
    path("", report.report, name="report"),
    path("download", report.download, name="download"),
]
