from django.apps import AppConfig


class InnovationsConfig(AppConfig):
    name = "shopwindow.innovations"
    label = "innovations"
    verbose_name = "Innovations"

    def ready(self) -> None:
        from shopwindow.authorities.sections import register_council_section

        # Each council's page lists the records it led, partnered in and adopted.
        register_council_section("innovations/sections/council_records.html")

        from shopwindow.accounts.home import register_home_links
        from shopwindow.innovations.home import council_records_link

        register_home_links(council_records_link, order=10)
