"""Recommended options for a council: the page (filters, pagination), the API, and a check by
hand that Manchester's recommendations are plausible."""

import pytest
from django.core.management import call_command
from django.test import Client

from shopwindow.authorities.models import Authority
from shopwindow.tailoring.selectors import recommendations_for, saving_points
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db

SINGLE_TIER = {
    "unitary",
    "metropolitan-district",
    "london-borough",
    "welsh-principal-area",
    "scottish-council",
    "ni-district",
}


@pytest.fixture
def demo() -> None:
    """The illustrative demo records: the ranking tests below are judged over them, so they ask
    for illustrative records to be included (they are left out by default)."""
    call_command("load_demo", verbosity=0)


def test_manchesters_recommendations_are_plausible(demo: None) -> None:
    create_innovation(
        id="gm-combined-authority",
        lead_authorities=["E47000001"],
        partner_authorities=["E08000003"],
        themes=["combined-authority"],
    )
    manchester = Authority.objects.get(gss="E08000003")
    found = recommendations_for(manchester, include_illustrative=True)
    ids = [item.innovation.record_id for item in found.items]
    # Manchester partners in the Greater Manchester Combined Authority record: it knows it.
    assert "gm-combined-authority" not in ids
    assert found.known >= 1
    top = found.items[:10]
    for item in top:
        # Big-city options: in services Manchester runs, made by single-tier councils like it
        # (not by rural districts or counties), each scoring some similarity.
        assert item.fit.powers_match, item.innovation.record_id
        lead_kinds = {link.authority.authority_type for link in item.innovation.lead_links.all()}
        assert lead_kinds <= SINGLE_TIER, (item.innovation.record_id, lead_kinds)
        assert item.fit.parts[0].points > 0
    # Sheffield's reablement service (evidence level 5, adopted by three other metropolitan
    # districts) is one of the strongest cases for a northern city, so it is near the top.
    assert "reablement-after-hospital" in ids[:3]
    # A district's shared chief executive is no guide to a city's budget: no projection.
    shared_chief = found.items[ids.index("shared-chief-executive-two-councils")]
    assert not shared_chief.fit.projection.available
    # The ranking is as documented: fit plus saving points, best first, within the powers order.
    scores = [item.rank_score for item in found.items if item.fit.powers_match]
    assert scores == sorted(scores, reverse=True)


def test_saving_points_follow_the_log_scale(demo: None) -> None:
    manchester = Authority.objects.get(gss="E08000003")
    for item in recommendations_for(manchester, include_illustrative=True).items:
        saving = item.fit.projection.saving
        if saving is None:
            assert saving_points(item.fit) == 0
        elif saving.central == 1_000_000:
            assert saving_points(item.fit) == pytest.approx(10)  # 5 × log10(1,000,000 ÷ 10,000)


def test_a_service_not_run_is_ranked_last_and_flagged() -> None:
    create_innovation(
        lead_authorities=["E07000047"],
        evidence={"level": 5, "verification": "peer-reviewed"},
        service_areas=["adult-social-care"],
    )
    create_innovation(lead_authorities=["E07000047"])
    south_hams = Authority.objects.get(gss="E07000044")
    items = recommendations_for(south_hams).items
    assert [item.fit.powers_match for item in items] == [True, False]
    only_run = recommendations_for(south_hams, only_services_we_run=True).items
    assert len(only_run) == 1


def test_the_page_lists_fit_reasons_and_ranges(client: Client, demo: None) -> None:
    assert "No published options" in client.get("/councils/E08000003/recommended/").content.decode()
    response = client.get("/councils/E08000003/recommended/?include_illustrative=on")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Options recommended for Manchester" in html
    assert "Fit: " in html
    assert "out of 100" in html
    assert "Could save Manchester £" in html
    assert "Illustrative example" in html
    assert 'aria-label="Pages of recommended options"' in html  # 48 options, 20 a page
    page_two = client.get(
        "/councils/E08000003/recommended/?include_illustrative=on&page=2"
    ).content.decode()
    assert 'start="21"' in page_two


