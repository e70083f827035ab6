from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "shopwindow.accounts"
    label = "accounts"
    verbose_name = "Accounts"
