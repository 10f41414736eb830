"""Fixtures of the security suite: a world built once per module.

Building a world is slow on purpose (teachers' password hashes), so a module builds
one (``shared_world``) and a test that changes it starts from ``restored_world``, the
same rows put back.  A module using these must not use the per-test ``app`` fixture,
which empties every table after each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from tests.conftest import _empty_all_tables, make_config
from tests.security.support import (
    Snapshot,
    World,
    build_world,
    clients_for,
    copy_client,
    restore_snapshot,
    take_snapshot,
)


@pytest.fixture(scope="module")
def shared_overrides() -> dict[str, Any]:
    """Settings of the module's ``shared_app``; override in a module (e.g. CSRF on)."""
    return {}


@pytest.fixture(scope="module")
def shared_app(
    migrated_database: str, tmp_path_factory: pytest.TempPathFactory, shared_overrides: dict[str, Any]
) -> Iterator[Flask]:
    """An app whose rows live for a whole module (emptied at the module's end)."""
    instance: Path = tmp_path_factory.mktemp("shared")
    application = create_app(make_config(migrated_database, instance, **shared_overrides))
    yield application
    _empty_all_tables(application)


@pytest.fixture(scope="module")
def shared_world(shared_app: Flask) -> World:
    with shared_app.app_context():
        return build_world()


@pytest.fixture(scope="module")
def shared_snapshot(shared_app: Flask, shared_world: World) -> Snapshot:
    with shared_app.app_context():
        return take_snapshot()


@pytest.fixture(scope="module")
def signed_in(shared_app: Flask, shared_world: World, shared_snapshot: Snapshot) -> dict[str, FlaskClient]:
    """One signed-in client per kind of visitor; copy them (``copy_client``) before changing sessions."""
    with shared_app.app_context():  # a test before this one may have changed the world
        restore_snapshot(shared_snapshot)
    return clients_for(shared_app, shared_world, with_csrf=bool(shared_app.config.get("WTF_CSRF_ENABLED")))


@pytest.fixture
def restored_world(shared_app: Flask, shared_world: World, shared_snapshot: Snapshot) -> World:
    """The module's world exactly as built, for a test that changes it."""
    with shared_app.app_context():
        restore_snapshot(shared_snapshot)
    return shared_world


@pytest.fixture
def fresh_clients(
    shared_app: Flask, signed_in: dict[str, FlaskClient], restored_world: World
) -> dict[str, FlaskClient]:
    """Signed-in clients for ``restored_world`` whose sessions this test may change."""
    return {role: copy_client(shared_app, client) for role, client in signed_in.items()}
