"""The fit section on the record page: fit, powers flag and projection once a council is chosen;
a link to choose one before."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from shopwindow.innovations.models import Innovation
from shopwindow.innovations.sections import record_section_templates
from shopwindow.tailoring.selectors import SESSION_KEY
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db

SECTION = "tailoring/sections/record_fit.html"


def render_section(record: Innovation, gss: str | None) -> str:
    request = RequestFactory().get(record.get_absolute_url())
    request.session = SessionStore()
    request.user = AnonymousUser()
    if gss:
        request.session[SESSION_KEY] = gss
    return render_to_string(SECTION, {"innovation": record, "request": request}, request=request)


def choose(client: Client, gss: str) -> None:
    response = client.post("/your-council/", {"council": gss})
    assert response.status_code == 302


@pytest.fixture
def record() -> Innovation:
    # West Devon (E07000047), South Hams' neighbour; 56,000 people. £200,000 a year at level 2,
    # one-off £100,000.
    return create_innovation(
        lead_authorities=["E07000047"],
        outcomes={"annual_saving_gbp": 200000, "one_off_cost_gbp": 100000},
    )


def test_the_section_is_registered() -> None:
    assert SECTION in record_section_templates()


def test_without_a_council_it_offers_to_choose_one(record: Innovation) -> None:
    html = render_section(record, None)
    assert "How this fits your council" in html
    assert f'href="/your-council/?next={record.get_absolute_url()}"' in html
    assert "Fit score" not in html


def test_with_a_council_it_shows_fit_and_projection(record: Innovation) -> None:
    html = render_section(record, "E07000044")
    assert "How this fits South Hams" in html
    assert "Fit score: <strong>" in html
    assert "Your council runs waste and environment" in html
    assert "Evidence level 2: correlation" in html
    assert "a year, with a central estimate of about" in html
    assert "pay back its set-up cost in" in html
    assert "How we worked this out" in html
    assert "/councils/E07000044/recommended/" in html


def test_no_saving_says_so_plainly() -> None:
    record = create_innovation(lead_authorities=["E07000047"])
    html = render_section(record, "E07000044")
    assert "We cannot project a saving for your council because the record does not state" in html
    assert "central estimate" not in html


def test_a_service_the_council_does_not_run_is_flagged() -> None:
    record = create_innovation(
        service_areas=["adult-social-care"], outcomes={"annual_saving_gbp": 200000}
    )
    html = render_section(record, "E07000044")  # a district: no adult social care
    assert "Not a service your council provides" in html
    assert "South Hams does not run adult social care" in html
    assert "We cannot project a saving for your council because your council does not run" in html


def test_on_the_record_page(client: Client, record: Innovation) -> None:
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    assert "Choose your council" in response.content.decode()
    choose(client, "E07000044")
    page = client.get(record.get_absolute_url()).content.decode()
    assert "How this fits South Hams" in page
    assert "Your council runs waste and environment" in page


def test_search_results_tags_batch_the_fits(record: Innovation) -> None:
    # How the search results show fit: one batch for the page, one summary per result.
    from django.template import Context, Template

    template = Template(
        "{% load tailoring_fit %}{% fits_for records as fits %}"
        "{% for r in records %}{% fit_summary r fits %}{% endfor %}"
    )
    request = RequestFactory().get("/innovations/")
    request.session = SessionStore()
    request.user = AnonymousUser()
    assert "out of 100" not in template.render(Context({"records": [record], "request": request}))
    request = RequestFactory().get("/innovations/")
    request.session = SessionStore()
    request.session[SESSION_KEY] = "E07000044"
    request.user = AnonymousUser()
    html = template.render(Context({"records": [record], "request": request}))
    assert "out of 100" in html
    assert "Your council runs waste and environment" in html
    assert "Fit for South Hams:" in html
    assert "Could save £" in html
