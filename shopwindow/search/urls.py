"""URLs of the search app: the list of published records, /innovations/.

They join the innovations namespace in shopwindow/urls.py, so the page keeps its name
`innovations:list` while the innovations app never imports search."""

from django.urls import path

from shopwindow.search.views import search as search_views

urlpatterns = [
    path("innovations/", search_views.search_page, name="list"),
]
