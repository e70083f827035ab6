"""Template tags that render Django forms and common components with GOV.UK Frontend.

Loaded as a builtin, so every template can use them without `{% load %}`.
"""

from typing import Any

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString

from shopwindow.core.components import render_component
from shopwindow.core.dates import GovukDateInput, date_input_params

register = template.Library()

LABEL_SIZES = {"s", "m", "l", "xl"}


def _label(field: BoundField, size: str, heading: bool) -> dict[str, Any]:
    label: dict[str, Any] = {"text": str(field.label)}
    if size in LABEL_SIZES:
        label["classes"] = f"govuk-label--{size}"
    if heading:
        label["isPageHeading"] = True
    return label


def _legend(field: BoundField, size: str, heading: bool) -> dict[str, Any]:
    legend: dict[str, Any] = {"text": str(field.label)}
    legend["classes"] = f"govuk-fieldset__legend--{size if size in LABEL_SIZES else 's'}"
    if heading:
        legend["isPageHeading"] = True
    return {"legend": legend}


def _choices(field: BoundField, selected: set[str]) -> list[dict[str, Any]]:
    items = []
    for value, text in field.field.choices:  # type: ignore[attr-defined]
        value = "" if value is None else str(value)
        items.append({"value": value, "text": str(text), "checked": value in selected})
    return items


def _selected_values(field: BoundField) -> set[str]:
    value = field.value()
    if value is None:
        return set()
    if isinstance(value, (list, tuple, set)):
        return {str(v) for v in value}
    return {str(value)}


def _base_params(field: BoundField, hint_text: str, classes: str) -> dict[str, Any]:
    """The id, name, hint, error and classes every GOV.UK form component takes."""
    params: dict[str, Any] = {"id": field.auto_id, "name": field.html_name}
    if hint_text:
        params["hint"] = {"text": hint_text}
    if field.errors:
        params["errorMessage"] = {"text": " ".join(str(e) for e in field.errors)}
    if classes:
        params["classes"] = classes
    return params


def _choice_group(
    field: BoundField, params: dict[str, Any], size: str, heading: bool, component: str
) -> SafeString:
    """Checkboxes or radios for a multiple-choice widget, inside a fieldset with a legend."""
    params.pop("id")
    params["idPrefix"] = field.auto_id
    params["fieldset"] = _legend(field, size, heading)
    params["items"] = _choices(field, _selected_values(field))
    return render_component(component, params)


def _single_checkbox(field: BoundField, params: dict[str, Any], hint_text: str) -> SafeString:
    """One yes/no checkbox labelled by the field; its hint sits on the item, not the group."""
    params.pop("id")
    params["idPrefix"] = field.auto_id
    params["items"] = [{"value": "on", "text": str(field.label), "checked": bool(field.value())}]
    if hint_text:
        params["items"][0]["hint"] = {"text": hint_text}
        params.pop("hint")
    return render_component("checkboxes", params)


def _select(field: BoundField, params: dict[str, Any], attrs: dict[str, Any]) -> SafeString:
    params["items"] = [
        {"value": item["value"], "text": item["text"], "selected": item["checked"]}
        for item in _choices(field, _selected_values(field))
    ]
    if attrs:
        params["attributes"] = attrs
    return render_component("select", params)


def _textarea(field: BoundField, params: dict[str, Any], attrs: dict[str, Any]) -> SafeString:
    value = field.value()
    params["value"] = "" if value is None else str(value)
    params["rows"] = attrs.pop("rows", 5)
    attrs.pop("cols", None)
    if attrs:
        params["attributes"] = attrs
    return render_component("textarea", params)


def _file_upload(params: dict[str, Any], attrs: dict[str, Any]) -> SafeString:
    if attrs:
        params["attributes"] = attrs
    return render_component("file-upload", params)


def _password(params: dict[str, Any], autocomplete: str) -> SafeString:
    if autocomplete:
        params["autocomplete"] = autocomplete
    return render_component("password-input", params)


