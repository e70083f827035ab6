"""Tailoring views: thin wrappers that call selectors and render templates."""
