"""URLs of the innovations app. The record pages, submission form and moderation queue join here.

The list of published records (`innovations:list`, /innovations/) is the search page, which the
search app owns (it sits above innovations); shopwindow/urls.py joins both under one namespace."""

from django.urls import path

from shopwindow.innovations.views import (
    catalogue,
    importing,
    moderation,
    problems,
    record,
    submission,
)

app_name = "innovations"

urlpatterns = [
    path("about/catalogue/", catalogue.about_catalogue, name="about-catalogue"),
    path("moderation/import/", importing.import_records, name="moderation-import"),
    # The publication workflow (moderators).
    path("moderation/records/", moderation.queue, name="moderation-queue"),
    path("moderation/records/<slug:record_id>/", moderation.record, name="moderation-record"),
    path("moderation/records/changes/<int:pk>/", moderation.revision, name="moderation-revision"),
    # Problems reported with published records (moderators).
    path("moderation/problems/", problems.queue, name="moderation-problems"),
    path("moderation/problems/<int:pk>/", problems.decide, name="moderation-problem"),
    # The submission form (council members). Fixed words come before <record_id>.
    path("innovations/new/", submission.new_record, name="new"),
    path("innovations/mine/", submission.my_records, name="mine"),
    path("innovations/<slug:record_id>/edit/", submission.task_list, name="edit"),
    path("innovations/<slug:record_id>/edit/check/", submission.check_answers, name="edit-check"),
    path("innovations/<slug:record_id>/edit/discard/", submission.discard, name="edit-discard"),
    path(
        "innovations/<slug:record_id>/edit/<slug:section>/",
        submission.section_page,
        name="edit-section",
    ),
    # The public record page and its downloads; the preview for its council and moderators.
    path("innovations/<slug:record_id>/", record.detail, name="detail"),
    path("innovations/<slug:record_id>/preview/", record.preview, name="preview"),
    path("innovations/<slug:record_id>/download.<str:fmt>", record.download, name="download"),
    # Report a problem with a published record (anyone, signed out too).
    path(
        "innovations/<slug:record_id>/report-a-problem/",
        problems.report_problem,
        name="report-problem",
    ),
    path(
        "innovations/<slug:record_id>/report-a-problem/sent/",
        problems.report_sent,
        name="report-problem-sent",
    ),
]
