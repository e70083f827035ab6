from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "shopwindow.api"
    label = "api"
    verbose_name = "API"
