"""/report/: public, filtered by a GET form, says when nothing matches, labels illustrative data."""

from typing import Any

from django.test import Client

from shopwindow.core.context_processors import NAVIGATION


def test_the_report_is_public_and_shows_the_hand_worked_totals(
    client: Client, report_records: Any
) -> None:
    response = client.get("/report/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "National evidence report" in html
    assert 'id="total-achieved-saving">£450,000<' in html
    assert 'id="verified-saving">£350,000<' in html
    assert 'id="total-records">4<' in html
    assert 'id="payback">7.2 months<' in html
    assert "Method and caveats" in html
    assert "counts once, never once per council" in html
    assert 'id="illustrative-warning"' not in html
    assert "1 illustrative example left out" in html
    # Charts are accessible SVG with a title, a description and a table of the same data.
    assert html.count('role="img"') >= 8
    assert "<desc id=" in html
    assert "Records by evidence level" in html
    assert "/report/download?format=pdf" in html


def test_the_filters_change_the_page(client: Client, report_records: Any) -> None:
    html = client.get("/report/", {"nation": "wales"}).content.decode()
    assert 'id="total-achieved-saving">£150,000<' in html
    assert "Nation: Wales" in html
    assert "/report/download?nation=wales&amp;format=csv" in html


def test_the_illustrative_switch_adds_them_and_warns(client: Client, report_records: Any) -> None:
    html = client.get("/report/", {"include_illustrative": "on"}).content.decode()
    assert 'id="illustrative-warning"' in html
    assert "These figures include illustrative examples" in html
    assert 'id="total-achieved-saving">£1,450,000<' in html


def test_a_filter_that_matches_nothing_explains_itself(client: Client, report_records: Any) -> None:
    response = client.get("/report/", {"nation": "northern-ireland", "period_from": "2030"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="no-records"' in html
    assert "No published records match these filters" in html
    assert 'id="total-achieved-saving">No figure given<' in html
    assert "No data to show" in html


def test_a_bad_filter_shows_an_error_not_a_crash(client: Client, report_records: Any) -> None:
    response = client.get("/report/", {"period_from": "twenty", "period_to": "2020"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Started from (year) must be a year, like 2015" in html
    assert 'id="total-achieved-saving">£450,000<' in html  # all records until corrected
    reversed_period = client.get("/report/", {"period_from": "2022", "period_to": "2019"})
    assert "must be the same as or later than period_from" in reversed_period.content.decode()


def test_the_map_can_show_records_or_savings(client: Client, report_records: Any) -> None:
    savings = client.get("/report/").content.decode()
    assert "Savings achieved by council area" in savings
    records = client.get("/report/", {"map": "records"}).content.decode()
    assert "Records by council area" in records


def test_navigation_links_to_the_report(client: Client, db: Any) -> None:
    assert ("Evidence report", "reports:report", "/report/") in NAVIGATION
    assert 'href="/report/"' in client.get("/").content.decode()
