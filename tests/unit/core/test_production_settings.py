"""Production settings refuse weak secrets and wildcard hosts, and read TRUST_PROXY."""

import runpy
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

GOOD_KEY = "kD9#x2Lq!vR7mZp4Tn8Wb3Yc6Hf1Js5Ga0Ue-Qo_Xi.Vl+Kr=Ny"


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    values = {
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "shopwindow.example",
        "DATABASE_URL": "postgres://app@db.example:5432/shopwindow",
        **env,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module("shopwindow.settings.production")


def test_good_settings_load(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load(monkeypatch)
    assert settings["DEBUG"] is False
    assert "SECURE_PROXY_SSL_HEADER" not in settings  # not behind a trusted proxy by default
    assert settings["LOGGING"]["formatters"]["json"]


@pytest.mark.parametrize(
    "key",
    [
        "a" * 40,  # the key issue 14 found accepted
        "a" * 60,  # long, but one character
        "abcd" * 15,  # four distinct characters
        GOOD_KEY[:49],  # one short
        "django-insecure-" + GOOD_KEY,
    ],
)
def test_weak_secret_keys_are_refused(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be a random secret"):
        load(monkeypatch, SECRET_KEY=key)


@pytest.mark.parametrize("hosts", ["*", "shopwindow.example, *"])
def test_a_wildcard_host_is_refused(monkeypatch: pytest.MonkeyPatch, hosts: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS must name"):
        load(monkeypatch, ALLOWED_HOSTS=hosts)


def test_trust_proxy_turns_on_the_forwarded_proto_header(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load(monkeypatch, TRUST_PROXY="true")
    assert settings["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_a_replica_url_adds_the_replica_and_its_router(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load(monkeypatch, DATABASE_REPLICA_URL="postgres://app@replica.example/shopwindow")
    assert settings["DATABASES"]["replica"]["HOST"] == "replica.example"
    assert settings["DATABASE_ROUTERS"] == ["shopwindow.core.db_router.ReplicaRouter"]
