"""Reads for the API app's own pages."""

from django.db.models import QuerySet

from shopwindow.accounts.models import User
from shopwindow.api.models import ApiToken


def tokens_for(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
