"""Report a problem with a published record (anyone, signed out, no JavaScript needed) and the
moderators' queue of reported problems, where each is corrected or closed with no change.

Writes go through services/corrections.py; reads of records through selectors.
"""

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from shopwindow.accounts import audit
from shopwindow.accounts.decorators import moderator_required
from shopwindow.core import ratelimit, safejson
from shopwindow.innovations import selectors
from shopwindow.innovations.models import Innovation, ProblemPart, ProblemReport, ProblemState
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services import corrections
from shopwindow.innovations.services.validation import RecordValidationError
from shopwindow.innovations.views.moderation import age

RATE_BUCKET = "problem_report"
DESCRIPTION_MIN, DESCRIPTION_MAX = 10, 2000


class ProblemReportForm(forms.Form):
    description = forms.CharField(
        label="What is wrong with this record?",
        help_text=(
            "Tell us what is wrong or out of date and, if you can, where the right information "
            "is published. Use between 10 and 2,000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what is wrong with this record"},
    )
    part = forms.ChoiceField(
        label="Which part of the record is it about? (optional)",
        choices=ProblemPart.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select which part of the record it is about"},
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        help_text="Only if you would like a reply. We never show it on the record.",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )

    def clean_description(self) -> str:
        text = str(self.cleaned_data["description"])
        if len(text) < DESCRIPTION_MIN:
            raise ValidationError(
                f"What is wrong with this record must be {DESCRIPTION_MIN} characters or more"
            )
        if len(text) > DESCRIPTION_MAX:
            raise ValidationError(
                f"What is wrong with this record must be {DESCRIPTION_MAX:,} characters or "
                f"fewer (it has {len(text):,})"
            )
        return text


class CorrectionForm(forms.Form):
    record = forms.CharField(
        label="The corrected record",
        help_text=(
            "The whole record in the exchange format (JSON). Correct what is wrong and keep its id."
        ),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false"}),
        error_messages={"required": "Enter the corrected record"},
    )
    note = forms.CharField(
        label="What was corrected?",
        help_text=(
            "Shown to the public in the record's history of changes. Do not name anyone, "
            "including the person who reported the problem."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what was corrected"},
    )

    def clean_record(self) -> Any:
        text = self.cleaned_data["record"]
        try:
            return safejson.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationError(
                f"The corrected record is not valid JSON: {error.msg} "
                f"(line {error.lineno}, column {error.colno})"
            ) from None


class CloseForm(forms.Form):
    note = forms.CharField(
        label="Why is no change needed?",
        help_text="Kept with the report for moderators. It is not shown on the record.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why no change is needed"},
    )


def _published_or_404(record_id: str) -> Innovation:
    innovation = selectors.get_published(record_id)
    if innovation is None:
        raise Http404("No published record with that id")
    return innovation


@require_http_methods(["GET", "HEAD", "POST"])
def report_problem(request: HttpRequest, record_id: str) -> HttpResponse:
    """The public form. Nothing is saved unless the form is valid and the address is under the
    limit of reports an hour."""
    innovation = _published_or_404(record_id)
    form = ProblemReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit(RATE_BUCKET, audit.client_ip(request) or ""):
            per_hour, _ = ratelimit.limit_for(RATE_BUCKET)
            return render(
                request,
                "innovations/problems/limited.html",
                {"innovation": innovation, "per_hour": per_hour},
                status=429,
            )
        corrections.report_problem(
            innovation=innovation,
            description=form.cleaned_data["description"],
            part=form.cleaned_data["part"],
            email=form.cleaned_data["email"],
        )
        return redirect("innovations:report-problem-sent", record_id=innovation.record_id)
    return render(
        request, "innovations/problems/report.html", {"innovation": innovation, "form": form}
    )


def report_sent(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = _published_or_404(record_id)
    return render(request, "innovations/problems/sent.html", {"innovation": innovation})


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    reports = ProblemReport.objects.filter(state=ProblemState.OPEN).select_related("innovation")
    rows = [{"report": r, "age": age(r.created_at)} for r in reports.order_by("created_at", "pk")]
    return render(request, "innovations/problems/queue.html", {"rows": rows})


def _record_json(innovation: Innovation) -> str:
    shown = selectors.with_record_relations(Innovation.objects.all()).get(pk=innovation.pk)
    return json.dumps(record_to_dict(shown), indent=2, ensure_ascii=False)


@moderator_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        ProblemReport.objects.select_related("innovation", "decided_by", "revision"), pk=pk
    )
    innovation = report.innovation
    action = request.POST.get("action", "") if request.method == "POST" else ""
    correct_form = CorrectionForm(
        request.POST if action == "correct" else None,
        prefix="correct",
        initial={"record": _record_json(innovation)},
    )
    close_form = CloseForm(request.POST if action == "close" else None, prefix="close")
    if request.method == "POST":
        actor: Any = request.user
        if not report.is_open:
            messages.error(request, "This report has already been dealt with.")
            return redirect("innovations:moderation-problem", pk=report.pk)
        if action == "correct" and correct_form.is_valid():
            try:
                corrections.correct_record(
                    report=report,
                    actor=actor,
                    data=correct_form.cleaned_data["record"],
                    note=correct_form.cleaned_data["note"],
                )
            except RecordValidationError as error:
                for message in error.messages:
                    correct_form.add_error("record", message)
            except corrections.CorrectionError as error:
                correct_form.add_error("record", str(error))
            else:
                messages.success(request, f"{innovation.title} is corrected.")
                return redirect("innovations:moderation-problems")
        elif action == "close" and close_form.is_valid():
            try:
                corrections.close_without_change(
                    report=report, actor=actor, note=close_form.cleaned_data["note"]
                )
            except corrections.CorrectionError as error:
                close_form.add_error("note", str(error))
            else:
                messages.success(request, "The report is closed with no change to the record.")
                return redirect("innovations:moderation-problems")
        elif action not in {"correct", "close"}:
            messages.error(request, "Choose what to do with the report.")
    return render(
        request,
        "innovations/problems/decide.html",
        {
            "report": report,
            "innovation": innovation,
            "correct_form": correct_form,
            "close_form": close_form,
        },
    )
