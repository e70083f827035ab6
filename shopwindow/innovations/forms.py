"""Forms of the innovations app (the moderators' import page; the submission form comes later)."""

from django import forms

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file_name = ""

    file = forms.FileField(
        label="Upload an exchange file",
        help_text="A .json or .jsonl file in the Innovation Record format, up to 5 MB",
        error_messages={"required": "Select a file to import"},
    )
    mode = forms.ChoiceField(
        label="What should happen to the imported records?",
        widget=forms.RadioSelect,
        choices=[
            ("publish", "Publish them"),
            ("draft", "Import them as drafts (changes to published records wait for approval)"),
        ],
        error_messages={
            "required": "Select whether to publish the records or import them as drafts"
        },
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        self.file_name = str(upload.name)
        return bytes(upload.read())
