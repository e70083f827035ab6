"""Hooks through which higher apps plug into core's pages, so imports only run downwards.

`core` is the bottom layer (the import-linter contract in pyproject.toml): it may not import
accounts, authorities or any feature app. Where a core page shows something another app owns
(the account links in the navigation, the number of councils on the home page, a panel on a
dashboard), that app registers a provider here from its `AppConfig.ready()`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

NavigationProvider = Callable[[HttpRequest], list[dict[str, Any]]]
SlotProvider = Callable[[HttpRequest], SafeString | str]
FactProvider = Callable[[], Any]
PanelContext = Callable[[HttpRequest], dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    """A template shown in a named place on another app's page, with its own context."""

    template_name: str
    context: PanelContext
    order: int = 50


@dataclass
class _Registry:
    navigation: list[NavigationProvider] = field(default_factory=list)
    navigation_end: list[SlotProvider] = field(default_factory=list)
    facts: dict[str, FactProvider] = field(default_factory=dict)
    panels: dict[str, list[Panel]] = field(default_factory=dict)
    after_restore: list[Callable[[], Any]] = field(default_factory=list)


_registry = _Registry()


def register_navigation(provider: NavigationProvider) -> None:
    """Add items after the service's own navigation (e.g. "Your account")."""
    if provider not in _registry.navigation:
        _registry.navigation.append(provider)


def register_navigation_end(provider: SlotProvider) -> None:
    """Add HTML at the end of the navigation (e.g. the sign-out button)."""
    if provider not in _registry.navigation_end:
        _registry.navigation_end.append(provider)


def register_fact(name: str, provider: FactProvider) -> None:
    """Name a value a core page shows (e.g. `council_count` on the home page)."""
    _registry.facts[name] = provider


def register_panel(place: str, panel: Panel) -> None:
    """Show `panel` at `place` (e.g. "associates-dashboard"), in `order`."""
    panels = _registry.panels.setdefault(place, [])
    if all(existing.template_name != panel.template_name for existing in panels):
        panels.append(panel)
        panels.sort(key=lambda item: item.order)


def navigation_items(request: HttpRequest) -> list[dict[str, Any]]:
    return [item for provider in _registry.navigation for item in provider(request)]


def navigation_end(request: HttpRequest) -> SafeString:
    """Providers return HTML they built with format_html; plain strings are escaped."""
    parts = (conditional_escape(provider(request)) for provider in _registry.navigation_end)
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or already safe


def fact(name: str) -> Any:
    """The value a registered provider gives, or None when no app registered it."""
    provider = _registry.facts.get(name)
    return provider() if provider else None


def panels_at(place: str, request: HttpRequest) -> list[dict[str, Any]]:
    """The panels to render at `place`, each as {"template_name", "context"}; a panel whose
    context function returns None is left out."""
    shown = []
    for panel in _registry.panels.get(place, []):
        context = panel.context(request)
        if context is not None:
            shown.append({"template_name": panel.template_name, "context": context})
    return shown


def register_after_restore(step: Callable[[], Any]) -> None:
    """Run `step` inside a restore's transaction, after the data and files are back (e.g. the
    search index rebuild): core's backup cannot import the apps that own those steps."""
    if step not in _registry.after_restore:
        _registry.after_restore.append(step)


def run_after_restore() -> None:
    for step in _registry.after_restore:
        step()
