"""GET /api/v1/innovations (search) and the /innovations/ page."""

from typing import Any

import pytest
from django.test import Client

from tests.factories import create_innovation

pytestmark = pytest.mark.django_db


@pytest.fixture
def records() -> None:
    create_innovation(
        id="trading-standards",
        title="Joint trading standards service",
        summary="Two county councils run one consumer protection team.",
        lead_authorities=["E10000030"],
        service_areas=["regulatory-services"],
        outcomes={"annual_saving_gbp": 150_000},
    )
    create_innovation(
        id="libraries",
        title="Libraries as community hubs",
        summary="Libraries host council services.",
        lead_authorities=["W06000015"],
        themes=["community-hubs"],
        tags=["illustrative"],
    )


def test_api_shape(client: Client, records: None) -> None:
    body = client.get("/api/v1/innovations?q=consumer+protection").json()
    assert body["count"] == 1
    assert body["next"] is None
    assert body["previous"] is None
    hit = body["results"][0]
    assert set(hit) == {
        "id",
        "title",
        "summary",
        "score",
        "snippet",
        "about",
        "annual_saving_gbp",
        "saving_kind",
        "is_illustrative",
        "evidence_level",
        "verification",
        "status",
        "lead_authorities",
        "url",
    }
    assert hit["id"] == "trading-standards"
    assert hit["annual_saving_gbp"] == 150000
    assert hit["lead_authorities"] == ["E10000030"]
    assert hit["url"] == "http://testserver/innovations/trading-standards/"
    assert "<mark" in hit["snippet"]
    assert hit["score"] > 0
    assert set(body["facets"]) == {
        "theme",
        "service_area",
        "authority_type",
        "nation",
        "region",
        "evidence_level",
        "verification",
        "status",
        "savings_band",
    }
    assert body["facets"]["savings_band"] == [
        {"code": "100k-1m", "label": "£100,000 to £1 million", "count": 1}
    ]
    assert body["did_you_mean"] is None


def test_api_repeated_parameter_is_or(client: Client, records: None) -> None:
    one = client.get("/api/v1/innovations?nation=wales&include_illustrative=true").json()
    both = client.get(
        "/api/v1/innovations?nation=wales&nation=england&include_illustrative=true"
    ).json()
    assert one["count"] == 1
    assert both["count"] == 2
    england = {f["code"]: f["count"] for f in one["facets"]["nation"]}
    assert england == {"england": 1, "wales": 1}


def test_illustrative_records_are_left_out_unless_asked_for(client: Client, records: None) -> None:
    body = client.get("/api/v1/innovations").json()
    assert [hit["id"] for hit in body["results"]] == ["trading-standards"]
    assert body["results"][0]["is_illustrative"] is False
    assert client.get("/api/v1/innovations?include_illustrative=false").json()["count"] == 1
    assert client.get("/api/v1/innovations?include_illustrative=true").json()["count"] == 2
    bad = client.get("/api/v1/innovations?include_illustrative=maybe")
    assert bad.status_code == 400
    assert bad.json()["parameter"] == "include_illustrative"
    html = client.get("/innovations/?q=libraries").content.decode()
    assert "No records found" in html
    assert 'name="include_illustrative" type="checkbox" value="true"' in html


def test_api_did_you_mean(client: Client, records: None) -> None:
    body = client.get("/api/v1/innovations?q=tradng+standards").json()
    assert body["did_you_mean"] == "trading standards"


def test_api_paging_links(client: Client, records: None) -> None:
    body = client.get("/api/v1/innovations?page_size=1&include_illustrative=true").json()
    assert body["count"] == 2
    assert "include_illustrative=true" in body["next"]
    assert len(body["results"]) == 1
    assert "page=2" in body["next"]
    assert client.get(body["next"]).json()["previous"] is not None


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("theme=nope", "theme"),
        ("service_area=x", "service_area"),
        ("authority_type=parish", "authority_type"),
        ("nation=france", "nation"),
        ("region=mars", "region"),
        ("evidence_min=9", "evidence_min"),
        ("evidence_min=high", "evidence_min"),
        ("verification=maybe", "verification"),
        ("status=dreaming", "status"),
        ("savings_min=lots", "savings_min"),
        ("savings_min=-5", "savings_min"),
        ("sort=random", "sort"),
        ("page=0", "page"),
        ("page_size=1000", "page_size"),
        ("savings_band=huge", "savings_band"),
    ],
)
def test_api_bad_value_is_a_400_naming_the_parameter(
    client: Client, query: str, parameter: str
) -> None:
    response = client.get(f"/api/v1/innovations?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["detail"]


def test_every_parameter_is_in_the_openapi_document(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in spec["paths"]["/api/v1/innovations"]["get"]["parameters"]}
    assert set(parameters) >= {
        "q",
        "theme",
        "service_area",
        "authority_type",
        "nation",
        "region",
        "evidence_min",
        "verification",
        "status",
        "savings_min",
        "include_illustrative",
        "sort",
        "page",
        "page_size",
    }
    assert "shared-services" in parameters["theme"]["schema"]["items"]["enum"]
    assert "unitary" in parameters["authority_type"]["schema"]["items"]["enum"]
    assert parameters["sort"]["schema"]["enum"] == ["relevance", "saving", "evidence", "newest"]


def test_page_shows_results_facets_and_shareable_state(client: Client, records: None) -> None:
    response = client.get("/innovations/?q=libraries&nation=wales&include_illustrative=true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 record" in html
    assert 'href="/innovations/libraries/"' in html
    assert "Illustrative example" in html
    assert 'name="nation" type="checkbox" value="wales" checked' in html
    assert 'value="libraries"' in html  # the query stays in the search box
    # The selected filter is a removable tag that keeps the query.
    assert 'href="?q=libraries&amp;include_illustrative=true"' in html
    assert "Clear filters" in html


def test_page_no_results_advice_and_did_you_mean(client: Client, records: None) -> None:
    html = client.get("/innovations/?q=tradng+standards").content.decode()
    assert "Did you mean" in html
    assert 'href="?q=trading+standards"' in html
    html = client.get("/innovations/?q=zeppelin").content.decode()
    assert "No records found" in html
    assert "checking your spelling" in html


def test_page_bad_parameter_is_a_clear_400(client: Client) -> None:
    response = client.get("/innovations/?theme=nope")
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_page_pagination(client: Client, django_assert_max_num_queries: Any) -> None:
    for n in range(25):
        create_innovation(id=f"paged-{n:02d}", title=f"Shared waste depot {n}")
    with django_assert_max_num_queries(14):
        html = client.get("/innovations/?q=depot").content.decode()
    assert "Showing 1 to 20 of 25" in html
    assert 'href="?q=depot&amp;page=2"' in html
    html = client.get("/innovations/?q=depot&page=2").content.decode()
    assert "Showing 21 to 25 of 25" in html


def test_page_is_public(client: Client) -> None:
    assert client.get("/innovations/").status_code == 200
