"""GOV.UK pagination for a page of results that keeps the current filters in every link."""

from typing import Any

from django.core.paginator import Page
from django.http import QueryDict


def govuk_pagination(page: Page[Any], query: QueryDict, *, label: str) -> dict[str, Any] | None:
    """Params for the GOV.UK pagination component, or None when there is only one page.

    `label` names the landmark for screen readers, e.g. "Pages of councils".
    """
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        params = query.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    items: list[dict[str, Any]] = []
    for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {"number": number, "href": href(int(number)), "current": number == page.number}
            )
    params: dict[str, Any] = {"items": items, "landmarkLabel": label}
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params
