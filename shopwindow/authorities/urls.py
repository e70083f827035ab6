from django.urls import path

from shopwindow.authorities.views import councils

app_name = "authorities"

urlpatterns = [
    path("", councils.council_list, name="list"),
    path("<str:gss>/", councils.council_detail, name="detail"),
]
