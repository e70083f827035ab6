"""Forms for the associate programme (GOV.UK error messages that name the field)."""

from datetime import date
from typing import Any

from django import forms

from shopwindow.associates import cv
from shopwindow.associates.models import AssociateProfile
from shopwindow.associates.vocabularies import (
    CAPABILITIES,
    CAPABILITY_SKILLS,
    PUBLIC_FIELDS,
    SERVICE_SKILLS,
    THEME_SKILLS,
    Background,
    BudgetBand,
    DayRateBand,
    WorkMode,
)
from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import Nation, Region
from shopwindow.core.dates import GovukDateField
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.record_picker import RecordPickerMixin, records_field, search_field
from shopwindow.innovations.vocabularies import SERVICE_AREAS


def _choice(label: str, choices: Any, missing: str, **kw: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": missing, "invalid_choice": missing},
        **kw,
    )


def _multi(label: str, choices: Any, **kw: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, required=False, **kw
    )


def _date(label: str, missing: str) -> GovukDateField:
    """A date in GOV.UK's day, month and year boxes."""
    return GovukDateField(label=label, required_message=missing)


def _text(label: str, missing: str, max_length: int = 150, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, error_messages={"required": missing}, **kw
    )


class ApplicationForm(RecordPickerMixin, forms.Form):
    background = _choice("Your background", Background.choices, "Choose your background")
    headline = _text(
        "Headline",
        "Enter a headline",
        max_length=200,
        help_text="One line about you, for example ‘Former director of waste services’",
    )
    theme_skills = _multi("Themes you know well", THEME_SKILLS)
    service_skills = _multi("Service areas you know well", SERVICE_SKILLS)
    capability_skills = _multi("Capabilities", CAPABILITY_SKILLS)
    delivered = records_field(
        "Records you helped deliver (optional)",
        "Search for the records by title, then tick the ones you helped deliver",
    )
    record_search = search_field()
    picker_field = "delivered"
    nations = _multi("Nations you will work in", Nation.choices)
    regions = _multi("Regions you will work in", Region.choices)
    work_mode = _choice("Remote or on site", WorkMode.choices, "Choose remote, on site or both")
    days_per_month = forms.IntegerField(
        label="Days a month you can give",
        min_value=1,
        max_value=31,
        error_messages={
            "required": "Enter the days a month you can give",
            "invalid": "Days a month must be a whole number, like 4",
            "min_value": "Days a month must be 1 or more",
            "max_value": "Days a month must be 31 or fewer",
        },
    )
    available_from = _date("Available from", "Enter the date you are available from")
    day_rate_band = _choice("Day-rate band", DayRateBand.choices, "Choose a day-rate band")
    referee_1_name = _text("First referee's full name", "Enter the first referee's name")
    referee_1_role = _text("First referee's role", "Enter the first referee's role")
    referee_1_organisation = _text(
        "First referee's organisation", "Enter the first referee's organisation"
    )
    referee_1_email = forms.EmailField(
        label="First referee's email address",
        error_messages={
            "required": "Enter the first referee's email address",
            "invalid": "Enter the first referee's email address in the correct format",
        },
    )
    referee_2_name = _text("Second referee's full name", "Enter the second referee's name")
    referee_2_role = _text("Second referee's role", "Enter the second referee's role")
    referee_2_organisation = _text(
        "Second referee's organisation", "Enter the second referee's organisation"
    )
    referee_2_email = forms.EmailField(
        label="Second referee's email address",
        error_messages={
            "required": "Enter the second referee's email address",
            "invalid": "Enter the second referee's email address in the correct format",
        },
    )
    cv = forms.FileField(
        label="Upload your CV",
        required=False,
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "Select your CV again",
            "missing": "Select your CV",
        },
        help_text=f"A PDF or Word (.docx) file, smaller than {cv.max_megabytes()}",
    )
    public_fields = _multi(
        "What to show on your public profile",
        PUBLIC_FIELDS,
        help_text="Your name is always shown. Referees and your CV are never shown.",
    )

    def __init__(self, *args: Any, profile: AssociateProfile | None = None, **kw: Any) -> None:
        self.profile = profile
        if profile is not None and "initial" not in kw:
            kw["initial"] = initial_from(profile)
        super().__init__(*args, **kw)
        self.setup_picker(list(self.initial.get("delivered") or []))
        if profile is not None and profile.cv_file:
            self.fields["cv"].help_text = (
                f"You sent {profile.cv_original_name}. Choose a file only to replace it: "
                f"a PDF or Word (.docx) file, smaller than {cv.max_megabytes()}"
            )

    def clean_delivered(self) -> list[Innovation]:
        return self.picked_records()

    def clean_cv(self) -> Any:
        upload = self.cleaned_data.get("cv")
        if upload:
            self.cv_kind = cv.check_cv(upload)
            return upload
        if self.profile is None or not self.profile.cv_file:
            raise forms.ValidationError("Select your CV")
        return None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        skills = (
            list(data.get("theme_skills") or [])
            + list(data.get("service_skills") or [])
            + list(data.get("capability_skills") or [])
        )
        if not skills and "capability_skills" not in self.errors:
            self.add_error("theme_skills", "Choose at least one theme, service area or capability")
        data["skills"] = skills
        if not data.get("nations") and not data.get("regions"):
            self.add_error("nations", "Choose at least one nation or region")
        return data


