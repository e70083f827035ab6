from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "shopwindow.reports"
    label = "reports"
    verbose_name = "Reports"
