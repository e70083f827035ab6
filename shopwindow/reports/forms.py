"""Forms: the report's filters (a GET form) and the briefing pack editor."""

from typing import Any

from django import forms

from shopwindow.authorities.vocabularies import Nation, Region
from shopwindow.innovations.vocabularies import THEMES
from shopwindow.reports.filters import FilterError, ReportFilters, parse_filters
from shopwindow.reports.presentation import MAP_MODES


class ReportFilterForm(forms.Form):
    """The filters on /report/. Field names are the query-string names the downloads and the
    API use, so a filtered page's query string also filters its downloads."""

    nation = forms.ChoiceField(
        label="Nation", required=False, choices=[("", "All nations"), *Nation.choices]
    )
    region = forms.ChoiceField(
        label="Region", required=False, choices=[("", "All regions"), *Region.choices]
    )
    theme = forms.ChoiceField(
        label="Theme",
        required=False,
        choices=[("", "All themes"), *[(code, label) for code, label, _ in THEMES]],
    )
    period_from = forms.CharField(
        label="Started from (year)", required=False, help_text="For example, 2015"
    )
    period_to = forms.CharField(
        label="Started up to (year)", required=False, help_text="For example, 2024"
    )
    include_illustrative = forms.BooleanField(
        label="Include illustrative examples",
        required=False,
        help_text="Invented demo records that show how the service works. Left out by default.",
    )
    map = forms.ChoiceField(
        label="Colour the map by",
        required=False,
        choices=list(MAP_MODES.items()),
        initial="savings",
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            self.filters = parse_filters(self.data)
        except FilterError as error:
            if error.parameter in self.fields and error.parameter not in self.errors:
                label = self.fields[error.parameter].label
                self.add_error(error.parameter, f"{label} {error.message}")
            self.filters = ReportFilters()
        return cleaned

    @property
    def map_mode(self) -> str:
        value = self.data.get("map", "savings") if self.is_bound else "savings"
        return value if value in MAP_MODES else "savings"


class BriefingPackForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    introduction = forms.CharField(
        label="Introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Why this briefing, and what you ask of government. You can use Markdown.",
    )
