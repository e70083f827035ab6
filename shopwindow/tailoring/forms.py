"""The council picker (a select of current councils, which JavaScript turns into a combobox) and
the recommended page's filters."""

from typing import Any

from django import forms

from shopwindow.tailoring.selectors import (
    current_council_choices,
    service_area_choices,
    theme_choices,
)


class CouncilChoiceForm(forms.Form):
    council = forms.ChoiceField(
        label="Which council do you want to see options for?",
        help_text="Start typing the council's name, or choose it from the list.",
        error_messages={
            "required": "Select a council",
            "invalid_choice": "Select a council from the list",
        },
        widget=forms.Select(attrs={"data-council-picker": "true"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["council"].choices = [("", "Choose a council"), *current_council_choices()]  # type: ignore[attr-defined]


class RecommendationFilterForm(forms.Form):
    """The recommended page's filters: a GET form, so every filter lives in the URL."""

    theme = forms.ChoiceField(label="Theme", required=False)
    service_area = forms.ChoiceField(label="Service area", required=False)
    only_services_we_run = forms.BooleanField(
        label="Only services this council runs", required=False
    )
    include_illustrative = forms.BooleanField(
        label="Include illustrative examples (made-up records that show how the service works)",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "All themes"), *theme_choices()]  # type: ignore[attr-defined]
        self.fields["service_area"].choices = [  # type: ignore[attr-defined]
            ("", "All service areas"),
            *service_area_choices(),
        ]

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for selectors.recommendations_for; invalid fields are left out."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "theme": data.get("theme") or None,
            "service_area": data.get("service_area") or None,
            "only_services_we_run": bool(data.get("only_services_we_run")),
            "include_illustrative": bool(data.get("include_illustrative")),
        }
