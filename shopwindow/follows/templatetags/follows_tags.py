"""The Follow / Unfollow button other pages include (record pages use it through a section)."""

from typing import Any

from django import template
from django.http import HttpRequest

from shopwindow.follows.selectors import is_following

register = template.Library()


@register.inclusion_tag("follows/includes/follow_button.html")
def follow_button(request: HttpRequest, kind: str, code: str, label: str) -> dict[str, Any]:
    user = request.user
    return {
        "signed_in": user.is_authenticated,
        "following": is_following(user, kind, code),  # type: ignore[arg-type]
        "kind": kind,
        "code": code,
        "label": label,
        "next": request.get_full_path(),
        "request": request,
        "sign_in_next": request.get_full_path(),
    }
