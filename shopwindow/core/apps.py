from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "shopwindow.core"
    label = "core"
    verbose_name = "Core"
