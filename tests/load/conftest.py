"""The real app under gunicorn, on a fresh database of the test run's kind.

The load tests need a server of several processes sharing one database, as in a
school, so they start gunicorn itself (not a thread in the test process) on a
free loopback port, on a database of their own: a new SQLite file, or a new
schema of the PostgreSQL database in SOURCEWISE_TEST_DATABASE.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import PROJECT_ROOT, QUESTIONS_DIR, _postgres_schema_url, make_config

GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 4
START_TIMEOUT_SECONDS = 30
# Lines of gunicorn's error log (and the app's logger, which writes there too) that mean a
# request failed on the server or a worker died, whatever status the client saw.
LOG_PROBLEMS = re.compile(
    r"Traceback|\[ERROR\]|\[CRITICAL\]|WORKER TIMEOUT|was sent SIGKILL|database is locked|OperationalError"
)


@pytest.fixture
def load_database_url(tmp_path: Path) -> Iterator[str]:
    """A database for this test alone, migrated from empty like a new install."""
    from flask_migrate import upgrade

    from app import create_app

    base_url = os.environ.get("SOURCEWISE_TEST_DATABASE", "")
    schema = ""
    if base_url:
        schema = f"load_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base_url)
        try:
            with admin.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        except Exception as exc:  # noqa: BLE001 - PostgreSQL was asked for: fail, never skip
            pytest.fail(f"PostgreSQL was asked for ({base_url}) but cannot be used: {exc}")
        url = _postgres_schema_url(base_url, schema)
    else:
        url = f"sqlite:///{tmp_path / 'load.db'}"

    app = create_app(make_config(url, tmp_path / "migrate"))
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()
    try:
        yield url
    finally:
        if schema:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()


@dataclass
class GunicornServer:
    process: subprocess.Popen[bytes]
    host: str
    port: int
    access_log: Path
    error_log: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        """Graceful stop (SIGTERM to the master, which stops its workers), then wait."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log_problems(self) -> list[str]:
        return [line for line in self.error_log.read_text().splitlines() if LOG_PROBLEMS.search(line)]


def _wait_for_listening(process: subprocess.Popen[bytes], error_log: Path) -> int:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        log = error_log.read_text()
        match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log)
        if match and log.count("Booting worker") >= WORKERS:
            return int(match.group(1))
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log}")
        time.sleep(0.1)
    pytest.fail(f"gunicorn did not start in {START_TIMEOUT_SECONDS} s:\n{error_log.read_text()}")


def _wait_until_serving(url: str, error_log: Path) -> None:
    """Every worker imports the app after booting: wait until one answers a real page."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/join", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn does not serve /join:\n{error_log.read_text()}")


@pytest.fixture
def gunicorn_server(load_database_url: str, tmp_path: Path) -> Iterator[GunicornServer]:
    """gunicorn with 4 workers (threads as gunicorn.conf.py says) on the load test's database.

    Port 0 lets the kernel pick a free port (no race with other tests); gunicorn logs it.
    The control socket is off so several gunicorns (other test runs, benchmarks) can run at once.
    """
    env = dict(os.environ)
    env.update(
        DATABASE_URL=load_database_url,
        SECRET_KEY=secrets.token_hex(32),
        SOURCEWISE_ENV="development",
        SOURCEWISE_INSTANCE=str(tmp_path / "instance"),
        SOURCEWISE_QUESTIONS=str(QUESTIONS_DIR),
        # 200 students join from one address in a few seconds; limits are tested elsewhere.
        RATELIMIT_ENABLED="0",
    )
    access_log = tmp_path / "gunicorn-access.log"
    error_log = tmp_path / "gunicorn-error.log"
    command = [str(GUNICORN), "-c", "gunicorn.conf.py", "-w", str(WORKERS), "-b", "127.0.0.1:0",
               "--no-control-socket", "app:create_app()"]  # fmt: skip
    with access_log.open("wb") as stdout, error_log.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=stdout, stderr=stderr)
    server = GunicornServer(process, "127.0.0.1", 0, access_log, error_log)
    try:
        server.port = _wait_for_listening(process, error_log)
        _wait_until_serving(server.url, error_log)
        yield server
    finally:
        server.stop()
