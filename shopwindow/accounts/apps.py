from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "shopwindow.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connect the audit-log receivers for sign-ins, failures and lockouts.
        from shopwindow.accounts import signals  # noqa: F401
