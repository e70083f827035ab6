"""Talk to the originator: delivered with Reply-To, address never shown, limited, logged."""

from typing import Any

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings

from shopwindow.accounts.models import AuditEvent, User
from shopwindow.adoption.models import OriginatorMessage
from shopwindow.authorities.models import Authority
from shopwindow.innovations.models import Innovation
from tests.factories import UserFactory, create_innovation

from .conftest import SOUTH_HAMS, client_for

pytestmark = pytest.mark.django_db

CONTACT = "rita@teignbridge.gov.uk"


def _send(client: object, record: Innovation, text: str = "How did you do it?") -> object:
    council = Authority.objects.get(gss=SOUTH_HAMS)
    return client.post(  # type: ignore[attr-defined]
        f"/innovations/{record.record_id}/contact/", {"council": council.pk, "body": text}
    )


def test_message_is_emailed_with_reply_to_and_logged(
    member: User, record: Innovation, after_commit: Any
) -> None:
    client = client_for(member)
    page = client.get(f"/innovations/{record.record_id}/contact/")
    assert page.status_code == 200
    assert CONTACT not in page.content.decode()
    assert "Rita Lead" in page.content.decode()
    with after_commit():
        response = _send(client, record)
    assert response.status_code == 302  # type: ignore[attr-defined]
    sent = client.get(response["Location"])  # type: ignore[index]
    assert CONTACT not in sent.content.decode()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [CONTACT]
    assert email.reply_to == [member.email]
    assert "How did you do it?" in email.body
    assert "South Hams" in email.body
    message = OriginatorMessage.objects.get()
    assert message.council is not None
    assert (message.sender, message.council.gss) == (member, SOUTH_HAMS)
    assert AuditEvent.objects.filter(action="adoption.message_sent", actor=member).exists()


def test_an_empty_message_is_an_error(member: User, record: Innovation, after_commit: Any) -> None:
    with after_commit():
        response = _send(client_for(member), record, text="")
    body = response.content.decode()  # type: ignore[attr-defined]
    assert "There is a problem" in body
    assert "Enter your message" in body
    assert mail.outbox == []


@override_settings(
    ACCOUNTS_RATE_LIMITS={"originator_message": (2, 3600), "originator_message_day": (20, 86400)}
)
def test_rate_limit_is_a_clear_429_and_sends_nothing(
    member: User, record: Innovation, after_commit: Any
) -> None:
    client = client_for(member)
    with after_commit():
        assert _send(client, record).status_code == 302  # type: ignore[attr-defined]
        assert _send(client, record).status_code == 302  # type: ignore[attr-defined]
        response = _send(client, record)
    assert response.status_code == 429  # type: ignore[attr-defined]
    body = response.content.decode()  # type: ignore[attr-defined]
    assert "You have sent too many messages" in body
    assert "2 messages an hour" in body
    assert len(mail.outbox) == 2
    assert OriginatorMessage.objects.count() == 2


def test_default_limits_are_five_an_hour_and_twenty_a_day() -> None:
    from shopwindow.adoption.messaging import limits

    assert limits() == {"originator_message": (5, 3600), "originator_message_day": (20, 86400)}


def test_records_without_a_contact_say_so(member: User) -> None:
    record = create_innovation()
    response = client_for(member).get(f"/innovations/{record.record_id}/contact/")
    assert response.status_code == 404
    assert "There is no contact for this record" in response.content.decode()


def test_only_council_members_can_message(record: Innovation, after_commit: Any) -> None:
    plain = UserFactory.create()
    with after_commit():
        response = _send(client_for(plain), record)
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert mail.outbox == []


def test_record_section_links_to_the_form_without_the_address(
    member: User, record: Innovation
) -> None:
    page = client_for(member).get(f"/innovations/{record.record_id}/")
    assert page.status_code == 200
    assert f"/innovations/{record.record_id}/contact/" in page.content.decode()
    # The adoption section itself never carries the address. (The record page's own contact
    # block is the innovations app's decision.)
    request = RequestFactory().get(f"/innovations/{record.record_id}/")
    request.user = member
    section = render_to_string(
        "adoption/sections/adopt.html", {"innovation": record, "request": request}
    )
    assert "Adopt this for your council" in section
    assert "Send a message to the contact" in section
    assert CONTACT not in section
