"""Authorities API (placeholder: being built)."""

from ninja import Router

router = Router()
