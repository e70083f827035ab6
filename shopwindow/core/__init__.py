"""Core: layout, GOV.UK component helpers, errors, Markdown rendering and shared helpers."""
