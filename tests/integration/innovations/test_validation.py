"""Validation: one place, every problem, as `record <n> (<id>): <field path>: <problem>`."""

import pytest

from shopwindow.innovations.services.validation import validate_record, validate_records
from tests.factories import innovation_record

pytestmark = pytest.mark.django_db


def messages(records: list[object]) -> list[str]:
    return [str(e) for e in validate_records(records)]


def test_valid_record_has_no_problems() -> None:
    assert validate_record(innovation_record()) == []


def test_misspelt_theme_names_record_field_and_allowed_values() -> None:
    bad = innovation_record(id="misspelt", themes=["shared-services", "sharedservices"])
    [message] = messages([innovation_record(), bad])
    assert message.startswith(
        "record 2 (misspelt): themes[1]: 'sharedservices' is not an allowed value"
    )
    assert "allowed: shared-services, combined-authority, devolution" in message
    assert "economic-growth" in message


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"id": "Bad Id"}, "record 1 (Bad Id): id: must be a slug"),
        ({"title": "Hi"}, "title: must be at least 5 characters (it has 2)"),
        ({"summary": "x" * 401}, "summary: must be at most 400 characters (it has 401)"),
        ({"summary": "A summary with <b>HTML</b> inside it."}, "summary: must be plain text"),
        (
            {"lead_authorities": ["E07999999"]},
            "lead_authorities[0]: 'E07999999' is not a known authority",
        ),
        ({"lead_authorities": []}, "lead_authorities: must list at least one"),
        ({"started_on": "2015-02-30"}, "started_on: '2015-02-30' is not a real date"),
        ({"started_on": "April 2015"}, "started_on: must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"colour": "blue"}, "colour: unknown field"),
        ({"status": "done"}, "status: 'done' is not an allowed value; allowed: pilot, implemented"),
        (
            {"evidence": {"level": 6, "verification": "self-reported"}},
            "evidence.level: must be 5 or less",
        ),
        (
            {
                "evidence": {
                    "level": 1,
                    "verification": "self-reported",
                    "sources": [{"title": "A", "url": "ftp://x.org/a"}],
                }
            },
            "evidence.sources[0].url: must be a web address",
        ),
        ({"outcomes": {"annual_saving_gbp": -5}}, "outcomes.annual_saving_gbp: must be 0 or more"),
        (
            {"contact": {"email": "not-an-email"}},
            "contact.email: 'not-an-email' is not an email address",
        ),
        (
            {"partner_authorities": ["E07000044"]},
            "partner_authorities[0]: E07000044 is already a lead authority",
        ),
    ],
)
def test_problems_are_named(overrides: dict[str, object], expected: str) -> None:
    found = messages([innovation_record(**overrides)])
    assert any(expected in m for m in found), found
    assert all(m.startswith("record 1 (") for m in found)


def test_missing_fields_are_each_reported() -> None:
    record = innovation_record(id="gaps")
    del record["title"], record["approach"]
    assert messages([record]) == [
        "record 1 (gaps): approach: is required",
        "record 1 (gaps): title: is required",
    ]


def test_duplicate_ids_in_one_file() -> None:
    found = messages([innovation_record(id="same-id"), innovation_record(id="same-id")])
    assert found == ["record 2 (same-id): id: 'same-id' is also used by record 1"]


def test_not_an_object() -> None:
    assert messages(["text"]) == ["record 1 (no id): (record): must be a JSON object"]


def test_former_authorities_are_valid() -> None:
    assert validate_record(innovation_record(lead_authorities=["E10000002"])) == []
