"""Spread: the record page section (timeline, hex map, table) and /spread/ (ranking, maps)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from shopwindow.adoption import spread
from shopwindow.adoption.templatetags.adoption_tags import spread_section
from shopwindow.core.charts import Category
from shopwindow.innovations.models import Adoption, Innovation
from shopwindow.innovations.selectors import get_published
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def hexes(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return [p for p in root.iter(f"{SVG}path") if p.get("class") == "sw-hex"]


@pytest.fixture
def adopted(record: Innovation) -> Innovation:
    Adoption.objects.create(
        innovation=record,
        authority_id=_id("E06000052"),
        status="adopted",
        confirmed=True,
        started_year=2022,
    )
    Adoption.objects.create(  # not confirmed: not shown
        innovation=record, authority_id=_id("E07000044"), status="adopted", confirmed=False
    )
    found = get_published(record.record_id)
    assert found is not None
    return found


def _id(gss: str) -> int:
    from shopwindow.authorities.models import Authority

    return Authority.objects.get(gss=gss).pk


def test_categories_spread_the_county_partner_onto_its_districts(adopted: Innovation) -> None:
    hexmap = spread.record_hexmap(adopted)
    rows = {row.gss: row.label for row in hexmap.table_rows}
    assert rows["E07000045"] == "Lead council"  # Teignbridge leads (and is in Devon)
    assert rows["E07000044"] == "Partner council"  # South Hams: via Devon; its plan is unconfirmed
    assert rows["E06000052"] == "Adopting council"
    assert len(hexes(hexmap.svg)) == 361
    # The table says what the map says, hex for hex.
    titled = {(p.findtext(f"{SVG}title") or "") for p in hexes(hexmap.svg)}
    for row in hexmap.table_rows:
        assert f"{row.name}: {row.label}" in titled


def test_timeline_runs_from_lead_to_adopters(adopted: Innovation) -> None:
    entries = spread.timeline(adopted)
    assert [e.heading for e in entries] == [
        "Started by the lead council",
        "Partner council",
        "Adopted: Cornwall",
    ]
    assert entries[0].when == "April 2019"
    assert entries[2].when == "2022"


def test_record_page_shows_the_spread_section(adopted: Innovation) -> None:
    body = Client().get(f"/innovations/{adopted.record_id}/").content.decode()
    assert "Where it came from and where it went" in body
    assert "Show the data as a table" in body
    assert body.count('class="sw-hex"') == 361
    context = spread_section(adopted)
    assert {r[1]["text"] for r in context["table"]["rows"]} >= {"E06000052", "E07000045"}


def test_spread_page_ranks_records_and_hides_illustrative_ones_by_default(
    adopted: Innovation,
) -> None:
    demo = create_innovation(tags=["illustrative"], title="Illustrative idea with adopters")
    for gss in ("E06000052", "E07000044"):
        Adoption.objects.create(
            innovation=demo, authority_id=_id(gss), status="in-progress", confirmed=True
        )
    client = Client()
    page = client.get("/spread/").content.decode()
    assert adopted.title in page
    assert "Illustrative idea with adopters" not in page
    assert page.count('class="sw-hex"') == 361
    included = client.get("/spread/?illustrative=include").content.decode()
    assert included.index("Illustrative idea with adopters") < included.index(adopted.title)
    assert "Illustrative</strong>" in included
    adopted_map = client.get("/spread/?map=adopted&illustrative=include").content.decode()
    assert "How many records each council has adopted" in adopted_map
    assert re.search(r"Cornwall</th>\s*<td[^>]*>E06000052</td>\s*<td[^>]*>2</td>", adopted_map)


def test_council_counts(adopted: Innovation) -> None:
    counts = spread.council_counts(include_illustrative=False)
    assert counts["shared"]["E07000045"] == 1
    assert counts["shared"]["E10000008"] == 1
    assert counts["adopted"]["E06000052"] == 1
    assert "E07000044" not in counts["adopted"]


def test_record_categories_skip_exploring_and_abandoned(record: Innovation) -> None:
    Adoption.objects.create(
        innovation=record, authority_id=_id("E06000052"), status="exploring", confirmed=True
    )
    found = get_published(record.record_id)
    assert found is not None
    assert Category.ADOPTER not in spread.record_categories(found).values()


def test_spread_is_public(adopted: Innovation) -> None:
    assert Client().get("/spread/").status_code == 200
