from django.apps import AppConfig


class TailoringConfig(AppConfig):
    name = "shopwindow.tailoring"
    label = "tailoring"
    verbose_name = "Tailoring"

    def ready(self) -> None:
        from shopwindow.authorities.sections import register_council_section
        from shopwindow.innovations.sections import register_record_section

        register_council_section("tailoring/sections/council_links.html")
        # Early on the record page: whether the option fits your council comes before the detail.
        register_record_section("tailoring/sections/record_fit.html", order=10)
