"""Shared pieces of the security suite: a world of two teachers and their classes, the six
kinds of visitor, plausible forms for every POST route, and checks on HTML and headers.

The world is made through the services (tests/factories.py), inside an app context.
It keeps only ids and codes, never ORM objects, so it stays valid across requests.
"""

from __future__ import annotations

import io
import itertools
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text
from werkzeug.test import TestResponse

from app.extensions import db
from app.models import ATTEMPTS_UNLIMITED, Student
from app.services import quizzes
from tests.factories import (
    PASSWORD,
    SAMPLE_ARTICLE,
    import_sample,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
)

# --- Who asks --------------------------------------------------------------------------------

ANONYMOUS = "anonymous"
STUDENT = "student"  # in the class; owns the attempts the URLs name
CLASSMATE = "classmate"  # another student of the same class
OUTSIDER = "outsider"  # a student of the other teacher's class
TEACHER = "teacher"  # the class's teacher
OTHER_TEACHER = "other_teacher"
# Refused visitors come first: a POST that succeeds (archive, remove, reset a code) may
# change what the visitors after it would see.
ROLES = (ANONYMOUS, OUTSIDER, CLASSMATE, OTHER_TEACHER, STUDENT, TEACHER)

NEW_PASSWORD = "a different horse battery"

# Unique words, so a page that leaks another teacher's class or another student's name
# is caught by a plain substring test.
CLASS_NAME = "Alpha Zqx Class"
OTHER_CLASS_NAME = "Bravo Wvy Class"
STUDENT_NAME = "Ada Zqxowner"
CLASSMATE_NAME = "Ben Zqxmate"
OUTSIDER_NAME = "Cy Wvyout"


@dataclass(frozen=True)
class World:
    teacher_id: int
    teacher_email: str
    other_teacher_id: int
    other_teacher_email: str
    class_id: int
    class_code: str
    other_class_id: int
    other_class_code: str
    student_id: int
    student_rejoin: str
    classmate_id: int
    classmate_rejoin: str
    outsider_id: int
    outsider_rejoin: str
    version_id: int
    assignment_id: int  # practice, unlimited attempts, in the teacher's class
    other_assignment_id: int  # in the other teacher's class
    open_attempt_id: int  # the student's, question 1 answered
    finished_attempt_id: int  # the student's, submitted
    outsider_attempt_id: int  # the outsider's, in the other class
    extension_id: int  # the classmate's extension on assignment_id


def _answer_everything(attempt_id: int) -> None:
    from app.models import Attempt

    attempt = db.session.get(Attempt, attempt_id)
    assert attempt is not None
    for position in range(len(attempt.assignment.quiz.questions)):
        quizzes.record_answer(attempt, position, ["0"])


def build_world() -> World:
    """Two teachers, a class each, three students, the sample article assigned, attempts."""
    teacher = make_teacher()
    other_teacher = make_teacher()
    school_class = make_class(teacher, CLASS_NAME)
    other_class = make_class(other_teacher, OTHER_CLASS_NAME)
    student = make_student(school_class, STUDENT_NAME)
    classmate = make_student(school_class, CLASSMATE_NAME)
    outsider = make_student(other_class, OUTSIDER_NAME)
    version = import_sample()
    assignment = make_assignment(school_class, version, attempts_policy=ATTEMPTS_UNLIMITED)
    other_assignment = make_assignment(other_class, version)

    finished = quizzes.start_attempt(student, assignment)
    _answer_everything(finished.id)
    quizzes.submit_attempt(finished)
    opened = quizzes.start_attempt(student, assignment)
    quizzes.record_answer(opened, 0, ["0"])
    outsider_attempt = quizzes.start_attempt(outsider, other_assignment)
    _answer_everything(outsider_attempt.id)
    quizzes.submit_attempt(outsider_attempt)
    extension = quizzes.set_extension(
        assignment, classmate, due_at=datetime(2099, 1, 1, 9, 0, tzinfo=UTC), extra_attempts=0
    )

    return World(
        teacher_id=teacher.id,
        teacher_email=teacher.email,
        other_teacher_id=other_teacher.id,
        other_teacher_email=other_teacher.email,
        class_id=school_class.id,
        class_code=school_class.join_code,
        other_class_id=other_class.id,
        other_class_code=other_class.join_code,
        student_id=student.id,
        student_rejoin=student.rejoin_code,
        classmate_id=classmate.id,
        classmate_rejoin=classmate.rejoin_code,
        outsider_id=outsider.id,
        outsider_rejoin=outsider.rejoin_code,
        version_id=version.id,
        assignment_id=assignment.id,
        other_assignment_id=other_assignment.id,
        open_attempt_id=opened.id,
        finished_attempt_id=finished.id,
        outsider_attempt_id=outsider_attempt.id,
        extension_id=extension.id,
    )


