"""Forms for the API token page."""

from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name your token",
        help_text="Say what it is for, for example 'Council spreadsheet import'",
        max_length=100,
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "Name must be 100 characters or fewer",
        },
    )
