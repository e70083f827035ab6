"""The one place that decides what a valid Innovation Record is: the JSON Schema plus domain rules.

The importer, the API and the submission form all call `validate_records` / `validate_record`.
Every problem comes back as `record <n> (<id>): <field path>: <problem>`, n counting from 1.
"""

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from shopwindow.authorities.models import Authority
from shopwindow.innovations.partial_dates import PartialDate
from shopwindow.innovations.vocabularies import ILLUSTRATIVE_TAG, SOURCED_FIGURES

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
SCHEMA_PATH = SCHEMA_DIR / "innovation-record-1.1.json"
SCHEMA_1_0_PATH = SCHEMA_DIR / "innovation-record-1.json"
SCHEMA_1_0 = "shopwindow/innovation-record/1"
SCHEMA_1_1 = "shopwindow/innovation-record/1.1"
ACCEPTED_SCHEMAS = (SCHEMA_1_0, SCHEMA_1_1)
UNSOURCED = "no source supports this figure"
SOURCED_FIGURES_NAMES = [path.split(".", 1)[1] for path in SOURCED_FIGURES]
ID_RULE = "must be a slug of 3 to 80 characters: lower-case letters, digits and hyphens"
_TAGS = re.compile(r"<[a-zA-Z/!][^>]*>")


@dataclass(frozen=True)
class RecordError:
    """One problem in one record. `n` counts from 1 (0: the file as a whole); `path` is like
    `themes[0]` or `outcomes.metrics[1].name`."""

    n: int
    record_id: str | None
    path: str
    problem: str

    def __str__(self) -> str:
        if self.n == 0:  # a problem with the file as a whole, not with one record
            return f"file: {self.path}: {self.problem}"
        return f"record {self.n} ({self.record_id or 'no id'}): {self.path}: {self.problem}"


class RecordValidationError(Exception):
    """Raised by services given an invalid record; `errors` lists every problem."""

    def __init__(self, errors: Sequence[RecordError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = list(errors)

    @property
    def messages(self) -> list[str]:
        return [str(e) for e in self.errors]


@cache
def load_schema(version: str = "1.1") -> dict[str, Any]:
    """The published JSON Schema: version "1.1" (what everything validates against) or "1"."""
    path = SCHEMA_PATH if version == "1.1" else SCHEMA_1_0_PATH
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@cache
def _record_validator() -> Draft202012Validator:
    schema = load_schema()
    record_schema = {
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": "#/$defs/record",
    }
    return Draft202012Validator(record_schema)


def format_path(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "an object",
}


def _schema_problems(error: SchemaError) -> list[tuple[str, str]]:
    """Turn one jsonschema error into (path, problem) pairs in plain words."""
    path = list(error.absolute_path)
    validator = error.validator
    if validator == "required":
        return _missing_fields(error, path)
    if validator == "additionalProperties":
        return _unknown_fields(error, path)
    where = format_path(path) or "(record)"
    if validator == "pattern":
        return [(where, _pattern_problem(error, path))]
    problem = _value_problem(error)
    return [(where, problem if problem is not None else error.message)]


def _missing_fields(error: SchemaError, path: list[Any]) -> list[tuple[str, str]]:
    instance: Any = error.instance
    value: Any = error.validator_value
    missing = [name for name in value if isinstance(instance, dict) and name not in instance]
    return [(format_path([*path, name]), "is required") for name in missing]


def _unknown_fields(error: SchemaError, path: list[Any]) -> list[tuple[str, str]]:
    instance: Any = error.instance
    schema: Any = error.schema
    allowed = sorted(schema.get("properties", {}))
    extras = sorted(set(instance) - set(allowed)) if isinstance(instance, dict) else []
    return [
        (format_path([*path, name]), "unknown field; allowed fields here: " + ", ".join(allowed))
        for name in extras
    ]


def _pattern_problem(error: SchemaError, path: list[Any]) -> str:
    """A pattern failure said as the format the field expects, not as a regular expression."""
    if path == ["id"]:
        return ID_RULE
    if path and path[-1] in {"started_on", "published_on"}:
        return "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"
    if path and path[-1] == "url":
        return "must be a web address starting http:// or https://"
    if "authorit" in format_path(path):
        return f"{error.instance!r} is not a GSS code (like E07000044)"
    return f"does not match the pattern {error.validator_value}"


def _value_problem(error: SchemaError) -> str | None:
    """Plain words for a failed enum, type, length, count or range rule; None for any other."""
    instance: Any = error.instance
    value: Any = error.validator_value
    validator = error.validator
    if validator == "enum":
        return f"{instance!r} is not an allowed value; allowed: {', '.join(value)}"
    if validator == "type":
        return f"must be {_TYPE_WORDS.get(str(value), str(value))}"
    if validator == "minLength":
        return f"must be at least {value} characters (it has {len(instance)})"
    if validator == "maxLength":
        return f"must be at most {value} characters (it has {len(instance)})"
    if validator == "minItems":
        return "must list at least one"
    if validator == "uniqueItems":
        return "lists the same value more than once"
    if validator == "minimum":
        return f"must be {value:,} or more"
    if validator == "maximum":
        return f"must be {value:,} or less"
    return None


def _record_id(record: Any) -> str | None:
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"]:
        return str(record["id"])
    return None


def _list(value: Any) -> list[Any]:
    """A list field's items, or none when it is not a list (the schema reports that)."""
    return value if isinstance(value, list) else []


def _all_gss(record: dict[str, Any]) -> set[str]:
    codes: set[str] = set()
    for key in ("lead_authorities", "partner_authorities"):
        codes.update(c for c in _list(record.get(key)) if isinstance(c, str))
    for adoption in _list(record.get("adoptions")):
        if isinstance(adoption, dict) and isinstance(adoption.get("authority"), str):
            codes.add(adoption["authority"])
    return codes


def _non_finite_numbers(value: Any, path: list[Any]) -> list[tuple[str, str]]:
    """NaN and infinity pass a JSON Schema's minimum and maximum (every comparison with NaN is
    false), and Python's json reads them, so they are refused here, wherever they are."""
    if isinstance(value, float) and not math.isfinite(value):
        return [(format_path(path) or "(record)", "must be a finite number")]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _non_finite_numbers(item, [*path, key])]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _non_finite_numbers(item, [*path, i])]
    return []


