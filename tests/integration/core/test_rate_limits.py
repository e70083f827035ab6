"""The one rate limiter, on the shared cache: limits hold across processes, sign-ins are limited
per address across accounts, and the API answers 429 with Retry-After per address and per token
(a wrong token counts as a failed sign-in)."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from shopwindow.accounts.models import User
from shopwindow.api.services import create_token
from shopwindow.core import ratelimit
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)


def _limits(**buckets: tuple[int, int]) -> Any:
    return override_settings(ACCOUNTS_RATE_LIMITS={**settings.ACCOUNTS_RATE_LIMITS, **buckets})


def test_counts_are_atomic_increments_in_the_shared_cache() -> None:
    assert cache.add("counter", 1, timeout=60)
    assert not cache.add("counter", 1, timeout=60)  # a second add is refused: it exists
    assert cache.incr("counter") == 2
    assert cache.incr("counter", 5) == 7
    assert cache.get("counter") == 7
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    cache.add("stale", 1, timeout=-1)  # stored already expired
    with pytest.raises(ValueError, match="not found"):
        cache.incr("stale")
    assert cache.add("stale", 5, timeout=60)  # an expired entry can be added again
    assert cache.incr("stale") == 6


def test_hit_refuses_over_the_limit_and_says_how_long_to_wait() -> None:
    with _limits(sign_up=(3, 3600)):
        assert [ratelimit.hit("sign_up", "203.0.113.1") for _ in range(4)] == [1, 1, 1, 0]
        assert ratelimit.hit("sign_up", "203.0.113.2")  # another identity has its own count
        assert ratelimit.exceeded("sign_up", "203.0.113.1")
        assert 1 <= ratelimit.retry_after("sign_up") <= 3600
        with pytest.raises(ratelimit.RateLimited) as raised:
            ratelimit.check("sign_up", "203.0.113.1")
        assert raised.value.retry_after >= 1


# Two processes: each is a separate Python with its own cache connection. -------------------------

COUNTER = """
import django
django.setup()
from shopwindow.core import ratelimit
print(sum(ratelimit.hit("sign_up", "198.51.100.20") for _ in range(12)))
"""


def _shared_database_url(tmp_path: Path) -> str:
    """A database both processes reach: the test database on PostgreSQL, else a SQLite file."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        port = db.get("PORT") or 5432
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        return f"postgres://{db['USER']}{password}@{db['HOST']}:{port}/{db['NAME']}"
    return f"sqlite:///{tmp_path / 'shared.sqlite3'}"


def test_a_limit_holds_across_two_processes(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shopwindow.settings.test",
        "DATABASE_URL": _shared_database_url(tmp_path),
        "RATE_LIMIT_SIGN_UPS_PER_HOUR": "7",
        "PYTHONPATH": str(BASE_DIR),
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "createcachetable"], env=env, check=True, cwd=BASE_DIR)
    try:
        # Both processes count at the same time, 12 attempts each, against one limit of 7.
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", COUNTER],
                env=env,
                cwd=BASE_DIR,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        allowed = [int(p.communicate(timeout=120)[0].strip()) for p in processes]
        assert sum(allowed) == 7, allowed
    finally:
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from django.core.cache import cache; cache.clear()",
            ],
            env=env,
            check=True,
            cwd=BASE_DIR,
        )


# Sign-in: per address across accounts. ---------------------------------------------------------


def _sign_in(email: str, password: str, ip: str) -> Any:
    return Client().post("/sign-in/", {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_one_address_cannot_try_many_accounts() -> None:
    people = [UserFactory.create() for _ in range(4)]
    with _limits(sign_in_failure=(6, 3600)):
        for person in people:  # two tries on each account: below axes' 5 per account
            for attempt in range(2):
                _sign_in(person.email, f"wrong-{attempt}", "203.0.113.40")
        # Six failures from the address: even the right password for a fresh account is refused.
        fresh = User.objects.create_user(email="fresh@example.org", password=TEST_PASSWORD)
        refused = _sign_in(fresh.email, TEST_PASSWORD, "203.0.113.40")
        assert refused.status_code == 429
        assert 1 <= int(refused["Retry-After"]) <= 3600
        assert "too many unsuccessful attempts to sign in from your network" in (
            refused.content.decode()
        )
        # Another address is not affected.
        assert _sign_in(fresh.email, TEST_PASSWORD, "198.51.100.41").status_code == 302


# The API. ---------------------------------------------------------------------------------------


def test_wrong_tokens_count_as_failed_sign_ins_and_end_in_429() -> None:
    with _limits(sign_in_failure=(5, 3600)):
        bad: dict[str, Any] = {
            "HTTP_AUTHORIZATION": "Bearer not-a-token",
            "REMOTE_ADDR": "203.0.113.50",
        }
        codes = [Client().get("/api/v1/plans", **bad).status_code for _ in range(7)]
        assert codes == [401] * 5 + [429] * 2
        response = Client().get("/api/v1/plans", **bad)
        assert response.status_code == 429
        assert int(response["Retry-After"]) >= 1
        assert "Too many failed sign-ins" in response.json()["detail"]
        # The same address cannot sign in on the web either.
        person = UserFactory.create()
        assert _sign_in(person.email, TEST_PASSWORD, "203.0.113.50").status_code == 429


def test_api_requests_are_limited_per_address() -> None:
    with _limits(api_address=(3, 60)):
        client = Client(REMOTE_ADDR="203.0.113.60")
        codes = [client.get("/api/v1/authorities").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        response = client.get("/api/v1/authorities")
        assert response["Content-Type"].startswith("application/json")
        assert 1 <= int(response["Retry-After"]) <= 60
        assert response.json()["detail"].startswith("Too many requests from this address")
        assert Client(REMOTE_ADDR="203.0.113.61").get("/api/v1/authorities").status_code == 200


def test_api_requests_are_limited_per_token() -> None:
    person = UserFactory.create()
    _, value = create_token(user=person, name="test")
    with _limits(api_token=(2, 60)):
        codes = [
            Client(REMOTE_ADDR=f"203.0.113.{70 + n}")  # a new address each time: still one token
            .get("/api/v1/plans", HTTP_AUTHORIZATION=f"Bearer {value}")
            .status_code
            for n in range(3)
        ]
        assert codes == [200, 200, 429]
