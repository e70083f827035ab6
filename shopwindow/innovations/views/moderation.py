"""The moderators' record queue: submitted records (oldest first) and pending changes to published
records, each opened to decide — request changes, publish, set the verification level, withdraw,
or approve or reject a pending change."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from shopwindow.accounts.decorators import moderator_required
from shopwindow.core.email import absolute_url
from shopwindow.innovations import selectors
from shopwindow.innovations.models import Innovation, Revision, RevisionKind, RevisionState
from shopwindow.innovations.services import workflow
from shopwindow.innovations.services.validation import RecordValidationError
from shopwindow.innovations.views.record import record_context, stage_tag
from shopwindow.innovations.vocabularies import Verification, WorkflowStatus


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="What needs to change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a reason"},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the record being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the record is being withdrawn"},
    )


class VerificationForm(forms.Form):
    verification = forms.ChoiceField(
        label="Verification level",
        choices=Verification.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a verification level"},
    )
    note = forms.CharField(
        label="What did you check?",
        help_text="For example, which sources you read and what they confirm",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what you checked"},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Why is the change being rejected?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the change is being rejected"},
    )


def age(when: Any) -> str:
    """ "3 days", "2 hours": how long something has waited."""
    return timesince(when, timezone.now()).split(",")[0].replace("\xa0", " ")


def _submitted_at(innovation: Innovation) -> Any:
    revision = (
        innovation.revisions.filter(
            kind=RevisionKind.STATUS, workflow_status=WorkflowStatus.SUBMITTED
        )
        .order_by("-created_at")
        .first()
    )
    return revision.created_at if revision else innovation.updated_at


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    submitted = [
        {"innovation": i, "since": _submitted_at(i)}
        for i in Innovation.objects.filter(workflow_status=WorkflowStatus.SUBMITTED).select_related(
            "owner_council", "submitted_by"
        )
    ]
    submitted.sort(key=lambda row: row["since"])  # oldest first
    for row in submitted:
        row["age"] = age(row["since"])
    revisions = [{"revision": r, "age": age(r.created_at)} for r in selectors.pending_revisions()]
    return render(
        request,
        "innovations/moderation/queue.html",
        {"submitted": submitted, "revisions": revisions},
    )


def _record_page(
    request: HttpRequest, innovation: Innovation, forms_: dict[str, forms.Form] | None = None
) -> HttpResponse:
    shown = selectors.with_record_relations(Innovation.objects.all()).get(pk=innovation.pk)
    context = record_context(request, shown)
    forms_ = forms_ or {}
    context.update(
        {
            "tag": stage_tag(innovation.workflow_status),
            "allowed": workflow.allowed_transitions(innovation, request.user),
            "reason_form": forms_.get("request_changes") or ReasonForm(prefix="changes"),
            "withdraw_form": forms_.get("withdraw") or WithdrawForm(prefix="withdraw"),
            "verification_form": forms_.get("verification")
            or VerificationForm(prefix="verify", initial={"verification": innovation.verification}),
            "history": selectors.revision_history(innovation),
            "pending": selectors.pending_revision(innovation),
            "changes_reason": workflow.latest_reason(innovation, WorkflowStatus.CHANGES_REQUESTED),
        }
    )
    return render(request, "innovations/moderation/record.html", context)


@moderator_required
def record(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = get_object_or_404(Innovation, record_id=record_id)
    if request.method != "POST":
        return _record_page(request, innovation)
    action = request.POST.get("action", "")
    actor: Any = request.user
    form: forms.Form | None = None
    try:
        if action == "publish":
            workflow.transition(innovation, "publish", actor=actor)
            messages.success(request, f"{innovation.title} is published.")
        elif action == "request_changes":
            form = ReasonForm(request.POST, prefix="changes")
            if not form.is_valid():
                return _record_page(request, innovation, {"request_changes": form})
            link = absolute_url(reverse("innovations:edit", args=[record_id]))
            workflow.transition(
                innovation, "request_changes", actor=actor, reason=form.cleaned_data["reason"],
                link=link,
            )  # fmt: skip
            messages.success(request, "Changes requested. The submitter has been emailed.")
        elif action == "withdraw":
            form = WithdrawForm(request.POST, prefix="withdraw")
            if not form.is_valid():
                return _record_page(request, innovation, {"withdraw": form})
            workflow.transition(
                innovation, "withdraw", actor=actor, reason=form.cleaned_data["reason"]
            )
            messages.success(request, f"{innovation.title} is withdrawn.")
        elif action == "verification":
            form = VerificationForm(request.POST, prefix="verify")
            if not form.is_valid():
                return _record_page(request, innovation, {"verification": form})
            workflow.set_verification(
                innovation,
                actor=actor,
                verification=form.cleaned_data["verification"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, "Verification level saved.")
        else:
            messages.error(request, "Choose what to do with the record.")
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("innovations:moderation-record", record_id=innovation.record_id)


@moderator_required
def revision(request: HttpRequest, pk: int) -> HttpResponse:
    pending = get_object_or_404(Revision.objects.select_related("innovation", "author"), pk=pk)
    form = RejectForm(request.POST if request.POST.get("action") == "reject" else None)
    if request.method == "POST" and pending.state == RevisionState.PENDING:
        actor: Any = request.user
        try:
            if request.POST.get("action") == "approve":
                workflow.approve_pending(pending, actor=actor)
                messages.success(request, "The change is published.")
                return redirect("innovations:moderation-queue")
            if form.is_valid():
                workflow.reject_pending(pending, actor=actor, reason=form.cleaned_data["reason"])
                messages.success(request, "The change was rejected. The published record stays.")
                return redirect("innovations:moderation-queue")
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        except RecordValidationError as error:
            messages.error(request, "The change is no longer valid: " + "; ".join(error.messages))
    return render(
        request,
        "innovations/moderation/revision.html",
        {"revision": pending, "form": form, "innovation": pending.innovation},
    )
