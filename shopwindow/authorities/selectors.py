"""Reads for authorities. Pages and the API both call these."""

from django.db.models import QuerySet

from shopwindow.authorities.models import Authority


def current_authorities() -> QuerySet[Authority]:
    return Authority.objects.filter(is_current=True)