def initial_from(profile: AssociateProfile) -> dict[str, Any]:
    skills = profile.skills or []
    return {
        **{
            name: getattr(profile, name)
            for name in ApplicationForm.base_fields
            if hasattr(profile, name) and name not in {"cv", "delivered"}
        },
        "theme_skills": [s for s in skills if s.startswith("theme:")],
        "service_skills": [s for s in skills if s.startswith("service:")],
        "capability_skills": [s for s in skills if s.startswith("capability:")],
        "delivered": [r.record_id for r in profile.delivered_records.all()],
    }


class VetForm(forms.Form):
    decision = _choice(
        "Your decision",
        [
            ("approve", "Approve: add them to the roster"),
            ("more-info", "Ask for more information"),
            ("refuse", "Refuse"),
        ],
        "Choose approve, ask for more information or refuse",
    )
    message = forms.CharField(
        label="Message for the applicant",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed to ask for more or to refuse. The applicant will see it.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") in {"refuse", "more-info"} and not data.get("message", "").strip():
            self.add_error("message", "Enter the message for the applicant")
        return data


class RosterFilterForm(forms.Form):
    q = forms.CharField(label="Search by name, headline or skill", required=False, max_length=100)
    skill = forms.ChoiceField(
        label="Skill",
        required=False,
        choices=[("", "Any skill")]
        + [(c, f"Theme: {label}") for c, label in THEME_SKILLS]
        + [(c, f"Service area: {label}") for c, label in SERVICE_SKILLS]
        + [(c, f"Capability: {label}") for c, label in CAPABILITY_SKILLS],
    )
    area = forms.ChoiceField(
        label="Nation or region",
        required=False,
        choices=[("", "Anywhere")]
        + [(f"nation:{c}", label) for c, label in Nation.choices]
        + [(f"region:{c}", f"{label} (region)") for c, label in Region.choices],
    )
    available_by = GovukDateField(label="Available by", required=False)
    min_days = forms.IntegerField(
        label="At least this many days a month",
        required=False,
        min_value=1,
        max_value=31,
        error_messages={"invalid": "Days a month must be a whole number, like 4"},
    )


class HelpRequestForm(RecordPickerMixin, forms.Form):
    council: forms.ModelChoiceField[Authority] = forms.ModelChoiceField(
        label="Council",
        queryset=Authority.objects.none(),
        empty_label=None,
        error_messages={"required": "Choose the council", "invalid_choice": "Choose your council"},
    )
    title = _text("Title", "Enter a title", max_length=120, help_text="A short name for the work")
    goal = forms.CharField(
        label="What do you want to achieve?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter what you want to achieve"},
    )
    linked = records_field(
        "Records this builds on (optional)",
        "Search for records by title, then tick the ones this builds on",
    )
    record_search = search_field()
    service_area = forms.ChoiceField(
        label="Service area",
        choices=[("", "Choose a service area")] + [(c, label) for c, label, _ in SERVICE_AREAS],
        error_messages={"required": "Choose a service area"},
    )
    capabilities = _multi("Capabilities needed (optional)", CAPABILITIES)
    days_needed = forms.IntegerField(
        label="Days of help needed",
        min_value=1,
        max_value=500,
        error_messages={
            "required": "Enter the days of help needed",
            "invalid": "Days needed must be a whole number, like 10",
            "min_value": "Days needed must be 1 or more",
            "max_value": "Days needed must be 500 or fewer",
        },
    )
    budget_band = _choice("Budget", BudgetBand.choices, "Choose a budget band")
    start_on = _date("Start date", "Enter the start date")
    end_on = _date("End date", "Enter the end date")
    work_mode = _choice("Remote or on site", WorkMode.choices, "Choose remote, on site or both")

    def __init__(self, *args: Any, councils: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["council"].queryset = councils  # type: ignore[attr-defined]
        self.setup_picker()

    def clean_linked(self) -> list[Innovation]:
        return self.picked_records()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_on"), data.get("end_on")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error("end_on", "The end date must be on or after the start date")
        return data


class InviteForm(forms.Form):
    associate = forms.IntegerField(widget=forms.HiddenInput)


class CompleteForm(forms.Form):
    days_used = forms.IntegerField(
        label="Days used",
        min_value=0,
        max_value=1000,
        error_messages={
            "required": "Enter the days used",
            "invalid": "Days used must be a whole number",
        },
    )
    rating = _choice(
        "How would you rate the associate's help?",
        [
            (str(n), label)
            for n, label in [
                (5, "5 – excellent"),
                (4, "4 – good"),
                (3, "3 – fair"),
                (2, "2 – poor"),
                (1, "1 – very poor"),
            ]
        ],
        "Choose a rating from 1 to 5",
    )
    rating_comment = forms.CharField(
        label="Comment on the rating (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.CharField(
        label="What was the outcome?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the outcome"},
    )


class AgreeForm(forms.Form):
    start_on = _date("Start date", "Enter the start date")
    end_on = _date("End date", "Enter the end date")
    days_agreed = forms.IntegerField(
        label="Days agreed",
        min_value=1,
        max_value=500,
        error_messages={
            "required": "Enter the days agreed",
            "invalid": "Days agreed must be a whole number",
        },
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the engagement cancelled?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the engagement is cancelled"},
    )


class DaysForm(forms.Form):
    days_used = forms.IntegerField(
        label="Days used so far",
        min_value=0,
        max_value=1000,
        error_messages={
            "required": "Enter the days used",
            "invalid": "Days used must be a whole number",
        },
    )
