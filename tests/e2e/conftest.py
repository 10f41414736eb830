"""Browser tests: the real app served on a free localhost port, driven by real Chromium.

Chromium comes from the system (/usr/bin/chromium, `apt-get install chromium`); Playwright never
downloads a browser here.  Where Chromium is missing these tests skip with a message, unless
SOURCEWISE_REQUIRE_E2E=1 (CI sets it): then they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from app import create_app
from tests.conftest import QUESTIONS_DIR

CHROMIUM = os.environ.get("SOURCEWISE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def _require_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    message = (
        f"Chromium not found at {CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) "
        "or set SOURCEWISE_CHROMIUM to its path"
    )
    if os.environ.get("SOURCEWISE_REQUIRE_E2E") == "1":
        pytest.fail(message + " (SOURCEWISE_REQUIRE_E2E=1, so browser tests may not skip)")
    pytest.skip(message)


class LiveServer:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_app(migrated_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """An app with the sample articles imported, on the session's migrated database."""
    from tests.conftest import _empty_all_tables, make_config

    config: dict[str, Any] = make_config(
        migrated_database, tmp_path_factory.mktemp("e2e"), WTF_CSRF_ENABLED=True, TESTING=False
    )
    app = create_app(config)
    with app.app_context():
        from app.services.content import import_paths

        import_paths([str(QUESTIONS_DIR)])
    yield app
    _empty_all_tables(app)


@pytest.fixture(scope="module")
def live_server(live_app: Flask) -> Iterator[LiveServer]:
    server = LiveServer(live_app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
