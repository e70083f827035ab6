"""Admin views for operators (read-mostly; the service's own pages make the decisions)."""

from django.contrib import admin

from shopwindow.associates.models import AssociateProfile, Engagement, HelpRequest, Invitation


@admin.register(AssociateProfile)
class AssociateProfileAdmin(admin.ModelAdmin[AssociateProfile]):
    list_display = ("user", "status", "headline", "submitted_at")
    list_filter = ("status",)
    search_fields = ("user__email", "user__full_name", "headline")
    exclude = ("cv_file",)


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin[HelpRequest]):
    list_display = ("title", "council", "status", "created_at")
    list_filter = ("status",)


admin.site.register(Invitation)
admin.site.register(Engagement)
