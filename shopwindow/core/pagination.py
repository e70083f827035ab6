"""GOV.UK pagination: the one way a paged page links its pages, keeping the current filters."""

from collections.abc import Callable
from typing import Any

from django.core.paginator import Page
from django.http import QueryDict

ON_EACH_SIDE = 1  # page numbers shown either side of the current page, besides the first and last


def page_numbers(current: int, pages: int) -> list[int | None]:
    """The page numbers to show, with None where the GOV.UK pattern shows an ellipsis."""
    shown = {1, pages} | set(range(current - ON_EACH_SIDE, current + ON_EACH_SIDE + 1))
    numbers: list[int | None] = []
    for number in sorted(n for n in shown if 1 <= n <= pages):
        if numbers and number > (numbers[-1] or 0) + 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def pagination_params(
    *, current: int, pages: int, href: Callable[[int], str], label: str
) -> dict[str, Any] | None:
    """Params for the GOV.UK pagination component, or None when there is only one page.

    `href(n)` gives the address of page n; `label` names the landmark for screen readers,
    e.g. "Pages of councils".
    """
    if pages <= 1:
        return None
    items: list[dict[str, Any]] = [
        {"ellipsis": True}
        if number is None
        else {"number": number, "href": href(number), "current": number == current}
        for number in page_numbers(current, pages)
    ]
    params: dict[str, Any] = {"items": items, "landmarkLabel": label}
    if current > 1:
        params["previous"] = {"href": href(current - 1)}
    if current < pages:
        params["next"] = {"href": href(current + 1)}
    return params


def govuk_pagination(page: Page[Any], query: QueryDict, *, label: str) -> dict[str, Any] | None:
    """Pagination for a Django Page, keeping every other parameter of `query` in the links."""

    def href(number: int) -> str:
        params = query.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    return pagination_params(
        current=page.number, pages=page.paginator.num_pages, href=href, label=label
    )
