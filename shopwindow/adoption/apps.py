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

        from shopwindow.accounts.home import register_home_links
        from shopwindow.adoption.home import plans_link

        register_home_links(plans_link, order=20)
