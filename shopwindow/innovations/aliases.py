"""Old record addresses redirect to the current one (see models.alias.RecordAlias).

`follows_record_aliases` wraps any view with a `record_id` argument. The view runs as usual; only
when it answers "not found" is the id looked up among old ids, so a current address costs nothing
extra. A found alias gets a permanent redirect to the same page under the record's current id,
with the query string kept: 301 for reads, 308 for forms (which keeps the method and body).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import (
    Http404,
    HttpRequest,
    HttpResponseBase,
    HttpResponsePermanentRedirect,
)
from django.urls import reverse

from shopwindow.innovations.models import RecordAlias


def current_id(old_id: str) -> str | None:
    """The current id of the record that once had `old_id`, or None."""
    alias = RecordAlias.objects.select_related("innovation").filter(old_id=old_id).first()
    return alias.innovation.record_id if alias else None


def redirect_to_current(request: HttpRequest, record_id: str) -> HttpResponseBase | None:
    """A permanent redirect from an old record address to its current one, or None."""
    new_id = current_id(record_id)
    match = request.resolver_match
    if new_id is None or new_id == record_id or match is None:
        return None
    kwargs = {**match.kwargs, "record_id": new_id}
    url = reverse(match.view_name, kwargs=kwargs)
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    response = HttpResponsePermanentRedirect(url)
    if request.method not in ("GET", "HEAD"):
        response.status_code = 308
    return response


def follows_record_aliases(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            redirect = redirect_to_current(request, kwargs.get("record_id", ""))
            if redirect is None:
                raise
            return redirect
        if getattr(response, "status_code", 200) == 404:
            redirect = redirect_to_current(request, kwargs.get("record_id", ""))
            if redirect is not None:
                return redirect
        return response

    return wrapper