# --- Signing in ------------------------------------------------------------------------------

_CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def csrf_token_in(html: str) -> str | None:
    match = _CSRF_INPUT.search(html)
    return (match.group(1) or match.group(2)) if match else None


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """A CSRF token valid for this client's session, read from a page's form."""
    response = client.get(path)
    token = csrf_token_in(response.get_data(as_text=True))
    assert token, f"no CSRF token on {path} ({response.status_code})"
    return token


def sign_in_teacher(client: FlaskClient, email: str, *, with_csrf: bool = False) -> TestResponse:
    data = {"email": email, "password": PASSWORD}
    if with_csrf:
        data["csrf_token"] = csrf_token(client, "/login")
    response = client.post("/login", data=data)
    assert response.status_code == 302, response.status_code
    return response


def sign_in_student(
    client: FlaskClient, class_code: str, rejoin_code: str, *, with_csrf: bool = False
) -> TestResponse:
    data = {"class_code": class_code, "rejoin_code": rejoin_code}
    if with_csrf:
        data["csrf_token"] = csrf_token(client, "/rejoin")
    response = client.post("/rejoin", data=data)
    assert response.status_code == 302, response.status_code
    return response


def current_rejoin_code(student_id: int) -> str:
    code = db.session.scalar(select(Student.rejoin_code).where(Student.id == student_id))
    assert code is not None
    return code


def client_for(app: Flask, world: World, role: str, *, with_csrf: bool = False) -> FlaskClient:
    client = app.test_client()
    if role in (TEACHER, OTHER_TEACHER):
        email = world.teacher_email if role == TEACHER else world.other_teacher_email
        sign_in_teacher(client, email, with_csrf=with_csrf)
    elif role in (STUDENT, CLASSMATE, OUTSIDER):
        student_id = {STUDENT: world.student_id, CLASSMATE: world.classmate_id, OUTSIDER: world.outsider_id}[
            role
        ]
        class_code = world.other_class_code if role == OUTSIDER else world.class_code
        with app.app_context():
            rejoin_code = current_rejoin_code(student_id)
        sign_in_student(client, class_code, rejoin_code, with_csrf=with_csrf)
    return client


def clients_for(app: Flask, world: World, *, with_csrf: bool = False) -> dict[str, FlaskClient]:
    return {role: client_for(app, world, role, with_csrf=with_csrf) for role in ROLES}


# --- URLs and forms --------------------------------------------------------------------------


def url_arguments(world: World) -> dict[str, Any]:
    """The default value of each URL argument a rule may have."""
    return {
        "class_id": world.class_id,
        "student_id": world.student_id,
        "into_id": world.classmate_id,  # the student another one is merged into
        "assignment_id": world.assignment_id,
        "attempt_id": world.open_attempt_id,
        "version_id": world.version_id,
        "number": 1,
        "kind": "scores",
        "extension_id": world.extension_id,
    }


def build_path(app: Flask, endpoint: str, arguments: dict[str, Any]) -> str:
    """The path of ``endpoint`` with its rule's arguments filled from ``arguments``."""
    [rule] = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
    missing = rule.arguments - arguments.keys()
    assert not missing, f"{endpoint}: no value for URL argument(s) {sorted(missing)} (see url_arguments)"
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **{name: arguments[name] for name in rule.arguments})


def sample_upload() -> tuple[io.BytesIO, str]:
    """The sample article under an id of the uploader's own (the sample's id is the school's)."""
    own_id = f"raqqa-copy-{uuid.uuid4().hex[:8]}"
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8").replace("id: raqqa-assault-2015", f"id: {own_id}", 1)
    return io.BytesIO(text.encode()), f"{own_id}.yaml"


