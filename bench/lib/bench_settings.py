"""Production settings for the benchmark server, with one change: static files are served
without the hashed manifest, because `collectstatic` with the manifest storage currently fails
on GOV.UK Frontend's missing source map (var/frontend lacks govuk-frontend.min.css.map)."""

from shopwindow.settings.production import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
