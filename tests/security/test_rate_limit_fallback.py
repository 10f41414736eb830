"""Redis down: login and join keep working with per-process limits and a logged warning, and the
shared counts come back when Redis does (Flask-Limiter's in-memory fallback)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from app.extensions import limiter
from tests.conftest import make_config
from tests.factories import make_class, make_teacher

PAIR_LIMIT = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def redis_port() -> int:
    return free_port()


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path, redis_port: int) -> dict[str, Any]:
    return make_config(
        migrated_database,
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{redis_port}/0",  # nothing listens there (yet)
        RATELIMIT_STORAGE_OPTIONS={"socket_connect_timeout": 2, "socket_timeout": 2},
        LOGIN_ACCOUNT_ADDRESS_LIMIT=f"{PAIR_LIMIT} per minute",
    )


@pytest.fixture
def fresh_limiter() -> Iterator[None]:
    # The limiter is one object for every app of the test session: leave it as it was found.
    yield
    limiter._storage_dead = False


def _redis_cli(port: int, *command: str) -> str:
    result = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", str(port), *command],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return result.stdout.strip()


def test_login_and_join_survive_redis_being_down_and_recover(
    app: Flask, redis_port: int, fresh_limiter: None, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    assert shutil.which("redis-server"), "redis-server is needed (Debian package redis-server)"
    with app.app_context():
        teacher = make_teacher()
        email, code = teacher.email, make_class(teacher).join_code
    client = app.test_client()
    statuses = [
        client.post("/login", data={"email": email, "password": "wrong password"}).status_code
        for _ in range(PAIR_LIMIT + 2)
    ]
    # Wrong passwords still get the form back, and the limit still holds, counted in this process.
    assert statuses == [200] * PAIR_LIMIT + [429, 429]
    assert "Rate limit storage unreachable" in caplog.text
    joined = app.test_client().post("/join", data={"class_code": code, "display_name": "Ada"})
    assert joined.status_code == 302

    server = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1"]
        + ["--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while _redis_cli(redis_port, "ping") != "PONG":
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.2)
        # The limiter looks for its storage again now and then (backing off): within a minute the
        # counts are in Redis again.
        deadline = time.monotonic() + 90
        other = app.test_client()
        while _redis_cli(redis_port, "dbsize") in ("", "0"):
            assert time.monotonic() < deadline, "the rate limits never went back to Redis"
            other.post("/login", data={"email": "someone@school.example", "password": "wrong password"})
            time.sleep(0.5)
        assert not limiter._storage_dead
    finally:
        server.terminate()
        server.wait(timeout=30)
