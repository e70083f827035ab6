"""Probes for load balancers and monitoring: /healthz (the process answers; no database) and
/readyz (database reachable, migrations applied, a worker's heartbeat fresh). See
docs/deploy.md for which probe to point what at."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from shopwindow.core.health import readiness


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    ready, checks = readiness()
    failed = [name for name, detail in checks.items() if not detail.startswith("ok")]
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "failed": failed, "checks": checks},
        status=200 if ready else 503,
    )
