"""`your_council` in every template: the chosen council, looked up only if a template uses it."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from shopwindow.tailoring.selectors import chosen_council


def your_council(request: HttpRequest) -> dict[str, Any]:
    return {"your_council": SimpleLazyObject(lambda: chosen_council(request))}
