"""Checks a web process runs before it serves anything, so that a broken release fails at once
with a message saying what to do, rather than answering every page with a server error."""

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages


def check_static_files_collected() -> None:
    """With hashed file names (production), every page needs collectstatic's manifest."""
    storage = storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.hashed_files:
        raise ImproperlyConfigured(
            "Static files have not been collected for these settings: run "
            "`python manage.py collectstatic --no-input` in the release step, before starting "
            f"the web processes (no manifest in {getattr(storage, 'location', 'STATIC_ROOT')}). "
            "See docs/deploy.md."
        )
