"""GET /api/v1/stats: the report's figures and filters; a bad value is a 400 naming it."""

from typing import Any

import pytest
from django.test import Client


def test_stats_gives_the_hand_worked_totals(client: Client, report_records: Any) -> None:
    response = client.get("/api/v1/stats")
    assert response.status_code == 200
    body = response.json()
    totals = body["totals"]
    assert totals["records"] == 4
    assert totals["achieved_saving_gbp"] == 450000
    assert totals["verified_saving_gbp"] == 350000
    assert totals["one_off_cost_gbp"] == 210000
    assert totals["payback_months"] == 7.2
    assert totals["councils_shared"] == 6
    assert totals["councils_adopted"] == 2
    assert body["breakdowns"]["nation"]["total"]["achieved_saving_gbp"] == 450000
    assert body["illustrative_left_out"] == 1
    assert body["filters"]["include_illustrative"] is False


def test_stats_filters(client: Client, report_records: Any) -> None:
    wales = client.get("/api/v1/stats", {"nation": "wales"}).json()["totals"]
    assert (wales["records"], wales["achieved_saving_gbp"]) == (2, 150000)
    period = client.get("/api/v1/stats", {"period_from": "2021", "period_to": "2022"}).json()
    assert period["totals"]["achieved_saving_gbp"] == 150000
    demo = client.get("/api/v1/stats", {"include_illustrative": "true"}).json()
    assert demo["totals"]["achieved_saving_gbp"] == 1450000
    nothing = client.get("/api/v1/stats", {"region": "london"}).json()
    assert nothing["totals"]["records"] == 0
    assert nothing["totals"]["payback_months"] is None


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"nation": "atlantis"}, "nation"),
        ({"region": "north"}, "region"),
        ({"theme": "magic"}, "theme"),
        ({"period_from": "last year"}, "period_from"),
        ({"period_to": "99999"}, "period_to"),
        ({"period_from": "2022", "period_to": "2020"}, "period_to"),
        ({"include_illustrative": "perhaps"}, "include_illustrative"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(
    client: Client, db: Any, params: dict[str, str], parameter: str
) -> None:
    response = client.get("/api/v1/stats", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert response.json()["detail"].startswith(f"{parameter}:")
