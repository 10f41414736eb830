"""Rate limits: guessing join, rejoin codes and passwords is slowed down per client address,
behind a reverse proxy too (SOURCEWISE_PROXY_HOPS), and several workers share one count
through Redis.

The Redis test always runs: when Redis cannot be reached it fails, it never skips.
Set SOURCEWISE_TEST_REDIS to use another server than redis://127.0.0.1:6379/14.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from app import create_app
from app.config import Config, ConfigError
from tests.conftest import make_config
from tests.factories import PASSWORD, make_class, make_student, make_teacher

REDIS_URL = os.environ.get("SOURCEWISE_TEST_REDIS", "redis://127.0.0.1:6379/14")
WORKER = Path(__file__).with_name("limit_worker.py")
LOGIN_LIMIT = 10  # per minute, app/auth/routes.py
WRONG_CODE_LIMIT = 60  # wrong class or rejoin codes per address per 10 minutes (config JOIN_WRONG_CODE_LIMIT)


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path) -> dict[str, Any]:
    return make_config(migrated_database, tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")


@pytest.fixture
def codes(app: Flask) -> dict[str, str]:
    with app.app_context():
        student = make_student(make_class())
        return {
            "class_code": student.school_class.join_code,
            "rejoin_code": student.rejoin_code,
            "email": student.school_class.teacher.email,
        }


def from_address(address: str) -> dict[str, Any]:
    return {"environ_base": {"REMOTE_ADDR": address}}


def wrong_code(code: str) -> str:
    """A well-formed code that is not ``code``."""
    return "".join("X" if char != "X" else "Y" for char in code)


def test_guessing_rejoin_codes_is_rate_limited(app: Flask, codes: dict[str, str]) -> None:
    client = app.test_client()
    guesser = from_address("198.51.100.1")
    guess = {"class_code": codes["class_code"], "rejoin_code": wrong_code(codes["rejoin_code"])}
    statuses = [client.post("/rejoin", data=guess, **guesser).status_code for _ in range(WRONG_CODE_LIMIT)]
    assert statuses == [422] * WRONG_CODE_LIMIT
    response = client.post("/rejoin", data=guess, **guesser)
    assert response.status_code == 429
    assert "Too many tries" in response.get_data(as_text=True)
    # Even the right code waits now: a guesser cannot tell a hit from the limit.
    right = {"class_code": codes["class_code"], "rejoin_code": codes["rejoin_code"]}
    assert client.post("/rejoin", data=right, **guesser).status_code == 429
    # Another address (another student's computer) is not held up.
    assert app.test_client().post("/rejoin", data=right, **from_address("198.51.100.2")).status_code == 302


def test_guessing_join_codes_is_rate_limited(app: Flask, codes: dict[str, str]) -> None:
    client = app.test_client()
    guesser = from_address("198.51.100.3")
    guess = {"class_code": wrong_code(codes["class_code"]), "display_name": "Mallory"}
    statuses = [client.post("/join", data=guess, **guesser).status_code for _ in range(WRONG_CODE_LIMIT)]
    assert statuses == [422] * WRONG_CODE_LIMIT
    assert client.post("/join", data=guess, **guesser).status_code == 429
    right = {"class_code": codes["class_code"], "display_name": "Ada"}
    assert app.test_client().post("/join", data=right, **from_address("198.51.100.4")).status_code == 302


def test_a_class_of_60_joins_from_one_school_address(app: Flask, codes: dict[str, str]) -> None:
    """Sixty students behind one school address join in a minute; their typos do not lock the rest out."""
    school = from_address("198.51.100.6")
    for number in range(60):
        client = app.test_client()
        if number % 10 == 0:  # a few mistype the code first
            typo = client.post(
                "/join", data={"class_code": wrong_code(codes["class_code"]), "display_name": "X"}, **school
            )
            assert typo.status_code == 422
        joined = client.post(
            "/join", data={"class_code": codes["class_code"], "display_name": f"Pupil {number}"}, **school
        )
        assert joined.status_code == 302, (number, joined.status_code)
    # Wrong codes are still counted: the guesser behind the same address is stopped after 60 of them.
    guess = {"class_code": wrong_code(codes["class_code"]), "display_name": "Mallory"}
    statuses = [app.test_client().post("/join", data=guess, **school).status_code for _ in range(60 - 6)]
    assert statuses == [422] * (60 - 6)
    refused = app.test_client().post("/join", data=guess, **school)
    assert refused.status_code == 429
    assert 'value="Mallory"' in refused.get_data(as_text=True)  # what was typed is kept


def test_guessing_passwords_is_rate_limited(app: Flask, codes: dict[str, str]) -> None:
    client = app.test_client()
    guesser = from_address("198.51.100.5")
    guess = {"email": codes["email"], "password": "wrong password"}
    assert [client.post("/login", data=guess, **guesser).status_code for _ in range(LOGIN_LIMIT)] == [
        200
    ] * LOGIN_LIMIT
    assert client.post("/login", data=guess, **guesser).status_code == 429
    right = {"email": codes["email"], "password": PASSWORD}
    assert client.post("/login", data=right, **guesser).status_code == 429


# --- Behind a reverse proxy ------------------------------------------------------------------

PROXY = "10.0.0.1"  # the address the app sees for every request from the proxy


def proxied(client_address: str, **headers: str) -> dict[str, Any]:
    """A request as the school's proxy passes it on: its own address, the client's in a header."""
    return {"environ_base": {"REMOTE_ADDR": PROXY}, "headers": {"X-Forwarded-For": client_address, **headers}}


def test_proxy_hops_come_from_the_environment() -> None:
    assert Config({}).PROXY_HOPS == 0
    assert Config({"SOURCEWISE_PROXY_HOPS": "1"}).PROXY_HOPS == 1
    for bad in ("one", "-1", "99"):
        with pytest.raises(ConfigError, match="SOURCEWISE_PROXY_HOPS"):
            Config({"SOURCEWISE_PROXY_HOPS": bad})


@pytest.fixture
def proxied_app(app: Flask, app_config: dict[str, Any]) -> Flask:
    """The same database as ``app``, served behind one proxy."""
    return create_app(app_config | {"PROXY_HOPS": 1})


def test_behind_a_proxy_each_client_has_its_own_limit(proxied_app: Flask, codes: dict[str, str]) -> None:
    client = proxied_app.test_client()
    guess = {"email": codes["email"], "password": "wrong password"}
    for _ in range(LOGIN_LIMIT):
        assert client.post("/login", data=guess, **proxied("203.0.113.7")).status_code == 200
    assert client.post("/login", data=guess, **proxied("203.0.113.7")).status_code == 429
    # A client cannot dodge the limit by adding addresses of its own: the proxy appends the real one.
    spoofed = proxied("192.0.2.99, 203.0.113.7")
    assert client.post("/login", data=guess, **spoofed).status_code == 429
    # Another pupil behind the same proxy is not affected.
    right = {"email": codes["email"], "password": PASSWORD}
    assert client.post("/login", data=right, **proxied("203.0.113.8")).status_code == 302


def test_without_proxy_hops_forwarded_headers_are_not_trusted(app: Flask, codes: dict[str, str]) -> None:
    """By default X-Forwarded-For is ignored, so a client cannot pick a new address for each guess."""
    client = app.test_client()
    guess = {"email": codes["email"], "password": "wrong password"}
    for attempt in range(LOGIN_LIMIT):
        assert client.post("/login", data=guess, **proxied(f"203.0.113.{attempt + 20}")).status_code == 200
    assert client.post("/login", data=guess, **proxied("203.0.113.99")).status_code == 429


def test_behind_a_proxy_links_use_the_public_scheme_and_host(
    proxied_app: Flask, app: Flask, codes: dict[str, str]
) -> None:
    client = proxied_app.test_client()
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "quiz.school.example"}
    response = client.post(
        "/login", data={"email": codes["email"], "password": PASSWORD}, **proxied("203.0.113.7", **headers)
    )
    assert response.status_code == 302
    with app.app_context():
        from sqlalchemy import select

        from app.extensions import db
        from app.models import SchoolClass

        class_id = db.session.scalar(select(SchoolClass.id))
    page = client.get(f"/teacher/classes/{class_id}", **proxied("203.0.113.7", **headers))
    assert "https://quiz.school.example/join" in page.get_data(as_text=True)
    # Straight to the app (no proxy in front, none configured): the headers change nothing.
    direct = app.test_client()
    direct.post("/login", data={"email": codes["email"], "password": PASSWORD}, **from_address("203.0.113.9"))
    page = direct.get(f"/teacher/classes/{class_id}", headers=headers)
    assert "https://quiz.school.example" not in page.get_data(as_text=True)


# --- Several workers sharing the count through Redis ------------------------------------------


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix of this run only; its keys are deleted afterwards.  No Redis: the test fails."""
    import redis

    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        connection.ping()
    except redis.RedisError as error:
        pytest.fail(f"the rate-limit test needs Redis at {REDIS_URL} and cannot reach it: {error}")
    prefix = f"sourcewise-test-{uuid.uuid4().hex}"
    yield prefix
    for key in connection.scan_iter(match=f"*{prefix}*"):
        connection.delete(key)
    connection.close()


