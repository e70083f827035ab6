"""Read the published reference files into plain council records, with corrections applied.

No database access here: services.load_reference_data writes what this module returns. Every
problem raises ReferenceDataError naming the file (and the line or correction), before anything
is written.
"""

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings

from shopwindow.authorities.vocabularies import AuthorityType, Nation, Region

REFERENCE_DIR = Path(settings.BASE_DIR) / "data" / "reference"

COUNCILS_FILE = "mysociety_uk_local_authorities.csv"
POPULATION_FILE = "ons_mye5_mid2022_uk_lad_population_area_density.csv"
IOD_FILE = "mhclg_iod2025_lad_summaries.csv"
COMPOSITE_FILE = "mysociety_composite_uk_imd_la.csv"
HEX_FILE = "odileeds_uk_local_authority_districts_2023.hexjson"
CORRECTIONS_FILE = "corrections.json"

ONS_SOURCE = "ONS mid-2022"
MYSOCIETY_SOURCE = "mySociety 2020"
IMD_DOMAIN = "Index of Multiple Deprivation"

TYPE_CODES = {
    "NMD": AuthorityType.NON_METROPOLITAN_DISTRICT,
    "UA": AuthorityType.UNITARY,
    "WPA": AuthorityType.WELSH_PRINCIPAL_AREA,
    "MD": AuthorityType.METROPOLITAN_DISTRICT,
    "LBO": AuthorityType.LONDON_BOROUGH,
    "CC": AuthorityType.CITY_OF_LONDON,
    "CTY": AuthorityType.COUNTY,
    "SCO": AuthorityType.SCOTTISH_COUNCIL,
    "NID": AuthorityType.NI_DISTRICT,
    "COMB": AuthorityType.COMBINED_AUTHORITY,
    "SRA": AuthorityType.STRATEGIC_AUTHORITY,
}
NATION_CODES = {label: code for code, label in Nation.choices}
REGION_CODES = {label: code for code, label in Region.choices}

# Fields a correction may set, and how their values are written in corrections.json.
DATE_FIELDS = {"start_date", "end_date"}
REFERENCE_FIELDS = {"parent_county", "combined_authority"}
TEXT_FIELDS = {"official_name", "name", "nation", "region", "authority_type", "code", "gss"}
CORRECTABLE_FIELDS = DATE_FIELDS | REFERENCE_FIELDS | TEXT_FIELDS | {"is_current", "replaced_by"}


class ReferenceDataError(Exception):
    """A reference file is missing or malformed. The message names the file and the row."""


@dataclass
class CouncilRecord:
    """One council as the files describe it. References to other councils are register codes."""

    code: str
    gss: str
    official_name: str
    name: str
    nation: str
    region: str
    authority_type: str
    start_date: date | None = None
    end_date: date | None = None
    is_current: bool = True
    parent_county: str = ""
    combined_authority: str = ""
    replaced_by: list[str] = field(default_factory=list)
    population: int | None = None
    population_source: str = ""
    area_sq_km: float | None = None
    density: float | None = None
    deprivation_score: float | None = None
    deprivation_quintile: int | None = None
    imd_2025_rank: int | None = None
    imd_2025_score: float | None = None
    latitude: float | None = None
    longitude: float | None = None
    hex_q: int | None = None
    hex_r: int | None = None
    notes: list[str] = field(default_factory=list)
    # Raw mySociety values used when ONS has no figure for this council.
    fallback_population: int | None = None
    fallback_area: float | None = None


