"""The council picker: a select of current councils, which JavaScript turns into a combobox."""

from typing import Any

from django import forms

from shopwindow.tailoring.selectors import current_council_choices


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
