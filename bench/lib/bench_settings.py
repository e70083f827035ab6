"""Settings for the benchmark server: production's, unchanged (hashed static files included),
so the bench measures what a deployment serves. Kept as a module so a bench-only change has
one place to go."""

from shopwindow.settings.production import *  # noqa: F403
