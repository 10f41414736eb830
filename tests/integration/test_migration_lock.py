"""Two hosts running their first `db upgrade` at the same time on PostgreSQL: one waits for the
other under an advisory lock (migrations/env.py), and both succeed.

PostgreSQL is needed whatever database the rest of the suite uses: the test fails, never skips,
without it.  SOURCEWISE_TEST_DATABASE (or SOURCEWISE_TEST_POSTGRES) names the server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from tests.conftest import PROJECT_ROOT, _postgres_schema_url

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
MIGRATION_LOCK_KEY = 74_110_315  # migrations/env.py


def _postgres_base() -> str:
    configured = os.environ.get("SOURCEWISE_TEST_DATABASE", "")
    if configured.startswith("postgresql"):
        return configured
    return os.environ.get("SOURCEWISE_TEST_POSTGRES", DEFAULT_POSTGRES)


@pytest.fixture
def admin() -> Iterator[Engine]:
    engine = create_engine(_postgres_base())
    yield engine
    engine.dispose()


@pytest.fixture
def fresh_schema(admin: Engine) -> Iterator[str]:
    schema = f"lock_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield schema
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


def _upgrade(schema: str, instance: Path) -> subprocess.Popen[str]:
    environ = {
        **os.environ,
        "DATABASE_URL": _postgres_schema_url(_postgres_base(), schema),
        "SOURCEWISE_INSTANCE": str(instance),
        "SECRET_KEY": "test-secret-key-not-for-production-use",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"],
        cwd=PROJECT_ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _waiting_for_the_lock(admin: Engine) -> int:
    with admin.connect() as connection:
        return int(
            connection.scalar(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND classid = 0 AND objid = :key"
                ),
                {"key": MIGRATION_LOCK_KEY},
            )
            or 0
        )


def test_two_first_upgrades_at_once_both_succeed(admin: Engine, fresh_schema: str, tmp_path: Path) -> None:
    # Hold the lock, as a host in the middle of its upgrade would, and start two more hosts.
    with admin.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        holder.commit()
        upgrades = [_upgrade(fresh_schema, tmp_path / f"host{n}") for n in (1, 2)]
        try:
            deadline = time.monotonic() + 120
            while _waiting_for_the_lock(admin) < 2:
                finished = [p.poll() for p in upgrades]
                assert None in finished, "an upgrade ran without waiting for the migration lock"
                assert time.monotonic() < deadline, "the upgrades never asked for the migration lock"
                time.sleep(0.2)
        finally:
            # Both queue on the lock; released, one migrates while the other waits its turn.
            holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            holder.commit()
        outputs = [p.communicate(timeout=180)[0] for p in upgrades]
    for upgrade, output in zip(upgrades, outputs, strict=True):
        assert upgrade.returncode == 0, output
    with admin.connect() as connection:
        versions = connection.scalars(text(f'SELECT version_num FROM "{fresh_schema}".alembic_version')).all()
        tables = connection.scalar(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema = :schema"),
            {"schema": fresh_schema},
        )
    assert len(versions) == 1 and tables and tables > 5


def test_two_upgrades_started_together_both_succeed(admin: Engine, fresh_schema: str, tmp_path: Path) -> None:
    upgrades = [_upgrade(fresh_schema, tmp_path / f"host{n}") for n in (1, 2)]
    outputs = [p.communicate(timeout=180)[0] for p in upgrades]
    for upgrade, output in zip(upgrades, outputs, strict=True):
        assert upgrade.returncode == 0, output
