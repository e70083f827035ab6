"""The public record page: published only, never a draft or a pending revision; figures, guidance,
contact details for council members only, downloads, the council page section and the queue."""

import json
import re
from typing import Any

import pytest
from django.test import Client

from shopwindow.accounts.models import User
from shopwindow.innovations.models import Innovation, RevisionState
from shopwindow.innovations.services import workflow
from shopwindow.innovations.services.imports import run_import
from shopwindow.innovations.services.records import propose_change
from shopwindow.innovations.vocabularies import WorkflowStatus
from tests.factories import create_innovation, innovation_record

from .conftest import signed_in

pytestmark = pytest.mark.django_db

FULL: dict[str, Any] = {
    "title": "Joint trading standards service",
    "problem": "Two small teams, **thin** cover.",
    "other_partners": ["Citizens Advice"],
    "partner_authorities": ["E07000047"],
    "outcomes": {
        "annual_saving_gbp": 120000,
        "one_off_cost_gbp": 60000,
        "saving_basis": "Budget 2016 against 2015",
        "saving_kind": "reported",
        "saving_year": "2016/17",
        "metrics": [
            {"name": "Complaints handled", "unit": "a month", "baseline": 10, "result": 14}
        ],
    },
    "guidance": {
        "steps": [
            {"title": "Agree the business case", "duration_weeks": 6},
            {"title": "Consult staff", "detail": "Formal *consultation*", "duration_weeks": 4},
        ],
        "legal_basis": "Local Government Act 1972, section 101",
        "prerequisites": ["A willing partner"],
        "risks": [{"risk": "Staff leave", "mitigation": "Early engagement"}],
        "lessons": ["Start with the managers"],
    },
    "barriers": [{"barrier": "Pension rules", "ask_of_government": "Simplify pension admin"}],
    "evidence": {
        "level": 3,
        "verification": "peer-reviewed",
        "sources": [
            {
                "title": "Cabinet report",
                "url": "https://example.org/report",
                "publisher": "South Hams District Council",
                "kind": "council-report",
                "published_on": "2016-07",
                "supports": [
                    "outcomes.annual_saving_gbp",
                    "outcomes.one_off_cost_gbp",
                    "outcomes.metrics[0]",
                ],
            }
        ],
    },
    "contact": {"name": "Pat Example", "role": "Head of service", "email": "pat@example.gov.uk"},
    "adoptions": [{"authority": "E07000045", "status": "adopted", "started_on": "2018-04"}],
}


def test_public_page_shows_the_whole_record(client: Client) -> None:
    innovation = create_innovation(**FULL)
    response = client.get(f"/innovations/{innovation.record_id}/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Joint trading standards service",
        "£120,000 a year",
        "£60,000",
        "6.0 months",
        "Level 3: Causation",
        "A comparison or control group shows it caused the change.",
        "Peer-reviewed",
        "Implemented",
        '<a class="govuk-link" href="/councils/E07000044/">South Hams</a>',
        "Citizens Advice",
        "<strong>thin</strong>",
        "Complaints handled",
        "Agree the business case",
        "done by week 10",
        "about 10 weeks in all",
        "Local Government Act 1972",
        "Early engagement",
        "Start with the managers",
        "Simplify pension admin",
        'href="https://example.org/report"',
        "Teignbridge",
        "April 2018",
        "Last updated",
        "download.json",
        "download.csv",
    ):
        assert text in page, text
    assert "Illustrative example" not in page
    # Provenance: each figure says what kind it is and links to the source that backs it.
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "£120,000 a year Reported by the council, 2016/17. Source: South Hams District" in text
    assert "£60,000 Source: South Hams District Council" in text
    assert 'href="#source-1"' in page
    assert 'id="source-1"' in page
    assert "Council report · July 2016" in text
    assert "Backs: annual saving, one-off cost, measure 1" in text
    # Contact details are for signed-in council members only.
    assert "pat@example.gov.uk" not in page
    assert "Sign in</a> as a council member" in page


def test_format_1_0_figures_say_their_source_is_not_given(client: Client) -> None:
    """A 1.0 file's sources cannot say what they back: its figures import, labelled unsourced."""
    record = innovation_record(
        id="old-format-record",
        outcomes={"annual_saving_gbp": 50000},
        evidence={
            "level": 1,
            "verification": "self-reported",
            "sources": [{"title": "Old report", "url": "https://example.org/old"}],
        },
    )
    document = {"schema": "shopwindow/innovation-record/1", "records": [record]}
    run_import(json.dumps(document).encode(), publish=True)
    text = " ".join(
        re.sub(
            r"<[^>]+>", " ", client.get("/innovations/old-format-record/").content.decode()
        ).split()
    )
    assert "£50,000 a year No source given for this figure." in text


def test_contact_details_for_council_members_and_moderators(
    south_hams_member: User, other_council_member: User, moderator: User
) -> None:
    innovation = create_innovation(**FULL)
    url = f"/innovations/{innovation.record_id}/"
    for user in (south_hams_member, other_council_member, moderator):
        page = signed_in(user).get(url).content.decode()
        assert "Pat Example" in page
        assert f"/innovations/{innovation.record_id}/contact/" in page
        # The address is never shown on the page: messages go through the service.
        assert "pat@example.gov.uk" not in page
    plain = User.objects.create_user(email="someone@example.com", password="x-long-password-1")
    assert "Pat Example" not in signed_in(plain).get(url).content.decode()
    # Downloads carry the address only for the record's own council and moderators.
    for user, sees_email in ((south_hams_member, True), (other_council_member, False),
                             (moderator, True), (plain, False)):  # fmt: skip
        download = signed_in(user).get(url + "download.json").content.decode()
        assert ("pat@example.gov.uk" in download) is sees_email
    data = json.loads(Client().get(url + "download.json").content)
    assert "contact" not in data["records"][0]
    assert "pat@example.gov.uk" not in Client().get(url + "download.csv").content.decode()


