"""The JSON Schema file: valid draft 2020-12, strict, and its enums match the vocabularies."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator

from shopwindow.innovations.services.validation import SCHEMA_PATH, load_schema
from shopwindow.innovations.vocabularies import (
    EVIDENCE_LEVELS,
    FUNCTION_CODES,
    SERVICE_AREA_CODES,
    THEME_CODES,
    AdoptionStatus,
    RecordStatus,
    SavingKind,
    SavingSharedBy,
    SourceKind,
    Verification,
)

DEMO_DIR = Path(SCHEMA_PATH).parent.parent / "demo"


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_schema_is_valid_draft_2020_12(version: str) -> None:
    schema = load_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_every_object_forbids_unknown_fields(version: str) -> None:
    objects = _objects(load_schema(version))
    assert len(objects) >= 10
    assert all(obj.get("additionalProperties") is False for obj in objects)


def test_1_1_only_adds_optional_fields_to_1_0() -> None:
    """A 1.0 record is a valid 1.1 record: 1.1 keeps every 1.0 field and requires nothing new."""
    old, new = load_schema("1"), load_schema("1.1")

    def walk(a: object, b: object, path: str) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            if "required" in a:
                assert b.get("required") == a["required"], path
            for key, value in a.items():
                if key not in {"description", "$id", "title", "const"}:
                    assert key in b, f"{path}.{key}"
                    walk(value, b[key], f"{path}.{key}")

    walk(old["$defs"], new["$defs"], "$defs")
    assert "shopwindow/innovation-record/1" in new["properties"]["schema"]["enum"]


def test_1_1_enums_match_vocabularies() -> None:
    record = load_schema("1.1")["$defs"]["record"]["properties"]
    assert record["functions"]["items"]["enum"] == FUNCTION_CODES
    outcomes = record["outcomes"]["properties"]
    assert outcomes["saving_kind"]["enum"] == list(SavingKind.values)
    assert outcomes["saving_shared_by"]["enum"] == list(SavingSharedBy.values)
    assert outcomes["metrics"]["items"]["properties"]["kind"]["enum"] == list(SavingKind.values)
    source = record["evidence"]["properties"]["sources"]["items"]["properties"]
    assert source["kind"]["enum"] == list(SourceKind.values)


def test_catalogue_files_are_valid_1_1_documents() -> None:
    validator = Draft202012Validator(load_schema("1.1"))
    files = sorted((settings.BASE_DIR / "data" / "catalogue").glob("*.json"))
    assert files
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["schema"] == "shopwindow/innovation-record/1.1", path.name
        errors = list(validator.iter_errors(document))
        assert errors == [], f"{path.name}: {errors[0].message if errors else ''}"


def test_enums_match_vocabularies() -> None:
    record = load_schema()["$defs"]["record"]["properties"]
    assert record["themes"]["items"]["enum"] == THEME_CODES
    assert len(THEME_CODES) == 19
    assert record["service_areas"]["items"]["enum"] == SERVICE_AREA_CODES
    assert len(SERVICE_AREA_CODES) == 15
    assert record["status"]["enum"] == list(RecordStatus.values)
    evidence = record["evidence"]["properties"]
    assert evidence["verification"]["enum"] == list(Verification.values)
    assert (evidence["level"]["minimum"], evidence["level"]["maximum"]) == (1, 5)
    assert len(EVIDENCE_LEVELS) == 5
    adoption = record["adoptions"]["items"]["properties"]
    assert adoption["status"]["enum"] == list(AdoptionStatus.values)


def test_demo_files_are_valid_documents() -> None:
    validator = Draft202012Validator(load_schema())
    files = sorted(DEMO_DIR.glob("*.json"))
    assert files
    for path in files:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert errors == [], f"{path.name}: {errors[0].message if errors else ''}"
