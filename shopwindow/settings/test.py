"""Test settings: fast hashing, in-memory email, tasks run immediately."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Building the report PDF after every commit costs seconds per test with immediate tasks; the
# tests of that background build switch it back on.
REPORTS_PREBUILD_PDF = False
# The API's rate limits (issue 14) are raised so API tests and fuzzing are not throttled; the
# rate-limit tests set their own low limits.
ACCOUNTS_RATE_LIMITS = {
    **ACCOUNTS_RATE_LIMITS,  # noqa: F405
    "api_address": (100_000, 60),
    "api_token": (100_000, 60),
}
# Links in emails use SITE_URL: the test client's host, so tests can follow them.
SITE_URL = "http://testserver"
