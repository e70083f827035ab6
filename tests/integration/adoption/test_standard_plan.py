"""Plans from any record: a record without steps gets the standard adoption stages, adapted from
its legal basis, prerequisites and risks, and the adopt page says so."""

import itertools
from datetime import date

import pytest

from shopwindow.accounts.models import User
from shopwindow.adoption.models import AdoptionPlan
from shopwindow.authorities.models import Authority
from tests.factories import create_innovation

from .conftest import SOUTH_HAMS, client_for, date_post

pytestmark = pytest.mark.django_db

STAGES = [
    "Understand the model",
    "Business case and approval",
    "Governance and legal basis",
    "People and consultation",
    "Build and launch",
    "Review at 12 months",
]


def test_a_plan_made_from_a_record_with_no_steps_has_the_standard_stages(member: User) -> None:
    record = create_innovation(
        lead_authorities=["E07000045"],
        guidance={
            "legal_basis": "Section 101 of the Local Government Act 1972",
            "prerequisites": ["A shared ICT platform"],
            "risks": [{"risk": "Staff turnover", "mitigation": "Protect terms and conditions"}],
        },
    )
    assert not record.steps.exists()
    client = client_for(member)
    page = client.get(f"/innovations/{record.record_id}/adopt/").content.decode()
    assert "0 steps" not in page
    assert "standard adoption plan" in page
    for stage in STAGES:
        assert stage in page

    response = client.post(
        f"/innovations/{record.record_id}/adopt/",
        {
            "council": Authority.objects.get(gss=SOUTH_HAMS).pk,
            "title": "Our plan",
            **date_post("start_date", 5, 1, 2026),
        },
    )
    assert response.status_code == 302
    tasks = list(AdoptionPlan.objects.get().tasks.order_by("position"))
    assert [t.title for t in tasks] == STAGES
    by_title = {t.title: t for t in tasks}
    assert "A shared ICT platform" in by_title["Business case and approval"].detail
    assert "Section 101" in by_title["Governance and legal basis"].detail
    assert "Staff turnover" in by_title["People and consultation"].detail
    assert "Protect terms and conditions" in by_title["People and consultation"].detail
    # Dated in sequence; the review falls due a year after launch.
    assert tasks[0].start_date == date(2026, 1, 5)
    for before, after in itertools.pairwise(tasks):
        assert after.start_date == before.due_date
    review = by_title["Review at 12 months"]
    assert review.due_date is not None
    assert review.start_date is not None
    assert (review.due_date - review.start_date).days == 364
    followed = client.get(response["Location"]).content.decode()
    assert "standard adoption stages" in followed


def test_a_record_with_no_legal_basis_says_to_ask_early(member: User) -> None:
    from shopwindow.adoption.standard_plan import standard_tasks

    record = create_innovation(lead_authorities=["E07000045"])
    governance = next(t for t in standard_tasks(record) if t.title.startswith("Governance"))
    assert "does not state a legal basis" in governance.detail
