"""Check your answers shows every answer as the record page will (Markdown rendered, safely),
including step details, risk mitigations and asks of government, each with its own Change link."""

import pytest

from shopwindow.accounts.models import User

from .conftest import signed_in
from .test_form import fill_required, start

pytestmark = pytest.mark.django_db

GUIDANCE = {
    "action": "save",
    "steps-count": "1",
    "steps-0-title": "Agree the business case",
    "steps-0-detail": "Take it to **cabinet**.\n\n<script>alert(1)</script>",
    "steps-0-duration_weeks": "6",
    "risks-count": "1",
    "risks-0-risk": "Staff leave during the change",
    "risks-0-mitigation": "Protect terms and conditions",
    "legal_basis": "Section 101, Local Government Act 1972",
    "prerequisites": "A shared ICT platform",
    "lessons": "Start small",
}
BARRIERS = {
    "action": "save",
    "barriers-count": "1",
    "barriers-0-barrier": "Pension rules differ between councils",
    "barriers-0-ask_of_government": "Allow one pension scheme for shared teams",
}


def test_check_your_answers_shows_every_answer_rendered(south_hams_member: User) -> None:
    client = signed_in(south_hams_member)
    record_id = fill_required(client, start(client))
    for section, data in (("guidance", GUIDANCE), ("barriers", BARRIERS)):
        response = client.post(f"/innovations/{record_id}/edit/{section}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]

    page = client.get(f"/innovations/{record_id}/edit/check/").content.decode()
    # Markdown is rendered (the problem and the step detail), never shown raw.
    assert "Cases took <strong>months</strong> to close." in page
    assert "**months**" not in page
    assert "<strong>cabinet</strong>" in page
    assert "<script>alert(1)</script>" not in page
    # The answers the page used to leave out.
    assert "Protect terms and conditions" in page
    assert "Allow one pension scheme for shared teams" in page
    assert "6 weeks" in page
    # Every answer has its own Change link to its field.
    assert page.count(">Change<") == page.count('class="govuk-summary-list__row')
    assert f'href="/innovations/{record_id}/edit/guidance/#id_risks-0-risk"' in page
    assert f'href="/innovations/{record_id}/edit/barriers/#id_barriers-0-barrier"' in page
