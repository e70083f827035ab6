"""The OpenAPI document lists every status an operation can return, with one error schema."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def operations(client: Client) -> list[tuple[str, str, dict[str, object]]]:
    document = json.loads(client.get("/api/v1/openapi.json").content)
    return [
        (method.upper(), path, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def test_every_operation_declares_400_and_429_with_retry_after(client: Client) -> None:
    found = operations(client)
    assert len(found) >= 18
    for method, path, operation in found:
        responses = operation["responses"]
        assert isinstance(responses, dict)
        for status in ("400", "429"):
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)
        assert "Retry-After" in responses["429"]["headers"], (method, path)


def test_token_operations_declare_401_and_writes_403_and_409(client: Client) -> None:
    for method, path, operation in operations(client):
        responses = operation["responses"]
        assert isinstance(responses, dict)
        if operation.get("security"):
            assert "401" in responses, (method, path)
        if method in {"POST", "PUT"}:
            assert {"401", "403", "409"} <= set(responses), (method, path)


def test_the_fuzzed_document_is_the_served_one(client: Client) -> None:
    from shopwindow.api.api import api

    served = json.loads(client.get("/api/v1/openapi.json").content)
    built = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))
    assert served == built
