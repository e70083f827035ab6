"""A Python client generated from /api/v1/openapi.json by openapi-python-client: the generator
reports no warnings, and every read operation, called through the generated client against the
app (Django's WSGI handler in process), returns a 200 that parses into a typed model."""

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from django.core.handlers.wsgi import WSGIHandler

from shopwindow.accounts.models import Role, User
from shopwindow.adoption import services as adoption
from shopwindow.api.api import api
from shopwindow.api.services import create_token
from shopwindow.associates import services as associates
from shopwindow.associates.models import Invitation
from shopwindow.authorities.models import Authority
from tests.factories import (
    CouncilMembershipFactory,
    UserFactory,
    associate_profile,
    create_innovation,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("keep_test_connection")]

PACKAGE = "shopwindow_api_client"
SOUTH_HAMS = "E07000044"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, str]]:
    """Generate the client once (offline: the generator reads the document from a file)."""
    root = tmp_path_factory.mktemp("client")
    document = root / "openapi.json"
    document.write_text(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))
    config = root / "config.yaml"
    config.write_text("post_hooks: []\n")  # no formatter run on the generated code
    generator = Path(sys.executable).parent / "openapi-python-client"
    result = subprocess.run(
        [str(generator), "generate", "--path", str(document), "--output-path",
         str(root / "out"), "--config", str(config)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    sys.path.insert(0, str(root / "out"))
    try:
        yield importlib.import_module(PACKAGE), output if result.returncode == 0 else "FAILED"
    finally:
        sys.path.remove(str(root / "out"))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def test_the_generator_reports_no_warnings(generated: tuple[ModuleType, str]) -> None:
    _package, output = generated
    assert "Generating" in output, output
    assert "Warning" not in output, output
    assert "Skipping" not in output, output


def _token(role: str = Role.MEMBER) -> tuple[User, str]:
    user = UserFactory.create(role=role)
    CouncilMembershipFactory.create(user=user, authority=Authority.objects.get(gss=SOUTH_HAMS))
    _row, raw = create_token(user=user, name="client")
    return user, raw


@pytest.fixture
def world() -> dict[str, Any]:
    """A published record, a plan, a vetted associate, a help request and an engagement."""
    south_hams = Authority.objects.get(gss=SOUTH_HAMS)
    member, member_token = _token()
    record = create_innovation(id="client-record")
    plan = adoption.start_plan(
        user=member, innovation=record, council=south_hams, title="Our plan",
        start_date=date(2026, 1, 5),
    )  # fmt: skip
    profile = associate_profile()
    help_request = associates.create_help_request(
        author=member,
        council=south_hams,
        data={
            "title": "Help with waste rounds", "goal": "Shared rounds",
            "service_area": "waste-and-environment", "capabilities": ["procurement"],
            "days_needed": 8, "budget_band": "5k-20k", "start_on": date(2027, 3, 1),
            "end_on": date(2027, 4, 30), "work_mode": "either",
        },
        linked=[record],
    )  # fmt: skip
    invitation = associates.invite(
        help_request=help_request, profile=profile, actor=member, reasons=["skills"]
    )
    engagement = associates.respond(
        invitation=Invitation.objects.get(pk=invitation.pk), user=profile.user, accept=True
    )
    assert engagement is not None
    return {"plan": plan, "help_request": help_request, "token": member_token}


def _operation(tag: str, name: str) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.api.{tag}.{name}")


def test_every_read_operation_parses_into_a_typed_model(
    generated: tuple[ModuleType, str], world: dict[str, Any], settings: Any
) -> None:
    package, _output = generated
    limits = dict(getattr(settings, "ACCOUNTS_RATE_LIMITS", {}))
    limits["api_address"] = limits["api_token"] = (1_000, 60)
    settings.ACCOUNTS_RATE_LIMITS = limits
    transport = httpx.WSGITransport(app=WSGIHandler())
    open_client = package.Client(base_url="http://testserver")
    open_client.set_httpx_client(httpx.Client(base_url="http://testserver", transport=transport))
    token_client = package.AuthenticatedClient(base_url="http://testserver", token=world["token"])
    token_client.set_httpx_client(
        httpx.Client(
            base_url="http://testserver",
            transport=transport,
            headers={"Authorization": f"Bearer {world['token']}"},
        )
    )
    # operationId: (tag module, client, arguments, the model the 200 parses into)
    calls: dict[str, tuple[str, Any, dict[str, Any], str]] = {
        "listAuthorities": ("authorities", open_client, {}, "AuthorityPage"),
        "getAuthority": ("authorities", open_client, {"gss": SOUTH_HAMS}, "AuthorityDetail"),
        "listComparators": ("tailoring", open_client, {"gss": SOUTH_HAMS}, "ComparatorsOut"),
        "listRecommendations": (
            "tailoring", open_client, {"gss": SOUTH_HAMS}, "RecommendationsOut"
        ),
        "getRecordSchema": ("innovations", open_client, {}, "JsonSchemaDocument"),
        "getRecordSchemaVersion1": ("innovations", open_client, {}, "JsonSchemaDocument"),
        "listInnovations": ("innovations", open_client, {}, "SearchPage"),
        "getInnovation": ("innovations", open_client, {"record_id": "client-record"}, "RecordOut"),
        "listRecordAdoptions": (
            "adoption", open_client, {"record_id": "client-record"}, "RecordAdoptions"
        ),
        "listPlans": ("adoption", token_client, {}, "PlanPage"),
        "getPlan": ("adoption", token_client, {"plan_id": str(world["plan"].pk)}, "PlanDetail"),
        "listAssociates": ("associates", open_client, {}, "AssociatePage"),
        "listHelpRequests": ("associates", token_client, {}, "HelpRequestPage"),
        "getHelpRequest": (
            "associates", token_client, {"request_id": world["help_request"].pk}, "HelpRequestOut"
        ),
        "listEngagements": ("associates", token_client, {}, "EngagementPage"),
        "getStats": ("statistics", open_client, {}, "StatsOut"),
    }  # fmt: skip
    document = api.get_openapi_schema(path_prefix="/api/v1/")
    reads = {op["operationId"] for ops in document["paths"].values() for m, op in ops.items()
             if m == "get"}  # fmt: skip
    assert reads == set(calls), "every read operation is called below"
    models = importlib.import_module(f"{PACKAGE}.models")
    for operation_id, (tag, client, arguments, model_name) in calls.items():
        name = "".join(f"_{c.lower()}" if c.isupper() else c for c in operation_id)
        name = name.replace("version1", "version_1")
        response = _operation(tag, name).sync_detailed(client=client, **arguments)
        assert response.status_code == 200, (operation_id, response.content[:300])
        assert isinstance(response.parsed, getattr(models, model_name)), operation_id
    # The typed models carry the data, not just the shape: a few fields read back.
    found = _operation("innovations", "list_innovations").sync(client=open_client)
    assert [hit.id for hit in found.results] == ["client-record"]
    plan = _operation("adoption", "get_plan").sync(
        client=token_client, plan_id=str(world["plan"].pk)
    )
    assert plan.title == "Our plan"
    assert len(plan.tasks) >= 1
    engagements = _operation("associates", "list_engagements").sync(client=token_client)
    assert engagements.count == 1
    associates_page = _operation("associates", "list_associates").sync(client=open_client)
    assert associates_page.results[0].headline == "Former head of waste services"