FormBuilder = Callable[[World], dict[str, Any]]

# A plausible, valid form for every POST route (what the page's own form would send).
_joiners = itertools.count(1)
_edited = itertools.count(1)
EDITOR_PASTE = "Bridge to close for repairs\n\nThe bridge will close for a month, the council said on Monday."


def editor_yaml(number: int) -> str:
    """A small reviewed article for the editor's save and download, with an id of its own."""
    return (
        f"id: editor-article-{number}\n"
        "title: Bridge to close for repairs\n"
        "text: |\n"
        "  The bridge will close for a month, the council said on Monday.\n"
        "sources:\n"
        "  - id: council\n"
        "    name: the council\n"
        "    type: named_organisation\n"
        "    mentions:\n"
        '      - quote: "the council said"\n'
    )


POST_FORMS: dict[str, FormBuilder] = {
    "auth.login": lambda w: {"email": w.teacher_email, "password": PASSWORD},
    "auth.logout": lambda w: {},
    "auth.setup": lambda w: {
        "display_name": "First Teacher",
        "email": "first@school.example",
        "new_password": NEW_PASSWORD,
        "confirm_password": NEW_PASSWORD,
    },
    "auth.account": lambda w: {
        "current_password": PASSWORD,
        "new_password": NEW_PASSWORD,
        "confirm_password": NEW_PASSWORD,
    },
    "teacher.classes": lambda w: {"name": "Year 10 History"},
    "teacher.rename_class": lambda w: {"name": "Year 9 English (set 2)"},
    "teacher.archive_class": lambda w: {},
    "teacher.unarchive_class": lambda w: {},
    "teacher.new_join_code": lambda w: {},
    "dashboard.redraw_quiz": lambda w: {},
    "teacher.student_page": lambda w: {"name": "Ada Renamed"},
    "teacher.reset_rejoin_code": lambda w: {},
    "teacher.class_settings": lambda w: {"one_to_one_devices": "y", "time_zone": "Europe/Paris"},
    "teacher.merge_student": lambda w: {},
    "teacher.remove_student": lambda w: {"delete_attempts": ""},
    "teacher.upload": lambda w: {"file": sample_upload()},
    "editor.new_article": lambda w: {"pasted": EDITOR_PASTE},
    # The check reads JSON only: a form gets a 400 (tests/integration/test_editor.py sends JSON).
    "editor.check": lambda w: {"document": "{}"},
    "editor.save": lambda w: {"yaml": editor_yaml(next(_edited)), "document_json": ""},
    "editor.download": lambda w: {"yaml": editor_yaml(0), "document_json": ""},
    "teacher.assign": lambda w: {
        "class_id": str(w.class_id),
        "version_id": str(w.version_id),
        "title": "Homework: the Raqqa article",
        "due_at": "",
        "attempts_policy": "one",
        "feedback_mode": "practice",
    },
    # Names are unique in a class: each visitor joins under a name of their own.
    "student.join": lambda w: {"class_code": w.class_code, "display_name": f"New Student {next(_joiners)}"},
    "teacher.edit_assignment": lambda w: {
        "title": "Homework renamed",
        "due_at": "2099-02-01T09:00",
        "late_policy": "accept",
        "attempts_policy": "unlimited",
        "feedback_mode": "practice",
        "answers_shown": "submitted",
    },
    "teacher.add_extension": lambda w: {
        "student_id": str(w.student_id),
        "extension_due_at": "2099-03-01T09:00",
        "extra_attempts": "0",
    },
    "teacher.remove_extension": lambda w: {},
    "teacher.delete_assignment": lambda w: {},
    "student.rejoin": lambda w: {"class_code": w.class_code, "rejoin_code": w.student_rejoin},
    "student.leave": lambda w: {},
    "student.start": lambda w: {},
    "student.answer": lambda w: {"answer": "0"},
    "student.submit": lambda w: {},
}


# --- Expected outcomes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Redirect:
    """A redirect (301-303) to a path starting with ``path``."""

    path: str

    def __str__(self) -> str:
        return f"redirect to {self.path}"


Outcome = int | Redirect
LOGIN = Redirect("/login")
JOIN = Redirect("/join")


