from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "shopwindow.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connect the audit-log receivers for sign-ins, failures and lockouts.
        from shopwindow.accounts import signals  # noqa: F401
        from shopwindow.accounts.navigation import account_items, sign_out_slot
        from shopwindow.core.hooks import register_navigation, register_navigation_end

        register_navigation(account_items)
        register_navigation_end(sign_out_slot)
