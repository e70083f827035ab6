"""The record page shows the saving per resident as a sum: the saving, whose residents it is
divided by with each population, and the result (innovations/per_resident.py)."""

from decimal import Decimal
from html import unescape

import pytest
from django.test import Client

from shopwindow.authorities.models import Authority
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db

SOUTH_HAMS, WEST_DEVON, DEVON = "E07000044", "E07000047", "E10000008"


def _population(gss: str) -> int:
    value = Authority.objects.get(gss=gss).population
    assert value
    return value


def test_a_partnership_is_divided_by_every_council_by_default(client: Client) -> None:
    record = create_innovation(
        lead_authorities=[SOUTH_HAMS],
        partner_authorities=[WEST_DEVON],
        outcomes={"annual_saving_gbp": 1200000, "saving_kind": "reported"},
    )
    people = _population(SOUTH_HAMS) + _population(WEST_DEVON)
    html = unescape(client.get(record.get_absolute_url()).content.decode())
    per_head = (Decimal(1200000) / people).quantize(Decimal("0.01"))
    assert f"£1,200,000 ÷ {people:,} residents = £{per_head} a resident a year" in html
    assert f"South Hams ({_population(SOUTH_HAMS):,} residents)" in html
    assert f"West Devon ({_population(WEST_DEVON):,} residents)" in html
    assert record.saving_per_head == per_head


def test_lead_only_is_divided_by_the_lead(client: Client) -> None:
    record = create_innovation(
        lead_authorities=[SOUTH_HAMS],
        partner_authorities=[WEST_DEVON],
        outcomes={
            "annual_saving_gbp": 1200000,
            "saving_kind": "reported",
            "saving_shared_by": "lead",
        },
    )
    people = _population(SOUTH_HAMS)
    html = unescape(client.get(record.get_absolute_url()).content.decode())
    assert f"£1,200,000 ÷ {people:,} residents" in html
    assert "the lead councils only" in html


def test_a_county_and_its_own_district_count_once(client: Client) -> None:
    record = create_innovation(
        lead_authorities=[DEVON],
        partner_authorities=[SOUTH_HAMS],
        outcomes={"annual_saving_gbp": 800000, "saving_kind": "reported"},
    )
    html = unescape(client.get(record.get_absolute_url()).content.decode())
    assert f"£800,000 ÷ {_population(DEVON):,} residents" in html
    assert "South Hams (inside Devon, so already counted)" in html
