"""Innovations: the Innovation Record, its vocabularies, import/export, moderation and pages."""
