"""Page-number pagination in the API's shape: {"count", "next", "previous", "results"}."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja.params.functions import Query  # what ninja.Query calls; to mypy that is a generic alias

from shopwindow.api.errors import bad_parameter

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# Far beyond any list's last page, and small enough that (page - 1) * page_size stays an offset
# every database accepts (?page=9223372036854775807 was a 500).
MAX_PAGE = 100_000
# The largest id a path may name: a BigAutoField's maximum (a larger number was a 500).
MAX_ID = 2**63 - 1


def page_number(default: int = 1) -> Any:
    """The `page` query parameter, bounded in the OpenAPI document and by validation."""
    return Query(default, ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE}")


def page_size_param(default: int = DEFAULT_PAGE_SIZE) -> Any:
    """The `page_size` query parameter, bounded like `page_number`."""
    return Query(
        default, ge=1, le=MAX_PAGE_SIZE, description=f"Results a page, 1 to {MAX_PAGE_SIZE}"
    )


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
    if page < 1 or page > MAX_PAGE:
        raise bad_parameter("page", f"must be between 1 and {MAX_PAGE}")
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