def _text_input(
    field: BoundField,
    params: dict[str, Any],
    attrs: dict[str, Any],
    autocomplete: str,
    input_type: str,
) -> SafeString:
    params["type"] = input_type or getattr(field.field.widget, "input_type", "text")
    if params["type"] == "number":
        # GOV.UK guidance: avoid type=number; use a numeric inputmode instead.
        params["type"] = "text"
        params["inputmode"] = "numeric"
    value = field.value()
    params["value"] = "" if value is None else str(value)
    if autocomplete:
        params["autocomplete"] = autocomplete
    if attrs:
        params["attributes"] = {k: v for k, v in attrs.items() if k not in {"maxlength"}}
    return render_component("input", params)


@register.simple_tag
def govuk_field(
    field: BoundField,
    size: str = "",
    heading: bool = False,
    classes: str = "",
    hint: str = "",
    autocomplete: str = "",
    input_type: str = "",
) -> SafeString:
    """Render a bound form field as the matching GOV.UK component, with its hint and error."""
    widget = field.field.widget
    hint_text = hint or str(field.help_text or "")
    params = _base_params(field, hint_text, classes)
    attrs = {k: v for k, v in widget.attrs.items() if k not in {"class", "id"}}

    if isinstance(widget, forms.CheckboxSelectMultiple):
        return _choice_group(field, params, size, heading, "checkboxes")
    if isinstance(widget, forms.RadioSelect):
        return _choice_group(field, params, size, heading, "radios")
    if isinstance(widget, forms.CheckboxInput):
        return _single_checkbox(field, params, hint_text)

    if isinstance(widget, GovukDateInput):
        return render_component(
            "date-input", date_input_params(field, params, _legend(field, size, heading))
        )

    params["label"] = _label(field, size, heading)
    if isinstance(widget, forms.Select):
        return _select(field, params, attrs)
    if isinstance(widget, forms.Textarea):
        return _textarea(field, params, attrs)
    if isinstance(widget, forms.FileInput):
        return _file_upload(params, attrs)
    if isinstance(widget, forms.PasswordInput):
        return _password(params, autocomplete)
    return _text_input(field, params, attrs, autocomplete, input_type)


@register.simple_tag
def govuk_error_summary(*forms_: forms.BaseForm) -> SafeString | str:
    """The GOV.UK error summary for one or more forms, linking each error to its field."""
    items: list[dict[str, str]] = []
    for form in forms_:
        if form is None or not form.is_bound or not form.errors:
            continue
        for error in form.non_field_errors():
            items.append({"text": str(error), "href": "#main-content"})
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            for error in errors:
                items.append({"text": str(error), "href": f"#{bound.auto_id}"})
    if not items:
        return ""
    return render_component(
        "error-summary", {"titleText": "There is a problem", "errorList": items}
    )


def _render(component: str, params: dict[str, Any]) -> SafeString:
    html = render_component(component, params)
    if component != "table":
        return html
    # A wide table scrolls inside its own labelled, focusable region, not the page (WCAG 1.4.10).
    return format_html(
        '<div class="app-table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>',
        params.get("caption") or "Table",
        html,
    )


@register.simple_tag
def govuk(component: str, **params: Any) -> SafeString:
    """Render any GOV.UK component with flat keyword params: {% govuk "button" text="Save" %}."""
    return _render(component, params)


@register.simple_tag
def govuk_params(component: str, params: dict[str, Any]) -> SafeString:
    """Render a GOV.UK component from a params dict built in the view or a selector."""
    return _render(component, params)


@register.filter
def pounds(value: Any) -> str:
    """Format a number of pounds as £1,234 (no pence); an empty value as an empty string."""
    if value is None or value == "":
        return ""
    return f"£{round(float(value)):,}"


@register.filter
def thousands(value: Any) -> str:
    """Format a whole number with thousands separators: 89812 → 89,812."""
    if value is None or value == "":
        return ""
    return f"{round(float(value)):,}"
