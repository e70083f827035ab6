"""A date as GOV.UK asks for one: three boxes, day, month and year (the date input component).

`GovukDateField` reads `<name>-day`, `<name>-month` and `<name>-year` (the names GOV.UK
Frontend's date input posts) and `govuk_field` renders it as that component. Its errors follow
the Design System: "Start date must include a month", "Start date must be a real date".
"""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

PARTS = ("day", "month", "year")
DATE_HINT = "For example, 27 3 2027"


class GovukDateInput(forms.Widget):
    """Three text boxes posted as `<name>-day`, `<name>-month`, `<name>-year`."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> tuple[str, str, str]:
        day, month, year = (str(data.get(f"{name}-{part}", "")).strip() for part in PARTS)
        return day, month, year

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return all(f"{name}-{part}" not in data for part in PARTS)

    def format_value(self, value: Any) -> tuple[str, str, str]:  # type: ignore[override]
        return parts_of(value)


class GovukPartialDateInput(GovukDateInput):
    """The same three boxes for a date that may be only a year, or a month and year (a source's
    publication date). The value is the Innovation Record's text form — `2015`, `2015-04` or
    `2015-04-27` — so the record's own validator judges it; what cannot be a date is passed on
    as typed ("2015-x"), for that validator to name."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str:  # type: ignore[override]
        day, month, year = super().value_from_datadict(data, files, name)
        if not (day or month or year):
            return ""
        pieces = [year]
        if month or day:
            pieces.append(month.zfill(2) if month.isdigit() else month)
        if day:
            pieces.append(day.zfill(2) if day.isdigit() else day)
        return "-".join(pieces)


def parts_of(value: Any) -> tuple[str, str, str]:
    """Day, month and year as the boxes show them: from a date, from what was typed, or from
    a partial date's text (`2015`, `2015-04`, `2015-04-27`)."""
    if isinstance(value, datetime.date):
        return str(value.day), str(value.month), str(value.year)
    if isinstance(value, (list, tuple)) and len(value) == 3:
        return str(value[0] or ""), str(value[1] or ""), str(value[2] or "")
    if isinstance(value, str) and value.strip():
        year, month, day = ([*value.strip().split("-", 2), "", ""])[:3]
        return _unpadded(day), _unpadded(month), year
    return "", "", ""


def _unpadded(part: str) -> str:
    return str(int(part)) if part.isdigit() else part


def _missing_words(missing: list[str]) -> str:
    return " and ".join(missing) if len(missing) < 3 else "day, month and year"


class GovukDateField(forms.Field):
    """A whole date from day, month and year boxes."""

    widget = GovukDateInput

    def __init__(self, *, label: str, required_message: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(label=label, **kwargs)
        self.error_messages["required"] = required_message or f"Enter the {label.lower()}"

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        day, month, year = parts_of(value)
        given = {"day": day, "month": month, "year": year}
        if not any(given.values()):
            return None
        label = str(self.label)
        missing = [part for part in PARTS if not given[part]]
        if missing:
            raise ValidationError(
                f"{label} must include a {_missing_words(missing)}", code="incomplete"
            )
        if not all(text.isdigit() for text in given.values()) or len(year) != 4:
            raise ValidationError(f"{label} must be a real date, like 27 3 2027", code="invalid")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                f"{label} must be a real date, like 27 3 2027", code="invalid"
            ) from None


def date_input_params(field: Any, params: dict[str, Any], legend: dict[str, Any]) -> dict[str, Any]:
    """Params for GOV.UK's date-input component from a bound GovukDateField.

    `params` already holds the id, hint and error message; the first box takes the field's id so
    that the error summary's link lands on it.
    """
    values = parts_of(field.value())
    errors = bool(field.errors)
    empty_parts = [part for part, value in zip(PARTS, values, strict=True) if not value]
    # Highlight only the missing boxes when some were filled, else all of them.
    highlight = set(empty_parts) if errors and 0 < len(empty_parts) < 3 else set(PARTS)
    widths = {"day": 2, "month": 2, "year": 4}
    items = []
    for part, value in zip(PARTS, values, strict=True):
        classes = f"govuk-input--width-{widths[part]}"
        if errors and part in highlight:
            classes += " govuk-input--error"
        # The day box takes the field's id; the component's wrapper gets its own.
        box_id = params["id"] if part == "day" else f"{params['id']}-{part}"
        items.append({"id": box_id, "name": part, "value": value, "classes": classes})
    params.update(
        {
            "id": f"{params['id']}-date",
            "namePrefix": field.html_name,
            "fieldset": legend,
            "items": items,
        }
    )
    params.pop("name", None)
    return params
