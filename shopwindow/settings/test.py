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
