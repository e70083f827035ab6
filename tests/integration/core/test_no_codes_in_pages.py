"""Internal codes never appear to users: key pages (the invitation and vetting pages among them)
are scanned for vocabulary codes (hyphenated slugs like `revenues-and-benefits`) and snake_case
field names (like `work_mode`, `day_rate`) in their visible text."""

import datetime
import inspect
import re
from html.parser import HTMLParser
from types import ModuleType
from typing import Any

import pytest
from django.db import models
from django.test import Client

from shopwindow.accounts.models import Role
from shopwindow.adoption import models as adoption_models
from shopwindow.adoption.services import start_plan
from shopwindow.associates import models as associate_models
from shopwindow.associates import vocabularies as associate_vocabularies
from shopwindow.associates.models import Engagement, HelpRequest, Invitation
from shopwindow.authorities import vocabularies as authority_vocabularies
from shopwindow.authorities.models import Authority
from shopwindow.innovations import vocabularies as innovation_vocabularies
from shopwindow.innovations.models import Innovation
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    associate_profile,
    create_innovation,
    otp_login,
)

pytestmark = pytest.mark.django_db

CODE_SHAPE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")


def _codes_in(module: ModuleType) -> set[str]:
    """The codes of a vocabularies module: TextChoices values and (code, label, ...) lists."""
    codes: set[str] = set()
    for _, value in inspect.getmembers(module):
        if inspect.isclass(value) and issubclass(value, models.TextChoices):
            codes |= {str(v) for v in value.values}
        elif isinstance(value, list):
            codes |= {
                item[0] for item in value if isinstance(item, tuple) and isinstance(item[0], str)
            }
    return codes


def _field_names(*model_modules: ModuleType) -> set[str]:
    names: set[str] = set()
    for module in model_modules:
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, models.Model) and value.__module__ == module.__name__:
                names |= {f.name for f in value._meta.get_fields() if "_" in f.name}
    return names


def vocabulary_codes() -> set[str]:
    codes = (
        _codes_in(innovation_vocabularies)
        | _codes_in(associate_vocabularies)
        | _codes_in(authority_vocabularies)
        | _field_names(associate_models, adoption_models)
        | {f.name for f in Innovation._meta.get_fields() if "_" in f.name}
    )
    # Skill codes are prefixed ("service:revenues-and-benefits"); the bare code is in the set.
    return {c for c in codes if CODE_SHAPE.match(c)}


class _VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in {"script", "style", "template"}:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def codes_shown(html: str, codes: set[str]) -> list[str]:
    text = visible_text(html)
    return sorted(c for c in codes if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text))


def _client(user: Any) -> Client:
    # Moderators reach their pages only after the second factor.
    return otp_login(Client(), user)


def test_key_pages_show_no_internal_codes() -> None:
    south_hams = Authority.objects.get(gss="E07000044")
    member = UserFactory.create(full_name="Connie Council")
    CouncilMembershipFactory.create(user=member, authority=south_hams)
    moderator = UserFactory.create(role=Role.MODERATOR)
    record = create_innovation(
        lead_authorities=["E07000045"],
        contact={"role": "Head of Revenues and Benefits"},
    )
    associate = associate_profile(
        skills=["service:revenues-and-benefits", "capability:business-cases"],
        regions=["south-west"],
        work_mode="on-site",
        day_rate_band="up-to-400",
    )
    applicant = associate_profile(vetted=False, work_mode="on-site", day_rate_band="over-800")
    applicant.delivered_records.add(record)
    help_request = HelpRequest.objects.create(
        council=south_hams,
        author=member,
        title="Merge our benefits teams",
        goal="Save money",
        service_area="revenues-and-benefits",
        capabilities=["business-cases", "tupe-and-hr"],
        days_needed=10,
        budget_band="5k-20k",
        start_on=datetime.date(2027, 3, 1),
        end_on=datetime.date(2027, 6, 1),
        work_mode="on-site",
    )
    help_request.linked_records.add(record)
    invitation = Invitation.objects.create(
        help_request=help_request, associate=associate, invited_by=member
    )
    engagement = Engagement.objects.create(
        help_request=help_request,
        associate=associate,
        start_on=datetime.date(2027, 3, 1),
        end_on=datetime.date(2027, 6, 1),
        days_agreed=10,
    )
    plan = start_plan(
        user=member,
        innovation=record,
        council=south_hams,
        title="Our plan",
        start_date=datetime.date(2027, 1, 4),
    )

    pages = {
        (associate.user, f"/associates/invitations/{invitation.pk}/"),
        (associate.user, "/associates/dashboard/"),
        (moderator, f"/moderation/associates/{applicant.pk}/"),
        (member, f"/help-requests/{help_request.pk}/"),
        (member, f"/engagements/{engagement.pk}/"),
        (member, "/associates/"),
        (member, f"/associates/{associate.pk}/"),
        (member, f"/innovations/{record.record_id}/"),
        (member, f"/innovations/{record.record_id}/adopt/"),
        (member, f"/plans/{plan.pk}/"),
        (member, "/account/"),
        (member, "/help-requests/new/"),
    }
    codes = vocabulary_codes()
    assert {"revenues-and-benefits", "work_mode", "day_rate", "south-west"} <= codes
    found = {}
    for user, path in sorted(pages, key=lambda p: p[1]):
        response = _client(user).get(path)
        assert response.status_code == 200, path
        shown = codes_shown(response.content.decode(), codes)
        if shown:
            found[path] = shown
    assert found == {}


def test_the_scan_finds_a_code_when_one_is_shown() -> None:
    codes = {"revenues-and-benefits", "work_mode"}
    assert codes_shown("<p>Service area: revenues-and-benefits</p>", codes) == [
        "revenues-and-benefits"
    ]
    assert codes_shown("<p>Made public: work_mode, day_rate</p>", codes) == ["work_mode"]
    assert codes_shown('<a href="/x/revenues-and-benefits/">Revenues and benefits</a>', codes) == []
