"""The public record page, its downloads, and the preview of a record that is not public yet.

The public page shows published records only (selectors.get_published): a draft, a submitted or
withdrawn record, or an unknown id is a 404, and a pending revision never shows. Council members
of the record's councils and moderators can preview a record in any stage at .../preview/; a
draft in progress is built in memory (services.preview.preview_record) and rendered with the
same template, so the preview is the page the public would see and a GET writes nothing.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from shopwindow.accounts.permissions import can
from shopwindow.innovations import per_resident, provenance, selectors
from shopwindow.innovations.models import Innovation
from shopwindow.innovations.sections import record_section_templates
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services import submission
from shopwindow.innovations.services.exports import to_csv, to_json
from shopwindow.innovations.services.preview import preview_record
from shopwindow.innovations.vocabularies import WorkflowStatus


def _timeline(innovation: Innovation) -> list[dict[str, Any]]:
    """Guidance steps with the week each one ends, counted from the start."""
    total = 0.0
    steps = []
    for step in innovation.steps.all():
        if step.duration_weeks is not None:
            total += step.duration_weeks
        steps.append(
            {
                "step": step,
                "ends_week": total if step.duration_weeks is not None else None,
            }
        )
    return steps


def record_context(request: HttpRequest, innovation: Innovation) -> dict[str, Any]:
    show_contact = selectors.may_see_contact_name(request.user)
    timeline = _timeline(innovation)
    figures = provenance.figures(innovation)
    return {
        "saving_provenance": figures.get("outcomes.annual_saving_gbp"),
        "cost_provenance": figures.get("outcomes.one_off_cost_gbp"),
        "metric_rows": [
            (metric, figures[f"outcomes.metrics[{i}]"])
            for i, metric in enumerate(innovation.metrics.all())
        ],
        "source_rows": provenance.source_rows(innovation),
        "innovation": innovation,
        "record": record_to_dict(
            innovation,
            include_contact=selectors.may_see_contact_email(request.user, innovation),
        ),
        "derived": selectors.derived_figures(innovation),
        "per_resident": per_resident.for_record(innovation),
        "timeline": timeline,
        "total_weeks": timeline[-1]["ends_week"] if timeline else None,
        "show_contact": show_contact,
        "record_sections": record_section_templates(),
        "confirmed_adoptions": [a for a in innovation.adoptions.all() if a.confirmed],
    }


def detail(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = selectors.get_published(record_id)
    if innovation is None:
        raise Http404("No published record with this id")
    return render(request, "innovations/record.html", record_context(request, innovation))


def download(request: HttpRequest, record_id: str, fmt: str) -> HttpResponse:
    innovation = selectors.get_published(record_id)
    if innovation is None:
        raise Http404("No published record with this id")
    include_contact = selectors.may_see_contact_email(request.user, innovation)
    if fmt == "json":
        body = to_json([record_to_dict(innovation, include_contact=include_contact)])
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    elif fmt == "csv":
        body = to_csv([innovation], include_contact=include_contact)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    else:
        raise Http404("Download as json or csv")
    response["Content-Disposition"] = f'attachment; filename="{innovation.record_id}.{fmt}"'
    return response


def preview(request: HttpRequest, record_id: str) -> HttpResponse:
    innovation = Innovation.objects.filter(record_id=record_id).first()
    # An unknown id and a record the user may not see give the same answer (404), so the preview
    # URL does not tell which record ids exist (OWASP ASVS 4.0 V4.2.1 / V8.3).
    if innovation is None or not can(request.user, "view", "innovation_record", innovation):
        raise Http404("No record with this id that you can preview")
    draft = bool(innovation.draft_data and "record" in innovation.draft_data)
    if not draft:
        shown = selectors.with_record_relations(Innovation.objects.all()).get(pk=innovation.pk)
        context = record_context(request, shown)
        context.update(preview=True, preview_of="record")
        return render(request, "innovations/record.html", context)
    record = submission.working_record(innovation)
    problems = submission.errors_in(record)
    if problems:
        return render(
            request,
            "innovations/preview_incomplete.html",
            {"innovation": innovation, "problems": problems},
            status=200,
        )
    context = record_context(request, preview_record(innovation, record))
    context.update(preview=True, preview_of="draft")
    return render(request, "innovations/record.html", context)


def stage_tag(status: str) -> dict[str, str]:
    colours: dict[str, str] = {
        WorkflowStatus.DRAFT: "govuk-tag--grey",
        WorkflowStatus.SUBMITTED: "govuk-tag--blue",
        WorkflowStatus.CHANGES_REQUESTED: "govuk-tag--orange",
        WorkflowStatus.PUBLISHED: "govuk-tag--green",
        WorkflowStatus.WITHDRAWN: "govuk-tag--red",
    }
    return {"text": str(WorkflowStatus(status).label), "classes": colours.get(status, "")}
