"""GET /api/v1/authorities/{gss}/comparators."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/api/v1/authorities/{}/comparators"


def test_comparators_shape(client: Client) -> None:
    response = client.get(URL.format("E07000044"))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"authority", "method", "comparators"}
    assert body["authority"] == {"gss": "E07000044", "name": "South Hams"}
    assert body["method"]["group"] == "district"
    assert [v["name"] for v in body["method"]["variables"]] == [
        "population",
        "density",
        "deprivation_score",
    ]
    assert body["method"]["documentation"] == "/councils/how-we-choose-comparators/"
    comparators = body["comparators"]
    assert len(comparators) == 15
    assert all(set(c) == {"gss", "name", "distance", "rank"} for c in comparators)
    assert [c["rank"] for c in comparators] == list(range(1, 16))
    assert "E07000044" not in {c["gss"] for c in comparators}
    assert all(0 < c["distance"] < 1 for c in comparators)


def test_page_and_api_agree(client: Client) -> None:
    body = client.get(URL.format("E08000003")).json()
    html = client.get("/councils/E08000003/comparators/").content.decode()
    positions = [html.index(c["name"]) for c in body["comparators"]]
    assert positions == sorted(positions)


def test_combined_authority_has_an_empty_list_and_a_reason(client: Client) -> None:
    body = client.get(URL.format("E47000001")).json()
    assert body["comparators"] == []
    assert body["method"]["group"] is None
    assert "not compared" in body["method"]["note"]


def test_unknown_gss_is_a_json_404(client: Client) -> None:
    response = client.get(URL.format("E99999999"))
    assert response.status_code == 404
    assert response.json() == {"detail": "No authority has the code E99999999"}


def test_the_authorities_router_still_answers_on_the_same_prefix(client: Client) -> None:
    assert client.get("/api/v1/authorities/E07000044").status_code == 200
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/authorities/{gss}/comparators" in schema["paths"]
