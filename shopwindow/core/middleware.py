"""Security headers that Django's SecurityMiddleware does not set."""

import base64
import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# GOV.UK Frontend's one inline script: it marks the body as JavaScript-enabled before paint.
# The Content Security Policy allows exactly this script by its hash, and no other inline script.
JS_ENABLED_SCRIPT = (
    "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype "
    "? ' govuk-frontend-supported' : '');"
)
_JS_HASH = base64.b64encode(hashlib.sha256(JS_ENABLED_SCRIPT.encode()).digest()).decode()

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    f"script-src 'self' 'sha256-{_JS_HASH}'; "
    "style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The admin's own pages use inline scripts. (The API docs no longer need an exemption: Swagger UI
# is served from this site and started by a static script.)
EXEMPT_PREFIXES = ("/admin/",)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response
