"""Applying with a CV: only real PDFs and DOCX files under the size limit are kept, privately;
moderators vet (approve, refuse, ask for more), in the audit log and by email."""

from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from shopwindow.accounts.models import AuditEvent, Role
from shopwindow.associates.models import AssociateProfile
from shopwindow.associates.vocabularies import ProfileStatus
from shopwindow.files.models import StoredFile
from tests.factories import UserFactory, create_innovation, otp_login, with_date_inputs
from tests.integration.associates.conftest import docx_bytes, exe_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def _form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "background": "service",
        "headline": "Former head of waste",
        "service_skills": ["service:waste-and-environment"],
        "capability_skills": ["capability:procurement"],
        "delivered": "",
        "nations": ["england"],
        "regions": ["south-west"],
        "work_mode": "either",
        "days_per_month": "4",
        "available_from": "1/3/2027",
        "day_rate_band": "400-600",
        "referee_1_name": "Ann",
        "referee_1_role": "Director",
        "referee_1_organisation": "A Council",
        "referee_1_email": "ann@example.gov.uk",
        "referee_2_name": "Ben",
        "referee_2_role": "Chief executive",
        "referee_2_organisation": "B Council",
        "referee_2_email": "ben@example.gov.uk",
        "public_fields": ["headline", "skills"],
    }
    data.update(overrides)
    return with_date_inputs(data, "available_from")


@pytest.fixture
def applicant(client: Client) -> Any:
    user = UserFactory.create(full_name="Ada Applicant")
    client.force_login(user)
    return user


def _files(root: Path) -> list[StoredFile]:
    """The stored CVs (in the database); nothing may be written under the old disk folder."""
    assert not root.exists()
    return list(StoredFile.objects.all())


def test_apply_with_a_pdf_stores_it_privately(
    client: Client, applicant: Any, private_root: Path, after_commit: Any
) -> None:
    moderator = UserFactory.create(role=Role.MODERATOR)
    cv = SimpleUploadedFile("my cv.pdf", pdf_bytes(), content_type="application/pdf")
    with after_commit():
        response = client.post("/associates/apply/", _form(cv=cv))
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = AssociateProfile.objects.get(user=applicant)
    assert profile.status == ProfileStatus.SUBMITTED
    assert profile.cv_kind == "pdf"
    assert profile.cv_original_name == "my cv.pdf"
    stored = _files(private_root)
    assert len(stored) == 1
    assert bytes(stored[0].content) == pdf_bytes()
    assert stored[0].name == profile.cv_file
    assert stored[0].name.startswith("cvs/")
    assert "my cv" not in stored[0].name  # a random name
    assert AuditEvent.objects.filter(action="associate.applied").exists()
    assert [m.to for m in mail.outbox] == [[moderator.email]]


def test_apply_with_a_docx(client: Client, applicant: Any, private_root: Path) -> None:
    cv = SimpleUploadedFile("cv.docx", docx_bytes())
    assert client.post("/associates/apply/", _form(cv=cv)).status_code == 302
    assert AssociateProfile.objects.get(user=applicant).cv_kind == "docx"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.pdf", exe_bytes(), "The selected file must be a PDF or a Word document (.docx)"),
        ("cv.docx", pdf_bytes(), "The selected file must be a PDF or a Word document (.docx)"),
        ("cv.exe", pdf_bytes(), "The selected file must be a PDF or a Word document (.docx)"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "must be a PDF or a Word document"),
        ("big.pdf", b"%PDF-" + b"0" * (30 * 1024 * 1024), "must be smaller than 5 MB"),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    client: Client, applicant: Any, private_root: Path, name: str, content: bytes, message: str
) -> None:
    cv = SimpleUploadedFile(name, content)
    response = client.post("/associates/apply/", _form(cv=cv))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not AssociateProfile.objects.exists()
    assert _files(private_root) == []


def test_missing_fields_are_named(client: Client, applicant: Any) -> None:
    response = client.post(
        "/associates/apply/",
        _form(
            headline="",
            service_skills=[],
            capability_skills=[],
            nations=[],
            regions=[],
            available_from="31/2/2027",
            referee_2_email="not-an-email",
        ),
    )
    page = response.content.decode()
    for message in [
        "Enter a headline",
        "Choose at least one theme, service area or capability",
        "Choose at least one nation or region",
        "Available from must be a real date",
        "email address in the correct format",
        "Select your CV",
    ]:
        assert message in page, message


