"""Page-number pagination in the API's shape: {"count", "next", "previous", "results"}."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from shopwindow.api.errors import bad_parameter

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def page_url(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def paginate(
    request: HttpRequest,
    items: QuerySet[Any] | list[Any],
    *,
    page: int,
    page_size: int,
    count: int | None = None,
) -> tuple[dict[str, Any], Any]:
    """Slice `items` for the page; return the envelope (without results) and the page's items."""
    if page < 1:
        raise bad_parameter("page", "must be 1 or more")
    if page_size < 1 or page_size > MAX_PAGE_SIZE:
        raise bad_parameter("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    if count is not None:
        total = count
    else:
        total = len(items) if isinstance(items, list) else items.count()
    start = (page - 1) * page_size
    page_items = items[start : start + page_size]
    envelope = {
        "count": total,
        "next": page_url(request, page + 1) if start + page_size < total else None,
        "previous": page_url(request, page - 1) if page > 1 and start - page_size < total else None,
    }
    return envelope, page_items