def _domain_problems(record: dict[str, Any], known_gss: set[str]) -> list[tuple[str, str]]:
    """Rules a JSON Schema cannot say: real authorities, real dates, plain text, web addresses,
    finite numbers."""
    return [
        *_non_finite_numbers(record, []),
        *_authority_problems(record, known_gss),
        *_adoption_problems(record, known_gss),
        *_plain_text_problems(record),
        *_date_problems(record),
        *_source_url_problems(record),
        *_contact_email_problems(record),
    ]


def _authority_problems(record: dict[str, Any], known_gss: set[str]) -> list[tuple[str, str]]:
    """Lead and partner authorities must be known, and a lead is not also a partner."""
    problems: list[tuple[str, str]] = []
    for key in ("lead_authorities", "partner_authorities"):
        for i, code in enumerate(_list(record.get(key))):
            if isinstance(code, str) and code not in known_gss:
                problems.append((f"{key}[{i}]", f"{code!r} is not a known authority GSS code"))
    leads = {c for c in _list(record.get("lead_authorities")) if isinstance(c, str)}
    for i, code in enumerate(_list(record.get("partner_authorities"))):
        if isinstance(code, str) and code in leads:
            problems.append((f"partner_authorities[{i}]", f"{code} is already a lead authority"))
    return problems


def _adoption_problems(record: dict[str, Any], known_gss: set[str]) -> list[tuple[str, str]]:
    """Each adopter must be a known authority, listed once."""
    problems: list[tuple[str, str]] = []
    seen_adopters: set[str] = set()
    for i, adoption in enumerate(_list(record.get("adoptions"))):
        if not isinstance(adoption, dict):
            continue
        code = adoption.get("authority")
        if isinstance(code, str) and code not in known_gss:
            problems.append(
                (f"adoptions[{i}].authority", f"{code!r} is not a known authority GSS code")
            )
        if isinstance(code, str) and code in seen_adopters:
            problems.append((f"adoptions[{i}].authority", f"{code} is listed twice"))
        seen_adopters.add(str(code))
    return problems


def _plain_text_problems(record: dict[str, Any]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for key in ("title", "summary"):
        value = record.get(key)
        if isinstance(value, str):
            if _TAGS.search(value) or "\n" in value or "\r" in value:
                problems.append((key, "must be plain text: no HTML tags or line breaks"))
            elif value != value.strip():
                problems.append((key, "must not start or end with spaces"))
    return problems


def _date_problems(record: dict[str, Any]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for path, value in _dates(record):
        try:
            PartialDate.parse(value)
        except ValueError as exc:
            problems.append((path, str(exc)))
    return problems


def _source_url_problems(record: dict[str, Any]) -> list[tuple[str, str]]:
    evidence = record.get("evidence")
    sources = evidence.get("sources") if isinstance(evidence, dict) else None
    problems: list[tuple[str, str]] = []
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str) and not _is_web_address(url):
            problems.append(
                (f"evidence.sources[{i}].url", "must be a web address starting http(s)://")
            )
    return problems


def _contact_email_problems(record: dict[str, Any]) -> list[tuple[str, str]]:
    contact = record.get("contact")
    email = contact.get("email") if isinstance(contact, dict) else None
    if isinstance(email, str):
        try:
            validate_email(email)
        except DjangoValidationError:
            return [("contact.email", f"{email!r} is not an email address")]
    return []


def _is_web_address(url: str) -> bool:
    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # "http://[" is an invalid IPv6 address to urlparse
        return False
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc) and " " not in url


