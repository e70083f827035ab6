from django.apps import AppConfig


class AssociatesConfig(AppConfig):
    name = "shopwindow.associates"
    label = "associates"
    verbose_name = "Associates"

    def ready(self) -> None:
        # Privacy hooks: delete profiles and CVs with the account; add them to data downloads.
        from shopwindow.accounts.permissions import register_vetted_associate_check
        from shopwindow.associates import signals  # noqa: F401
        from shopwindow.associates.selectors import is_vetted_associate

        register_vetted_associate_check(is_vetted_associate)

        from shopwindow.accounts.home import register_home_engagements, register_home_links
        from shopwindow.associates import home

        register_home_links(home.help_requests_link, order=30)
        register_home_links(home.associate_links, order=50)
        register_home_engagements(home.engagements)
