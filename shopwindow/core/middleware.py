"""Security headers that Django's SecurityMiddleware does not set; the client address behind a
trusted proxy."""

import base64
import hashlib
from collections.abc import Callable

from django.conf import settings
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


class TrustedProxyMiddleware:
    """Behind a trusted reverse proxy (settings.TRUST_PROXY), the client's address is the one
    the proxy puts in X-Forwarded-For, not the proxy's own: rate limits, lockouts and the audit
    log read REMOTE_ADDR. The right-most entry is taken: the address the proxy itself saw
    (anything to its left came from the client and could be made up)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded and getattr(settings, "TRUST_PROXY", False):
            request.META["REMOTE_ADDR"] = forwarded.split(",")[-1].strip()
        return self.get_response(request)
