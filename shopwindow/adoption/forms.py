"""Forms for plans, tasks, messages and moderators' decisions (dates: core's GOV.UK field)."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from shopwindow.accounts.models import User
from shopwindow.adoption.models import PlanStatus, TaskStatus
from shopwindow.authorities.models import Authority
from shopwindow.core.dates import GovukDateField


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
    start_date = GovukDateField(label="Start date")

    def __init__(self, *args: Any, councils: QuerySet[Authority], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["council"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = councils


class PlanForm(forms.Form):
    title = forms.CharField(
        label="Plan title", max_length=200, error_messages={"required": "Enter a title"}
    )
    start_date = GovukDateField(label="Start date")
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
    start_date = GovukDateField(label="Start date", required=False)
    due_date = GovukDateField(label="Due date", required=False)
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
