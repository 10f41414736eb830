"""Browser tests: the real app served on a free localhost port, driven by real Chromium.

Chromium comes from the system (/usr/bin/chromium, `apt-get install chromium`); Playwright never
downloads a browser here.  Where Chromium is missing these tests skip with a message, unless
SOURCEWISE_REQUIRE_E2E=1 (CI sets it): then they fail.

Fixtures for the tests: ``live_app`` / ``live_server`` (module scope: one user journey per
module), ``browser`` (one Chromium per module), ``new_visitor`` (a fresh browser context, as a
new device would be, that records console errors, uncaught exceptions and server errors),
``axe_check`` (axe-core, failing on serious or critical violations) and ``screenshot``.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# Long enough for a slow CI machine, short enough that a broken page fails fast instead of hanging.
ACTION_TIMEOUT_MS = 10_000
# axe-core impacts that fail a test; "minor" and "moderate" ones are saved with the results only.
FAILING_IMPACTS = ("serious", "critical")


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
        self._server.server_close()
        self._thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_app(migrated_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """An app with the sample articles imported, on the session's migrated database, CSRF on."""
    from tests.conftest import _empty_all_tables, make_config

    config: dict[str, Any] = make_config(
        migrated_database, tmp_path_factory.mktemp("e2e"), WTF_CSRF_ENABLED=True, TESTING=False
    )
    app = create_app(config)
    # Each module starts from empty tables, whatever ran before it.
    _empty_all_tables(app)
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


@dataclass
class Visitor:
    """One browser context (a device with its own cookies) and its page.

    ``problems`` collects what a person would not see but a developer must: console
    errors (a CSP refusal is one), uncaught script exceptions and server errors (5xx).
    """

    name: str
    context: Any
    page: Any
    problems: list[str] = field(default_factory=list)

    def assert_no_browser_problems(self) -> None:
        problems, self.problems[:] = list(self.problems), []
        assert not problems, f"{self.name}'s browser reported problems:\n" + "\n".join(problems)


def _watch(visitor: Visitor) -> None:
    page = visitor.page

    def on_console(message: Any) -> None:
        if message.type == "error":
            visitor.problems.append(f"console error on {page.url}: {message.text}")

    def on_page_error(error: Any) -> None:
        visitor.problems.append(f"uncaught exception on {page.url}: {error}")

    def on_response(response: Any) -> None:
        if response.status >= 500:
            visitor.problems.append(f"HTTP {response.status} for {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("response", on_response)


@pytest.fixture(scope="module")
def new_visitor(browser: Any, live_server: LiveServer) -> Iterator[Callable[..., Visitor]]:
    """A factory of fresh browser contexts on the live server; all are closed after the module."""
    visitors: list[Visitor] = []

    def make(name: str, *, viewport: dict[str, int] | None = None, javascript: bool = True) -> Visitor:
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport or DESKTOP,
            java_script_enabled=javascript,
            locale="en-GB",
            timezone_id="UTC",
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        visitor = Visitor(name, context, context.new_page())
        _watch(visitor)
        visitors.append(visitor)
        return visitor

    yield make
    for visitor in visitors:
        visitor.context.close()


def _describe_violation(violation: dict[str, Any]) -> str:
    targets = [" ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])]
    shown = "; ".join(targets[:5]) + (f"; … {len(targets) - 5} more" if len(targets) > 5 else "")
    return f"  - {violation['id']} ({violation['impact']}): {violation['help']}\n      at {shown}"


@pytest.fixture(scope="module")
def axe_check() -> Callable[[Any, str], list[dict[str, Any]]]:
    """Run axe-core on a page; fail on any serious or critical violation, listing id, impact and targets.

    axe is injected with page.evaluate (a DevTools call, which the page's CSP does not
    govern), so the app's strict CSP stays on during the check.  Every result is saved
    as artifacts/axe-NAME.json for a reviewer, the minor and moderate ones too.
    """
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page: Any, name: str) -> list[dict[str, Any]]:
        results = axe.run(page)
        violations: list[dict[str, Any]] = results.response["violations"]
        # A page where no rule passed means axe did not really run (not injected, empty page).
        assert results.response.get("passes"), f"axe-core checked nothing on {name} ({page.url})"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        summary = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "targets": [node.get("target") for node in v["nodes"]],
            }
            for v in violations
        ]
        (ARTIFACTS / f"axe-{name}.json").write_text(
            json.dumps({"url": page.url, "violations": summary}, indent=2)
        )
        failing = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
        if failing:
            pytest.fail(
                f"axe-core found {len(failing)} serious or critical accessibility violation(s) on "
                f"{name} ({page.url}):\n" + "\n".join(_describe_violation(v) for v in failing)
            )
        return violations

    return check


@pytest.fixture(scope="module")
def screenshot() -> Callable[..., Path]:
    """Save a full-page PNG under tests/e2e/artifacts/ (gitignored) for a reviewer to look at."""

    def save(page: Any, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0, f"the screenshot {path} is empty"
        return path

    return save


# The first few elements that stick out past the window's right edge, to say what to fix.
_TOO_WIDE_JS = """
Array.from(document.querySelectorAll("body *"))
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 5)
  .map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "")
             + " (" + Math.round(el.getBoundingClientRect().right) + " px)")
"""


def scrolls_sideways(page: Any) -> bool:
    """True when the page is wider than the window, so a phone user would have to scroll sideways."""
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"))


@pytest.fixture(scope="module")
def assert_fits_phone(screenshot: Callable[..., Path]) -> Callable[..., None]:
    """Show the page at 360 x 740 (a small phone), check it does not scroll sideways, screenshot it,
    and give the page back its former size."""

    def check(page: Any, name: str) -> None:
        before = page.viewport_size
        page.set_viewport_size(PHONE)
        try:
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert not scrolls_sideways(page), (
                f"{name} ({page.url}) scrolls sideways at 360 px: the document is {width[0]} px wide "
                f"in a {width[1]} px window; too wide: {page.evaluate(_TOO_WIDE_JS)}"
            )
            screenshot(page, f"{name}-360px")
        finally:
            page.set_viewport_size(before)

    return check
