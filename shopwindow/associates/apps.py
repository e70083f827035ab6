from django.apps import AppConfig


class AssociatesConfig(AppConfig):
    name = "shopwindow.associates"
    label = "associates"
    verbose_name = "Associates"

    def ready(self) -> None:
        # Privacy hooks: delete profiles and CVs with the account; add them to data downloads.
        from shopwindow.associates import signals  # noqa: F401
