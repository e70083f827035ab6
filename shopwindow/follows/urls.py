"""URLs of follows: /follows/ (signed in) and the public one-click unsubscribe link."""

from django.urls import path

from shopwindow.follows import views

app_name = "follows"

urlpatterns = [
    path("", views.manage, name="manage"),
    path("follow/", views.follow, name="follow"),
    path("follow/topics/", views.follow_topics, name="follow-topics"),
    path("unfollow/", views.unfollow, name="unfollow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
