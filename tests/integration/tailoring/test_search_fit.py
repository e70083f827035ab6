"""Search results show each record's fit once a council is chosen, and nothing before."""

import pytest
from django.core.management import call_command
from django.test import Client

from shopwindow.tailoring.selectors import SESSION_KEY
from tests.factories import create_innovation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    call_command("load_demo", verbosity=0)


def test_no_fit_without_a_chosen_council(client: Client, demo: None) -> None:
    page = client.get("/innovations/", {"q": "trading standards"}).content.decode()
    assert "Fit for" not in page


def test_fit_shown_in_results_for_the_chosen_council(client: Client, demo: None) -> None:
    session = client.session
    session[SESSION_KEY] = "E08000003"  # Manchester
    session.save()
    create_innovation(
        title="Joint trading standards service", service_areas=["regulatory-services"]
    )
    page = client.get("/innovations/", {"q": "trading standards"}).content.decode()
    assert "Fit for Manchester:" in page
    assert "out of 100" in page
