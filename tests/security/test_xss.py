"""XSS: payloads in everything people type (article fields, names, titles, file names) are
shown as text on every page that shows them, never as markup; and every page sends a
Content-Security-Policy that forbids inline script.

The payloads go in through the same doors as real data: the article through
content.import_upload and the upload form, names and titles through the services and
the forms.  Each page is parsed with html.parser: no <script> except the app's own
files, no event handler attribute, no javascript: URL, and the payload readable as
plain text (so the check is not passing because the payload never got there).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from app.extensions import db
from app.models import ATTEMPTS_UNLIMITED, FEEDBACK_TEST, ArticleVersion, Assignment, Attempt
from app.services import accounts, classes, content, quizzes
from tests.factories import PASSWORD
from tests.security.support import (
    Snapshot,
    csp_problems,
    inspect_html,
    restore_snapshot,
    sign_in_student,
    sign_in_teacher,
)

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "{{7*7}}",  # template injection: must be shown as typed, not as 49
)
SCRIPT, IMG, JS_URL, SVG, TEMPLATE = PAYLOADS
ALL = " ".join(PAYLOADS)
# Payloads that would be live markup if printed unescaped.
MARKUP = (SCRIPT, "<img src=x onerror=alert(1)>", SVG)


def payload_article(title_suffix: str = "") -> bytes:
    """A valid article with every payload in its title, text, names, notes, prompts and choices."""
    paragraphs = [
        f"Officials said the bridge {SCRIPT} will reopen on Monday after repairs.",
        f"The mayor reportedly said {IMG} the repairs were a {JS_URL} triumph.",
        f"Critics called the project a {SVG} disaster and a {TEMPLATE} waste, according to the Gazette.",
    ]
    document: dict[str, Any] = {
        "id": "payload-bridge",
        "title": f"Bridge {ALL} Reopens{title_suffix}",
        "outlet": f"Gazette {ALL}",
        "level": f"ages 12-14 {SCRIPT}",
        "fictional": True,
        "text": "\n\n".join(paragraphs) + "\n",
        "sources": [
            {
                "id": "officials",
                "name": f"officials {ALL}",
                "type": "vague",
                "mentions": [{"quote": "Officials said"}],
                "note": f"Which officials? {ALL}",
            },
            {
                "id": "mayor",
                "name": f"the mayor {IMG}",
                "type": "named_person",
                "mentions": [{"quote": "The mayor reportedly said"}],
                "note": f"Named. {ALL}",
            },
            {
                "id": "gazette",
                "name": f"the Gazette {SVG}",
                "type": "news_outlet",
                "mentions": [{"quote": "according to the Gazette"}],
                "note": f"Another newspaper. {ALL}",
            },
        ],
        "claims": [
            {
                "quote": f"the bridge {SCRIPT} will reopen on Monday",
                "status": "attributed",
                "source": "officials",
                "note": f"Claim note {ALL}",
            },
            {
                "quote": f"reportedly said {IMG} the repairs were a {JS_URL} triumph",
                "status": "hedged",
                "source": "mayor",
                "cues": ["reportedly"],
                "note": f"Hedge note {ALL}",
            },
        ],
        "framing": [
            {"quote": "disaster", "technique": "loaded_language", "note": f"Loaded {ALL}"},
            {"quote": f"{TEMPLATE} waste", "technique": "loaded_language", "note": f"Waste {ALL}"},
        ],
        "questions": [
            {
                "type": "choice",
                "skill": "sources",
                "prompt": f"Who? {ALL}",
                "choices": [f"A {p}" for p in PAYLOADS],
                "answer": f"A {SCRIPT}",
                "note": f"Choice note {ALL}",
            },
            {
                "type": "multiple",
                "skill": "claims",
                "prompt": f"Which? {ALL}",
                "choices": [f"M {p}" for p in PAYLOADS],
                "answer": [f"M {IMG}", f"M {SVG}"],
                "note": f"Multiple note {ALL}",
            },
            {
                "type": "select",
                "skill": "framing",
                "prompt": f"Select {ALL}",
                "paragraph": 3,
                "answers": [{"quote": SVG}],
                "note": f"Select note {ALL}",
            },
        ],
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True).encode()


@dataclass(frozen=True)
class PayloadWorld:
    teacher_email: str
    class_id: int
    class_code: str
    student_ids: tuple[int, ...]
    taker_id: int
    taker_rejoin: str
    version_id: int
    practice_id: int
    test_id: int


def build_payload_world() -> PayloadWorld:
    teacher = accounts.create_teacher("payload@school.example", PASSWORD, f"{SCRIPT} {IMG} {TEMPLATE}")
    school_class = classes.create_class(teacher, ALL)
    students = [classes.join_class(school_class.join_code, payload) for payload in PAYLOADS]
    outcome, result = content.import_upload(payload_article(), f"{IMG}.yaml", teacher)
    assert outcome.status == "new", [str(p) for p in result.problems]
    version = db.session.scalars(select(ArticleVersion).order_by(ArticleVersion.id.desc()).limit(1)).one()
    practice = quizzes.assign_quiz(
        school_class, version, title=ALL, attempts_policy=ATTEMPTS_UNLIMITED, seed=3
    )
    test = quizzes.assign_quiz(
        school_class, version, title=f"Test {SVG} {TEMPLATE}", feedback_mode=FEEDBACK_TEST, seed=5
    )
    # A finished attempt, so the exports and dashboards have rows whatever the test order.
    finished = quizzes.start_attempt(students[2], practice)
    for position in range(len(practice.quiz.questions)):
        quizzes.record_answer(finished, position, ["0"])
    quizzes.submit_attempt(finished)
    taker = students[1]
    return PayloadWorld(
        teacher_email=teacher.email,
        class_id=school_class.id,
        class_code=school_class.join_code,
        student_ids=tuple(s.id for s in students),
        taker_id=taker.id,
        taker_rejoin=taker.rejoin_code,
        version_id=version.id,
        practice_id=practice.id,
        test_id=test.id,
    )


@pytest.fixture(scope="module")
def shared_world(shared_app: Flask) -> PayloadWorld:  # replaces the conftest world in this module
    with shared_app.app_context():
        return build_payload_world()


@pytest.fixture(scope="module")
def teacher(shared_app: Flask, shared_world: PayloadWorld) -> FlaskClient:
    client = shared_app.test_client()
    sign_in_teacher(client, shared_world.teacher_email)
    return client


def problems_with(
    response: TestResponse, *, must_show: tuple[str, ...] = (ALL,), status: int = 200
) -> list[str]:
    """Why this page is not safe, or does not show the payloads as text."""
    problems = [f"CSP: {p}" for p in csp_problems(response)]
    if response.status_code != status:
        return [*problems, f"status {response.status_code}"]
    body = response.get_data(as_text=True)
    page = inspect_html(body)
    problems += page.active
    problems += [f"raw payload in the HTML: {raw!r}" for raw in MARKUP if raw in body]
    text = " ".join(page.text.split())
    for expected in must_show:
        if not any(payload in text for payload in PAYLOADS if payload in expected):
            problems.append(f"none of the payloads of {expected[:40]!r}... shows as text")
    return problems


def check_pages(client: FlaskClient, paths: list[str], **options: Any) -> None:
    failures = []
    for path in paths:
        for problem in problems_with(client.get(path), **options):
            failures.append(f"{path}: {problem}")
    assert not failures, "\n".join(failures)


def test_teacher_pages_show_payloads_as_text(
    shared_app: Flask, shared_world: PayloadWorld, teacher: FlaskClient
) -> None:
    w = shared_world
    class_pages = [
        "/teacher/classes",
        f"/teacher/classes/{w.class_id}",
        f"/teacher/classes/{w.class_id}/dashboard",
        f"/teacher/classes/{w.class_id}/dashboard?sort={SCRIPT}&dir={IMG}",
        f"/teacher/classes/{w.class_id}/exports",
        "/teacher/exports",
        f"/teacher/assign?class_id={w.class_id}",
    ]
    check_pages(teacher, class_pages)
    student_pages = [f"/teacher/classes/{w.class_id}/students/{s}" for s in w.student_ids]
    student_pages += [f"/teacher/classes/{w.class_id}/students/{s}/remove" for s in w.student_ids]
    student_pages += [f"/teacher/classes/{w.class_id}/dashboard/students/{s}" for s in w.student_ids]
    check_pages(teacher, student_pages, must_show=(ALL,))
    article_pages = [
        "/teacher/library",
        f"/teacher/library/versions/{w.version_id}/preview",
        f"/teacher/library/versions/{w.version_id}/preview?all=1",
        f"/teacher/library/versions/{w.version_id}/preview?seed={SCRIPT}",
    ]
    check_pages(teacher, article_pages)
    check_pages(teacher, ["/account"], must_show=(f"{SCRIPT} {IMG}",))


def _take_quiz(client: FlaskClient, app: Flask, assignment_id: int) -> tuple[list[str], int]:
    """Start the quiz and answer every question through the pages; the paths seen on the way."""
    response = client.post(f"/assignments/{assignment_id}/start")
    assert response.status_code == 302, response.status_code
    attempt_id = int(response.location.rstrip("/").split("/")[-1])
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        assert assignment is not None
        # The questions as this attempt shows them (a retake has its own order).
        questions = quizzes.attempt_view(db.session.get(Attempt, attempt_id)).questions
        practice = assignment.feedback_mode != FEEDBACK_TEST
    seen = []
    for number, question in enumerate(questions, start=1):
        path = f"/attempts/{attempt_id}/questions/{number}"
        seen.append(path)
        check_pages(client, [path])
        if question.type == "select":
            # Part of the right words and one wrong one, so feedback marks found, missed and extra.
            start, _ = question.gold[0]
            answer = [str(start), "0"]
        else:
            answer = ["0", "1"] if question.type == "multiple" else ["1"]
        assert client.post(path, data={"answer": answer}).status_code == 302
        if practice:
            seen.append(f"{path}/feedback")
            check_pages(client, [f"{path}/feedback"])
    check_pages(client, [f"/attempts/{attempt_id}/review"])
    assert client.post(f"/attempts/{attempt_id}/submit").status_code == 302
    return seen, attempt_id


def test_student_pages_show_payloads_as_text(shared_app: Flask, shared_world: PayloadWorld) -> None:
    w = shared_world
    client = shared_app.test_client()
    sign_in_student(client, w.class_code, w.taker_rejoin)
    check_pages(client, ["/quizzes", "/progress"])
    for assignment_id in (w.practice_id, w.test_id):
        _, attempt_id = _take_quiz(client, shared_app, assignment_id)
        paths = [f"/attempts/{attempt_id}/results"]
        with shared_app.app_context():
            count = len(quizzes.questions_of(db.session.get(Assignment, assignment_id).quiz))
        paths += [f"/attempts/{attempt_id}/questions/{n}/feedback" for n in range(1, count + 1)]
        check_pages(client, paths)
    check_pages(client, ["/quizzes", "/progress"])


def test_dashboards_with_answers_show_payloads_as_text(
    shared_app: Flask, shared_world: PayloadWorld, teacher: FlaskClient
) -> None:
    w = shared_world
    student = shared_app.test_client()
    sign_in_student(student, w.class_code, w.taker_rejoin)
    _take_quiz(student, shared_app, w.practice_id)
    paths = [f"/teacher/classes/{w.class_id}/dashboard", f"/teacher/classes/{w.class_id}"]
    for assignment_id in (w.practice_id, w.test_id):
        paths.append(f"/teacher/assignments/{assignment_id}/statistics")
        with shared_app.app_context():
            count = len(quizzes.questions_of(db.session.get(Assignment, assignment_id).quiz))
        paths += [
            f"/teacher/assignments/{assignment_id}/statistics/questions/{n}" for n in range(1, count + 1)
        ]
    check_pages(teacher, paths)


@pytest.mark.parametrize("kind", ["scores", "responses", "gradebook"])
@pytest.mark.parametrize(
    "template", ["/teacher/exports/{kind}.csv", "/teacher/classes/{c}/exports/{kind}.csv"]
)
def test_csv_downloads_are_never_shown_as_pages(
    shared_world: PayloadWorld, teacher: FlaskClient, template: str, kind: str
) -> None:
    path = template.format(kind=kind, c=shared_world.class_id)
    response = teacher.get(path)
    body = response.get_data(as_text=True)  # read the stream to its end
    response.close()
    assert response.status_code == 200
    assert "alert(1)" in body
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert not csp_problems(response)


def test_flash_messages_after_forms_show_payloads_as_text(
    shared_app: Flask, shared_world: PayloadWorld, shared_snapshot: Snapshot, teacher: FlaskClient
) -> None:
    w = shared_world
    student_id = w.student_ids[0]
    steps: list[tuple[str, dict[str, Any]]] = [
        ("/teacher/classes", {"name": ALL}),
        (f"/teacher/classes/{w.class_id}/rename", {"name": ALL}),
        # Names are unique in a class, and a student is already called IMG: a name of its own.
        (f"/teacher/classes/{w.class_id}/students/{student_id}", {"name": f"{IMG} B."}),
        (f"/teacher/classes/{w.class_id}/students/{student_id}/rejoin-code", {}),
        (
            "/teacher/assign",
            {
                "class_id": str(w.class_id),
                "version_id": str(w.version_id),
                "title": ALL,
                "attempts_policy": "one",
                "feedback_mode": "practice",
            },
        ),
        # A new version of the article, from a file whose name is a payload.
        ("/teacher/library/upload", {"file": (io.BytesIO(payload_article(" again")), f"{SVG}.yaml")}),
        (f"/teacher/classes/{w.class_id}/students/{student_id}/remove", {}),
        (f"/teacher/classes/{w.class_id}/archive", {}),
        (f"/teacher/classes/{w.class_id}/unarchive", {}),
    ]
    failures = []
    try:
        for path, form in steps:
            response = teacher.post(path, data=form, follow_redirects=True)
            failures += [f"POST {path}: {problem}" for problem in problems_with(response)]
    finally:
        with shared_app.app_context():  # the other tests of the module see the world as built
            restore_snapshot(shared_snapshot)
    assert not failures, "\n".join(failures)


def test_upload_problems_page_shows_the_files_lines_as_text(
    shared_world: PayloadWorld, teacher: FlaskClient
) -> None:
    broken = f"id: Not An Id {SCRIPT}\ntitle: {IMG}\n# {SVG} {JS_URL} {TEMPLATE}\ntext: [\n".encode()
    response = teacher.post("/teacher/library/upload", data={"file": (io.BytesIO(broken), f"{SCRIPT}.yaml")})
    assert not problems_with(response)


def test_joining_and_rejoining_with_a_payload_name_shows_it_as_text(
    shared_app: Flask, shared_world: PayloadWorld
) -> None:
    client = shared_app.test_client()
    # A student of the class already has that name: the message quoting it shows it as text.
    response = client.post("/join", data={"class_code": shared_world.class_code, "display_name": IMG})
    assert not problems_with(response, must_show=(IMG,), status=422)
    response = client.post(
        "/join",
        data={"class_code": shared_world.class_code, "display_name": f"{IMG} B."},
        follow_redirects=True,
    )
    assert not problems_with(response, must_show=(f"{IMG} B.",))
    rejoin = shared_app.test_client()
    response = rejoin.post(
        "/rejoin",
        data={"class_code": shared_world.class_code, "rejoin_code": shared_world.taker_rejoin},
        follow_redirects=True,
    )
    assert not problems_with(response, must_show=(IMG,))


@pytest.mark.parametrize(
    "path",
    [
        f"/{SCRIPT}",
        f"/teacher/{IMG}",
        f"/attempts/{SVG}",
        f"/login?next={JS_URL}",
        f"/login?next=/{SCRIPT}",
        f"/join?class_code={IMG}",
    ],
)
def test_urls_with_payloads_are_not_reflected_as_markup(
    shared_app: Flask, shared_world: PayloadWorld, path: str
) -> None:
    response = shared_app.test_client().get(path)
    assert response.status_code in (200, 404)
    assert not problems_with(response, must_show=(), status=response.status_code)


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", JS_URL, "http:evil.example"]
)
def test_login_never_redirects_off_the_site(
    shared_app: Flask, shared_world: PayloadWorld, target: str
) -> None:
    client = shared_app.test_client()
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": shared_world.teacher_email, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.location == "/teacher/classes"


def test_template_payload_is_shown_as_typed(shared_world: PayloadWorld, teacher: FlaskClient) -> None:
    body = teacher.get(f"/teacher/library/versions/{shared_world.version_id}/preview").get_data(as_text=True)
    # The whole title, exactly as written in the file: nothing evaluated, nothing dropped.
    assert f"Bridge {ALL} Reopens" in " ".join(inspect_html(body).text.split())


def test_the_page_check_catches_live_payloads() -> None:
    """The checks above are only as good as the parser: live markup must be caught, escaped text not."""
    from markupsafe import escape

    for payload in (SCRIPT, IMG, SVG, f'<a href="{JS_URL}">x</a>', '<p style="color:red">x</p>'):
        assert inspect_html(f"<p>{payload}</p>").active, payload
        escaped = inspect_html(f'<p>{escape(payload)}</p><input value="{escape(payload)}">')
        assert not escaped.active, payload
        assert payload in escaped.text
    assert inspect_html('<script src="/static/js/quiz.js" defer></script>').active == []
    assert inspect_html("<script>var x = 1;</script>").active
    assert inspect_html('<a href=" JaVa\tscript:alert(1)">x</a>').active
