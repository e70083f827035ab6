"""Council pages (placeholder: being built)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from shopwindow.authorities import selectors
from shopwindow.authorities.models import Authority


def council_list(request: HttpRequest) -> HttpResponse:
    return render(request, "authorities/list.html", {"councils": selectors.current_authorities()})


def council_detail(request: HttpRequest, gss: str) -> HttpResponse:
    council = get_object_or_404(Authority, gss=gss)
    return render(request, "authorities/detail.html", {"council": council})
