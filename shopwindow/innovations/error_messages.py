"""Error messages for the submission form, written to the GOV.UK Design System's guidance.

The validator (services.validation) says what is wrong in terms of the record's fields
("outcomes.metrics[0].baseline: must be a number"). The form says it in the words of the field's
label, with an example of the right format: "Before must be a number, like 120". A field can set
its own wording for a kind of problem in its `error_messages` (keys are the kinds below).
"""

import re

from django import forms

from shopwindow.core.dates import GovukDateInput
from shopwindow.innovations.services.validation import UNSOURCED

REQUIRED = "required"
NUMBER = "number"
WEB_ADDRESS = "web_address"
PARTIAL_DATE = "partial_date"
TOO_SHORT = "too_short"
TOO_LONG = "too_long"
EMAIL = "email"

_LENGTH = re.compile(r"must be at (least|most) (\d+) characters")


def problem_kind(problem: str) -> str:
    """The kind of a validator problem ("" when it has no kind of its own)."""
    if problem in ("is required", "must list at least one"):
        return REQUIRED
    if problem in ("must be a number", "must be a whole number"):
        return NUMBER
    if problem.startswith("must be a web address"):
        return WEB_ADDRESS
    if problem.startswith("must be a date as") or problem.endswith("is not a real date"):
        return PARTIAL_DATE
    if problem.endswith("is not an email address"):
        return EMAIL
    match = _LENGTH.match(problem)
    if match:
        return TOO_SHORT if match.group(1) == "least" else TOO_LONG
    return ""


def bare_label(label: str) -> str:
    """A field's label without "(optional)" or a question mark."""
    return label.replace(" (optional)", "").rstrip("?").strip()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def message_for(field: forms.Field, problem: str) -> str:
    """The message for one problem with one field, in the words of its label."""
    if problem == UNSOURCED:
        return unsourced_message(str(field.label))
    kind = problem_kind(problem)
    custom = field.error_messages.get(kind) if kind else None
    if custom:
        return str(custom)
    label = bare_label(str(field.label))
    choosing = isinstance(field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))
    if kind == REQUIRED:
        return f"Select {_lower_first(label)}" if choosing else f"Enter {_lower_first(label)}"
    if kind == NUMBER:
        return f"{label} must be a number, like 120"
    if kind == WEB_ADDRESS:
        return "Enter a web address in the correct format, like https://www.example.gov.uk/report"
    if kind == EMAIL:
        return "Enter an email address in the correct format, like name@example.gov.uk"
    if kind == PARTIAL_DATE and isinstance(field.widget, GovukDateInput):
        return (
            f"{label} must be a real date: a year, a month and year, or a whole date, like 4 2015"
        )
    if kind == PARTIAL_DATE:
        return f"{label} must be a year, or a year and month, like 2015 or 2015-04"
    match = _LENGTH.match(problem)
    if match:
        more_or_fewer = "or more" if kind == TOO_SHORT else "or fewer"
        return f"{label} must be {match.group(2)} characters {more_or_fewer}"
    return f"{label} {problem}"


def unsourced_message(label: str) -> str:
    figure = bare_label(label)
    return f"{figure}: no source supports this figure. Add a source under Evidence and tick it"
