from django.apps import AppConfig


class AuthoritiesConfig(AppConfig):
    name = "shopwindow.authorities"
    label = "authorities"
    verbose_name = "Councils"

    def ready(self) -> None:
        from shopwindow.authorities.selectors import current_authorities
        from shopwindow.core.hooks import register_fact

        # The home page says how many councils the service covers.
        register_fact("council_count", lambda: current_authorities().count())
