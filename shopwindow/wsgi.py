"""WSGI entry point (gunicorn shopwindow.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopwindow.settings.production")

application = get_wsgi_application()

# Refuse to boot, with a clear message, rather than serve a 500 on every page.
from shopwindow.core.startup import check_static_files_collected  # noqa: E402

check_static_files_collected()
