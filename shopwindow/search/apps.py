from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "shopwindow.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from shopwindow.search import signals

        signals.connect()
