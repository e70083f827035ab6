"""The NinjaAPI instance for /api/v1/. Each domain adds a router in shopwindow/api/routers/."""

from typing import Any

from ninja import NinjaAPI

from shopwindow.api.auth import AddressThrottle
from shopwindow.api.errors import install_error_handlers, with_retry_after
from shopwindow.api.routers import adoption as adoption_routes
from shopwindow.api.routers import associates as associates_routes
from shopwindow.api.routers import authorities, innovations
from shopwindow.api.routers import stats as stats_routes
from shopwindow.api.routers import tailoring as tailoring_routes


def schema_documents_only(schema: Any) -> Any:
    """A response sent as application/schema+json (the record schemas) lists that type alone:
    ninja adds application/json to every declared response, which those never send."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if "application/schema+json" in content:
                    content.pop("application/json", None)
    return schema


class ShopwindowAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return schema_documents_only(with_retry_after(super().get_openapi_schema(**kwargs)))


api = ShopwindowAPI(
    title="Shopwindow API",
    version="1",
    description=(
        "The open API of Shopwindow, the sector's shop window of proven improvement options for UK "
        "councils. Reading is open to everyone; writing needs a personal API token."
    ),
    urls_namespace="api",
    docs_url=None,  # served by shopwindow.api.views.docs, under the site's CSP
    openapi_url="/openapi.json",
    throttle=[AddressThrottle()],
)
install_error_handlers(api)
api.add_router("/authorities", authorities.router, tags=["Authorities"])
api.add_router("/authorities", tailoring_routes.router, tags=["Tailoring"])
api.add_router("/", innovations.router, tags=["Innovations"])
api.add_router("/", adoption_routes.router, tags=["Adoption"])
api.add_router("/", associates_routes.router, tags=["Associates"])
api.add_router("/", stats_routes.router, tags=["Statistics"])
