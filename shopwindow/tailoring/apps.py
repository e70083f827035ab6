from django.apps import AppConfig


class TailoringConfig(AppConfig):
    name = "shopwindow.tailoring"
    label = "tailoring"
    verbose_name = "Tailoring"

    def ready(self) -> None:
        from shopwindow.authorities.sections import register_council_section

        register_council_section("tailoring/sections/council_links.html")
