"""GOV.UK component helpers: Django form fields render as the right GOV.UK components."""

from django import forms
from django.template import Context, Template

from shopwindow.core.components import render_component
from shopwindow.core.markdown import render_markdown


class ExampleForm(forms.Form):
    name = forms.CharField(label="Your name", help_text="As it appears on your council ID")
    colour = forms.ChoiceField(
        label="Favourite colour",
        choices=[("red", "Red"), ("blue", "Blue")],
        widget=forms.RadioSelect,
    )
    region = forms.ChoiceField(label="Region", choices=[("", "Choose"), ("wales", "Wales")])
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    agree = forms.BooleanField(label="I agree")


def render(template: str, **context: object) -> str:
    return Template(template).render(Context(context))


def test_text_input_has_label_hint_and_value() -> None:
    form = ExampleForm(data={"name": "Ada"})
    html = render("{% govuk_field form.name %}", form=form)
    assert 'class="govuk-input' in html
    assert 'for="id_name"' in html
    assert "As it appears on your council ID" in html
    assert 'value="Ada"' in html


def test_field_error_is_shown_and_summary_links_to_the_field() -> None:
    form = ExampleForm(data={})
    assert not form.is_valid()
    field_html = render("{% govuk_field form.name %}", form=form)
    assert "govuk-form-group--error" in field_html
    assert "This field is required." in field_html
    summary = render("{% govuk_error_summary form %}", form=form)
    assert "There is a problem" in summary
    assert 'href="#id_name"' in summary
    assert 'href="#id_colour"' in summary


def test_no_summary_for_a_valid_or_unbound_form() -> None:
    assert render("{% govuk_error_summary form %}", form=ExampleForm()) == ""


def test_radios_select_textarea_and_checkbox() -> None:
    form = ExampleForm(data={"colour": "blue", "region": "wales", "notes": "<b>x</b>"})
    radios = render("{% govuk_field form.colour %}", form=form)
    assert "govuk-radios" in radios
    assert 'value="blue" checked' in radios
    select = render("{% govuk_field form.region %}", form=form)
    assert "govuk-select" in select
    assert 'value="wales" selected' in select
    textarea = render("{% govuk_field form.notes %}", form=form)
    assert "&lt;b&gt;x&lt;/b&gt;" in textarea
    checkbox = render("{% govuk_field form.agree %}", form=form)
    assert "govuk-checkboxes" in checkbox


def test_component_escapes_text() -> None:
    html = render_component("button", {"text": "<script>alert(1)</script>"})
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_money_and_number_filters() -> None:
    assert render("{{ v|pounds }}", v=4500000) == "£4,500,000"
    assert render("{{ v|thousands }}", v=89812) == "89,812"
    assert render("{{ v|pounds }}", v=None) == ""


def test_markdown_removes_raw_html_and_unsafe_links() -> None:
    html = str(render_markdown("Hi <script>alert(1)</script> [x](javascript:alert(1)) **b**"))
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "<strong>b</strong>" in html
    assert 'class="govuk-body"' in html
