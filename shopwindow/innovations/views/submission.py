"""The submission form: start a draft, the task list, one question page per section, check your
answers, submit. Works without JavaScript: "Add another" and "Preview" are ordinary buttons."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from shopwindow.accounts.permissions import approved_council_ids, can
from shopwindow.authorities.models import Authority
from shopwindow.core.email import absolute_url
from shopwindow.core.markdown import render_markdown
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.section_forms import SECTION_FORMS
from shopwindow.innovations.services import submission
from shopwindow.innovations.services.submission import SECTIONS, SECTIONS_BY_KEY
from shopwindow.innovations.services.validation import RecordValidationError
from shopwindow.innovations.services.workflow import WorkflowError, latest_reason
from shopwindow.innovations.summary import check_answer_cards
from shopwindow.innovations.views.record import stage_tag
from shopwindow.innovations.vocabularies import WorkflowStatus


class ChooseCouncilForm(forms.Form):
    council = forms.ChoiceField(
        label="Which council are you submitting this record for?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the council you are submitting for"},
    )

    def __init__(self, *args: Any, councils: list[Authority], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["council"].choices = [(str(c.pk), c.name) for c in councils]  # type: ignore[attr-defined]


def _editable(request: HttpRequest, record_id: str) -> Innovation:
    innovation = get_object_or_404(Innovation, record_id=record_id)
    if not can(request.user, "view", "innovation_record", innovation):
        raise Http404("No record with this id")
    if not submission.can_edit(request.user, innovation):
        raise PermissionDenied("This record cannot be changed now")
    return innovation


@login_required
def new_record(request: HttpRequest) -> HttpResponse:
    councils = submission.editable_councils(request.user)
    if not councils:
        return render(request, "innovations/form/no_council.html", status=403)
    form = ChooseCouncilForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        council = next(c for c in councils if str(c.pk) == form.cleaned_data["council"])
        try:
            innovation = submission.start_draft(actor=request.user, council=council)  # type: ignore[arg-type]
        except WorkflowError as error:
            form.add_error("council", str(error))
        else:
            return redirect("innovations:edit", record_id=innovation.record_id)
    return render(request, "innovations/form/new.html", {"form": form})


@login_required
def task_list(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = get_object_or_404(Innovation, record_id=record_id)
    if not can(request.user, "view", "innovation_record", innovation):
        raise Http404("No record with this id")
    if not submission.can_edit(request.user, innovation):
        return render(
            request,
            "innovations/form/not_editable.html",
            {"innovation": innovation, "tag": stage_tag(innovation.workflow_status)},
        )
    statuses = submission.task_statuses(innovation)
    ready = submission.ready_to_check(innovation)
    items = []
    for section, status in statuses:
        item: dict[str, Any] = {
            "title": {"text": section.title + ("" if section.required else " (optional)")},
            "href": reverse("innovations:edit-section", args=[innovation.record_id, section.key]),
        }
        if status == submission.COMPLETED:
            item["status"] = {"text": status}
        elif status == submission.IN_PROGRESS:
            item["status"] = {"tag": {"text": status, "classes": "govuk-tag--light-blue"}}
        else:
            item["status"] = {"tag": {"text": status, "classes": "govuk-tag--blue"}}
        items.append(item)
    check: dict[str, Any] = {"title": {"text": "Check your answers and submit"}}
    if ready:
        check["href"] = reverse("innovations:edit-check", args=[innovation.record_id])
        check["status"] = {"tag": {"text": submission.NOT_STARTED, "classes": "govuk-tag--blue"}}
    else:
        check["status"] = {
            "text": submission.CANNOT_START,
            "classes": "govuk-task-list__status--cannot-start-yet",
        }
    done = sum(1 for s, status in statuses if status == submission.COMPLETED)
    context = {
        "innovation": innovation,
        "sections": {"items": items, "idPrefix": "record-sections"},
        "check": {"items": [check], "idPrefix": "record-check"},
        "done": done,
        "total": len(statuses),
        "tag": stage_tag(innovation.workflow_status),
        "changes_reason": latest_reason(innovation, WorkflowStatus.CHANGES_REQUESTED)
        if innovation.workflow_status == WorkflowStatus.CHANGES_REQUESTED
        else "",
        "editing_published": innovation.workflow_status == WorkflowStatus.PUBLISHED,
        "has_draft": bool(innovation.draft_data),
    }
    return render(request, "innovations/form/task_list.html", context)


@login_required
def section_page(request: HttpRequest, record_id: str, section: str) -> HttpResponse:
    innovation = _editable(request, record_id)
    if section not in SECTIONS_BY_KEY:
        raise Http404("No such section")
    info = SECTIONS_BY_KEY[section]
    form_class = SECTION_FORMS[section]
    record = submission.working_record(innovation)
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    add = action[4:] if action.startswith("add:") else ""
    form = form_class(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        record=record,
        owner=innovation.owner_council,
        add=add,
    )
    previews: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        for row, upload in getattr(form, "uploads", list)():
            # Kept at once (not only on "Save"), so adding a row or previewing loses no file.
            row.attach(
                submission.store_evidence_file(
                    innovation,
                    upload,
                    actor=request.user,  # type: ignore[arg-type]
                )
            )
        if action == "save":
            values = form.to_values()
            try:
                problems = submission.save_section(
                    innovation,
                    section,
                    values,
                    actor=request.user,  # type: ignore[arg-type]
                )
            except WorkflowError as error:
                messages.error(request, str(error))
                return redirect("innovations:edit", record_id=innovation.record_id)
            if not problems:
                return redirect("innovations:edit", record_id=innovation.record_id)
            form.apply_errors(problems)
        elif action == "preview":
            previews = _previews(form)
    context = {
        "innovation": innovation,
        "section": info,
        "form": form,
        "previews": previews,
        "error_items": form.error_items() if form.is_bound else [],
        "sections": SECTIONS,
        "multipart": form.is_multipart(),
    }
    return render(request, f"innovations/form/section_{section}.html", context)


def _previews(form: Any) -> list[dict[str, Any]]:
    """Markdown previews, rendered on the server exactly as the record page will show them."""
    previews = []
    for name in getattr(form, "markdown_fields", ()):
        text = form.cleaned_data.get(name) or ""
        previews.append({"label": str(form.fields[name].label), "html": render_markdown(text)})
    steps = getattr(form, "steps", None)
    if steps is not None:
        for i, row in enumerate(steps.rows()):
            if row.get("detail"):
                previews.append(
                    {
                        "label": f"Step {i + 1}: {row['title']}",
                        "html": render_markdown(row["detail"]),
                    }
                )
    return previews


@login_required
def check_answers(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = _editable(request, record_id)
    if not submission.ready_to_check(innovation):
        messages.info(request, "Complete every required section before you check your answers.")
        return redirect("innovations:edit", record_id=innovation.record_id)
    record = submission.working_record(innovation)
    problems = []
    if request.method == "POST":
        try:
            result = submission.submit_draft(
                innovation,
                actor=request.user,  # type: ignore[arg-type]
                link=absolute_url(reverse("innovations:edit", args=[innovation.record_id])),
            )
        except RecordValidationError as error:
            problems = error.errors
        except WorkflowError as error:
            messages.error(request, str(error))
            return redirect("innovations:edit", record_id=innovation.record_id)
        else:
            if result.unchanged:
                messages.info(request, "You did not change anything, so nothing was sent.")
                return redirect("innovations:mine")
            return render(
                request,
                "innovations/form/submitted.html",
                {"innovation": result.innovation, "pending": result.pending},
            )
    else:
        problems = submission.errors_in(record)
    error_items = []
    for problem in problems:
        section = submission.section_for_error(problem) or SECTIONS[0]
        error_items.append(
            {
                "text": f"{section.title}: {problem.path}: {problem.problem}",
                "href": reverse(
                    "innovations:edit-section", args=[innovation.record_id, section.key]
                ),
            }
        )
    context = {
        "innovation": innovation,
        "cards": check_answer_cards(innovation, record),
        "error_items": error_items,
        "editing_published": innovation.workflow_status == WorkflowStatus.PUBLISHED,
    }
    return render(request, "innovations/form/check.html", context)


@login_required
def discard(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = _editable(request, record_id)
    if request.method == "POST":
        try:
            submission.discard_changes(innovation, actor=request.user)  # type: ignore[arg-type]
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Your changes were discarded.")
        return redirect("innovations:mine")
    return redirect("innovations:edit", record_id=innovation.record_id)


@login_required
def my_records(request: HttpRequest) -> HttpResponse:
    """The records of the user's councils, by stage (the council member's dashboard)."""
    from shopwindow.innovations.selectors import editable_by_councils

    ids = sorted(approved_council_ids(request.user))
    records = list(
        editable_by_councils(ids).select_related("owner_council").order_by("-updated_at")
    )
    groups = []
    for status in (
        WorkflowStatus.DRAFT,
        WorkflowStatus.CHANGES_REQUESTED,
        WorkflowStatus.SUBMITTED,
        WorkflowStatus.PUBLISHED,
        WorkflowStatus.WITHDRAWN,
    ):
        rows = [r for r in records if r.workflow_status == status]
        groups.append({"label": status.label, "status": status.value, "records": rows})
    return render(
        request,
        "innovations/mine.html",
        {"groups": groups, "has_councils": bool(ids)},
    )
