from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "shopwindow.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from shopwindow.core import hooks
        from shopwindow.search import signals
        from shopwindow.search.indexing import rebuild

        signals.connect()
        hooks.register_after_restore(rebuild)
