from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "shopwindow.follows"
    label = "follows"
    verbose_name = "Follows"

    def ready(self) -> None:
        from shopwindow.follows import signals  # noqa: F401 - connects the privacy hooks
        from shopwindow.innovations.sections import register_record_section

        register_record_section("follows/sections/record_follow.html", order=90)
