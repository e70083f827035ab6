from django.apps import AppConfig


class InnovationsConfig(AppConfig):
    name = "shopwindow.innovations"
    label = "innovations"
    verbose_name = "Innovations"
