from django.contrib import admin

from shopwindow.adoption.models import AdoptionPlan, OriginatorMessage, PlanTask


class PlanTaskInline(admin.TabularInline[PlanTask, AdoptionPlan]):
    model = PlanTask
    extra = 0


@admin.register(AdoptionPlan)
class AdoptionPlanAdmin(admin.ModelAdmin[AdoptionPlan]):
    list_display = ("title", "council", "innovation", "status", "is_shared", "review")
    list_filter = ("status", "is_shared", "review")
    inlines = [PlanTaskInline]


@admin.register(OriginatorMessage)
class OriginatorMessageAdmin(admin.ModelAdmin[OriginatorMessage]):
    list_display = ("innovation", "council", "sender", "sent_at")
    readonly_fields = ("innovation", "council", "sender", "body", "recipient_email", "sent_at")
