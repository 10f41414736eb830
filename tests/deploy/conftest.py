"""The deployment test runs on its own (`make test-deploy`, run by .ci/run), not in `make test`:
it needs root-free PostgreSQL admin access, nginx, redis-server, openssl, pg_dump and Chromium,
and it takes a few minutes.  pyproject.toml keeps `tests/deploy` out of a plain `pytest` run."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.deploy)
