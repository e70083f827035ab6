"""Admin for innovation records: read-mostly; edits go through the services and the workflow."""

from django.contrib import admin

from shopwindow.innovations.models import EvidenceLevel, Innovation, Revision, ServiceArea, Theme


@admin.register(Theme, ServiceArea)
class VocabularyAdmin(admin.ModelAdmin[Theme | ServiceArea]):
    list_display = ["code", "label", "position"]


@admin.register(EvidenceLevel)
class EvidenceLevelAdmin(admin.ModelAdmin[EvidenceLevel]):
    list_display = ["level", "label"]


@admin.register(Innovation)
class InnovationAdmin(admin.ModelAdmin[Innovation]):
    list_display = [
        "record_id",
        "title",
        "workflow_status",
        "status",
        "is_illustrative",
        "updated_at",
    ]
    list_filter = ["workflow_status", "status", "is_illustrative", "evidence_level"]
    search_fields = ["record_id", "title", "summary"]
    readonly_fields = ["created_at", "updated_at", "published_at"]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin[Revision]):
    list_display = ["innovation", "kind", "state", "author", "created_at"]
    list_filter = ["kind", "state"]
    readonly_fields = ["snapshot", "changes", "created_at"]
