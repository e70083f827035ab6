"""Seed councils' e-mail domain allowlists from GDS's government-domain register (2018).

The register (data/reference/gds_government_domain_register_2018.csv, Open Government Licence)
lists every gov.uk hostname with the organisation holding it. A local authority is named
`local-authority-eng:CODE` (also -sct, -nir) or, in Wales, `principal-local-authority:CODE`, where
CODE is the council's register code. Each `<hostname>.gov.uk` a current council holds goes on its
allowlist, so its officers join at once. It is a starting point: moderators correct it, and a
domain they remove is never seeded again (`RemovedEmailDomain`).
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from shopwindow.accounts.models import CouncilEmailDomain, DomainSource, RemovedEmailDomain
from shopwindow.authorities.models import Authority
from shopwindow.authorities.reference import REFERENCE_DIR

REGISTER_FILE = REFERENCE_DIR / "gds_government_domain_register_2018.csv"
COUNCIL_PREFIXES = (
    "local-authority-eng:",
    "local-authority-sct:",
    "local-authority-nir:",
    "principal-local-authority:",
)
COLUMNS = {"entry-number", "key", "hostname", "organisation", "end-date"}


class DomainRegisterError(Exception):
    """The register file is missing or malformed; nothing was written."""


@dataclass(frozen=True)
class SeedSummary:
    added: int
    already_listed: int
    withheld: int  # removed earlier by a moderator
    councils: int  # current councils with at least one domain from the register

    def __str__(self) -> str:
        return (
            f"E-mail domains from the register: {self.added} added, {self.already_listed} "
            f"already listed, {self.withheld} left off (removed by a moderator); "
            f"{self.councils} councils covered."
        )


def read_register(path: Path = REGISTER_FILE) -> dict[str, set[str]]:
    """Council register code -> e-mail domains, from each hostname's latest entry still in use.

    The register is append-only: a later entry for the same key replaces an earlier one.
    """
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = COLUMNS - set(reader.fieldnames or [])
            if missing:
                raise DomainRegisterError(f"{path.name}: missing columns {sorted(missing)}")
            latest: dict[str, tuple[int, dict[str, str]]] = {}
            for line, row in enumerate(reader, start=2):
                try:
                    number = int(row["entry-number"])
                except ValueError as error:
                    raise DomainRegisterError(
                        f"{path.name}, line {line}: entry-number {row['entry-number']!r} "
                        "is not a whole number"
                    ) from error
                if row["key"] not in latest or latest[row["key"]][0] < number:
                    latest[row["key"]] = (number, row)
    except OSError as error:
        raise DomainRegisterError(f"Cannot read {path}: {error.strerror}") from error
    domains: dict[str, set[str]] = defaultdict(set)
    for _, row in latest.values():
        organisation, hostname = row["organisation"].strip(), row["hostname"].strip().lower()
        prefix = next((p for p in COUNCIL_PREFIXES if organisation.startswith(p)), None)
        if prefix is None or not hostname or row["end-date"].strip():
            continue
        domains[organisation.removeprefix(prefix)].add(f"{hostname}.gov.uk")
    return dict(domains)


@transaction.atomic
def seed_email_domains(*, path: Path = REGISTER_FILE) -> SeedSummary:
    """Add the register's domains to current councils' allowlists (idempotent)."""
    by_code = read_register(path)
    councils = Authority.objects.filter(is_current=True, code__in=by_code).only("pk", "code")
    listed = set(CouncilEmailDomain.objects.values_list("authority_id", "domain"))
    removed = set(RemovedEmailDomain.objects.values_list("authority_id", "domain"))
    new: list[CouncilEmailDomain] = []
    already = withheld = 0
    for council in councils:
        for domain in sorted(by_code[council.code]):
            if (council.pk, domain) in listed:
                already += 1
            elif (council.pk, domain) in removed:
                withheld += 1
            else:
                new.append(
                    CouncilEmailDomain(
                        authority=council, domain=domain, source=DomainSource.REGISTER
                    )
                )
    CouncilEmailDomain.objects.bulk_create(new)
    return SeedSummary(
        added=len(new), already_listed=already, withheld=withheld, councils=len(councils)
    )