class Worker:
    def __init__(self, settings: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(settings)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self) -> None:
        line = self._line()
        assert line == "ready", line

    def send_login(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("login\n")
        self.process.stdin.flush()

    def status(self) -> int:
        return int(self._line())

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if not line:
            self.process.kill()
            raise AssertionError(
                f"the worker stopped: {self.process.stderr.read() if self.process.stderr else ''}"
            )
        return line

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def alternate_logins(groups: list[list[Worker]], count: int) -> list[list[tuple[int, int]]]:
    """``count`` wrong logins per group, taking turns between the group's workers.

    The groups run side by side (one request of each at a time) to keep the test quick.
    Returns, per group, (worker index, status) of each request in order.
    """
    results: list[list[tuple[int, int]]] = [[] for _ in groups]
    for index in range(count):
        for group in groups:
            group[index % len(group)].send_login()
        for group, result in zip(groups, results, strict=True):
            result.append((index % len(group), group[index % len(group)].status()))
    return results


def test_workers_share_the_login_limit_through_redis(
    app: Flask, migrated_database: str, tmp_path: Path, redis_prefix: str
) -> None:
    with app.app_context():
        email = make_teacher().email  # /login leads to /setup while there is no teacher
    common = {"database_url": migrated_database, "email": email}
    shared = [
        Worker(common | {"storage": REDIS_URL, "prefix": redis_prefix, "instance": str(tmp_path / f"r{n}")})
        for n in range(2)
    ]
    # The control: the same two workers counting in their own memory do not share anything.
    separate = [
        Worker(common | {"storage": "memory://", "prefix": "", "instance": str(tmp_path / f"m{n}")})
        for n in range(2)
    ]
    try:
        for worker in shared + separate:
            worker.wait_ready()
        results, control = alternate_logins([shared, separate], LOGIN_LIMIT + 2)
        # Each worker saw only 6 of the 12 tries, yet the 11th and 12th are refused, by both workers.
        assert [status for _, status in results] == [200] * LOGIN_LIMIT + [429] * 2
        assert {worker for worker, status in results if status == 429} == {0, 1}
        assert [status for _, status in control] == [200] * (LOGIN_LIMIT + 2)
    finally:
        for worker in shared + separate:
            worker.stop()

    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    assert list(connection.scan_iter(match=f"*{redis_prefix}*")), "no rate-limit keys were written to Redis"
    connection.close()


# --- Login limits per account and per address ----------------------------------------------


def test_guessing_one_account_does_not_lock_out_another_teacher_at_the_same_address(
    app: Flask, codes: dict[str, str]
) -> None:
    with app.app_context():
        colleague = make_teacher().email
    school = from_address("198.51.100.20")
    client = app.test_client()
    guess = {"email": codes["email"], "password": "wrong password"}
    for _ in range(LOGIN_LIMIT):
        assert client.post("/login", data=guess, **school).status_code == 200
    assert client.post("/login", data=guess, **school).status_code == 429
    # The colleague next door, on the same school address, still logs in.
    right = {"email": colleague, "password": PASSWORD}
    assert app.test_client().post("/login", data=right, **school).status_code == 302


def test_guessing_many_accounts_from_one_address_is_stopped(app: Flask, codes: dict[str, str]) -> None:
    client = app.test_client()
    sprayer = from_address("198.51.100.30")
    statuses = [
        client.post(
            "/login", data={"email": f"t{n}@school.example", "password": "Winter2026!"}, **sprayer
        ).status_code
        for n in range(50)
    ]
    assert statuses == [200] * 50
    refused = client.post("/login", data={"email": "t99@school.example", "password": "x" * 12}, **sprayer)
    assert refused.status_code == 429


def test_guessing_one_account_from_many_addresses_is_stopped(app: Flask, codes: dict[str, str]) -> None:
    client = app.test_client()
    guess = {"email": codes["email"], "password": "wrong password"}
    for n in range(50):
        assert client.post("/login", data=guess, **from_address(f"192.0.2.{n + 1}")).status_code == 200
    assert client.post("/login", data=guess, **from_address("192.0.2.200")).status_code == 429


def test_right_passwords_do_not_count_as_guesses(app: Flask, codes: dict[str, str]) -> None:
    school = from_address("198.51.100.40")
    right = {"email": codes["email"], "password": PASSWORD}
    for _ in range(LOGIN_LIMIT + 5):
        assert app.test_client().post("/login", data=right, **school).status_code == 302


def test_trusted_forwarded_headers_from_a_public_address_log_a_warning(
    proxied_app: Flask, codes: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    client = proxied_app.test_client()
    # No proxy in front: a client on the internet sends the header itself.
    client.get("/join", environ_base={"REMOTE_ADDR": "93.184.216.34"}, headers={"X-Forwarded-For": "1.2.3.4"})
    assert "not a proxy on the school's network" in caplog.text
    assert "SOURCEWISE_PROXY_HOPS=0" in caplog.text


def test_forwarded_headers_from_the_schools_proxy_log_nothing(
    proxied_app: Flask, codes: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    proxied_app.test_client().get("/join", **proxied("203.0.113.7"))
    assert "X-Forwarded-For" not in caplog.text
