"""Production: refuses to start without a real SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.

Deployment (release step, web, worker, proxy, health checks, backups): docs/deploy.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

_REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
_missing = [name for name in _REQUIRED if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )
# Django's own test of a weak key (check W009): under 50 characters or under 5 distinct ones.
_key = os.environ["SECRET_KEY"]
if "insecure" in _key or len(_key) < 50 or len(set(_key)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be a random secret of at least 50 characters with at least 5 distinct "
        "characters. Make one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
# A wildcard host would let any Host header through (and into password-reset links).
if any(host.strip() == "*" for host in os.environ["ALLOWED_HOSTS"].split(",")):
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must name the service's host names (comma-separated), not '*'."
    )

DEBUG = env_bool("DEBUG", False)
ALLOW_DEMO_CONTENT = False

# Where the release step's `collectstatic` writes (and WhiteNoise serves from).
STATIC_ROOT = Path(env_str("STATIC_ROOT", "") or STATIC_ROOT)  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Issue 14e/16: CVs, report PDFs and evidence documents stay in the database (see base.py).
STORAGES["private"] = PRIVATE_FILES_STORAGE  # noqa: F405
STORAGES["evidence"] = PRIVATE_FILES_STORAGE  # noqa: F405

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Trust X-Forwarded-Proto only behind a reverse proxy that sets it (and overwrites any value a
# client sent): otherwise a client could claim HTTPS over plain HTTP. See docs/deploy.md.
TRUST_PROXY = env_bool("TRUST_PROXY", False)
if TRUST_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe these over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# --- Operations (issue 14): JSON logs with request ids, read replica. See docs/deploy.md. ---
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "shopwindow.core.request_id.RequestIdFilter"}},
    "formatters": {"json": {"()": "shopwindow.core.json_logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools report every step of a PDF build at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Reads of public catalogue data go to a read replica when one is configured
# (shopwindow/core/db_router.py); everything else, and every write, to the primary.
_replica_url = env_str("DATABASE_REPLICA_URL", "")
if _replica_url:
    DATABASES = {  # a new dict: base's stays as it was
        **DATABASES,  # noqa: F405
        "replica": dj_database_url.parse(
            _replica_url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0)
        ),
    }
    DATABASE_ROUTERS = ["shopwindow.core.db_router.ReplicaRouter"]