_FIELD_PATH = re.compile(r"^[a-z_]+(\.[a-z_]+|\[[0-9]+\])*$")
_PATH_STEP = re.compile(r"([a-z_]+)|\[([0-9]+)\]")


def _resolves(record: dict[str, Any], path: str) -> bool:
    """Whether a `supports` path (like `outcomes.metrics[1]`) names a field the record has."""
    if not _FIELD_PATH.match(path):
        return False
    value: Any = record
    for name, index in _PATH_STEP.findall(path):
        if name and isinstance(value, dict) and name in value:
            value = value[name]
        elif index and isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        else:
            return False
    return True


def figure_paths(record: dict[str, Any]) -> list[str]:
    """The figures of a record that must each have a source (format 1.1)."""
    outcomes = record.get("outcomes")
    if not isinstance(outcomes, dict):
        return []
    paths = [f"outcomes.{name}" for name in SOURCED_FIGURES_NAMES if name in outcomes]
    metrics = outcomes.get("metrics")
    paths += [
        f"outcomes.metrics[{i}]" for i in range(len(metrics if isinstance(metrics, list) else []))
    ]
    return paths


def supported_paths(record: dict[str, Any]) -> set[str]:
    evidence = record.get("evidence")
    sources = evidence.get("sources") if isinstance(evidence, dict) else None
    paths: set[str] = set()
    for source in sources if isinstance(sources, list) else []:
        supports = source.get("supports") if isinstance(source, dict) else None
        if isinstance(supports, list):
            paths.update(p for p in supports if isinstance(p, str))
    return paths


def _sourcing_problems(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Format 1.1: every figure of a real (not illustrative) record is backed by a source, and
    every `supports` path names a field the record has."""
    problems: list[tuple[str, str]] = []
    evidence = record.get("evidence")
    sources = evidence.get("sources") if isinstance(evidence, dict) else None
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        supports = source.get("supports") if isinstance(source, dict) else None
        for j, path in enumerate(supports if isinstance(supports, list) else []):
            if isinstance(path, str) and not _resolves(record, path):
                problems.append(
                    (
                        f"evidence.sources[{i}].supports[{j}]",
                        f"{path!r} is not a field of this record",
                    )
                )
    tags = record.get("tags")
    if isinstance(tags, list) and ILLUSTRATIVE_TAG in tags:
        return problems
    supported = supported_paths(record)
    problems += [(path, UNSOURCED) for path in figure_paths(record) if path not in supported]
    return problems


def _dates(record: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(record.get("started_on"), str):
        found.append(("started_on", record["started_on"]))
    evidence = record.get("evidence")
    sources = evidence.get("sources") if isinstance(evidence, dict) else None
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict) and isinstance(source.get("published_on"), str):
            found.append((f"evidence.sources[{i}].published_on", source["published_on"]))
    for i, adoption in enumerate(_list(record.get("adoptions"))):
        if isinstance(adoption, dict) and isinstance(adoption.get("started_on"), str):
            found.append((f"adoptions[{i}].started_on", adoption["started_on"]))
    return found


def validate_records(
    records: Sequence[Any], *, first_n: int = 1, require_sources: bool = True
) -> list[RecordError]:
    """Check every record; return every problem (an empty list means all are valid).

    require_sources=False is for files that declare format 1.0, whose sources cannot say which
    figures they back: their figures import, and show as "source not given".
    """
    validator = _record_validator()
    codes: set[str] = set()
    for record in records:
        if isinstance(record, dict):
            codes |= _all_gss(record)
    known = set(Authority.objects.filter(gss__in=codes).values_list("gss", flat=True))
    errors: list[RecordError] = []
    first_seen: dict[str, int] = {}
    for offset, record in enumerate(records):
        n = first_n + offset
        record_id = _record_id(record)
        if not isinstance(record, dict):
            errors.append(RecordError(n, None, "(record)", "must be a JSON object"))
            continue
        problems: list[tuple[str, str]] = []
        schema_errors = sorted(validator.iter_errors(record), key=lambda e: list(map(str, e.path)))
        for error in schema_errors:
            problems.extend(_schema_problems(error))
        # Domain rules only see values of the right type; the schema has spoken about the rest.
        problems.extend(_domain_problems(record, known))
        if require_sources:
            problems.extend(_sourcing_problems(record))
        problems = sorted(dict.fromkeys(problems), key=lambda p: p[0])  # unique, by field path
        if record_id:
            if record_id in first_seen:
                problems.append(
                    ("id", f"{record_id!r} is also used by record {first_seen[record_id]}")
                )
            else:
                first_seen[record_id] = n
        errors.extend(RecordError(n, record_id, path, problem) for path, problem in problems)
    return errors


def validate_record(record: Any, *, n: int = 1, require_sources: bool = True) -> list[RecordError]:
    """Check one record (the API and the form): the same rules as a file of one."""
    return validate_records([record], first_n=n, require_sources=require_sources)
