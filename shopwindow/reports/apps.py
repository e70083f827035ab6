from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "shopwindow.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from shopwindow.core import hooks
        from shopwindow.reports import signals  # connects the PDF rebuild

        hooks.register_after_restore(signals.schedule_default_pdf)
