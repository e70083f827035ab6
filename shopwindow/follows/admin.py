from django.contrib import admin

from shopwindow.follows.models import DigestLog, Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin[Follow]):
    list_display = ("user", "kind", "code", "created_at")
    list_filter = ("kind",)


@admin.register(DigestLog)
class DigestLogAdmin(admin.ModelAdmin[DigestLog]):
    list_display = ("user", "sent_at", "item_count")
