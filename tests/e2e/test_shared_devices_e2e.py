"""Students' identity in real Chromium: shared computers, 1:1 devices, "Not you?", duplicate names,
and a whole class joining from one school address with the rate limits on.

"The browser closes" is emulated by a new browser context that gets only the persistent cookies of
the old one (those with an expiry): session cookies die with the browser, as they do in Chromium.
"""

from __future__ import annotations

import html
import re
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.cookiejar import CookieJar
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect

from app import create_app
from app.extensions import db
from app.models import SchoolClass
from app.services import accounts, classes
from tests.conftest import QUESTIONS_DIR
from tests.e2e.conftest import ACTION_TIMEOUT_MS, DESKTOP, PHONE, LiveServer, Visitor, scrolls_sideways


@pytest.fixture(scope="module")
def live_app(migrated_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """As tests/e2e/conftest.py's, with the join and rejoin rate limits on, as a school runs it."""
    from tests.conftest import _empty_all_tables, make_config

    config: dict[str, Any] = make_config(
        migrated_database,
        tmp_path_factory.mktemp("e2e-identity"),
        WTF_CSRF_ENABLED=True,
        TESTING=False,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="memory://",
    )
    app = create_app(config)
    _empty_all_tables(app)
    with app.app_context():
        from app.services.content import import_paths

        import_paths([str(QUESTIONS_DIR)])
    yield app
    _empty_all_tables(app)


def make_class_for(app: Flask, name: str, *, one_to_one: bool = False) -> str:
    """A class of a new teacher; returns its join code."""
    with app.app_context():
        teacher = accounts.create_teacher(
            f"{re.sub(r'[^a-z0-9]', '', name.lower())}@school.example", "plum kettle orbit"
        )
        school_class = classes.create_class(teacher, name)
        if one_to_one:
            classes.update_settings(school_class, True, "")
        return school_class.join_code


def join(visitor: Visitor, code: str, name: str) -> None:
    page = visitor.page
    page.goto("/join")
    page.get_by_label("Class code").fill(code)
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Join the class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {name}")


def after_the_browser_closes(browser: Any, live_server: LiveServer, visitor: Visitor) -> Any:
    """The same computer after its browser was closed and opened again: only persistent cookies remain."""
    kept = [cookie for cookie in visitor.context.cookies() if cookie.get("expires", -1) > 0]
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.add_cookies(kept)
    return context


def test_the_next_student_on_a_shared_computer_is_not_signed_in(
    live_app: Flask, live_server: LiveServer, browser: Any, new_visitor: Callable[..., Visitor]
) -> None:
    code = make_class_for(live_app, "Shared computers 9C")
    first = new_visitor("first student")
    join(first, code, "Priya")
    first.page.goto("/quizzes")
    expect(first.page.get_by_text("Signed in as Priya")).to_be_visible()
    assert not [c for c in first.context.cookies() if c["name"] == "remember_token"]

    reopened = after_the_browser_closes(browser, live_server, first)
    try:
        page = reopened.new_page()
        page.goto("/quizzes")
        expect(page).to_have_url(re.compile(r"/join$"))
        expect(page.get_by_text("Signed in as")).to_have_count(0)
        expect(page.get_by_text("Priya")).to_have_count(0)
    finally:
        reopened.close()
    first.assert_no_browser_problems()


def test_with_one_to_one_devices_the_student_stays_signed_in(
    live_app: Flask, live_server: LiveServer, browser: Any, new_visitor: Callable[..., Visitor]
) -> None:
    code = make_class_for(live_app, "Own laptops 9D", one_to_one=True)
    own = new_visitor("student with a laptop")
    join(own, code, "Mateo")
    reopened = after_the_browser_closes(browser, live_server, own)
    try:
        page = reopened.new_page()
        page.goto("/quizzes")
        expect(page).to_have_url(re.compile(r"/quizzes$"))
        expect(page.get_by_text("Signed in as Mateo")).to_be_visible()
    finally:
        reopened.close()
    own.assert_no_browser_problems()


def test_not_you_signs_the_other_student_out_and_my_rejoin_code_shows_the_code(
    live_app: Flask, new_visitor: Callable[..., Visitor], axe_check: Callable[[Any, str], Any]
) -> None:
    code = make_class_for(live_app, "Library computers")
    visitor = new_visitor("shared phone", viewport=PHONE)
    join(visitor, code, "Hana")
    page = visitor.page
    rejoin_code = page.locator(".rejoin-code").inner_text().strip()
    page.goto("/quizzes")
    assert not scrolls_sideways(page), "the header with the signed-in name must fit a 360 px phone"
    page.get_by_role("link", name="My rejoin code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My rejoin code")
    expect(page.locator(".rejoin-code")).to_have_text(rejoin_code)

    page.get_by_role("link", name="Not you?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Not Hana?")
    axe_check(page, "not-you")
    page.get_by_role("button", name="Sign Hana out").click()
    expect(page).to_have_url(re.compile(r"/join$"))
    expect(page.get_by_text("The other student is signed out.")).to_be_visible()
    page.goto("/quizzes")
    expect(page).to_have_url(re.compile(r"/join$"))
    visitor.assert_no_browser_problems()


def test_a_duplicate_name_gets_the_message_and_a_way_on(
    live_app: Flask, new_visitor: Callable[..., Visitor], axe_check: Callable[[Any, str], Any]
) -> None:
    code = make_class_for(live_app, "Year 8 History")
    join(new_visitor("the first Ben"), code, "Ben")
    second = new_visitor("another Ben")
    page = second.page
    page.goto("/join")
    page.get_by_label("Class code").fill(code)
    page.get_by_label("Your name").fill("  BEN ")
    page.get_by_role("button", name="Join the class").click()
    expect(page.get_by_role("heading", name="That name is taken")).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("BEN")
    axe_check(page, "join-name-taken")
    # Chromium logs the page's 422 (a form with a problem) as a console error: that one is expected.
    second.problems[:] = [p for p in second.problems if "status of 422" not in p]
    # "Is that you?" leads to rejoining with the class code filled in.
    rejoin_link = page.get_by_role("link", name="Rejoin with your rejoin code")
    assert rejoin_link.get_attribute("href") == f"/rejoin?class_code={code}"
    # "Someone else": add a surname initial, and the join goes through.
    page.get_by_label("Your name").fill("Ben K.")
    page.get_by_role("button", name="Join the class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Ben K.")
    page.goto(f"/rejoin?class_code={code}")
    expect(page.get_by_label("Class code")).to_have_value(code)
    second.assert_no_browser_problems()


class Device:
    """One student's computer without a browser: a cookie jar, and forms posted with their CSRF token."""

    TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
        )

    def post_form(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        with self.opener.open(self.base_url + path, timeout=10) as page:
            match = self.TOKEN.search(page.read().decode())
        assert match, "no CSRF token on " + path
        data = urllib.parse.urlencode(
            {**fields, "csrf_token": html.unescape(match.group(1) or match.group(2))}
        )
        request = urllib.request.Request(self.base_url + path, data=data.encode(), method="POST")
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_sixty_students_join_one_class_from_one_address_in_a_minute(
    live_app: Flask, live_server: LiveServer
) -> None:
    """All from 127.0.0.1, as a class behind one school network: nobody is refused."""
    code = make_class_for(live_app, "Assembly hall")
    statuses = [
        Device(live_server.url).post_form("/join", {"class_code": code, "display_name": f"Pupil {n}"})[0]
        for n in range(60)
    ]
    assert statuses == [302] * 60
    with live_app.app_context():
        school_class = db.session.query(SchoolClass).filter_by(join_code=code).one()
        assert len([s for s in school_class.students if not s.removed]) == 60
