"""URLs of the innovations app. The record pages, submission form and moderation queue join here.

The list of published records (`innovations:list`, /innovations/) is the search page, which the
search app owns (it sits above innovations); shopwindow/urls.py joins both under one namespace."""

from django.urls import path

from shopwindow.innovations.aliases import follows_record_aliases
from shopwindow.innovations.views import (
    catalogue,
    evidence,
    importing,
    moderation,
    problems,
    record,
    submission,
)

# Pages at a record's address follow its old ids (a draft's placeholder, a renamed record).
aliased = follows_record_aliases

app_name = "innovations"

urlpatterns = [
    path("about/catalogue/", catalogue.about_catalogue, name="about-catalogue"),
    path("moderation/import/", importing.import_records, name="moderation-import"),
    # The publication workflow (moderators).
    path("moderation/records/", moderation.queue, name="moderation-queue"),
    path(
        "moderation/records/<slug:record_id>/", aliased(moderation.record), name="moderation-record"
    ),
    path("moderation/records/changes/<int:pk>/", moderation.revision, name="moderation-revision"),
    # Evidence documents uploaded as sources (public while a published record lists them).
    path(
        "evidence/<int:record_pk>/<slug:token>.pdf",
        evidence.evidence_file,
        name="evidence-file",
    ),
    # Problems reported with published records (moderators).
    path("moderation/problems/", problems.queue, name="moderation-problems"),
    path("moderation/problems/<int:pk>/", problems.decide, name="moderation-problem"),
    # The submission form (council members). Fixed words come before <record_id>.
    path("innovations/new/", submission.new_record, name="new"),
    path("innovations/mine/", submission.my_records, name="mine"),
    path("innovations/<slug:record_id>/edit/", aliased(submission.task_list), name="edit"),
    path(
        "innovations/<slug:record_id>/edit/check/",
        aliased(submission.check_answers),
        name="edit-check",
    ),
    path(
        "innovations/<slug:record_id>/edit/discard/",
        aliased(submission.discard),
        name="edit-discard",
    ),
    path(
        "innovations/<slug:record_id>/edit/<slug:section>/",
        aliased(submission.section_page),
        name="edit-section",
    ),
    # The public record page and its downloads; the preview for its council and moderators.
    path("innovations/<slug:record_id>/", aliased(record.detail), name="detail"),
    path("innovations/<slug:record_id>/preview/", aliased(record.preview), name="preview"),
    path(
        "innovations/<slug:record_id>/download.<str:fmt>", aliased(record.download), name="download"
    ),
    # Report a problem with a published record (anyone, signed out too).
    path(
        "innovations/<slug:record_id>/report-a-problem/",
        aliased(problems.report_problem),
        name="report-problem",
    ),
    path(
        "innovations/<slug:record_id>/report-a-problem/sent/",
        aliased(problems.report_sent),
        name="report-problem-sent",
    ),
]
