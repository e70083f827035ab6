"""Councils' e-mail domains seeded from the GDS government-domain register, and corrected by
moderators: a removed domain stays removed when seeding runs again."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from shopwindow.accounts import services
from shopwindow.accounts.domain_register import (
    DomainRegisterError,
    read_register,
    seed_email_domains,
)
from shopwindow.accounts.models import (
    CouncilEmailDomain,
    DomainSource,
    MembershipStatus,
    RemovedEmailDomain,
    User,
)
from shopwindow.authorities.models import Authority
from tests.factories import UserFactory, otp_login

pytestmark = pytest.mark.django_db

HEADER = (
    "index-entry-number,entry-number,entry-timestamp,key,government-domain,hostname,"
    "organisation,start-date,end-date\n"
)


def _register(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "register.csv"
    path.write_text(HEADER + rows)
    return path


def test_the_shipped_register_gives_south_hams_its_domains() -> None:
    by_code = read_register()
    assert by_code["SHA"] == {"southhams.gov.uk", "swdevon.gov.uk", "south-hams-dc.gov.uk"}
    assert "wrexham.gov.uk" in by_code["WRX"]  # Welsh councils: principal-local-authority:CODE


def test_latest_entry_wins_and_given_up_hostnames_are_skipped(tmp_path: Path) -> None:
    path = _register(
        tmp_path,
        "1,1,t,10,10,oldname,local-authority-eng:SHA,2001-01-01,\n"
        "2,2,t,10,10,oldname,local-authority-eng:SHA,2001-01-01,2015-01-01\n"
        "3,3,t,11,11,southhams,local-authority-eng:SHA,2001-01-01,\n"
        "4,4,t,12,12,somedept,government-organisation:D1,2001-01-01,\n",
    )
    assert read_register(path) == {"SHA": {"southhams.gov.uk"}}


def test_seeding_is_idempotent_and_approves_officers_at_once(tmp_path: Path) -> None:
    first = seed_email_domains()
    assert first.added > 600
    assert first.councils > 340
    south_hams = Authority.objects.get(gss="E07000044")
    entry = CouncilEmailDomain.objects.get(authority=south_hams, domain="southhams.gov.uk")
    assert entry.source == DomainSource.REGISTER
    again = seed_email_domains()
    assert again.added == 0
    assert again.already_listed == first.added

    officer = UserFactory.create(email="sam@southhams.gov.uk")
    [membership] = services.request_memberships(user=officer, authorities=[south_hams])
    assert membership.status == MembershipStatus.APPROVED
    assert membership.auto_approved


def test_former_councils_get_no_domains(tmp_path: Path) -> None:
    former = Authority.objects.filter(is_current=False).exclude(code="").first()
    assert former is not None
    seed_email_domains(
        path=_register(tmp_path, f"1,1,t,1,1,gone,local-authority-eng:{former.code},,\n")
    )
    assert not CouncilEmailDomain.objects.filter(authority=former).exists()


def test_a_domain_a_moderator_removed_is_not_seeded_again(tmp_path: Path) -> None:
    moderator = UserFactory.create(email="mod@shopwindow.example", role="moderator")
    seed_email_domains()
    south_hams = Authority.objects.get(gss="E07000044")
    entry = CouncilEmailDomain.objects.get(authority=south_hams, domain="swdevon.gov.uk")
    services.remove_email_domain(entry=entry, moderator=moderator)
    summary = seed_email_domains()
    assert summary.added == 0
    assert summary.withheld == 1
    assert not CouncilEmailDomain.objects.filter(domain="swdevon.gov.uk").exists()
    # Adding it back by hand overrides the removal.
    services.add_email_domain(authority=south_hams, domain="swdevon.gov.uk", moderator=moderator)
    assert not RemovedEmailDomain.objects.exists()


def test_a_broken_register_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("hostname,organisation\nsouthhams,local-authority-eng:SHA\n")
    with pytest.raises(DomainRegisterError, match="missing columns"):
        seed_email_domains(path=bad)
    bad_number = _register(tmp_path, "1,x,t,1,1,southhams,local-authority-eng:SHA,,\n")
    with pytest.raises(CommandError, match="line 2: entry-number 'x'"):
        call_command("seed_email_domains", file=bad_number, verbosity=0)
    assert not CouncilEmailDomain.objects.exists()


def test_moderators_search_and_page_through_the_domains(moderator: User) -> None:
    seed_email_domains()
    client = otp_login(Client(), moderator)
    html = client.get("/moderation/domains/").content.decode()
    assert "Domain register (2018)" in html
    assert 'aria-label="Pages of email domains"' in html
    html = client.get("/moderation/domains/?q=southhams").content.decode()
    assert "southhams.gov.uk" in html
    assert "wrexham.gov.uk" not in html
    assert "1 domain matching" in html
