"""Forms for plans, tasks, messages and moderators' decisions, with a GOV.UK date input field."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from shopwindow.accounts.models import User
from shopwindow.adoption.models import PlanStatus, TaskStatus
from shopwindow.authorities.models import Authority

PARTS = ("day", "month", "year")


class DateWidget(forms.MultiWidget):
    """Three text inputs named <name>_day, <name>_month, <name>_year (GOV.UK date input)."""

    def __init__(self) -> None:
        super().__init__(widgets={part: forms.TextInput() for part in PARTS})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK error messages naming the field."""

    widget = DateWidget

    def __init__(self, *, label: str, required: bool = True, **kwargs: Any) -> None:
        self.noun = label.lower() if label[:1].isupper() and label[1:2].islower() else label
        parts = tuple(forms.CharField(required=False) for _ in PARTS)
        super().__init__(
            fields=parts, label=label, required=required, require_all_fields=False, **kwargs
        )

    def clean(self, value: Any) -> date | None:
        parts = [str(v).strip() if v is not None else "" for v in (value or ["", "", ""])]
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter the {self.noun}")
            return None
        missing = [name for name, text in zip(PARTS, parts, strict=True) if not text]
        if missing:
            raise ValidationError(f"The {self.noun} must include a {missing[0]}")
        try:
            day, month, year = (int(text) for text in parts)
            if year < 1000:
                raise ValueError
            return date(year, month, day)
        except ValueError:
            raise ValidationError(f"The {self.noun} must be a real date") from None

    def compress(self, data_list: list[Any]) -> Any:  # clean() does the work
        return data_list


class StartPlanForm(forms.Form):
    council = forms.ModelChoiceField(
        label="Which council is this plan for?",
        queryset=Authority.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the council this plan is for"},
    )
    title = forms.CharField(
        label="Plan title",
        max_length=200,
        error_messages={"required": "Enter a title for the plan"},
    )
    start_date = DateField(label="Start date")

    def __init__(self, *args: Any, councils: QuerySet[Authority], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["council"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = councils


class PlanForm(forms.Form):
    title = forms.CharField(
        label="Plan title", max_length=200, error_messages={"required": "Enter a title"}
    )
    start_date = DateField(label="Start date")
    status = forms.ChoiceField(
        label="Status",
        choices=PlanStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the plan's status"},
        help_text="In progress and adopted are shown on the record once a moderator confirms them.",
    )
    is_shared = forms.BooleanField(
        label="Share this plan with everyone signed in",
        required=False,
        help_text="A private plan can only be seen by your council's members and moderators.",
    )


class TaskForm(forms.Form):
    title = forms.CharField(
        label="Task", max_length=200, error_messages={"required": "Enter the task"}
    )
    detail = forms.CharField(
        label="Detail", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    owner_user = forms.ModelChoiceField(
        label="Owner from your council",
        queryset=User.objects.none(),
        required=False,
        empty_label="Nobody chosen",
    )
    owner_name = forms.CharField(
        label="Or another owner",
        max_length=150,
        required=False,
        help_text="For example a team or someone without an account",
    )
    start_date = DateField(label="Start date", required=False)
    due_date = DateField(label="Due date", required=False)
    status = forms.ChoiceField(label="Status", choices=TaskStatus.choices)
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, members: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner_user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = members
        field.label_from_instance = lambda user: user.full_name or user.email  # type: ignore[method-assign,assignment]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, due = data.get("start_date"), data.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", "The due date must be the same as or after the start date")
        return data


class MessageForm(forms.Form):
    council = forms.ModelChoiceField(
        label="Which council are you writing for?",
        queryset=Authority.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the council you are writing for"},
    )
    body = forms.CharField(
        label="Your message",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Say who you are and what you would like to know. They will reply to your "
        "email address.",
        error_messages={
            "required": "Enter your message",
            "max_length": "Your message must be 5,000 characters or fewer",
        },
    )

    def __init__(self, *args: Any, councils: QuerySet[Authority], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["council"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = councils
        if councils.count() == 1:
            self.fields["council"].initial = councils.first()


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Confirm this adoption?",
        choices=[("confirm", "Yes, confirm it: show it on the record"), ("reject", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to confirm the adoption"},
    )
    reason = forms.CharField(
        label="Reason (if you do not confirm it)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The council sees this.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter why the adoption is not confirmed")
        return data
