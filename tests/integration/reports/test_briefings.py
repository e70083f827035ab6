"""Briefing packs: moderators only; pick, order, introduce, export as PDF and Markdown; audited."""

import io
from typing import Any

import pypdf
import pytest
from django.test import Client

from shopwindow.accounts.models import AuditEvent, Role
from shopwindow.reports.models import BriefingItem, BriefingPack
from tests.factories import UserFactory, otp_login


@pytest.fixture
def moderator_client(client: Client, db: Any) -> Client:
    otp_login(client, UserFactory.create(role=Role.MODERATOR))
    return client


def test_only_moderators_reach_briefings(client: Client, db: Any) -> None:
    response = client.get("/moderation/briefings/")
    assert response.status_code == 302
    assert "/sign-in" in response["Location"] or "login" in response["Location"]
    client.force_login(UserFactory.create())
    assert client.get("/moderation/briefings/").status_code == 403


def test_a_moderator_builds_orders_and_exports_a_briefing(
    moderator_client: Client, report_records: Any
) -> None:
    client = moderator_client
    response = client.post(
        "/moderation/briefings/new/",
        {"title": "Spending review 2026", "introduction": "Councils **save** money."},
    )
    pack = BriefingPack.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/moderation/briefings/{pack.pk}/"

    page = client.get(f"/moderation/briefings/{pack.pk}/records/", {"q": "partnership"})
    assert page.status_code == 200
    r1, r2 = report_records["R1"], report_records["R2"]
    client.post(f"/moderation/briefings/{pack.pk}/records/", {"records": [r1.pk, r2.pk]})
    barriers = client.get(f"/moderation/briefings/{pack.pk}/barriers/", {"q": "pension"})
    assert "Pension strain costs" in barriers.content.decode()
    barrier = r1.barriers.get(barrier="Pension strain costs")
    client.post(f"/moderation/briefings/{pack.pk}/barriers/", {"barriers": [barrier.pk]})
    items = list(pack.items.order_by("position"))
    assert [i.kind for i in items] == ["record", "record", "barrier"]

    # Move the barrier to the top, with plain form posts (no JavaScript).
    client.post(f"/moderation/briefings/{pack.pk}/items/{items[2].pk}/move/", {"direction": "up"})
    client.post(f"/moderation/briefings/{pack.pk}/items/{items[2].pk}/move/", {"direction": "up"})
    ordered = list(pack.items.order_by("position").values_list("pk", flat=True))
    assert ordered == [items[2].pk, items[0].pk, items[1].pk]

    markdown = client.get(f"/moderation/briefings/{pack.pk}/download/md/")
    text = markdown.content.decode()
    assert text.startswith("# Spending review 2026")
    assert "Councils **save** money." in text
    assert "**Ask of government:** Pool pension funds" in text
    assert text.index(r1.title) < text.index(r2.title)

    pdf = client.get(f"/moderation/briefings/{pack.pk}/download/pdf/")
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    assert "/StructTreeRoot" in reader.root_object
    assert reader.root_object["/Lang"] == "en-GB"  # type: ignore[comparison-overlap]  # pypdf gives a TextStringObject, a str
    pdf_text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Spending review 2026" in pdf_text
    assert "Pool pension funds" in pdf_text

    # The barrier's wording survives an edit of its record.
    r1.barriers.all().delete()
    assert BriefingItem.objects.filter(barrier="Pension strain costs").exists()

    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "briefing_pack.created",
        "briefing_pack.records_added",
        "briefing_pack.barriers_added",
        "briefing_pack.reordered",
        "briefing_pack.exported",
    } <= actions

    client.post(f"/moderation/briefings/{pack.pk}/items/{items[0].pk}/remove/")
    assert pack.items.count() == 2
    client.post(f"/moderation/briefings/{pack.pk}/delete/")
    assert not BriefingPack.objects.exists()


def test_the_pack_form_shows_errors(moderator_client: Client) -> None:
    response = moderator_client.post("/moderation/briefings/new/", {"title": ""})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not BriefingPack.objects.exists()


def test_picking_nothing_says_so(moderator_client: Client, report_records: Any) -> None:
    pack = BriefingPack.objects.create(title="Empty")
    response = moderator_client.post(f"/moderation/briefings/{pack.pk}/records/", {}, follow=True)
    assert "Select at least one record" in response.content.decode()
