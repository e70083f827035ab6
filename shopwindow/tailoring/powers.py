"""Which service areas each council runs, from data/powers.csv and data/powers-overrides.csv.

powers.csv gives the answer for each authority type × service area (every pair, yes or no, with
a note); powers-overrides.csv corrects it for named councils (e.g. the nine county councils that
are their own fire and rescue authority). Both files are documented in docs/powers.md.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from shopwindow.authorities.models import Authority
from shopwindow.authorities.vocabularies import AuthorityType
from shopwindow.innovations.vocabularies import SERVICE_AREAS

SERVICE_AREA_LABELS: dict[str, str] = {code: label for code, label, _ in SERVICE_AREAS}
RUNS_VALUES = {"yes": True, "no": False}


@dataclass(frozen=True)
class Power:
    service_area: str
    label: str
    runs: bool
    note: str
    overridden: bool = False  # True when a council-specific row replaced the type's answer


def _data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data"


def _read(path: Path, key_column: str, valid_keys: set[str] | None) -> dict[tuple[str, str], Power]:
    """Read one powers file, refusing unknown codes and bad values with the row number."""
    table: dict[tuple[str, str], Power] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            key, area, runs = row[key_column], row["service_area"], row["runs"]
            where = f"{path.name} row {line}"
            if valid_keys is not None and key not in valid_keys:
                raise ImproperlyConfigured(f"{where}: unknown {key_column} {key!r}")
            if area not in SERVICE_AREA_LABELS:
                raise ImproperlyConfigured(f"{where}: unknown service_area {area!r}")
            if runs not in RUNS_VALUES:
                raise ImproperlyConfigured(f"{where}: runs must be yes or no, not {runs!r}")
            if (key, area) in table:
                raise ImproperlyConfigured(f"{where}: {key} {area} is listed twice")
            table[(key, area)] = Power(
                area, SERVICE_AREA_LABELS[area], RUNS_VALUES[runs], row["note"]
            )
    return table


@cache
def type_table() -> dict[tuple[str, str], Power]:
    """(authority_type, service_area) -> Power, complete for every type and service area."""
    table = _read(_data_dir() / "powers.csv", "authority_type", set(AuthorityType.values))
    missing = [
        f"{kind} {area}"
        for kind in AuthorityType.values
        for area in SERVICE_AREA_LABELS
        if (kind, area) not in table
    ]
    if missing:
        raise ImproperlyConfigured(f"powers.csv has no row for: {', '.join(missing)}")
    return table


@cache
def override_table() -> dict[tuple[str, str], Power]:
    """(GSS code, service_area) -> Power for councils that differ from their type."""
    table = _read(_data_dir() / "powers-overrides.csv", "gss", None)
    return {key: Power(p.service_area, p.label, p.runs, p.note, True) for key, p in table.items()}


def runs_service(authority_type: str, service_area_code: str) -> bool:
    """Whether councils of this type run this service area. Unknown codes run nothing."""
    power = type_table().get((authority_type, service_area_code))
    return power.runs if power else False


def powers_for(authority: Authority) -> list[Power]:
    """Every service area for this council, in the vocabulary's order, overrides applied."""
    types, overrides = type_table(), override_table()
    result = []
    for area in SERVICE_AREA_LABELS:
        power = overrides.get((authority.gss, area)) or types.get((authority.authority_type, area))
        if power is not None:
            result.append(power)
    return result


def services_run_by(authority: Authority) -> set[str]:
    """The service-area codes this council runs."""
    return {power.service_area for power in powers_for(authority) if power.runs}


def powers_match(
    authority: Authority, service_area_codes: Iterable[str]
) -> tuple[list[str], list[str]]:
    """Split a record's service areas into (those this council runs, those it does not), each in
    the order given, without repeats. An innovation whose areas are all unmatched is one to flag
    "not a service your council provides", not to hide."""
    runs = services_run_by(authority)
    matched: list[str] = []
    unmatched: list[str] = []
    for code in dict.fromkeys(service_area_codes):
        (matched if code in runs else unmatched).append(code)
    return matched, unmatched


# The columns of the summary table on the method page. The four English single-tier types give
# the same yes/no answers (a test checks), so the unitary column stands for all four.
SUMMARY_COLUMNS: tuple[tuple[str, str], ...] = (
    (AuthorityType.NON_METROPOLITAN_DISTRICT, "District"),
    (AuthorityType.COUNTY, "County"),
    (AuthorityType.UNITARY, "English single-tier"),
    (AuthorityType.WELSH_PRINCIPAL_AREA, "Wales"),
    (AuthorityType.SCOTTISH_COUNCIL, "Scotland"),
    (AuthorityType.NI_DISTRICT, "Northern Ireland"),
    (AuthorityType.COMBINED_AUTHORITY, "Combined authority"),
    (AuthorityType.STRATEGIC_AUTHORITY, "Greater London Authority"),
)


def summary_matrix() -> list[tuple[str, list[bool]]]:
    """(service area label, [runs it? for each SUMMARY_COLUMNS type]) for every service area."""
    table = type_table()
    return [
        (label, [table[(kind, code)].runs for kind, _ in SUMMARY_COLUMNS])
        for code, label in SERVICE_AREA_LABELS.items()
    ]
