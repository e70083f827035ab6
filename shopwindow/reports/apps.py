from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "shopwindow.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from shopwindow.reports import signals  # noqa: F401 - connects the PDF rebuild
