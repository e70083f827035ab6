from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "shopwindow.operations"
    label = "operations"
    verbose_name = "Operations"
