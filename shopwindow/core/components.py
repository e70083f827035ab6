"""Render GOV.UK Frontend components from Python.

The component definitions (dataclasses) come from govuk-frontend-django and the macros from
govuk-frontend-jinja, which tracks GOV.UK Frontend 6. govuk-frontend-django builds a new Jinja
environment for every render; we keep one compiled environment per process because lists and
forms render many components per page.
"""

from dataclasses import asdict, is_dataclass
from functools import cache, lru_cache
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, PackageLoader, PrefixLoader, Template, select_autoescape

# Macro name for each component, as GOV.UK Frontend names them.
MACROS = {
    "accordion": "govukAccordion",
    "back-link": "govukBackLink",
    "breadcrumbs": "govukBreadcrumbs",
    "button": "govukButton",
    "character-count": "govukCharacterCount",
    "checkboxes": "govukCheckboxes",
    "cookie-banner": "govukCookieBanner",
    "date-input": "govukDateInput",
    "details": "govukDetails",
    "error-message": "govukErrorMessage",
    "error-summary": "govukErrorSummary",
    "fieldset": "govukFieldset",
    "file-upload": "govukFileUpload",
    "footer": "govukFooter",
    "header": "govukHeader",
    "hint": "govukHint",
    "input": "govukInput",
    "inset-text": "govukInsetText",
    "label": "govukLabel",
    "notification-banner": "govukNotificationBanner",
    "pagination": "govukPagination",
    "panel": "govukPanel",
    "password-input": "govukPasswordInput",
    "phase-banner": "govukPhaseBanner",
    "radios": "govukRadios",
    "select": "govukSelect",
    "service-navigation": "govukServiceNavigation",
    "skip-link": "govukSkipLink",
    "summary-list": "govukSummaryList",
    "table": "govukTable",
    "tabs": "govukTabs",
    "tag": "govukTag",
    "task-list": "govukTaskList",
    "textarea": "govukTextarea",
    "warning-text": "govukWarningText",
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


@cache
def _macro(component: str) -> Template:
    macro = MACROS[component]
    template = _environment().from_string(
        "{%- from 'govuk_frontend_jinja/components/"
        + component
        + "/macro.html' import "
        + macro
        + " -%}{{ "
        + macro
        + "(params) }}"
    )
    return template


def _clean(value: Any) -> Any:
    """Drop None values, as the Nunjucks macros treat a missing key and None alike."""
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and not k.startswith("_")}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def render_component(component: str, params: Any) -> SafeString:
    """Render a GOV.UK Frontend component (by its kebab-case name) with the given params.

    `params` is a dict or one of govuk-frontend-django's component dataclasses.
    """
    return mark_safe(_macro(component).render(params=_clean(params)))  # noqa: S308 - Jinja escapes