def test_the_filters_work_without_javascript(client: Client, demo: None) -> None:
    html = client.get(
        "/councils/E08000003/recommended/?service_area=adult-social-care"
    ).content.decode()
    # Every adult social care demo record is illustrative, and those are left out by default.
    assert "No published options match these filters" in html
    manchester = Authority.objects.get(gss="E08000003")
    shared = recommendations_for(
        manchester, theme="shared-services", include_illustrative=True
    ).items
    assert shared
    assert len(shared) < len(recommendations_for(manchester, include_illustrative=True).items)
    for item in shared:
        assert "shared-services" in {theme.code for theme in item.innovation.themes.all()}
    html = client.get(
        "/councils/E08000003/recommended/?theme=shared-services&include_illustrative=on"
    ).content.decode()
    assert f"<strong>{len(shared)}</strong> options" in html
    assert shared[0].innovation.title in html
    bad = client.get("/councils/E08000003/recommended/?theme=nonsense&page=zzz")
    assert bad.status_code == 200
    assert "Select a valid choice" in bad.content.decode()


def test_unknown_and_former_councils_are_404(client: Client) -> None:
    assert client.get("/councils/X99999999/recommended/").status_code == 404
    assert client.get("/councils/E10000002/recommended/").status_code == 404


def test_the_page_is_public_and_linked(client: Client) -> None:
    assert client.get("/councils/E07000044/recommended/").status_code == 200
    comparators = client.get("/councils/E07000044/comparators/").content.decode()
    assert 'href="/councils/E07000044/recommended/"' in comparators
    council = client.get("/councils/E07000044/").content.decode()
    assert 'href="/councils/E07000044/recommended/"' in council


def test_the_method_page(client: Client) -> None:
    response = client.get("/councils/how-we-score-fit/")
    assert response.status_code == 200
    assert "Worked example" in response.content.decode()


# --- API ----------------------------------------------------------------------------------------


def test_api_recommendations(client: Client, demo: None) -> None:
    response = client.get(
        "/api/v1/authorities/E08000003/recommendations?page_size=5&include_illustrative=true"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["authority"] == {"gss": "E08000003", "name": "Manchester"}
    manchester = Authority.objects.get(gss="E08000003")
    everything = recommendations_for(manchester, include_illustrative=True).items
    assert body["count"] == len(everything)
    assert len(body["results"]) == 5
    first = body["results"][0]
    assert set(first) >= {
        "id",
        "title",
        "fit",
        "fit_reasons",
        "projected_saving_gbp",
        "powers_match",
    }
    best = everything[0]
    assert first["id"] == best.innovation.record_id
    assert first["fit"] == best.fit.score
    assert len(first["fit_reasons"]) == 4
    saving = first["projected_saving_gbp"]
    assert saving is None or saving["low"] <= saving["central"] <= saving["high"]
    assert body["next"]
    assert "page=2" in body["next"]


def test_api_filters_and_nulls(client: Client, demo: None) -> None:
    create_innovation(
        id="cities-working-together",
        lead_authorities=["E06000023", "W06000015"],
        service_areas=["highways-and-transport"],
    )
    body = client.get(
        "/api/v1/authorities/E08000003/recommendations?service_area=highways-and-transport"
        "&include_illustrative=true&page_size=50"
    ).json()
    ids = {result["id"] for result in body["results"]}
    assert "cities-working-together" in ids  # a real record with no saving stated
    cities = next(r for r in body["results"] if r["id"] == "cities-working-together")
    assert cities["projected_saving_gbp"] is None
    assert cities["saving_kind"] is None
    assert cities["projection_note"].startswith("We cannot project a saving")
    default = client.get(
        "/api/v1/authorities/E08000003/recommendations?service_area=highways-and-transport"
    ).json()
    assert [r["id"] for r in default["results"]] == ["cities-working-together"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("theme=nonsense", "theme"),
        ("service_area=nonsense", "service_area"),
        ("page=0", "page"),
        ("page_size=1000", "page_size"),
        ("page=abc", "page"),
        ("only_services_we_run=maybe", "only_services_we_run"),
    ],
)
def test_api_bad_values_name_the_parameter(client: Client, query: str, parameter: str) -> None:
    response = client.get(f"/api/v1/authorities/E08000003/recommendations?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_api_unknown_council_is_404(client: Client) -> None:
    response = client.get("/api/v1/authorities/X99999999/recommendations")
    assert response.status_code == 404
    assert "X99999999" in response.json()["detail"]
