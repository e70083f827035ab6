"""Reading the reference files: mapping, corrections and errors, without the database."""

import csv
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from shopwindow.authorities.reference import (
    CORRECTIONS_FILE,
    COUNCILS_FILE,
    POPULATION_FILE,
    REFERENCE_DIR,
    TYPE_CODES,
    CouncilRecord,
    ReferenceDataError,
    read_reference_data,
)
from shopwindow.authorities.vocabularies import Nation, Region


def source_rows() -> list[dict[str, str]]:
    with (REFERENCE_DIR / COUNCILS_FILE).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def records() -> dict[str, CouncilRecord]:
    return {r.code: r for r in read_reference_data()}


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    for path in REFERENCE_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_every_source_row_is_read_plus_the_added_authority(
    records: dict[str, CouncilRecord],
) -> None:
    rows = source_rows()
    assert len(records) == len(rows) + 1
    assert {row["local-authority-code"] for row in rows} <= set(records)


def test_types_map_from_the_mysociety_codes(records: dict[str, CouncilRecord]) -> None:
    expected = Counter(str(TYPE_CODES[row["local-authority-type"]]) for row in source_rows())
    expected["combined-authority"] += 1  # the new North East Combined Authority
    assert Counter(r.authority_type for r in records.values()) == expected
    assert records["CRF"].authority_type == "welsh-principal-area"  # Cardiff: WPA in the file


def test_every_council_has_valid_nation_and_region_codes(records: dict[str, CouncilRecord]) -> None:
    for record in records.values():
        assert record.nation in Nation.values
        assert record.region in Region.values, record.code


def test_regions_missing_in_the_source_are_derived(records: dict[str, CouncilRecord]) -> None:
    # Christchurch has no region in the file; its successor BCP is in the South West.
    assert records["CHC"].region == "south-west"
    assert records["BKM"].region == "south-east"


def test_population_prefers_ons_mid_2022(records: dict[str, CouncilRecord]) -> None:
    assert records["SHA"].population == 89812
    assert records["SHA"].population_source == "ONS mid-2022"
    assert records["GMCA"].population_source == "mySociety 2020"
    assert records["GMCA"].population == 2848286
    assert records["GMCA"].density == round(2848286 / 1275.0, 1)


def test_deprivation_and_hexes(records: dict[str, CouncilRecord]) -> None:
    south_hams = records["SHA"]
    assert south_hams.deprivation_quintile in {1, 2, 3, 4, 5}
    assert south_hams.deprivation_score is not None
    assert 1 <= (south_hams.imd_2025_rank or 0) <= 296
    assert south_hams.hex_q is not None
    assert records["BFS"].imd_2025_rank is None  # IoD 2025 is England only
    hexed = [r for r in records.values() if r.hex_q is not None]
    assert len(hexed) == 361


def test_corrections_are_applied_and_noted(records: dict[str, CouncilRecord]) -> None:
    by_gss = {r.gss: r for r in records.values() if r.gss}
    assert str(by_gss["E47000001"].start_date) == "2011-04-01"
    assert by_gss["E47000016"].name == "Hull and East Yorkshire"
    new = by_gss["E47000014"]
    assert (new.code, new.name, new.region, str(new.start_date)) == (
        "NEMCA",
        "North East",
        "north-east",
        "2024-05-07",
    )
    for old in ("E47000010", "E47000011"):
        assert by_gss[old].is_current is False
        assert str(by_gss[old].end_date) == "2024-05-06"
        assert by_gss[old].replaced_by == ["NEMCA"]
        assert by_gss[old].notes
    members = {"E06000047", "E08000037", "E08000021", "E08000022", "E06000057", "E08000023"}
    for gss in [*members, "E08000024"]:
        assert by_gss[gss].combined_authority == "NEMCA"
    assert all(note.startswith("Corrected on load:") for note in by_gss["E47000001"].notes)


def test_the_source_files_are_unchanged_by_reading() -> None:
    text = (REFERENCE_DIR / COUNCILS_FILE).read_text(encoding="utf-8")
    assert "Yorkshire and The Humber MCA" in text  # the published error stays in the file


def test_a_missing_file_is_a_clear_error(reference_copy: Path) -> None:
    (reference_copy / POPULATION_FILE).unlink()
    with pytest.raises(ReferenceDataError, match=POPULATION_FILE):
        read_reference_data(reference_copy)


def test_a_bad_row_names_the_file_and_line(reference_copy: Path) -> None:
    path = reference_copy / COUNCILS_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("Northern Ireland,Northern Ireland", "Narnia,Northern Ireland", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"line 2 .*nation 'Narnia'"):
        read_reference_data(reference_copy)


def test_a_correction_without_a_reason_is_refused(reference_copy: Path) -> None:
    path = reference_copy / CORRECTIONS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["corrections"][0]["reason"] = ""
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="correction 1: every correction needs a reason"):
        read_reference_data(reference_copy)


def test_a_correction_for_an_unknown_council_is_refused(reference_copy: Path) -> None:
    path = reference_copy / CORRECTIONS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["corrections"][0]["gss"] = ["E99999999"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="E99999999"):
        read_reference_data(reference_copy)
