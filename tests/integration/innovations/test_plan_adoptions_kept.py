"""Saving a record keeps the adoptions that came from councils' adoption plans.

A record's own list of adoptions replaces its earlier list (the exchange format's rule), but an
older file re-imported, or a change proposed before a moderator confirmed a plan's adoption,
must not undo that confirmation.
"""

import pytest
from django.utils import timezone

from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Adoption
from shopwindow.innovations.services.records import save_record
from shopwindow.innovations.vocabularies import Source
from tests.factories import create_innovation, innovation_record

pytestmark = pytest.mark.django_db


def test_confirmed_plan_adoption_survives_a_resave_without_it() -> None:
    innovation = create_innovation(
        id="kept-adoption-record",
        adoptions=[{"authority": "E07000045", "status": "adopted"}],
    )
    Adoption.objects.create(
        innovation=innovation,
        position=5,
        authority=Authority.objects.get(gss="E07000047"),
        status="adopted",
        confirmed=True,
        confirmed_at=timezone.now(),
        source=Source.PLAN,
    )
    save_record(innovation_record(id="kept-adoption-record"), publish=True)
    remaining = {a.authority.gss: a.source for a in innovation.adoptions.all()}
    # The imported list (now empty) replaced the imported adoption; the plan's one stays.
    assert remaining == {"E07000047": Source.PLAN}


def test_a_record_that_lists_the_council_replaces_the_plan_adoption() -> None:
    innovation = create_innovation(id="replaced-adoption-record")
    Adoption.objects.create(
        innovation=innovation,
        position=0,
        authority=Authority.objects.get(gss="E07000047"),
        status="in-progress",
        confirmed=True,
        confirmed_at=timezone.now(),
        source=Source.PLAN,
    )
    save_record(
        innovation_record(
            id="replaced-adoption-record",
            adoptions=[{"authority": "E07000047", "status": "adopted"}],
        ),
        publish=True,
    )
    adoptions = list(innovation.adoptions.all())
    assert [(a.authority.gss, a.status, a.confirmed) for a in adoptions] == [
        ("E07000047", "adopted", True)
    ]