def test_illustrative_records_say_so(client: Client) -> None:
    innovation = create_innovation(tags=["illustrative"])
    page = client.get(f"/innovations/{innovation.record_id}/").content.decode()
    assert "Illustrative example" in page


@pytest.mark.parametrize(
    "stage", [WorkflowStatus.DRAFT, WorkflowStatus.SUBMITTED, WorkflowStatus.CHANGES_REQUESTED,
              WorkflowStatus.WITHDRAWN],
)  # fmt: skip
def test_the_public_never_sees_a_record_that_is_not_published(
    client: Client, south_hams_member: User, stage: str
) -> None:
    innovation = create_innovation(publish=False)
    Innovation.objects.filter(pk=innovation.pk).update(workflow_status=stage)
    for path in ("", "download.json", "download.csv"):
        assert client.get(f"/innovations/{innovation.record_id}/{path}").status_code == 404
        # Even the record's own council sees it only at /preview/.
        response = signed_in(south_hams_member).get(f"/innovations/{innovation.record_id}/{path}")
        assert response.status_code == 404
    assert client.get("/innovations/no-such-record/").status_code == 404
    assert client.get(f"/innovations/{innovation.record_id}/preview/").status_code == 302


def test_the_public_never_sees_a_pending_revision(client: Client, south_hams_member: User) -> None:
    innovation = create_innovation(title="The published title of it")
    data = innovation_record(id=innovation.record_id, title="The proposed secret title")
    pending = propose_change(innovation, data, actor=south_hams_member)
    assert pending is not None
    assert pending.state == RevisionState.PENDING
    for path in ("", "download.json", "download.csv"):
        body = client.get(f"/innovations/{innovation.record_id}/{path}").content.decode()
        assert "The proposed secret title" not in body
        assert "The published title of it" in body
    council_page = client.get("/councils/E07000044/").content.decode()
    assert "The proposed secret title" not in council_page
    assert "The published title of it" in council_page


def test_preview_for_the_council_and_moderators_only(
    south_hams_member: User, other_council_member: User, moderator: User
) -> None:
    innovation = create_innovation(publish=False, title="A draft only its council sees")
    Innovation.objects.filter(pk=innovation.pk).update(
        owner_council_id=innovation.ordered_leads[0].pk
    )
    url = f"/innovations/{innovation.record_id}/preview/"
    assert "A draft only its council sees" in signed_in(south_hams_member).get(url).content.decode()
    assert "This is a preview" in signed_in(moderator).get(url).content.decode()
    # Someone else's draft answers exactly as an unknown id does: the URL leaks nothing.
    client = signed_in(other_council_member)
    refused, unknown = client.get(url), client.get("/innovations/no-such-record/preview/")
    assert refused.status_code == unknown.status_code == 404

    def page(response: Any, record_id: str) -> str:  # without the per-request CSRF mask
        body = response.content.decode().replace(record_id, "ID")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)

    assert page(refused, innovation.record_id) == page(unknown, "no-such-record")


def test_council_page_lists_led_partnered_and_adopted(client: Client) -> None:
    create_innovation(**FULL)
    create_innovation(title="Draft never listed anywhere", publish=False)
    for gss, heading in (
        ("E07000044", "Led by South Hams"),
        ("E07000047", "was a partner"),
        ("E07000045", "Adopted by Teignbridge"),
    ):
        page = client.get(f"/councils/{gss}/").content.decode()
        assert heading in page
        assert "Joint trading standards service" in page
        assert "Draft never listed anywhere" not in page


def test_moderation_queue_and_decisions(south_hams_member: User, moderator: User) -> None:
    innovation = create_innovation(publish=False, title="Waiting for a moderator")
    Innovation.objects.filter(pk=innovation.pk).update(
        owner_council_id=innovation.ordered_leads[0].pk
    )
    innovation.refresh_from_db()
    workflow.transition(innovation, "submit", actor=south_hams_member)
    published = create_innovation(title="Already published record")
    propose_change(
        published,
        innovation_record(id=published.record_id, title="Changed published record"),
        actor=south_hams_member,
    )
    mod = signed_in(moderator)
    assert signed_in(south_hams_member).get("/moderation/records/").status_code == 403
    queue = mod.get("/moderation/records/").content.decode()
    assert "Waiting for a moderator" in queue
    assert "Already published record" in queue
    assert "title" in queue
    assert "minute" in queue  # the age, like "0 minutes"

    url = f"/moderation/records/{innovation.record_id}/"
    empty = mod.post(url, {"action": "request_changes", "changes-reason": ""})
    assert "Enter a reason" in empty.content.decode()
    mod.post(url, {"action": "request_changes", "changes-reason": "Add a source please"})
    innovation.refresh_from_db()
    assert innovation.workflow_status == WorkflowStatus.CHANGES_REQUESTED
    tasks = signed_in(south_hams_member).get(f"/innovations/{innovation.record_id}/edit/")
    assert "Add a source please" in tasks.content.decode()
    # Publishing now is not possible: a clear message, not a 500.
    refused = mod.post(url, {"action": "publish"}, follow=True)
    assert refused.status_code == 200
    assert "cannot be published now" in refused.content.decode()
