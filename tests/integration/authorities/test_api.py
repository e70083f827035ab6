"""The authorities API: filters, pagination, full records, errors and the OpenAPI document."""

from collections import Counter
from typing import Any

import pytest
from django.test import Client

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import DISTRICT_LEVEL_TYPES, AuthorityType

pytestmark = pytest.mark.django_db

URL = "/api/v1/authorities"


def all_results(client: Client, **params: Any) -> tuple[int, list[dict[str, Any]]]:
    """Follow `next` links and return the count and every result."""
    response = client.get(URL, {**params, "page_size": 200})
    assert response.status_code == 200, response.content
    body = response.json()
    results = list(body["results"])
    while body["next"]:
        body = client.get(body["next"]).json()
        results.extend(body["results"])
    return response.json()["count"], results


def test_current_councils_by_type(client: Client) -> None:
    count, results = all_results(client, current="true")
    assert count == len(results) == 396
    types = Counter(r["type"] for r in results)
    assert sum(n for t, n in types.items() if t in DISTRICT_LEVEL_TYPES) == 361
    assert types["county"] == 21
    assert types["combined-authority"] == 13
    assert types["strategic-authority"] == 1
    assert len({r["gss"] for r in results}) == 396


def test_no_current_filter_lists_current_and_former(client: Client) -> None:
    count, _ = all_results(client)
    assert count == Authority.objects.count()
    former, results = all_results(client, current="false")
    assert former == Authority.objects.filter(is_current=False).count()
    assert not any(r["current"] for r in results)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"nation": "wales"}, {"nation": "wales"}),
        ({"region": "north-east", "current": "true"}, {"region": "north-east", "is_current": True}),
        ({"type": "county", "current": "true"}, {"authority_type": "county", "is_current": True}),
    ],
)
def test_filters(client: Client, params: dict[str, str], expected: dict[str, Any]) -> None:
    count, results = all_results(client, **params)
    assert count == Authority.objects.filter(**expected).count() > 0
    for key, value in params.items():
        if key != "current":
            assert all(r[key] == value for r in results)


def test_search_by_name(client: Client) -> None:
    body = client.get(URL, {"q": "south hams"}).json()
    assert body["count"] == 1
    assert body["results"][0]["gss"] == "E07000044"


def test_pagination_envelope(client: Client) -> None:
    body = client.get(URL, {"current": "true", "page": "2", "page_size": "100"}).json()
    assert body["count"] == 396
    assert len(body["results"]) == 100
    assert "page=3" in body["next"]
    assert "page=1" in body["previous"]
    last = client.get(URL, {"current": "true", "page": "4", "page_size": "100"}).json()
    assert len(last["results"]) == 96
    assert last["next"] is None


def test_former_council_record(client: Client) -> None:
    response = client.get(f"{URL}/E10000002")
    assert response.status_code == 200
    body = response.json()
    assert body["official_name"] == "Buckinghamshire County Council"
    assert body["current"] is False
    assert body["end_date"] == "2020-03-31"
    assert body["replaced_by"] == ["E06000060"]
    assert body["type"] == "county"
    assert set(body["districts"]) == {"E07000004", "E07000005", "E07000006", "E07000007"}
    successor = client.get(f"{URL}/E06000060").json()
    assert "E10000002" in successor["predecessors"]


def test_full_record(client: Client) -> None:
    body = client.get(f"{URL}/E07000044").json()
    assert body["name"] == "South Hams"
    assert body["population"] == 89812
    assert body["population_source"] == "ONS mid-2022"
    assert body["parent_county"] == "E10000008"
    assert body["nation"] == "england"
    assert body["region"] == "south-west"
    assert body["deprivation"]["imd_2025_rank_of"] == 296
    assert body["deprivation"]["composite_uk_quintile"] in {1, 2, 3, 4, 5}
    assert body["url"].endswith("/councils/E07000044/")
    for key in ("area_sq_km", "density", "latitude", "longitude", "hex_q", "hex_r"):
        assert body[key] is not None, key


def test_combined_authority_members(client: Client) -> None:
    body = client.get(f"{URL}/E47000014").json()
    assert len(body["members"]) == 7
    assert set(body["predecessors"]) == {"E47000010", "E47000011"}
    gla = client.get(f"{URL}/E61000001").json()
    assert gla["type"] == AuthorityType.STRATEGIC_AUTHORITY
    assert len(gla["members"]) == 33


@pytest.mark.parametrize(
    ("params", "parameter", "allowed"),
    [
        ({"nation": "narnia"}, "nation", "'northern-ireland'"),
        ({"region": "mars"}, "region", "'yorkshire-and-the-humber'"),
        ({"type": "parish"}, "type", "'strategic-authority'"),
        ({"current": "maybe"}, "current", "'true' or 'false'"),
    ],
)
def test_bad_filter_is_a_400_naming_the_parameter(
    client: Client, params: dict[str, str], parameter: str, allowed: str
) -> None:
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["detail"].startswith(f"{parameter}:")
    assert allowed in body["detail"]


def test_bad_page_is_a_400(client: Client) -> None:
    assert client.get(URL, {"page": 0}).json()["parameter"] == "page"
    assert client.get(URL, {"page_size": 1000}).json()["parameter"] == "page_size"
    assert client.get(URL, {"page": "two"}).status_code == 400


def test_unknown_council_is_a_404_json_error(client: Client) -> None:
    response = client.get(f"{URL}/E99999999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "E99999999" in response.json()["detail"]


def test_openapi_document_describes_the_parameters_and_fields(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/authorities"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {"nation", "region", "type", "current", "q", "page", "page_size"}
    schemas = document["components"]["schemas"]
    assert set(schemas["Nation"]["enum"]) == {"england", "wales", "scotland", "northern-ireland"}
    assert "strategic-authority" in schemas["AuthorityType"]["enum"]
    detail = schemas["AuthorityDetail"]["properties"]
    for field in ("members", "replaced_by", "predecessors", "deprivation", "population_source"):
        assert field in detail
    one = document["paths"]["/api/v1/authorities/{gss}"]["get"]
    assert {"200", "404"} <= set(one["responses"])
