"""The JSON Schema file: valid draft 2020-12, strict, and its enums match the vocabularies."""

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from shopwindow.innovations.services.validation import SCHEMA_PATH, load_schema
from shopwindow.innovations.vocabularies import (
    EVIDENCE_LEVELS,
    SERVICE_AREA_CODES,
    THEME_CODES,
    AdoptionStatus,
    RecordStatus,
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


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_object_forbids_unknown_fields() -> None:
    objects = _objects(load_schema())
    assert len(objects) >= 10
    assert all(obj.get("additionalProperties") is False for obj in objects)


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