def outcome_matches(expected: Outcome, response: TestResponse) -> bool:
    if isinstance(expected, Redirect):
        if response.status_code not in (301, 302, 303):
            return False
        return urlsplit(response.location or "").path.startswith(expected.path)
    return response.status_code == expected


def describe_response(response: TestResponse) -> str:
    if response.status_code in (301, 302, 303):
        return f"{response.status_code} to {urlsplit(response.location or '').path}"
    return str(response.status_code)


# --- Headers and HTML ------------------------------------------------------------------------


def csp_problems(response: TestResponse) -> list[str]:
    """What is wrong with the response's Content-Security-Policy for scripts, if anything."""
    policy = response.headers.get("Content-Security-Policy")
    if not policy:
        return ["no Content-Security-Policy header"]
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [w.lower() for w in words[1:]]
    scripts = directives.get("script-src", directives.get("default-src"))
    if scripts is None:
        return ["the policy restricts neither script-src nor default-src"]
    problems = [
        f"script sources allow {value}"
        for value in scripts
        if value in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:")
    ]
    if directives.get("object-src") != ["'none'"]:
        problems.append("object-src is not 'none'")
    return problems


URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"})
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class PageInspector(HTMLParser):
    """Collects the page's text and anything in it that could run script or style inline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.active: list[str] = []
        self.text_parts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "script":
            self._in_script = True
            source = values.get("src", "")
            if not source.startswith("/static/"):
                self.active.append(f"<script> not served from /static/: {source!r}")
        if tag in ("iframe", "object", "embed", "base", "style"):
            self.active.append(f"<{tag}> element")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.active.append("<meta http-equiv=refresh>")
        if tag == "img" and values.get("src", "") == "x":
            self.active.append("<img src=x> from a payload")
        for name, value in values.items():
            if name.startswith("on"):
                self.active.append(f"<{tag} {name}=...> event handler")
            if name == "style":
                self.active.append(f"<{tag} style=...> inline style (the CSP forbids it)")
            cleaned = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(DANGEROUS_SCHEMES):
                self.active.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.active.append(f"inline script text: {data.strip()[:60]!r}")
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def inspect_html(html: str) -> PageInspector:
    inspector = PageInspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def is_html(response: TestResponse) -> bool:
    return response.mimetype == "text/html"


# --- The database as a whole -----------------------------------------------------------------


Snapshot = dict[str, list[dict[str, Any]]]


def take_snapshot() -> Snapshot:
    """Every row of every table as column -> value (call inside an app context)."""
    db.session.remove()
    with db.engine.connect() as connection:
        return {
            table.name: [dict(row._mapping) for row in connection.execute(select(table))]
            for table in db.metadata.sorted_tables
        }


def table_snapshot() -> dict[str, list[str]]:
    """Every row of every table in a stable order, to compare before and after (in an app context)."""
    return {name: sorted(repr(sorted(row.items())) for row in rows) for name, rows in take_snapshot().items()}


def restore_snapshot(snapshot: Snapshot) -> None:
    """Put every table back as it was when ``snapshot`` was taken (inside an app context).

    Much quicker than building a world again (teachers' password hashes are slow on
    purpose).  New rows keep getting fresh ids: PostgreSQL's sequences never go back.
    """
    db.session.remove()
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
        for table in db.metadata.sorted_tables:
            if snapshot[table.name]:
                connection.execute(table.insert(), snapshot[table.name])


def copy_client(app: Flask, template: FlaskClient) -> FlaskClient:
    """A new client holding the same cookies (so the same signed-in session) as ``template``."""
    client = app.test_client()
    for name in ("session", "remember_token"):
        cookie = template.get_cookie(name)
        if cookie is not None:
            client.set_cookie(name, cookie.value)
    return client


def table_names() -> set[str]:
    from sqlalchemy import inspect as sa_inspect

    db.session.remove()
    return set(sa_inspect(db.engine).get_table_names())


def row_counts() -> dict[str, int]:
    db.session.remove()
    with db.engine.connect() as connection:
        return {
            table.name: connection.execute(text(f'SELECT COUNT(*) FROM "{table.name}"')).scalar_one()
            for table in db.metadata.sorted_tables
        }


def endpoints_and_methods(app: Flask) -> Iterator[tuple[str, str]]:
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method
