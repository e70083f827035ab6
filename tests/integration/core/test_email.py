"""The one email path: mail is queued after commit and sent by the task worker; when the mail
server is down, pages still succeed and the mail goes out when the task runs again."""

import logging
import re
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from shopwindow.accounts.models import Role, User
from shopwindow.associates.models import HelpRequest
from shopwindow.authorities.models import Authority
from shopwindow.core.email import absolute_url, queue_email
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    create_innovation,
    with_date_inputs,
)

pytestmark = pytest.mark.django_db

# The real task queue (rows in the database, run by the worker), not the tests' immediate runner.
DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    EMAIL_RETRY_DELAYS=[60, 300],
)
SMTP_DOWN = mock.patch(
    "django.core.mail.backends.locmem.EmailBackend.send_messages",
    side_effect=ConnectionRefusedError(111, "Connection refused"),
)


def run_worker() -> None:
    """The real `db_worker` command, once through the queue. It closes stale connections between
    tasks, which would end the test's transaction, so that one call is made a no-op here."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False)


def let_the_retry_delay_pass() -> None:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_links_come_from_site_url() -> None:
    with override_settings(SITE_URL="https://shopwindow.example/"):
        assert absolute_url("/account/") == "https://shopwindow.example/account/"
        assert absolute_url("account/") == "https://shopwindow.example/account/"
        assert absolute_url("https://other.example/x") == "https://other.example/x"


def _queue_then_fail() -> None:
    queue_email(to=["b@example.org"], subject="two", body="Hello")
    raise RuntimeError("the write fails")


def test_mail_waits_for_commit_and_a_rollback_sends_nothing(after_commit: Any) -> None:
    with after_commit():
        with transaction.atomic():
            queue_email(to=["a@example.org", "", "a@example.org"], subject="one", body="Hello")
            assert mail.outbox == []  # not before the commit
        with pytest.raises(RuntimeError), transaction.atomic():
            _queue_then_fail()
    assert [(m.to, m.subject) for m in mail.outbox] == [(["a@example.org"], "Shopwindow: one")]


def test_no_code_sends_mail_except_the_one_path() -> None:
    sending = re.compile(
        r"(?<!def )\b(send_mail|send_mass_mail|mail_admins)\(|EmailMessage|EmailMulti"
    )
    root = Path(settings.BASE_DIR)
    found = sorted(
        str(path.relative_to(root))
        for path in (root / "shopwindow").rglob("*.py")
        if sending.search(path.read_text())
    )
    assert found == ["shopwindow/core/email.py"]


@DATABASE_TASKS
def test_sign_up_succeeds_while_the_mail_server_is_down(
    after_commit: Any, caplog: pytest.LogCaptureFixture
) -> None:
    form = {
        "full_name": "Jo Bloggs",
        "email": "jo@southhams.gov.uk",
        "password1": "a-long-and-unusual-passphrase",
        "password2": "a-long-and-unusual-passphrase",
    }
    with SMTP_DOWN as send:
        with after_commit():
            response = Client().post("/sign-up/", form)
        assert response.status_code == 302
        assert response["Location"] == "/sign-up/check-your-email/"
        assert User.objects.filter(email="jo@southhams.gov.uk").exists()
        assert DBTaskResult.objects.filter(status="READY").count() == 1  # queued, not sent
        assert send.call_count == 0
        with caplog.at_level(logging.WARNING, logger="shopwindow.core.email"):
            run_worker()
        assert send.call_count == 1
    assert mail.outbox == []
    assert "trying again in 60 seconds" in caplog.text
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now()  # waits for the delay
    assert retry.task_result.kwargs["attempt"] == 2

    run_worker()  # the mail server is back, but the delay has not passed: nothing yet
    assert mail.outbox == []
    let_the_retry_delay_pass()
    run_worker()
    assert [m.to for m in mail.outbox] == [["jo@southhams.gov.uk"]]
    assert "/confirm-email/" in mail.outbox[0].body
    assert not DBTaskResult.objects.filter(status="READY").exists()


@DATABASE_TASKS
def test_a_help_request_succeeds_while_the_mail_server_is_down(after_commit: Any) -> None:
    council = Authority.objects.get(gss="E07000044")
    member = UserFactory.create()
    CouncilMembershipFactory.create(user=member, authority=council)
    moderator = UserFactory.create(role=Role.MODERATOR)
    record = create_innovation(title="Joint waste service")
    client = Client()
    client.force_login(member)
    form = {
        "council": str(council.pk),
        "title": "Merge our waste rounds",
        "goal": "Cut costs by sharing rounds with a neighbour.",
        "linked": record.record_id,
        "service_area": "waste-and-environment",
        "capabilities": ["procurement"],
        "days_needed": "8",
        "budget_band": "5k-20k",
        "start_on": "1/3/2027",
        "end_on": "30/4/2027",
        "work_mode": "on-site",
    }
    with SMTP_DOWN:
        with after_commit():
            response = client.post(
                "/help-requests/new/", with_date_inputs(form, "start_on", "end_on")
            )
        assert response.status_code == 302
        run_worker()
    help_request = HelpRequest.objects.get()
    assert mail.outbox == []
    let_the_retry_delay_pass()
    run_worker()
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert f"http://testserver/help-requests/{help_request.pk}/" in mail.outbox[0].body


@DATABASE_TASKS
def test_after_the_last_retry_the_task_fails_and_says_so(
    after_commit: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with after_commit():
        queue_email(to=["a@example.org"], subject="hello", body="Hello")
    with SMTP_DOWN as send:
        for _ in range(3):  # the first try and two retries (EMAIL_RETRY_DELAYS has two)
            run_worker()
            let_the_retry_delay_pass()
        assert send.call_count == 3
    assert mail.outbox == []
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    assert "Gave up sending 'Shopwindow: hello' to a@example.org after 3 attempts" in caplog.text
