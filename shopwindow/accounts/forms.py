"""Forms for accounts and moderation. Error messages follow the GOV.UK style: say what to do."""

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.template.loader import render_to_string

from shopwindow.accounts import audit, selectors
from shopwindow.accounts.models import User
from shopwindow.authorities.models import Authority
from shopwindow.core.dates import GovukDateField
from shopwindow.core.email import queue_email

if TYPE_CHECKING:
    _SetPasswordForm = SetPasswordForm[User]
else:  # generic in django-stubs only: the class cannot be subscripted at run time
    _SetPasswordForm = SetPasswordForm

DOMAIN_RE = re.compile(r"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _email_field(**kwargs: Any) -> forms.EmailField:
    return forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
        **kwargs,
    )


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter your full name"}
    )
    email = _email_field(
        help_text="Use your work email address: it may let you join your council at once"
    )
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput,
        help_text="At least 10 characters. Avoid common words and passwords you use elsewhere.",
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter the password again"},
    )

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The passwords do not match")
        elif password1:
            candidate = User(email=data.get("email", ""), full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account has been closed",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class PasswordResetForm(DjangoPasswordResetForm):
    email = _email_field()

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """Through the one email path (queued, sent after commit), not Django's direct send."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        queue_email(to=[to_email], subject=subject, body=body)


class GovukSetPasswordForm(_SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = "At least 10 characters"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm the new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


class GovukPasswordChangeForm(GovukSetPasswordForm, PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"


class CouncilChoiceField(forms.ModelChoiceField[Authority]):
    def label_from_instance(self, obj: Authority) -> str:
        return f"{obj.name} ({obj.gss})"


class JoinCouncilForm(forms.Form):
    council = CouncilChoiceField(
        label="Which council do you work for?",
        queryset=Authority.objects.all(),
        empty_label="Choose a council",
        help_text="Start typing its name. If you work for more than one council, ask to join "
        "each in turn",
        widget=forms.Select(attrs={"data-council-picker": "true"}),
        error_messages={
            "required": "Choose the council you work for",
            "invalid_choice": "Choose a council from the list",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only current councils are offered; a former one posted anyway gets a clear error.
        field = self.fields["council"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a council")] + [
            (a.pk, f"{a.name} ({a.gss})") for a in selectors.joinable_councils()
        ]

    def clean_council(self) -> Authority:
        council: Authority = self.cleaned_data["council"]
        if not council.is_current:
            raise forms.ValidationError(
                f"{council.name} no longer exists and cannot take new members: "
                "choose the council that replaced it"
            )
        return council


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve"), ("refuse", "Refuse")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or refuse the request"},
    )
    reason = forms.CharField(
        label="Reason for refusing",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed if you refuse. The person will see it.",
        max_length=1000,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "refuse" and not str(data.get("reason", "")).strip():
            self.add_error("reason", "Enter the reason for refusing the request")
        return data


class EmailDomainForm(forms.Form):
    council = CouncilChoiceField(
        label="Council",
        queryset=Authority.objects.filter(is_current=True).order_by("name"),
        empty_label="Choose a council",
        widget=forms.Select(attrs={"data-council-picker": "true"}),
        error_messages={"required": "Choose the council", "invalid_choice": "Choose a council"},
    )
    domain = forms.CharField(
        label="Email domain",
        max_length=253,
        help_text="The part after the @, for example southhams.gov.uk",
        error_messages={"required": "Enter the email domain"},
    )

    def clean_domain(self) -> str:
        domain = str(self.cleaned_data["domain"]).strip().lower().lstrip("@")
        if not DOMAIN_RE.match(domain):
            raise forms.ValidationError(
                "Enter a domain in the correct format, like southhams.gov.uk"
            )
        return domain


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Enter your password to confirm",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not correct")
        return password


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label="Action", required=False)
    actor = forms.CharField(label="Email address of the person", required=False, max_length=254)
    date_from = GovukDateField(label="From date", required=False)
    date_to = GovukDateField(label="To date", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actions = sorted(set(audit.ACTION_LABELS) | set(selectors.audit_actions()))
        field = self.fields["action"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Any action")] + [(a, audit.ACTION_LABELS.get(a, a)) for a in actions]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return data


class SetUpAppForm(forms.Form):
    """The first code from a newly added authenticator app."""

    code = forms.CharField(
        label="Enter the 6-digit code from the app",
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def clean_code(self) -> str:
        code = str(self.cleaned_data["code"]).replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the 6 digits the app shows, like 123456")
        return code


class SecurityCodeForm(forms.Form):
    """A code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label="Security code",
        max_length=20,
        help_text=(
            "Enter the 6-digit code from your authenticator app. If you do not have your app, "
            "enter one of your recovery codes instead."
        ),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "none"}),
        error_messages={"required": "Enter the code from your authenticator app"},
    )