def test_unknown_records_are_refused(client: Client, applicant: Any) -> None:
    record = create_innovation()
    cv = SimpleUploadedFile("cv.pdf", pdf_bytes())
    response = client.post(
        "/associates/apply/", _form(cv=cv, delivered=[record.record_id, "no-such-record"])
    )
    assert "Select records from the search results" in response.content.decode()
    assert not AssociateProfile.objects.exists()
    cv = SimpleUploadedFile("cv.pdf", pdf_bytes())
    client.post("/associates/apply/", _form(cv=cv, delivered=record.record_id))
    assert list(AssociateProfile.objects.get().delivered_records.all()) == [record]


def _apply(client: Client) -> AssociateProfile:
    cv = SimpleUploadedFile("cv.pdf", pdf_bytes())
    assert client.post("/associates/apply/", _form(cv=cv)).status_code == 302
    return AssociateProfile.objects.get()


def test_vetting_more_info_resubmit_and_approve(
    client: Client, applicant: Any, after_commit: Any
) -> None:
    profile = _apply(client)
    moderator = UserFactory.create(role=Role.MODERATOR)
    mod = Client()
    otp_login(mod, moderator)
    page = mod.get(f"/moderation/associates/{profile.pk}/").content.decode()
    assert "Ann, Director, A Council" in page  # referees are for moderators
    # Asking for more needs a message.
    response = mod.post(f"/moderation/associates/{profile.pk}/", {"decision": "more-info"})
    assert "Enter the message for the applicant" in response.content.decode()
    mail.outbox.clear()
    with after_commit():
        mod.post(
            f"/moderation/associates/{profile.pk}/",
            {"decision": "more-info", "message": "Tell us about your procurement work."},
        )
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.MORE_INFO
    assert mail.outbox[0].to == [applicant.email]
    assert "Tell us about your procurement work." in str(mail.outbox[0].body)
    # The applicant sees the message, updates (keeping the CV) and sends it again.
    assert (
        "Tell us about your procurement work." in client.get("/associates/apply/").content.decode()
    )
    assert client.post("/associates/apply/", _form(headline="Procurement lead")).status_code == 302
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.SUBMITTED
    assert profile.headline == "Procurement lead"
    mod.post(f"/moderation/associates/{profile.pk}/", {"decision": "approve"})
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.VETTED
    assert profile.vetted_by == moderator
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"associate.applied", "associate.more_info", "associate.approve"} <= actions


def test_refusal_needs_a_reason(client: Client, applicant: Any) -> None:
    profile = _apply(client)
    mod = Client()
    otp_login(mod, UserFactory.create(role=Role.MODERATOR))
    mod.post(
        f"/moderation/associates/{profile.pk}/",
        {"decision": "refuse", "message": "No referees replied."},
    )
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.REFUSED
    assert AuditEvent.objects.filter(
        action="associate.refuse", extra__message="No referees replied."
    ).exists()


def test_cv_download_is_an_attachment_for_moderators_only(client: Client, applicant: Any) -> None:
    profile = _apply(client)
    # The applicant, a council member and a visitor cannot download it.
    assert client.get(f"/moderation/associates/{profile.pk}/cv/").status_code == 403
    assert Client().get(f"/moderation/associates/{profile.pk}/cv/").status_code == 302
    mod = Client()
    otp_login(mod, UserFactory.create(role=Role.MODERATOR))
    response = mod.get(f"/moderation/associates/{profile.pk}/cv/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == pdf_bytes()  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(action="associate.cv_downloaded").exists()


def test_replacing_the_cv_removes_the_old_file(
    client: Client, applicant: Any, private_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _apply(client)
    with django_capture_on_commit_callbacks(execute=True):
        cv = SimpleUploadedFile("new.docx", docx_bytes())
        client.post("/associates/apply/", _form(cv=cv))
    stored = _files(private_root)
    assert len(stored) == 1
    assert stored[0].name.endswith(".docx")


def test_deleting_the_account_deletes_profile_and_cv(
    client: Client, applicant: Any, private_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    from shopwindow.accounts.services import delete_account

    _apply(client)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=applicant)
    assert not AssociateProfile.objects.exists()
    assert _files(private_root) == []
