"""The URL guard: walks every URL the site resolves, including those later apps add.

- Every URL not on the public list (shopwindow/accounts/public_urls.py) sends a signed-out
  visitor to the sign-in page.
- Every URL under /moderation/ refuses a signed-in non-moderator (403) and lets a moderator past
  the guard.
- /admin/ sends visitors to the admin's own sign-in; /api/ is left to the API's token auth and
  is never redirected to the service's sign-in page.

Path parameters are filled with plausible values by name, then by converter. A new parameter
name works without changes; if a generated URL does not resolve back to its own pattern, add a
value to SAMPLE_VALUES.
"""

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern, RoutePattern

from shopwindow.accounts.models import Role
from shopwindow.accounts.public_urls import SELF_GUARDED_PREFIXES, is_public
from tests.factories import UserFactory, otp_login

SIGN_IN = "/sign-in/"

# Plausible values for path parameters, by name (then by converter type, below).
SAMPLE_VALUES = {
    "gss": "E07000044",
    "code": "SHA",
    "token": "not-a-real-token",
    "uidb64": "MQ",
    "id": "1",
    "pk": "1",
    "slug": "example",
}
BY_CONVERTER = {"int": "1", "str": "example", "slug": "example", "path": "example/path"}
UUID_SAMPLE = str(uuid.UUID(int=1))

ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Url:
    path: str
    name: str


def _value(name: str, converter: str) -> str:
    if name in SAMPLE_VALUES:
        return SAMPLE_VALUES[name]
    if converter == "uuid":
        return UUID_SAMPLE
    return BY_CONVERTER.get(converter, "1" if name.endswith("_id") else "example")


def _fill(pattern: RoutePattern | RegexPattern | object) -> str:
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route)  # type: ignore[attr-defined]
        return ROUTE_PARAM.sub(lambda m: _value(m["name"], m["converter"] or "str"), route)
    if isinstance(pattern, RegexPattern):
        regex = str(pattern._regex)  # type: ignore[attr-defined]
        filled = REGEX_GROUP.sub(lambda m: _value(m["name"], "str"), regex)
        return filled.lstrip("^").rstrip("$").replace("\\", "").replace("\\Z", "")
    raise TypeError(f"Unknown URL pattern type {type(pattern)!r}")


def _walk(patterns: list[URLPattern | URLResolver], prefix: str, names: str) -> Iterator[Url]:
    for entry in patterns:
        part = _fill(entry.pattern)
        if isinstance(entry, URLResolver):
            namespace = f"{names}{entry.namespace}:" if entry.namespace else names
            yield from _walk(entry.url_patterns, prefix + part, namespace)
        else:
            yield Url("/" + prefix + part, f"{names}{entry.name or '(unnamed)'}")


def all_urls() -> list[Url]:
    seen: dict[str, Url] = {}
    for url in _walk(get_resolver().url_patterns, "", ""):
        seen.setdefault(url.path, url)
    return sorted(seen.values(), key=lambda u: u.path)


def _guarded(urls: list[Url]) -> list[Url]:
    return [u for u in urls if not u.path.startswith(SELF_GUARDED_PREFIXES)]


URLS = all_urls()
SITE_URLS = _guarded(URLS)
PRIVATE_URLS = [u for u in SITE_URLS if not is_public(resolve(u.path), u.path)]
PUBLIC_URLS = [u for u in SITE_URLS if u not in PRIVATE_URLS]
MODERATION_URLS = [u for u in SITE_URLS if u.path.startswith("/moderation/")]


def test_the_walk_finds_the_site() -> None:
    paths = {u.path for u in URLS}
    assert {"/", "/sign-in/", "/account/", "/moderation/audit-log/"} <= paths
    assert "/moderation/memberships/1/" in paths
    assert MODERATION_URLS
    assert PRIVATE_URLS
    assert PUBLIC_URLS


@pytest.mark.parametrize("url", SITE_URLS, ids=lambda u: u.path)
def test_every_generated_url_resolves_to_its_own_pattern(url: Url) -> None:
    try:
        match = resolve(url.path)
    except Resolver404:  # pragma: no cover - a message for whoever adds a parameter
        pytest.fail(f"{url.path} ({url.name}) does not resolve: add a value to SAMPLE_VALUES")
    if url.name.endswith("(unnamed)"):
        return
    assert match.view_name == url.name, f"{url.path} resolved to {match.view_name}"


@pytest.mark.parametrize("url", PRIVATE_URLS, ids=lambda u: u.path)
def test_private_urls_send_visitors_to_sign_in(db: None, url: Url) -> None:
    for method in ("get", "post"):
        response = getattr(Client(), method)(url.path)
        assert response.status_code == 302, f"{method.upper()} {url.path}: {response.status_code}"
        location = response["Location"]
        assert location.startswith(f"{SIGN_IN}?next="), f"{url.path} -> {location}"


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda u: u.path)
def test_public_urls_open_without_signing_in(db: None, url: Url) -> None:
    response = Client(raise_request_exception=False).get(url.path)
    assert response.status_code < 500, f"{url.path}: {response.status_code}"
    if response.status_code in {301, 302}:
        assert not response["Location"].startswith(SIGN_IN)


@pytest.mark.parametrize("url", MODERATION_URLS, ids=lambda u: u.path)
def test_moderation_urls_refuse_non_moderators(db: None, url: Url) -> None:
    assert url in PRIVATE_URLS, f"{url.path} is under /moderation/ but on the public list"
    for role_user in (
        UserFactory.create(),
        UserFactory.create(role=Role.MEMBER, email_confirmed_at=None),
    ):
        client = Client()
        otp_login(client, role_user)
        for method in ("get", "post"):
            response = getattr(client, method)(url.path)
            assert response.status_code == 403, (
                f"{method.upper()} {url.path}: {response.status_code}"
            )


@pytest.mark.parametrize("url", MODERATION_URLS, ids=lambda u: u.path)
def test_moderators_get_past_the_guard(db: None, url: Url) -> None:
    client = Client(raise_request_exception=False)
    otp_login(client, UserFactory.create(role=Role.MODERATOR))
    status = client.get(url.path).status_code
    # 404 is fine: the sample id may not exist. What matters is no sign-in, no 403, no 500.
    assert status in {200, 302, 404, 405}, f"{url.path}: {status}"


def test_admin_sends_visitors_to_its_own_sign_in(db: None) -> None:
    response = Client().get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_api_is_not_sent_to_the_service_sign_in(db: None) -> None:
    api_urls = [u for u in URLS if u.path.startswith("/api/")]
    assert api_urls
    for url in api_urls:
        response = Client(raise_request_exception=False).get(url.path)
        location = response.get("Location", "")
        assert not location.startswith(SIGN_IN), f"{url.path} redirected to sign-in"


def _all_url_names() -> set[str]:
    return {url.name for url in all_urls()}


def test_every_public_url_name_exists() -> None:
    """A name on the public list that no URL has is a typo, or a page that has gone."""
    from shopwindow.accounts.public_urls import PUBLIC_NAMESPACES, PUBLIC_URL_NAMES

    names = _all_url_names()
    assert sorted(PUBLIC_URL_NAMES - names) == []
    namespaces = {name.split(":")[0] for name in names if ":" in name}
    assert sorted(PUBLIC_NAMESPACES - namespaces) == []
