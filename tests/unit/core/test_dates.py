"""GOV.UK's date input as a Django field: day, month and year boxes, GOV.UK's error wording."""

import datetime

import pytest
from django import forms

from shopwindow.core.dates import GovukDateField
from shopwindow.core.templatetags.govuk import govuk_field


class DateForm(forms.Form):
    start_on = GovukDateField(label="Start date")


def _form(day: str, month: str, year: str) -> DateForm:
    return DateForm({"start_on-day": day, "start_on-month": month, "start_on-year": year})


def test_a_real_date_is_read_from_three_boxes() -> None:
    form = _form("27", "3", "2027")
    assert form.is_valid()
    assert form.cleaned_data["start_on"] == datetime.date(2027, 3, 27)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the start date"),
        (("27", "", "2027"), "Start date must include a month"),
        (("", "", "2027"), "Start date must include a day and month"),
        (("31", "2", "2027"), "Start date must be a real date, like 27 3 2027"),
        (("1", "3", "27"), "Start date must be a real date, like 27 3 2027"),
        (("x", "3", "2027"), "Start date must be a real date, like 27 3 2027"),
    ],
)
def test_each_problem_has_one_message(parts: tuple[str, str, str], message: str) -> None:
    form = _form(*parts)
    assert not form.is_valid()
    assert form.errors["start_on"] == [message]


def test_it_renders_as_the_govuk_date_input_with_the_missing_box_highlighted() -> None:
    html = str(govuk_field(_form("27", "", "2027")["start_on"]))
    assert 'class="govuk-date-input"' in html
    assert 'name="start_on-day"' in html
    assert 'id="id_start_on"' in html  # the error summary's link lands on the day box
    assert 'name="start_on-month"' in html
    assert "govuk-input--error" in html.split('name="start_on-month"')[0].rsplit("<input", 1)[1]
    assert "govuk-input--error" not in html.split('name="start_on-year"')[0].rsplit("<input", 1)[1]
    assert "Start date must include a month" in html