def _read_csv(path: Path, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise ReferenceDataError(f"{path.name}: file not found in {path.parent}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or [])
            if missing:
                raise ReferenceDataError(
                    f"{path.name}: missing columns {', '.join(sorted(missing))}"
                )
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as error:
        raise ReferenceDataError(f"{path.name}: cannot be read as UTF-8 CSV ({error})") from error
    yield from enumerate(rows, start=2)


def _parse(where: str, column: str, value: str, kind: type) -> Any:
    value = (value or "").strip()
    if not value:
        return None
    try:
        if kind is date:
            return date.fromisoformat(value)
        if kind is int:
            return int(float(value))
        return float(value)
    except ValueError as error:
        raise ReferenceDataError(
            f"{where}: {column} {value!r} is not a valid {kind.__name__}"
        ) from error


def _choice(where: str, column: str, value: str, mapping: dict[str, Any]) -> str:
    if value not in mapping:
        raise ReferenceDataError(f"{where}: unknown {column} {value!r}")
    return str(mapping[value])


def read_councils(directory: Path) -> dict[str, CouncilRecord]:
    """The mySociety register: every council, current and former, keyed by register code."""
    path = directory / COUNCILS_FILE
    required = {
        "local-authority-code", "official-name", "nice-name", "gss-code", "start-date", "end-date",
        "replaced-by", "nation", "region", "local-authority-type", "county-la",
        "combined-authority", "current-authority", "pop-2020", "area", "lat", "long",
    }  # fmt: skip
    records: dict[str, CouncilRecord] = {}
    gss_seen: set[str] = set()
    for line, row in _read_csv(path, required):
        code = row["local-authority-code"].strip()
        where = f"{COUNCILS_FILE} line {line} ({code or 'no code'})"
        if not code:
            raise ReferenceDataError(f"{where}: local-authority-code is empty")
        if code in records:
            raise ReferenceDataError(f"{where}: local-authority-code appears twice")
        gss = row["gss-code"].strip()
        if gss and gss in gss_seen:
            raise ReferenceDataError(f"{where}: gss-code {gss} appears twice")
        gss_seen.add(gss)
        nation = _choice(where, "nation", row["nation"].strip(), NATION_CODES)
        region_name = row["region"].strip()
        region = _choice(where, "region", region_name, REGION_CODES) if region_name else ""
        current = row["current-authority"].strip()
        if current not in {"True", "False"}:
            raise ReferenceDataError(f"{where}: current-authority {current!r} is not True or False")
        records[code] = CouncilRecord(
            code=code,
            gss=gss,
            official_name=row["official-name"].strip(),
            name=row["nice-name"].strip() or row["official-name"].strip(),
            nation=nation,
            region=region,
            authority_type=_choice(
                where, "local-authority-type", row["local-authority-type"].strip(), TYPE_CODES
            ),
            start_date=_parse(where, "start-date", row["start-date"], date),
            end_date=_parse(where, "end-date", row["end-date"], date),
            is_current=current == "True",
            parent_county=row["county-la"].strip(),
            combined_authority=row["combined-authority"].strip(),
            replaced_by=[c.strip() for c in row["replaced-by"].split(",") if c.strip()],
            latitude=_parse(where, "lat", row["lat"], float),
            longitude=_parse(where, "long", row["long"], float),
            fallback_population=_parse(where, "pop-2020", row["pop-2020"], int),
            fallback_area=_parse(where, "area", row["area"], float),
        )
    return records


def _apply_population(directory: Path, records: dict[str, CouncilRecord]) -> None:
    ons: dict[str, tuple[int, float, float]] = {}
    population_column = "Estimated Population mid-2022"
    density_column = "2022 people per sq. km"
    required = {"Code", "Area (sq km)", population_column, density_column}
    for line, row in _read_csv(directory / POPULATION_FILE, required):
        where = f"{POPULATION_FILE} line {line} ({row['Code']})"
        population = _parse(where, population_column, row[population_column], int)
        area = _parse(where, "Area (sq km)", row["Area (sq km)"], float)
        density = _parse(where, density_column, row[density_column], float)
        if population is not None:
            ons[row["Code"].strip()] = (population, area, density)
    for record in records.values():
        if record.gss in ons:
            record.population, record.area_sq_km, record.density = ons[record.gss]
            record.population_source = ONS_SOURCE
        elif record.fallback_population is not None:
            record.population = record.fallback_population
            record.population_source = MYSOCIETY_SOURCE
            record.area_sq_km = record.fallback_area
            if record.fallback_area:
                record.density = round(record.fallback_population / record.fallback_area, 1)
        else:
            record.area_sq_km = record.fallback_area


def _apply_deprivation(directory: Path, records: dict[str, CouncilRecord]) -> None:
    required = {"local-authority-code", "la-deprivation-score", "la-imd-pop-quintile"}
    for line, row in _read_csv(directory / COMPOSITE_FILE, required):
        code = row["local-authority-code"].strip()
        where = f"{COMPOSITE_FILE} line {line} ({code})"
        if code not in records:
            raise ReferenceDataError(f"{where}: no council with this register code")
        records[code].deprivation_score = _parse(
            where, "la-deprivation-score", row["la-deprivation-score"], float
        )
        records[code].deprivation_quintile = _parse(
            where, "la-imd-pop-quintile", row["la-imd-pop-quintile"], int
        )
    by_gss = {record.gss: record for record in records.values() if record.gss}
    required = {"area_code", "index_domain", "average_score", "rank_average_score"}
    for line, row in _read_csv(directory / IOD_FILE, required):
        if row["index_domain"] != IMD_DOMAIN:
            continue
        where = f"{IOD_FILE} line {line} ({row['area_code']})"
        record = by_gss.get(row["area_code"].strip())
        if record is None:
            raise ReferenceDataError(f"{where}: no council with this GSS code")
        record.imd_2025_rank = _parse(where, "rank_average_score", row["rank_average_score"], int)
        record.imd_2025_score = _parse(where, "average_score", row["average_score"], float)


def _apply_hexes(directory: Path, records: dict[str, CouncilRecord]) -> None:
    """Hex-map positions for the 361 district-level councils (the 2023 LAD hexjson)."""
    path = directory / HEX_FILE
    if not path.is_file():
        raise ReferenceDataError(f"{HEX_FILE}: file not found in {directory}")
    try:
        hexes = json.loads(path.read_text(encoding="utf-8"))["hexes"]
        positions = {gss: (int(h["q"]), int(h["r"])) for gss, h in hexes.items()}
    except (ValueError, KeyError, TypeError) as error:
        raise ReferenceDataError(f"{HEX_FILE}: not a valid HexJSON file ({error})") from error
    for record in records.values():
        if record.gss in positions:
            record.hex_q, record.hex_r = positions[record.gss]


def _correction_value(where: str, name: str, value: Any, by_gss: dict[str, str]) -> Any:
    def code_of(gss: Any) -> str:
        if gss not in by_gss:
            raise ReferenceDataError(f"{where}: {name} refers to unknown GSS code {gss!r}")
        return by_gss[gss]

    if name not in CORRECTABLE_FIELDS:
        raise ReferenceDataError(f"{where}: field {name!r} cannot be corrected")
    if name in DATE_FIELDS:
        return _parse(where, name, value or "", date)
    if name in REFERENCE_FIELDS:
        return code_of(value) if value else ""
    if name == "replaced_by":
        if not isinstance(value, list):
            raise ReferenceDataError(f"{where}: replaced_by must be a list of GSS codes")
        return [code_of(gss) for gss in value]
    if name == "is_current":
        if not isinstance(value, bool):
            raise ReferenceDataError(f"{where}: is_current must be true or false")
        return value
    if not isinstance(value, str):
        raise ReferenceDataError(f"{where}: {name} must be text")
    return value


def _validate_choices(where: str, record: CouncilRecord) -> None:
    for name, choices in (("nation", Nation), ("authority_type", AuthorityType)):
        if getattr(record, name) not in choices.values:
            raise ReferenceDataError(f"{where}: unknown {name} {getattr(record, name)!r}")
    if record.region and record.region not in Region.values:
        raise ReferenceDataError(f"{where}: unknown region {record.region!r}")


def apply_corrections(path: Path, records: dict[str, CouncilRecord]) -> None:
    """Apply corrections.json in order; note each applied correction on the council it changed."""
    for number, correction in enumerate(_read_corrections(path), start=1):
        where = f"{path.name} correction {number}"
        if not isinstance(correction, dict) or not str(correction.get("reason", "")).strip():
            raise ReferenceDataError(f"{where}: every correction needs a reason")
        reason = str(correction["reason"]).strip()
        by_gss = {r.gss: r.code for r in records.values() if r.gss}
        action = correction.get("action")
        if action == "add":
            _add_council(where, correction, reason, records, by_gss)
        elif action == "update":
            _update_councils(where, correction, reason, records, by_gss)
        else:
            raise ReferenceDataError(f"{where}: action must be 'add' or 'update', not {action!r}")


def _read_corrections(path: Path) -> list[Any]:
    if not path.is_file():
        raise ReferenceDataError(f"{path.name}: file not found in {path.parent}")
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["corrections"])
    except (ValueError, KeyError, TypeError) as error:
        raise ReferenceDataError(f"{path.name}: not valid JSON with a corrections list") from error


def _add_council(
    where: str,
    correction: dict[str, Any],
    reason: str,
    records: dict[str, CouncilRecord],
    by_gss: dict[str, str],
) -> None:
    """Add a council the source lacks, unless the source now has its GSS code."""
    fields = dict(correction.get("record") or {})
    if fields.get("gss") in by_gss:
        return  # the source has caught up: nothing to add
    try:
        record = CouncilRecord(
            code=str(fields.pop("code")),
            gss=str(fields.pop("gss")),
            official_name=str(fields.pop("official_name")),
            name=str(fields.pop("name")),
            nation=str(fields.pop("nation")),
            region=str(fields.pop("region", "")),
            authority_type=str(fields.pop("authority_type")),
        )
    except KeyError as error:
        raise ReferenceDataError(f"{where}: the new record needs {error}") from error
    if record.code in records:
        raise ReferenceDataError(f"{where}: register code {record.code} is already used")
    for name, value in fields.items():
        setattr(record, name, _correction_value(where, name, value, by_gss))
    _validate_choices(where, record)
    record.notes.append(f"Added on load: {reason}")
    records[record.code] = record


def _update_councils(
    where: str,
    correction: dict[str, Any],
    reason: str,
    records: dict[str, CouncilRecord],
    by_gss: dict[str, str],
) -> None:
    """Set fields on the councils with the listed GSS codes; note it on those it changed."""
    targets = correction.get("gss")
    changes = correction.get("set")
    if not isinstance(targets, list) or not isinstance(changes, dict) or not changes:
        message = "an update needs a list of GSS codes and an object of fields to set"
        raise ReferenceDataError(f"{where}: {message}")
    for gss in targets:
        if gss not in by_gss:
            raise ReferenceDataError(f"{where}: no council with GSS code {gss!r}")
        record = records[by_gss[gss]]
        changed = False
        for name, raw in changes.items():
            value = _correction_value(where, name, raw, by_gss)
            if getattr(record, name) != value:
                setattr(record, name, value)
                changed = True
        _validate_choices(where, record)
        if changed:
            record.notes.append(f"Corrected on load: {reason}")


def _check_references(records: dict[str, CouncilRecord]) -> None:
    for record in records.values():
        where = f"{COUNCILS_FILE} ({record.code})"
        for name in ("parent_county", "combined_authority"):
            value = getattr(record, name)
            if value and value not in records:
                raise ReferenceDataError(f"{where}: {name} {value!r} is not a council in the file")
        for code in record.replaced_by:
            if code not in records:
                raise ReferenceDataError(
                    f"{where}: replaced-by {code!r} is not a council in the file"
                )


def _derive_regions(records: dict[str, CouncilRecord]) -> None:
    """Fill an empty region from the nation, the county, the successors or the members."""
    members: dict[str, list[CouncilRecord]] = {}
    for record in records.values():
        for parent in (record.parent_county, record.combined_authority):
            if parent:
                members.setdefault(parent, []).append(record)
    for _ in range(3):  # a successor's region may itself be derived
        for record in records.values():
            if record.region:
                continue
            if record.nation != Nation.ENGLAND:
                record.region = record.nation
                continue
            related = [records[record.parent_county]] if record.parent_county else []
            related += [records[code] for code in record.replaced_by]
            related += members.get(record.code, [])
            regions = [r.region for r in related if r.region]
            if regions:
                record.region = max(set(regions), key=regions.count)


def read_reference_data(directory: Path | None = None) -> list[CouncilRecord]:
    """Every council from the reference files in `directory`, with corrections applied."""
    directory = Path(directory or REFERENCE_DIR)
    records = read_councils(directory)
    apply_corrections(directory / CORRECTIONS_FILE, records)
    _check_references(records)
    _derive_regions(records)
    _apply_population(directory, records)
    _apply_deprivation(directory, records)
    _apply_hexes(directory, records)
    return list(records.values())
