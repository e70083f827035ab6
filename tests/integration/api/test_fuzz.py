"""Fuzzing the open API with schemathesis: every operation of /api/v1/openapi.json, in process
(Django's WSGI handler, no server), anonymously and with a council member's and a moderator's
token. Every check is on: no server errors, every status and body as documented, invalid input
rejected and valid input accepted. The cases run are printed for each identity."""

from collections import Counter
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi import checks

from shopwindow.accounts.models import Role
from shopwindow.api.api import api
from shopwindow.api.services import create_token
from shopwindow.authorities.models import Authority
from tests.factories import CouncilMembershipFactory, UserFactory, create_innovation

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.fuzz,
    pytest.mark.usefixtures("keep_test_connection"),
]

MAX_EXAMPLES = 20
COVERAGE_PHASE = False
# Cases run per identity and operation; tests/integration/api/conftest.py prints them.
CASES: dict[str, Counter[str]] = {}


@pytest.fixture(autouse=True)
def high_rate_limits(settings: Any) -> None:
    """The API's rate limits (429 with Retry-After, declared on every operation) raised far above
    what the fuzzing sends, so that every case reaches the code under test."""
    limits = dict(getattr(settings, "ACCOUNTS_RATE_LIMITS", {}))
    for bucket in ("api_address", "api_token", "sign_in_failure"):
        limits[bucket] = (1_000_000, 60)
    settings.ACCOUNTS_RATE_LIMITS = limits


# The document /api/v1/openapi.json serves (built here rather than fetched, so that collecting
# the tests makes no request), run against Django's WSGI handler in this process.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = WSGIHandler()
schema.location = "/api/v1/openapi.json"
# Positive and negative cases; the Authorization header is ours (each identity's), so schemathesis
# does not generate it (a case without a token is the anonymous run).
schema.config.generation.update(
    max_examples=MAX_EXAMPLES, modes=list(GenerationMode), with_security_parameters=False
)
# Rules the OpenAPI document cannot state, so a "schema-valid" case may break them and get a 400
# naming the field (as it should): a record's authorities must be real GSS codes, its figures need
# sources, PUT's id must match the URL; and a period's start cannot be after its end.
# The coverage phase (every boundary and every undocumented method, hundreds of cases for a
# record body) is off to keep the suite fast; the examples and fuzzing phases run.
schema.config.phases.coverage.enabled = COVERAGE_PHASE
RECORD_WRITES = {("POST", "/api/v1/innovations"), ("PUT", "/api/v1/innovations/{record_id}")}


def _reversed_period(case: Any) -> bool:
    query = case.query or {}
    try:
        return int(query["period_from"]) > int(query["period_to"])
    except (KeyError, TypeError, ValueError):
        return False


def token_headers(role: str) -> dict[str, str]:
    """A personal API token of a South Hams member (a moderator too for Role.MODERATOR)."""
    user = UserFactory.create(role=role)
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss="E07000044"))
    _, value = create_token(user=user, name="fuzz")
    return {"Authorization": f"Bearer {value}"}


@pytest.fixture
def fuzz_data(db: None) -> None:
    create_innovation(id="fuzz-published")


FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def run_case(case: Any, identity: str, headers: dict[str, str]) -> None:
    CASES.setdefault(identity, Counter())[f"{case.method} {case.path}"] += 1
    if (case.method, case.path) in RECORD_WRITES or _reversed_period(case):
        response = case.call_and_validate(
            headers=headers, excluded_checks=[checks.positive_data_acceptance]
        )
        if response.status_code == 400:  # a refusal names the field or lists the problems
            assert response.json().get("errors") or response.json().get("parameter")
    else:
        case.call_and_validate(headers=headers)


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzz_anonymous(case: Any, fuzz_data: None) -> None:
    run_case(case, "anonymous", {})


@pytest.fixture
def member_headers(fuzz_data: None) -> dict[str, str]:
    return token_headers(Role.MEMBER)


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzz_member(case: Any, member_headers: dict[str, str]) -> None:
    run_case(case, "member", member_headers)


@pytest.fixture
def moderator_headers(fuzz_data: None) -> dict[str, str]:
    return token_headers(Role.MODERATOR)


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzz_moderator(case: Any, moderator_headers: dict[str, str]) -> None:
    run_case(case, "moderator", moderator_headers)
