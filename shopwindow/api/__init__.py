"""The open JSON API under /api/v1/: routing and schemas only, calling the apps' selectors."""
