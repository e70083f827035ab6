"""Settings shared by every environment. Environment-specific modules import from here."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
FRONTEND_DIR = VAR_DIR / "frontend"

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-never-use-in-production") or ""
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "govuk_frontend_django",
    "axes",
    # Second factor (TOTP and recovery codes) for moderators and admins: docs/decisions.md.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "shopwindow.core",
    "shopwindow.authorities",
    "shopwindow.accounts",
    "shopwindow.innovations",
    "shopwindow.tailoring",
    "shopwindow.reports",
    "shopwindow.search",
    "shopwindow.adoption",
    "shopwindow.follows",
    "shopwindow.api",
    "shopwindow.associates",
]

MIDDLEWARE = [
    # First, so that every response (redirects and errors too) carries X-Request-ID.
    "shopwindow.core.request_id.RequestIdMiddleware",
    "shopwindow.core.middleware.TrustedProxyMiddleware",  # acts only with TRUST_PROXY
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signs out after SESSION_IDLE_SECONDS idle or SESSION_ABSOLUTE_SECONDS in all.
    "shopwindow.accounts.middleware.SessionLimitsMiddleware",
    # Marks request.user verified when the session passed the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "shopwindow.core.middleware.SecurityHeadersMiddleware",
    # Locked down by default: signed-out visitors see only the URLs in accounts/public_urls.py.
    "shopwindow.accounts.middleware.LockedDownMiddleware",
    # Moderators and admins reach nothing but the second-factor pages until they pass it.
    "shopwindow.accounts.middleware.SecondFactorMiddleware",
    # Axes turns a lockout into the GOV.UK lockout page; it must come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shopwindow.urls"
WSGI_APPLICATION = "shopwindow.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shopwindow.core.context_processors.service",
                "shopwindow.tailoring.context_processors.your_council",
                "shopwindow.accounts.context_processors.session_timeout",
            ],
            "builtins": ["shopwindow.core.templatetags.govuk"],
        },
    },
]

DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'shopwindow.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", DEFAULT_DATABASE_URL) or DEFAULT_DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a writer commits; busy timeout avoids "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Refuses sign-in for a locked-out account and address before the password is checked.
    "shopwindow.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = 3 * 3600

# django-axes: lock an account-and-address pair after 5 failures, for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "shopwindow.accounts.lockout.attempted_username"
AXES_LOCKOUT_CALLABLE = "shopwindow.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins go to our own audit log
AXES_VERBOSE = False

# Account emails: confirmation links last three days; cache-based limits per IP and per email.
ACCOUNTS_CONFIRMATION_MAX_AGE = 3 * 24 * 3600
ACCOUNTS_RATE_LIMITS = {
    "sign_up": (env_int("RATE_LIMIT_SIGN_UPS_PER_HOUR", 5), 3600),
    "password_reset": (env_int("RATE_LIMIT_PASSWORD_RESETS_PER_HOUR", 5), 3600),
    "confirmation_email": (env_int("RATE_LIMIT_CONFIRMATION_EMAILS_PER_HOUR", 3), 3600),
    # Messages to a record's contact (adoption app), per sender.
    "originator_message": (env_int("RATE_LIMIT_ORIGINATOR_MESSAGES_PER_HOUR", 5), 3600),
    "originator_message_day": (env_int("RATE_LIMIT_ORIGINATOR_MESSAGES_PER_DAY", 20), 86400),
}

# Shared cache and rate limits (issue 14). One cache for every process, so limits hold however
# many processes serve: the database cache in the main database by default (no new service; the
# table is made by core's first migration), Redis when REDIS_URL is set. MAX_ENTRIES is high so
# culling never drops live rate-limit counts.
REDIS_URL = env_str("REDIS_URL", "") or ""
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "shopwindow.core.cache.DatabaseCache",
            "LOCATION": "shopwindow_cache",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000, "CULL_FREQUENCY": 10},
        }
    }
ACCOUNTS_RATE_LIMITS.update(
    {
        # Failed sign-ins from one address across all accounts (failed API tokens count too);
        # axes separately locks an account-and-address pair after AXES_FAILURE_LIMIT failures.
        "sign_in_failure": (env_int("RATE_LIMIT_FAILED_SIGN_INS_PER_ADDRESS_PER_HOUR", 30), 3600),
        # API requests per client address, and per personal API token.
        "api_address": (env_int("RATE_LIMIT_API_PER_ADDRESS_PER_MINUTE", 120), 60),
        "api_token": (env_int("RATE_LIMIT_API_PER_TOKEN_PER_MINUTE", 120), 60),
    }
)
# Email goes through the task queue after commit (shopwindow/core/email.py); a failed send is
# tried again after each of these delays in seconds, then given up and logged.
EMAIL_RETRY_DELAYS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [FRONTEND_DIR / "static"]
# WhiteNoise serves files at the site's root from here (the brand CSS asks for no GOV.UK fonts).
WHITENOISE_ROOT = FRONTEND_DIR / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

MEDIA_ROOT = VAR_DIR / "media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
# Associates' CVs (PDF or DOCX) are refused above this size.
ASSOCIATES_CV_MAX_BYTES = env_int("ASSOCIATES_CV_MAX_MB", 5) * 1024 * 1024

# Issue 14e: files (associates' CVs, report PDFs) live in the database (shopwindow.files), so no
# web or worker process keeps state on its own disk. "private" files have no public URL: views
# that check permissions serve them. PRIVATE_MEDIA_ROOT is only read by the migration that moves
# CVs written before this change into the database; nothing writes under MEDIA_ROOT.
INSTALLED_APPS += ["shopwindow.files"]
PRIVATE_FILES_STORAGE = {"BACKEND": "shopwindow.files.storage.DatabaseStorage"}
STORAGES["private"] = PRIVATE_FILES_STORAGE
# Report PDFs: built only by the worker; at most this many kept (the oldest built go first).
REPORTS_PDF_MAX_FILES = env_int("REPORTS_PDF_MAX_FILES", 50)
# A build still not done after this many seconds (the task failed) is queued again on request.
REPORTS_PDF_RETRY_AFTER = env_int("REPORTS_PDF_RETRY_AFTER_SECONDS", 600)
ACCOUNTS_RATE_LIMITS["report_pdf"] = (env_int("RATE_LIMIT_REPORT_PDFS_PER_MINUTE", 5), 60)
# --- Evidence documents (issue 16): PDFs uploaded as a record's sources, read and written only
# through this storage alias (shopwindow.innovations.evidence_files); served by the service, never
# as static or media files, and kept in the database like CVs. Refused above
# INNOVATIONS_EVIDENCE_MAX_MB.
STORAGES["evidence"] = PRIVATE_FILES_STORAGE
INNOVATIONS_EVIDENCE_MAX_BYTES = env_int("INNOVATIONS_EVIDENCE_MAX_MB", 20) * 1024 * 1024

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# `manage.py worker` beats every 10 s; /readyz reports no worker after this many seconds.
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 120)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Shopwindow <no-reply@shopwindow.example>")

SERVICE_NAME = "Shopwindow"
# Issue 16 (brand): who runs the service, named in the footer's copyright line. Shopwindow is not
# a GOV.UK service, so its pages carry the operator's copyright, not Crown copyright. The default
# is a placeholder: set SERVICE_OPERATOR to the operating organisation's legal name.
SERVICE_OPERATOR = env_str("SERVICE_OPERATOR", "Shopwindow CIC") or "Shopwindow CIC"
FEEDBACK_URL = env_str("FEEDBACK_URL", "mailto:feedback@shopwindow.example")
# The public address of the service, for links in emails sent outside a request (digests).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000") or "http://127.0.0.1:8000"
# The real catalogue: Innovation Record files (format 1.1) loaded by `manage.py load_catalogue` in
# every environment, production included.
CATALOGUE_DIR = BASE_DIR / "data" / "catalogue"

# Whether demo accounts and content may be created. Production settings force this off.
ALLOW_DEMO_CONTENT = True

# Search: seconds to cache counts, facet counts and suggestions per index version (0: off).
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 300)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "shopwindow.core.views.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Sessions and the second factor (issue 14, OWASP ASVS level 2: V3.3, V2.8). A session ends after
# 2 hours without a request or 12 hours after sign-in, whichever comes first
# (accounts.middleware.SessionLimitsMiddleware; the cookie lasts as long as the longest session so
# that the service can say why someone was signed out). Pages warn 2 minutes before the end.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 120) * 60
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_HOURS", 12) * 3600
SESSION_WARNING_SECONDS = 120
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
# Authenticator apps show this name beside the code.
OTP_TOTP_ISSUER = SERVICE_NAME
# The Django admin lists people's authenticator devices (to remove a lost one) but never shows
# their secrets.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Each wrong code doubles the wait before the next try (1, 2, 4, 8... seconds), per device.
OTP_TOTP_THROTTLE_FACTOR = 1
ACCOUNTS_RECOVERY_CODE_THROTTLE_FACTOR = 1
# Operations (top layer): `manage.py backup` / `restore` (shopwindow/operations/backup.py).
INSTALLED_APPS += ["shopwindow.operations"]
