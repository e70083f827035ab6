"""Writes for authorities: load the reference data into the database.

The loader upserts by register code (every council has one; the 25 Northern Ireland councils
abolished in 2015 have no GSS code), in one transaction, with bulk queries so it stays fast: it
runs at the start of every test database.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from shopwindow.authorities.models import Authority
from shopwindow.authorities.reference import CouncilRecord, read_reference_data

SCALAR_FIELDS = [
    "gss", "official_name", "name", "nation", "region", "authority_type", "start_date",
    "end_date", "is_current", "population", "population_source", "area_sq_km", "density",
    "deprivation_score", "deprivation_quintile", "imd_2025_rank", "imd_2025_score", "latitude",
    "longitude", "hex_q", "hex_r",
]  # fmt: skip


@dataclass(frozen=True)
class LoadSummary:
    created: int
    updated: int
    unchanged: int
    current: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def __str__(self) -> str:
        return (
            f"Loaded {self.total} councils ({self.current} current): {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged."
        )


def _scalar_values(record: CouncilRecord) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in SCALAR_FIELDS}
    values["notes"] = "\n".join(record.notes)
    return values


@transaction.atomic
def load_reference_data(*, directory: Path | None = None) -> LoadSummary:
    """Upsert every council from the reference files. Running it twice changes nothing.

    Raises reference.ReferenceDataError (before any write) when a file is missing or malformed.
    """
    records = read_reference_data(directory)
    existing_codes = set(Authority.objects.values_list("code", flat=True))
    new = [r for r in records if r.code not in existing_codes]
    Authority.objects.bulk_create([Authority(code=r.code, **_scalar_values(r)) for r in new])
    created_codes = {r.code for r in new}

    authorities = {a.code: a for a in Authority.objects.filter(code__in=[r.code for r in records])}
    ids = {code: a.pk for code, a in authorities.items()}
    changed: dict[str, Authority] = {}
    changed_fields: set[str] = set()
    for record in records:
        authority = authorities[record.code]
        wanted = _scalar_values(record)
        wanted["parent_county_id"] = ids.get(record.parent_county)
        wanted["combined_authority_id"] = ids.get(record.combined_authority)
        for name, value in wanted.items():
            if getattr(authority, name) != value:
                setattr(authority, name, value)
                changed[record.code] = authority
                changed_fields.add(name.removesuffix("_id"))
    if changed:
        # Only the fields that differ: bulk_update writes a CASE per field, slow for all 24.
        Authority.objects.bulk_update(list(changed.values()), sorted(changed_fields))

    # replaced_by: add missing links and remove stale ones, only for the councils loaded here.
    through = Authority.replaced_by.through
    managed_ids = set(ids.values())
    have = {
        (link.from_authority_id, link.to_authority_id)
        for link in through.objects.filter(from_authority_id__in=managed_ids)
    }
    want = {(ids[r.code], ids[code]) for r in records for code in r.replaced_by}
    if want - have:
        through.objects.bulk_create(
            [through(from_authority_id=a, to_authority_id=b) for a, b in sorted(want - have)]
        )
    for from_id, to_id in have - want:
        through.objects.filter(from_authority_id=from_id, to_authority_id=to_id).delete()
    code_of = {pk: code for code, pk in ids.items()}
    links_changed = {code_of[from_id] for from_id, _ in want ^ have}

    updated = (set(changed) | links_changed) - created_codes
    return LoadSummary(
        created=len(created_codes),
        updated=len(updated),
        unchanged=len(records) - len(created_codes) - len(updated),
        current=sum(1 for r in records if r.is_current),
    )
