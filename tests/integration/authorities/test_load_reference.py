"""load_reference against the database: counts, corrections, idempotence and failures."""

import csv
import shutil
from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from shopwindow.authorities.models import Authority
from shopwindow.authorities.reference import (
    COUNCILS_FILE,
    IOD_FILE,
    POPULATION_FILE,
    REFERENCE_DIR,
    TYPE_CODES,
)
from shopwindow.authorities.vocabularies import DISTRICT_LEVEL_TYPES

pytestmark = pytest.mark.django_db


def source_rows() -> list[dict[str, str]]:
    with (REFERENCE_DIR / COUNCILS_FILE).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot() -> dict[str, dict[str, Any]]:
    rows = {}
    for authority in Authority.objects.order_by("code").prefetch_related("replaced_by"):
        data = model_to_dict(authority)
        data["replaced_by"] = sorted(a.code for a in authority.replaced_by.all())
        rows[authority.code] = data
    return rows


def test_every_council_is_loaded() -> None:
    assert Authority.objects.count() == len(source_rows()) + 1  # plus the new North East CA


def test_counts_by_type_match_the_source_file() -> None:
    rows = source_rows()
    expected_all = Counter(str(TYPE_CODES[r["local-authority-type"]]) for r in rows)
    expected_all["combined-authority"] += 1
    loaded = Counter(Authority.objects.values_list("authority_type", flat=True))
    assert loaded == expected_all

    # Current councils: the file's, less the two North East CAs merged in 2024, plus the new one.
    expected_current = Counter(
        str(TYPE_CODES[r["local-authority-type"]]) for r in rows if r["current-authority"] == "True"
    )
    expected_current["combined-authority"] -= 1
    current = Counter(
        Authority.objects.filter(is_current=True).values_list("authority_type", flat=True)
    )
    assert current == expected_current
    district_level = sum(n for t, n in current.items() if t in DISTRICT_LEVEL_TYPES)
    assert district_level == 361
    assert current["county"] == 21
    assert current["combined-authority"] == 13
    assert current["strategic-authority"] == 1


def test_ons_population_matches_the_source_file() -> None:
    with (REFERENCE_DIR / POPULATION_FILE).open(encoding="utf-8-sig", newline="") as handle:
        ons = {r["Code"]: int(r["Estimated Population mid-2022"]) for r in csv.DictReader(handle)}
    loaded = dict(
        Authority.objects.filter(population_source="ONS mid-2022").values_list("gss", "population")
    )
    assert len(loaded) == 361 + 21  # every district-level council and county
    assert all(ons[gss] == population for gss, population in loaded.items())


def test_iod_2025_ranks_cover_every_english_district() -> None:
    with (REFERENCE_DIR / IOD_FILE).open(encoding="utf-8-sig", newline="") as handle:
        imd = {
            r["area_code"]: int(r["rank_average_score"])
            for r in csv.DictReader(handle)
            if r["index_domain"] == "Index of Multiple Deprivation"
        }
    loaded = dict(
        Authority.objects.filter(imd_2025_rank__isnull=False).values_list("gss", "imd_2025_rank")
    )
    assert loaded == imd


def test_links_between_councils() -> None:
    south_hams = Authority.objects.get(gss="E07000044")
    assert south_hams.parent_county is not None
    assert south_hams.parent_county.gss == "E10000008"  # Devon
    camden = Authority.objects.get(gss="E09000007")
    assert camden.combined_authority is not None
    assert camden.combined_authority.gss == "E61000001"  # the GLA
    bucks = Authority.objects.get(gss="E10000002")
    assert not bucks.is_current
    assert list(bucks.replaced_by.values_list("gss", flat=True)) == ["E06000060"]


def test_corrections_are_applied_and_recorded() -> None:
    gmca = Authority.objects.get(gss="E47000001")
    assert str(gmca.start_date) == "2011-04-01"
    assert "Corrected on load" in gmca.notes
    assert Authority.objects.get(gss="E47000016").name == "Hull and East Yorkshire"
    new = Authority.objects.get(gss="E47000014")
    assert new.is_current
    assert new.authority_type == "combined-authority"
    assert sorted(new.constituent_members.values_list("gss", flat=True)) == sorted(
        ["E06000047", "E08000037", "E08000021", "E08000022", "E06000057", "E08000023", "E08000024"]
    )
    for old in Authority.objects.filter(gss__in=["E47000010", "E47000011"]):
        assert not old.is_current
        assert str(old.end_date) == "2024-05-06"
        assert list(old.replaced_by.values_list("gss", flat=True)) == ["E47000014"]
        assert old.constituent_members.count() == 0


def test_reloading_changes_nothing() -> None:
    before = snapshot()
    out = StringIO()
    call_command("load_reference", stdout=out)
    assert snapshot() == before
    assert "0 created, 0 updated" in out.getvalue()


def test_reloading_repairs_an_edited_row() -> None:
    Authority.objects.filter(gss="E07000044").update(population=1, name="Edited")
    out = StringIO()
    call_command("load_reference", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    south_hams = Authority.objects.get(gss="E07000044")
    assert (south_hams.name, south_hams.population) == ("South Hams", 89812)


def test_a_missing_file_is_a_command_error_and_changes_nothing(tmp_path: Path) -> None:
    for path in REFERENCE_DIR.iterdir():
        if path.is_file() and path.name != IOD_FILE:
            shutil.copy(path, tmp_path / path.name)
    Authority.objects.filter(gss="E07000044").update(population=1)
    before = snapshot()
    with pytest.raises(CommandError, match=f"nothing changed.*{IOD_FILE}"):
        call_command("load_reference", directory=tmp_path)
    assert snapshot() == before
