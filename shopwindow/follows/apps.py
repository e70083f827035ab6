from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "shopwindow.follows"
    label = "follows"
    verbose_name = "Follows"

    def ready(self) -> None:
        from shopwindow.follows import signals  # noqa: F401 - connects the privacy hooks
        from shopwindow.innovations.sections import register_record_section

        register_record_section("follows/sections/record_follow.html", order=90)

        from shopwindow.core.hooks import Panel, register_panel
        from shopwindow.follows.panels import learning_panel

        # The associate's dashboard offers following their skills' themes (associates app).
        register_panel(
            "associates-dashboard",
            Panel("follows/panels/learn.html", learning_panel),
        )

        from shopwindow.accounts.home import register_home_links
        from shopwindow.follows.home import follows_link

        register_home_links(follows_link, order=40)
