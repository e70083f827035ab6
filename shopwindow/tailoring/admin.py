"""Comparators are rebuilt by `build_comparators`, so the admin shows them read-only."""

from django.contrib import admin
from django.http import HttpRequest

from shopwindow.tailoring.models import Comparator


@admin.register(Comparator)
class ComparatorAdmin(admin.ModelAdmin[Comparator]):
    list_display = ["authority", "rank", "comparator", "distance"]
    list_select_related = ["authority", "comparator"]
    search_fields = ["authority__name", "authority__gss"]
    readonly_fields = ["authority", "comparator", "rank", "distance", "standardised_distance"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Comparator | None = None) -> bool:
        return False
