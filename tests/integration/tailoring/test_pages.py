"""The comparators, powers and method pages, as a visitor sees them."""

import pytest
from django.test import Client

from shopwindow.authorities.models import Authority
from shopwindow.tailoring.functions import functions_run_by
from shopwindow.tailoring.models import Comparator
from shopwindow.tailoring.powers import services_run_by
from shopwindow.tailoring.selectors import comparators_for

pytestmark = pytest.mark.django_db


def test_comparators_page_lists_15_councils_with_each_measure(client: Client) -> None:
    response = client.get("/councils/E08000003/comparators/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Councils like Manchester" in html
    assert "<caption" in html
    assert 'scope="col"' in html
    for heading in ["Population", "People per sq km", "Deprivation score", "Distance (0 to 1)"]:
        assert heading in html
    for item in comparators_for_gss("E08000003"):
        assert item.comparator.name in html
    assert "How we chose these" in html
    assert "/councils/how-we-choose-comparators/" in html
    assert "population 40%, density 30%, deprivation 30%" in html
    assert "/councils/E08000003/powers/" in html


def comparators_for_gss(gss: str) -> list[Comparator]:
    return list(comparators_for(Authority.objects.get(gss=gss)))


def test_a_combined_authority_gets_an_explanation_not_an_error(client: Client) -> None:
    response = client.get("/councils/E47000001/comparators/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Combined authorities and the Greater London Authority are not compared" in html
    assert "<table" not in html.split("How we chose these")[0]


def test_a_former_council_gets_an_explanation(client: Client) -> None:
    former = Authority.objects.filter(is_current=False).exclude(gss="").first()
    assert former is not None
    response = client.get(f"/councils/{former.gss}/comparators/")
    assert response.status_code == 200
    assert "no longer exists" in response.content.decode()


def test_unknown_council_is_a_404(client: Client) -> None:
    assert client.get("/councils/E99999999/comparators/").status_code == 404
    assert client.get("/councils/E99999999/powers/").status_code == 404


def test_powers_page_lists_the_services_a_district_runs(client: Client) -> None:
    response = client.get("/councils/E07000044/powers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Services South Hams runs" in html
    assert "Adult social care" in html
    assert "Housing" in html
    south_hams = Authority.objects.get(gss="E07000044")
    functions, _, areas = html.partition("Service areas and whether")
    assert areas.count("govuk-tag--green") == len(services_run_by(south_hams)) == 9
    # The functions table: each function with the body that runs it for South Hams.
    assert functions.count("govuk-tag--green") == len(functions_run_by(south_hams))
    row = functions.split(">Trading standards</th>")[1].split("</tr>")[0]
    assert "Devon County Council" in row
    assert "Source:" in row
    assert "gov.uk/understand-how-your-council-works" in row


def test_method_pages_render_the_documentation(client: Client) -> None:
    response = client.get("/councils/how-we-choose-comparators/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html
    assert "How we choose comparable councils" in html
    assert "Worked example" in html
    response = client.get("/councils/who-runs-what/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Service areas each kind of authority runs" in html
    assert "English single-tier" in html
