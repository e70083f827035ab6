"""Django admin for accounts. Role changes made here are written to the audit log."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from shopwindow.accounts import audit, services
from shopwindow.accounts.models import AuditEvent, CouncilEmailDomain, CouncilMembership, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ["email", "full_name", "role", "email_confirmed_at", "is_active", "date_joined"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "full_name"]
    fields = ["email", "full_name", "role", "is_active", "email_confirmed_at", "last_login"]
    readonly_fields = ["last_login"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        new_role = obj.role
        if change:
            old_role = User.objects.get(pk=obj.pk).role
            obj.role = old_role
            super().save_model(request, obj, form, change)
            services.change_role(
                user=obj,
                role=new_role,
                actor=request.user,  # type: ignore[arg-type]
                origin=audit.origin(request),
            )
        else:
            super().save_model(request, obj, form, change)
            services.record_event(
                actor=request.user,
                action=audit.ROLE_CHANGED,
                target=obj,
                origin=audit.origin(request),
                extra={"from": None, "to": new_role, "via": "admin"},
            )


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(admin.ModelAdmin[CouncilMembership]):
    list_display = ["user", "authority", "status", "decided_by", "decided_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "authority__name", "authority__gss"]
    raw_id_fields = ["user", "authority", "decided_by"]
    readonly_fields = ["status", "decided_by", "decided_at", "auto_approved", "reason"]


@admin.register(CouncilEmailDomain)
class CouncilEmailDomainAdmin(admin.ModelAdmin[CouncilEmailDomain]):
    list_display = ["domain", "authority", "added_by", "added_at"]
    search_fields = ["domain", "authority__name"]
    raw_id_fields = ["authority", "added_by"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ["created_at", "actor_email", "action", "object_description", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor_email", "object_description"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
