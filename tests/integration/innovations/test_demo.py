"""Demo content: made-up illustrative records only (the real ones are the catalogue, see
test_catalogue.py); loads through the importer, is idempotent, and covers every vocabulary."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType, Nation
from shopwindow.innovations.models import EvidenceLevel, Innovation, Revision, ServiceArea, Theme
from shopwindow.innovations.vocabularies import RecordStatus

pytestmark = pytest.mark.django_db


def test_demo_covers_every_vocabulary(demo: None) -> None:
    records = Innovation.objects.all()
    assert not records.filter(is_illustrative=False).exists()
    illustrative = records.filter(is_illustrative=True)
    assert illustrative.count() >= 40
    assert all(r.summary.startswith("Illustrative example") for r in illustrative)
    assert set(
        Theme.objects.filter(innovations__in=illustrative).values_list("code", flat=True)
    ) == set(Theme.objects.values_list("code", flat=True))
    assert set(
        ServiceArea.objects.filter(innovations__in=illustrative).values_list("code", flat=True)
    ) == set(ServiceArea.objects.values_list("code", flat=True))
    assert set(illustrative.values_list("evidence_level__level", flat=True)) == set(
        EvidenceLevel.objects.values_list("level", flat=True)
    )
    assert set(illustrative.values_list("status", flat=True)) == set(RecordStatus.values)
    leads = Authority.objects.filter(lead_links__innovation__in=illustrative)
    assert set(leads.values_list("nation", flat=True)) == set(Nation.values)
    assert set(leads.values_list("authority_type", flat=True)) == set(AuthorityType.values)


def test_demo_has_guidance_metrics_barriers_and_adoptions_on_half(demo: None) -> None:
    illustrative = Innovation.objects.filter(is_illustrative=True)
    half = illustrative.count() / 2
    assert illustrative.filter(steps__isnull=False).distinct().count() >= half
    assert illustrative.filter(metrics__isnull=False).distinct().count() >= half
    assert illustrative.filter(barriers__isnull=False).distinct().count() >= half
    assert illustrative.filter(adoptions__isnull=False).distinct().count() >= half


def test_search_helper_topics_are_present(demo: None) -> None:
    titles = " ".join(Innovation.objects.values_list("title", flat=True)).lower()
    for phrase in [
        "libraries as community hubs",
        "trading company",
        "channel shift",
        "voluntary and community sector",
        "joint waste",
        "shared revenues and benefits",
        "unitarisation",
    ]:
        assert phrase in titles, phrase


def test_load_demo_is_idempotent(demo: None) -> None:
    count, revisions = Innovation.objects.count(), Revision.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert (Innovation.objects.count(), Revision.objects.count()) == (count, revisions)


@override_settings(ALLOW_DEMO_CONTENT=False)
def test_load_demo_refuses_when_not_allowed() -> None:
    err = io.StringIO()
    call_command("load_demo", stderr=err)
    assert "switched off" in err.getvalue()
    assert Innovation.objects.count() == 0
