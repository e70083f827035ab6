from django.apps import AppConfig


class AdoptionConfig(AppConfig):
    name = "shopwindow.adoption"
    label = "adoption"
    verbose_name = "Adoption and spread"

    def ready(self) -> None:
        from shopwindow.adoption import signals  # noqa: F401 - connects the privacy hooks
        from shopwindow.innovations.sections import register_record_section

        register_record_section("adoption/sections/spread.html", order=40)
        register_record_section("adoption/sections/adopt.html", order=60)
