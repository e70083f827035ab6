"""Demo content: loads through the importer, is idempotent, and covers every vocabulary."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType, Nation
from shopwindow.innovations.models import EvidenceLevel, Innovation, Revision, ServiceArea, Theme
from shopwindow.innovations.vocabularies import RecordStatus

pytestmark = pytest.mark.django_db

REFORMS = {
    "northern-ireland-local-government-reform-2015",
    "greater-manchester-combined-authority",
    "south-hams-west-devon-shared-workforce-t18",
    "surrey-bucks-joint-trading-standards",
    "great-western-cities",
    "essex-county-model-shared-services-devolution",
}


def test_demo_covers_every_vocabulary(demo: None) -> None:
    records = Innovation.objects.all()
    assert {r.record_id for r in records.filter(is_illustrative=False)} == REFORMS
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


def test_reforms_use_public_facts(demo: None) -> None:
    t18 = Innovation.objects.get(record_id="south-hams-west-devon-shared-workforce-t18")
    assert int(t18.annual_saving_gbp or 0) == 4500000
    trading = Innovation.objects.get(record_id="surrey-bucks-joint-trading-standards")
    assert [a.gss for a in trading.ordered_leads] == ["E10000030"]
    assert str(trading.started_on) == "2015-04-01"
    assert (
        str(Innovation.objects.get(record_id="greater-manchester-combined-authority").started_on)
        == "2011-04-01"
    )
    assert str(Innovation.objects.get(record_id="great-western-cities").started_on) == "2015-02"
    ni = Innovation.objects.get(record_id="northern-ireland-local-government-reform-2015")
    assert ni.lead_links.count() == 11
    assert all(
        i.verification == "self-reported" for i in Innovation.objects.filter(is_illustrative=False)
    )


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
