from django.apps import AppConfig


class AuthoritiesConfig(AppConfig):
    name = "shopwindow.authorities"
    label = "authorities"
    verbose_name = "Councils"
