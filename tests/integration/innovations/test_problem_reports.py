"""Report a problem with a record: the public form (signed out, rate-limited), the moderators'
queue, corrections through the record service, closing with no change, and the record page's
public history of changes."""

import html
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.innovations.models import (
    Innovation,
    ProblemReport,
    ProblemState,
    Revision,
    RevisionKind,
    RevisionState,
)
from shopwindow.innovations.serialisation import record_to_dict
from shopwindow.innovations.services.records import propose_change
from shopwindow.innovations.templatetags.innovation_tags import change_words, changed_fields
from tests.factories import create_innovation, innovation_record

from .conftest import signed_in

pytestmark = pytest.mark.django_db

QUEUE = "/moderation/problems/"
DESCRIPTION = "The annual saving is the figure for two years, not one."
NOTE = "The title now names both councils, as the cabinet report does."


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()  # the rate limiter counts in the cache
    yield
    cache.clear()


def form_url(innovation: Innovation) -> str:
    return f"/innovations/{innovation.record_id}/report-a-problem/"


def report(innovation: Innovation, **data: str) -> ProblemReport:
    fields = {"description": DESCRIPTION, "part": "figures", "email": ""} | data
    response = Client().post(form_url(innovation), fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ProblemReport.objects.latest("pk")


def current_record(innovation: Innovation) -> dict[str, Any]:
    from shopwindow.innovations.selectors import with_record_relations

    return record_to_dict(with_record_relations(Innovation.objects.all()).get(pk=innovation.pk))


# --- The public form ------------------------------------------------------------------------------


def test_signed_out_report_is_saved_and_shown_in_the_queue(moderator: User) -> None:
    innovation = create_innovation(title="Shared waste service for two councils")
    client = Client()
    record_page = client.get(innovation.get_absolute_url()).content.decode()
    assert f'href="{form_url(innovation)}"' in record_page

    page = client.get(form_url(innovation))
    assert page.status_code == 200
    assert "Report a problem with this record" in page.content.decode()
    assert "Figures and savings" in page.content.decode()

    response = client.post(
        form_url(innovation),
        {"description": DESCRIPTION, "part": "figures", "email": "reader@example.org"},
    )
    sent = f"/innovations/{innovation.record_id}/report-a-problem/sent/"
    assert response.status_code == 302
    assert response["Location"] == sent
    confirmation = client.get(sent).content.decode()
    assert "govuk-panel" in confirmation
    assert "Problem reported" in confirmation

    saved = ProblemReport.objects.get()
    assert (saved.innovation, saved.part, saved.description, saved.email) == (
        innovation,
        "figures",
        DESCRIPTION,
        "reader@example.org",
    )
    assert saved.state == ProblemState.OPEN
    assert saved.decided_by is None
    assert saved.revision is None

    queue = signed_in(moderator).get(QUEUE)
    assert queue.status_code == 200
    text = queue.content.decode()
    assert innovation.title in text
    assert f'href="/moderation/problems/{saved.pk}/"' in text
    # The moderators' index links to the queue.
    assert QUEUE in signed_in(moderator).get("/moderation/").content.decode()


def test_all_optional_fields_may_be_left_out() -> None:
    innovation = create_innovation()
    saved = report(innovation, part="", email="")
    assert (saved.part, saved.email) == ("", "")


def test_the_queue_lists_open_reports_oldest_first(moderator: User) -> None:
    first = create_innovation(title="The first record reported")
    second = create_innovation(title="The second record reported")
    report(second)
    report(first)
    closed = report(first)
    ProblemReport.objects.filter(pk=closed.pk).update(state=ProblemState.NO_CHANGE)
    text = signed_in(moderator).get(QUEUE).content.decode()
    assert text.index(second.title) < text.index(first.title)
    assert f"/moderation/problems/{closed.pk}/" not in text


def test_only_published_records_take_reports() -> None:
    draft = create_innovation(publish=False)
    client = Client()
    assert client.get(form_url(draft)).status_code == 404
    assert client.post(form_url(draft), {"description": DESCRIPTION}).status_code == 404
    assert client.get("/innovations/no-such-record/report-a-problem/").status_code == 404
    assert client.get(f"/innovations/{draft.record_id}/report-a-problem/sent/").status_code == 404
    assert not ProblemReport.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"description": ""}, "description", "Enter what is wrong with this record"),
        (
            {"description": "Wrong."},
            "description",
            "What is wrong with this record must be 10 characters or more",
        ),
        (
            {"description": "x" * 2001},
            "description",
            "What is wrong with this record must be 2,000 characters or fewer",
        ),
        (
            {"description": DESCRIPTION, "email": "not an address"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"description": DESCRIPTION, "part": "everything"},
            "part",
            "Select which part of the record it is about",
        ),
    ],
)
def test_bad_input_shows_the_error_naming_the_field_and_saves_nothing(
    data: dict[str, str], field: str, message: str
) -> None:
    innovation = create_innovation()
    response = Client().post(form_url(innovation), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    assert "There is a problem" in page
    assert f'href="#id_{field}"' in page  # the summary links to the field
    assert page.count(message) == 2  # in the summary and by the field
    assert not ProblemReport.objects.exists()


def test_exactly_2000_characters_is_fine() -> None:
    innovation = create_innovation()
    assert len(report(innovation, description="y" * 2000).description) == 2000


def test_the_sixth_report_from_one_address_in_an_hour_is_refused() -> None:
    innovation = create_innovation()
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        assert client.post(form_url(innovation), {"description": DESCRIPTION}).status_code == 302
    refused = client.post(form_url(innovation), {"description": DESCRIPTION})
    assert refused.status_code == 429
    assert "You have reported too many problems" in refused.content.decode()
    assert ProblemReport.objects.count() == 5
    # Another address is not held back by the first one.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post(form_url(innovation), {"description": DESCRIPTION}).status_code == 302
    assert ProblemReport.objects.count() == 6


# --- The moderators' queue -----------------------------------------------------------------------


def test_non_moderators_cannot_open_the_queue(south_hams_member: User) -> None:
    innovation = create_innovation()
    saved = report(innovation)
    decide = f"/moderation/problems/{saved.pk}/"
    for url in (QUEUE, decide):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/")
        member = signed_in(south_hams_member)
        assert member.get(url).status_code == 403
        assert member.post(url, {"action": "close", "close-note": "No."}).status_code == 403
    saved.refresh_from_db()
    assert saved.state == ProblemState.OPEN


def test_the_report_page_shows_the_report_and_the_record_as_json(moderator: User) -> None:
    innovation = create_innovation(title="Shared waste service for two councils")
    saved = report(innovation, email="reader@example.org")
    page = signed_in(moderator).get(f"/moderation/problems/{saved.pk}/").content.decode()
    assert DESCRIPTION in page
    assert "reader@example.org" in page
    assert "Figures and savings" in page
    text = html.unescape(page)  # the textarea's JSON is HTML-escaped
    assert f'"id": "{innovation.record_id}"' in text
    assert '"title": "Shared waste service for two councils"' in text


def test_a_correction_changes_the_record_and_shows_in_its_history(moderator: User) -> None:
    innovation = create_innovation(title="Shared waste service for two councils")
    record_id, pk = innovation.record_id, innovation.pk
    saved = report(innovation)
    corrected = current_record(innovation) | {"title": "Shared waste service for South Hams"}
    response = signed_in(moderator).post(
        f"/moderation/problems/{saved.pk}/",
        {"action": "correct", "correct-record": json.dumps(corrected), "correct-note": NOTE},
    )
    assert response.status_code == 302
    assert response["Location"] == QUEUE

    innovation = Innovation.objects.get(pk=pk)
    assert innovation.record_id == record_id
    assert innovation.title == "Shared waste service for South Hams"
    assert innovation.last_checked_at is not None
    revision = innovation.revisions.order_by("-pk").first()
    assert revision is not None
    assert revision.kind == RevisionKind.CORRECTED
    assert revision.state == RevisionState.APPLIED
    assert revision.reason == NOTE
    assert revision.changed_paths == ["title"]
    saved.refresh_from_db()
    assert saved.state == ProblemState.CORRECTED
    assert (saved.revision, saved.decided_by, saved.public_note) == (revision, moderator, NOTE)
    assert saved.decided_at is not None
    assert (
        f"/moderation/problems/{saved.pk}/" not in signed_in(moderator).get(QUEUE).content.decode()
    )

    page = Client().get(innovation.get_absolute_url()).content.decode()
    assert "History of changes" in page
    assert "Corrected after a reported problem" in page
    assert NOTE in page
    assert "Changed: title" in page
    # Never who made the change.
    assert moderator.email not in page
    assert moderator.full_name not in page


def test_an_invalid_correction_shows_every_error_and_changes_nothing(moderator: User) -> None:
    innovation = create_innovation(title="Shared waste service for two councils")
    saved = report(innovation)
    revisions = innovation.revisions.count()
    bad = current_record(innovation) | {
        "title": "A new title that must not be saved",
        "themes": ["sharedservices"],
        "status": "done",
    }
    client = signed_in(moderator)
    url = f"/moderation/problems/{saved.pk}/"
    response = client.post(
        url, {"action": "correct", "correct-record": json.dumps(bad), "correct-note": NOTE}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert f"record 1 ({innovation.record_id}): themes[0]: " in page
    assert f"record 1 ({innovation.record_id}): status: " in page
    assert 'href="#id_correct-record"' in page
    assert "A new title that must not be saved" in page  # the moderator's text is kept

    # Not JSON at all, a changed id, and no note: each refused with its own message.
    not_json = client.post(
        url, {"action": "correct", "correct-record": "{not json", "correct-note": NOTE}
    )
    assert "The corrected record is not valid JSON" in not_json.content.decode()
    moved = current_record(innovation) | {"id": "a-different-id"}
    moved_page = client.post(
        url, {"action": "correct", "correct-record": json.dumps(moved), "correct-note": NOTE}
    ).content.decode()
    assert f"id: must stay '{innovation.record_id}'" in html.unescape(moved_page)
    no_note = client.post(
        url,
        {
            "action": "correct",
            "correct-record": json.dumps(current_record(innovation) | {"title": "Fine title"}),
            "correct-note": " ",
        },
    )
    assert "Enter what was corrected" in no_note.content.decode()
    unchanged = client.post(
        url,
        {
            "action": "correct",
            "correct-record": json.dumps(current_record(innovation)),
            "correct-note": NOTE,
        },
    )
    assert "The record is unchanged" in unchanged.content.decode()

    innovation.refresh_from_db()
    assert innovation.title == "Shared waste service for two councils"
    assert innovation.last_checked_at is None
    assert innovation.revisions.count() == revisions
    assert not Innovation.objects.filter(record_id="a-different-id").exists()
    assert not Revision.objects.filter(kind=RevisionKind.CORRECTED).exists()
    saved.refresh_from_db()
    assert saved.state == ProblemState.OPEN


def test_no_change_needed_closes_the_report(moderator: User) -> None:
    innovation = create_innovation()
    saved = report(innovation)
    revisions = innovation.revisions.count()
    client = signed_in(moderator)
    url = f"/moderation/problems/{saved.pk}/"
    empty = client.post(url, {"action": "close", "close-note": ""})
    assert empty.status_code == 200
    assert "Enter why no change is needed" in empty.content.decode()
    saved.refresh_from_db()
    assert saved.state == ProblemState.OPEN

    response = client.post(
        url, {"action": "close", "close-note": "The cabinet report gives the yearly figure."}
    )
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.state == ProblemState.NO_CHANGE
    assert saved.decided_by == moderator
    assert saved.decided_at is not None
    assert saved.revision is None
    assert innovation.revisions.count() == revisions
    assert f"/moderation/problems/{saved.pk}/" not in client.get(QUEUE).content.decode()
    # A decided report cannot be decided again.
    again = client.post(
        url,
        {
            "action": "correct",
            "correct-record": json.dumps(current_record(innovation) | {"title": "Too late now"}),
            "correct-note": NOTE,
        },
    )
    assert again.status_code == 302
    innovation.refresh_from_db()
    assert innovation.title != "Too late now"


# --- The public history --------------------------------------------------------------------------


def test_history_leaves_out_pending_and_rejected_changes(south_hams_member: User) -> None:
    innovation = create_innovation(actor=south_hams_member)
    proposed = innovation_record(id=innovation.record_id, title="A proposal not yet approved")
    pending = propose_change(innovation, proposed, actor=south_hams_member)
    assert pending is not None
    rejected = propose_change(
        innovation, proposed | {"summary": "A later proposal replaces it."}, actor=None
    )
    assert rejected is not None
    page = Client().get(innovation.get_absolute_url()).content.decode()
    assert "History of changes" in page
    assert "First version of the record" in page
    assert "Change proposed" not in page
    assert south_hams_member.email not in page


def test_change_paths_read_as_plain_words() -> None:
    assert change_words("outcomes.annual_saving_gbp") == "annual saving"
    assert change_words("evidence.sources[2].url") == "sources"
    assert change_words("guidance.steps[0].duration_weeks") == "steps"
    assert change_words("outcomes.some_new_field_gbp") == "some new field"
    assert changed_fields(
        [{"path": "evidence.sources[0].title"}, {"path": "evidence.sources[1].url"}]
    ) == ["sources"]
    many = [{"path": f"field_{n}"} for n in range(10)]
    assert changed_fields(many)[-1] == "5 other parts"
    assert len(changed_fields(many)) == 6
