"""The teacher's pages: classes, rosters, students, the library (upload, preview) and assignments."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.extensions import db
from app.models import Article, ArticleVersion, Assignment, Attempt, SchoolClass, Student
from app.services import classes, content, quizzes
from tests.conftest import make_config
from tests.factories import (
    SAMPLE_ARTICLE,
    count_queries,
    import_sample,
    login_student,
    login_teacher,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
)

BROKEN_YAML = """\
id: broken-article
title: A title
qoute: misspelt key
text: |
  Someone said something, officials said.
sources:
  - id: officials
    name: officials
    type: not_a_type
    mentions:
      - quote: "officials said"
"""


@pytest.fixture
def config_overrides() -> dict[str, Any]:
    return {}


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path, config_overrides: dict[str, Any]) -> dict[str, Any]:
    return make_config(migrated_database, tmp_path, **config_overrides)


class World:
    """A teacher with a class of two students, another teacher with a class, the sample article."""

    def __init__(self, app: Flask) -> None:
        with app.app_context():
            self.teacher = make_teacher("owner@school.example")
            self.other_teacher = make_teacher("other@school.example")
            self.school_class = make_class(self.teacher, "Year 9 English")
            self.other_class = make_class(self.other_teacher, "Other class")
            self.students = [make_student(self.school_class, name) for name in ("Ann", "Bob")]
            self.stranger = make_student(self.other_class, "Stranger")
            self.version = import_sample()
            self.assignment = make_assignment(self.school_class, self.version)
            self.other_assignment = make_assignment(self.other_class, self.version)
            for obj in (self.school_class, self.other_class, self.version, *self.students, self.stranger):
                db.session.refresh(obj)
            self.class_id = self.school_class.id
            self.other_class_id = self.other_class.id
            self.join_code = self.school_class.join_code
            self.student_id = self.students[0].id
            self.stranger_id = self.stranger.id
            self.version_id = self.version.id
            self.assignment_id = self.assignment.id
            db.session.expunge_all()


@pytest.fixture
def world(app: Flask) -> World:
    return World(app)


@pytest.fixture
def teacher_client(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    login_teacher(client, "owner@school.example")
    return client


def text_of(response: Any) -> str:
    return response.get_data(as_text=True)


def one_h1(page: str) -> None:
    assert page.count("<h1") == 1, page


# --- Who may see teacher pages ----------------------------------------------------------------


# Placeholders: {c} the class, {s} its student, {v} the article version.
TEACHER_GETS = [
    "/teacher/classes",
    "/teacher/classes/{c}",
    "/teacher/classes/{c}/students/{s}",
    "/teacher/classes/{c}/students/{s}/remove",
    "/teacher/library",
    "/teacher/library/versions/{v}/preview",
    "/teacher/assign",
]
TEACHER_POSTS = [
    "/teacher/classes",
    "/teacher/classes/{c}/rename",
    "/teacher/classes/{c}/archive",
    "/teacher/classes/{c}/unarchive",
    "/teacher/classes/{c}/join-code",
    "/teacher/classes/{c}/students/{s}",
    "/teacher/classes/{c}/students/{s}/rejoin-code",
    "/teacher/classes/{c}/students/{s}/remove",
    "/teacher/library/upload",
    "/teacher/assign",
]
TEACHER_REQUESTS = [("GET", url) for url in TEACHER_GETS] + [("POST", url) for url in TEACHER_POSTS]


def teacher_url(template: str, world: World) -> str:
    return template.format(c=world.class_id, s=world.student_id, v=world.version_id)


@pytest.mark.parametrize("method, template", TEACHER_REQUESTS)
def test_anonymous_visitors_are_sent_to_login(
    client: FlaskClient, world: World, method: str, template: str
) -> None:
    url = teacher_url(template, world)
    if method == "GET":
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/login?next="), url
    else:
        assert client.post(url).status_code == 302, url


@pytest.mark.parametrize("method, template", TEACHER_REQUESTS)
def test_students_are_refused_every_teacher_page(
    app: Flask, client: FlaskClient, world: World, method: str, template: str
) -> None:
    with app.app_context():
        login_student(client, db.session.get_one(Student, world.student_id))
    url = teacher_url(template, world)
    assert client.open(url, method=method).status_code == 403, url
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        assert school_class.join_code == world.join_code and not school_class.archived


@pytest.mark.parametrize("method, template", [(m, url) for m, url in TEACHER_REQUESTS if "/classes/" in url])
def test_another_teacher_gets_404_for_my_class_students_and_their_actions(
    app: Flask, client: FlaskClient, world: World, method: str, template: str
) -> None:
    login_teacher(client, "other@school.example")
    url = teacher_url(template, world)
    if method == "GET":
        assert client.get(url).status_code == 404, url
    else:
        assert client.post(url, data={"name": "Hijacked", "delete_attempts": "y"}).status_code == 404, url
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        assert school_class.name == "Year 9 English" and school_class.join_code == world.join_code
        assert not db.session.get_one(Student, world.student_id).removed


def test_a_teacher_cannot_reach_a_student_of_another_class_through_their_own(
    teacher_client: FlaskClient, world: World
) -> None:
    url = f"/teacher/classes/{world.class_id}/students/{world.stranger_id}"
    assert teacher_client.get(url).status_code == 404
    assert teacher_client.post(url + "/rejoin-code").status_code == 404
    assert teacher_client.post(url + "/remove").status_code == 404


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
@pytest.mark.parametrize("template", TEACHER_POSTS)
def test_teacher_posts_without_a_csrf_token_are_refused(
    app: Flask, client: FlaskClient, world: World, template: str
) -> None:
    page = text_of(client.get("/login"))
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token is not None
    login = {
        "email": "owner@school.example",
        "password": "correct horse battery",
        "csrf_token": token.group(1),
    }
    assert client.post("/login", data=login).status_code == 302
    url = teacher_url(template, world)
    assert client.post(url, data={"name": "New name"}).status_code == 400, url
    with app.app_context():
        assert db.session.get_one(SchoolClass, world.class_id).name == "Year 9 English"


# --- Classes ------------------------------------------------------------------------------------


def test_classes_page_lists_my_classes_only(teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.get("/teacher/classes")
    page = text_of(response)
    assert response.status_code == 200
    one_h1(page)
    assert "Year 9 English" in page and world.join_code in page
    assert "Other class" not in page
    assert 'href="/static/css/teacher.css"' in page


def test_create_a_class(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.post("/teacher/classes", data={"name": "  History  7B "})
    assert response.status_code == 302
    with app.app_context():
        created = db.session.scalars(select(SchoolClass).where(SchoolClass.name == "History 7B")).one()
        assert response.headers["Location"] == f"/teacher/classes/{created.id}"
        code = created.join_code
    page = text_of(teacher_client.get(response.headers["Location"]))
    assert f'<span class="code code-large">{code}</span>' in page
    assert "http://localhost/join" in page
    assert "Class “History 7B” created." in page


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the class a name."),
        ("   ", "Give the class a name."),
        ("x" * 121, "Use at most 120 characters"),
    ],
)
def test_create_a_class_with_a_bad_name(
    app: Flask, teacher_client: FlaskClient, world: World, name: str, message: str
) -> None:
    response = teacher_client.post("/teacher/classes", data={"name": name})
    page = text_of(response)
    assert response.status_code == 200
    assert re.search(r'id="name-error">' + re.escape(message), page)
    assert 'aria-describedby="name-hint name-error"' in page and 'aria-invalid="true"' in page
    assert 'class="flash flash-error"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SchoolClass)) == 2


def test_class_page_shows_roster_assignments_and_join_instructions(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    with app.app_context():
        assignment = db.session.get_one(Assignment, world.assignment_id)
        ann = db.session.get_one(Student, world.student_id)
        attempt = quizzes.start_attempt(ann, assignment)
        quizzes.submit_attempt(attempt)
    page = text_of(teacher_client.get(f"/teacher/classes/{world.class_id}"))
    one_h1(page)
    assert world.join_code in page and "/join" in page
    assert "Ann" in page and "Bob" in page and "Stranger" not in page
    assert "Western Allies" in page  # the assignment's article
    assert "One attempt" in page and "Practice: feedback after each question" in page
    assert "1 of 2" in page  # one of two students submitted
    assert "No due date" in page


def test_rename_a_class(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    url = f"/teacher/classes/{world.class_id}/rename"
    assert teacher_client.post(url, data={"name": "Year 10 English"}).status_code == 302
    page = text_of(teacher_client.post(url, data={"name": ""}))
    assert 'id="name-error">Give the class a name.' in page
    with app.app_context():
        assert db.session.get_one(SchoolClass, world.class_id).name == "Year 10 English"


def test_archive_and_unarchive_a_class(app: Flask, client: FlaskClient, world: World) -> None:
    teacher = app.test_client()
    login_teacher(teacher, "owner@school.example")
    with app.app_context():
        ann = db.session.get_one(Student, world.student_id)
        login_student(client, ann)
    assert teacher.post(f"/teacher/classes/{world.class_id}/archive").status_code == 302
    page = text_of(teacher.get(f"/teacher/classes/{world.class_id}"))
    assert "This class is archived" in page and "Unarchive class" in page
    assert "Archived classes" in text_of(teacher.get("/teacher/classes"))
    # Its students are signed out and nobody can join.
    assert client.get("/quizzes").status_code in (302, 401)
    assert "No class has that code" in text_of(
        client.post("/join", data={"class_code": world.join_code, "display_name": "Zed"})
    )
    assert teacher.post(f"/teacher/classes/{world.class_id}/unarchive").status_code == 302
    with app.app_context():
        assert not db.session.get_one(SchoolClass, world.class_id).archived


def test_a_new_join_code(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.post(f"/teacher/classes/{world.class_id}/join-code")
    assert response.status_code == 302
    with app.app_context():
        new = db.session.get_one(SchoolClass, world.class_id).join_code
    assert new != world.join_code
    page = text_of(teacher_client.get(response.headers["Location"]))
    assert f"The new join code is {new}." in page


def _class_page_queries(app: Flask, client: FlaskClient, class_id: int) -> int:
    client.get(f"/teacher/classes/{class_id}")  # warm up: the first request checks for setup
    with count_queries(app) as statements:
        assert client.get(f"/teacher/classes/{class_id}").status_code == 200
    return len(statements)


def test_class_page_and_classes_list_queries_do_not_grow_with_students(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    with count_queries(app) as before:
        teacher_client.get("/teacher/classes")
    small = _class_page_queries(app, teacher_client, world.class_id)
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        assignment = db.session.get_one(Assignment, world.assignment_id)
        second = make_assignment(school_class, db.session.get_one(ArticleVersion, world.version_id), seed=3)
        for n in range(15):
            student = make_student(school_class, f"Extra {n}")
            attempt = quizzes.start_attempt(student, assignment if n % 2 else second)
            if n % 3:
                quizzes.submit_attempt(attempt)
        classes.create_class(
            db.session.get_one(type(school_class.teacher), school_class.teacher_id), "Second"
        )
    large = _class_page_queries(app, teacher_client, world.class_id)
    assert small == large
    with count_queries(app) as after:
        teacher_client.get("/teacher/classes")
    assert len(before) == len(after)


# --- Students -------------------------------------------------------------------------------------


def test_student_page_shows_the_rejoin_code(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    with app.app_context():
        code = db.session.get_one(Student, world.student_id).rejoin_code
    page = text_of(teacher_client.get(f"/teacher/classes/{world.class_id}/students/{world.student_id}"))
    one_h1(page)
    assert f'<span class="code code-large">{code}</span>' in page


def test_rename_a_student(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    url = f"/teacher/classes/{world.class_id}/students/{world.student_id}"
    response = teacher_client.post(url, data={"name": "Ann B."})
    assert response.status_code == 302
    for bad, message in (("", "Type a display name."), ("y" * 41, "Use at most 40 characters.")):
        page = text_of(teacher_client.post(url, data={"name": bad}))
        assert f'id="name-error">{message}' in page
    with app.app_context():
        assert db.session.get_one(Student, world.student_id).display_name == "Ann B."


def test_reset_a_rejoin_code_signs_the_student_out(
    app: Flask, client: FlaskClient, teacher_client: FlaskClient, world: World
) -> None:
    with app.app_context():
        student = db.session.get_one(Student, world.student_id)
        old = student.rejoin_code
        login_student(client, student)
    assert client.get("/quizzes").status_code == 200
    response = teacher_client.post(
        f"/teacher/classes/{world.class_id}/students/{world.student_id}/rejoin-code"
    )
    assert response.status_code == 302
    with app.app_context():
        new = db.session.get_one(Student, world.student_id).rejoin_code
    assert new != old
    assert f"new rejoin code is {new}" in text_of(teacher_client.get(response.headers["Location"]))
    assert client.get("/quizzes").status_code != 200


def test_remove_a_student_asks_first_and_keeps_answers_by_default(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    with app.app_context():
        ann = db.session.get_one(Student, world.student_id)
        quizzes.submit_attempt(
            quizzes.start_attempt(ann, db.session.get_one(Assignment, world.assignment_id))
        )
    url = f"/teacher/classes/{world.class_id}/students/{world.student_id}/remove"
    page = text_of(teacher_client.get(url))
    one_h1(page)
    assert "Remove Ann from Year 9 English?" in page
    assert 'type="checkbox"' in page and "Also delete this student&#39;s past answers" in page
    assert "checked" not in page.split('name="delete_attempts"')[1].split(">")[0]
    with app.app_context():
        assert not db.session.get_one(Student, world.student_id).removed  # the GET changed nothing

    response = teacher_client.post(url, data={})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/teacher/classes/{world.class_id}"
    with app.app_context():
        assert db.session.get_one(Student, world.student_id).removed
        assert (
            db.session.scalar(
                select(func.count()).select_from(Attempt).where(Attempt.student_id == world.student_id)
            )
            == 1
        )
    page = text_of(teacher_client.get(f"/teacher/classes/{world.class_id}"))
    assert "past answers stay in the scores" in page
    assert ">Ann</a>" not in page


def test_remove_a_student_and_their_answers(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    with app.app_context():
        ann = db.session.get_one(Student, world.student_id)
        quizzes.submit_attempt(
            quizzes.start_attempt(ann, db.session.get_one(Assignment, world.assignment_id))
        )
    url = f"/teacher/classes/{world.class_id}/students/{world.student_id}/remove"
    assert teacher_client.post(url, data={"delete_attempts": "y"}).status_code == 302
    with app.app_context():
        assert (
            db.session.scalar(
                select(func.count()).select_from(Attempt).where(Attempt.student_id == world.student_id)
            )
            == 0
        )
    assert (
        teacher_client.get(f"/teacher/classes/{world.class_id}/students/{world.student_id}").status_code
        == 404
    )


# --- Library --------------------------------------------------------------------------------------


def test_library_lists_the_latest_versions_with_skill_counts(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    with app.app_context():
        version = db.session.get_one(ArticleVersion, world.version_id)
        counts = version.skill_counts
    page = text_of(teacher_client.get("/teacher/library"))
    one_h1(page)
    assert "Western Allies Join Kurds" in page
    assert "Real article" in page
    for skill in ("Sources", "Claims", "Framing"):
        assert f'<th scope="col">{skill}</th>' in page
    cells = re.search(r"<tbody><tr>((?:<td>\d+</td>)+)</tr></tbody>", page)
    assert cells is not None
    assert [int(n) for n in re.findall(r"\d+", cells.group(1))] == [
        counts[s] for s in ("sources", "claims", "framing")
    ]
    assert f"/teacher/library/versions/{world.version_id}/preview" in page
    assert f"/teacher/assign?version_id={world.version_id}" in page
    assert 'enctype="multipart/form-data"' in page


def _upload(client: FlaskClient, content: bytes, filename: str) -> Any:
    return client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
    )


def test_upload_a_new_article_a_new_version_and_an_unchanged_file(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    original = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    renamed = original.replace("id: raqqa-assault-2015", "id: raqqa-copy", 1)
    assert renamed != original
    response = _upload(teacher_client, renamed.encode(), "raqqa-copy.yaml")
    assert response.status_code == 302
    assert "new article" in text_of(teacher_client.get("/teacher/library"))

    response = _upload(teacher_client, renamed.encode(), "raqqa-copy.yml")
    assert "unchanged" in text_of(teacher_client.get(response.headers["Location"]))

    changed = renamed + "\n# a teacher's comment changes the file\n"
    response = _upload(teacher_client, changed.encode(), "chapter-2/raqqa-copy.yaml")
    assert "new version 2" in text_of(teacher_client.get(response.headers["Location"]))
    with app.app_context():
        article = db.session.scalars(select(Article).where(Article.slug == "raqqa-copy")).one()
        assert [v.number for v in article.versions] == [1, 2]
        assert article.versions[1].source_name == "raqqa-copy.yaml"


def test_upload_with_errors_shows_them_next_to_the_files_lines(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    response = _upload(teacher_client, BROKEN_YAML.encode(), "broken.yaml")
    page = text_of(response)
    assert response.status_code == 200
    one_h1(page)
    assert "broken.yaml was not imported" in page
    # The list at the top, as FILE:LINE: message, linking to the line.
    assert re.search(r'<a href="#line-3">broken.yaml:3: unknown key [^<]*qoute', page)
    assert re.search(r'<a href="#line-9">broken.yaml:9: [^<]*not_a_type', page)
    # Each problem under its own numbered line of the file.
    line3 = page.split('id="line-3"')[1].split("</li>")[0]
    assert "qoute: misspelt key" in line3 and "line-problem" in line3 and "has-problem" in page
    line4 = page.split('id="line-4"')[1].split("</li>")[0]
    assert "line-problem" not in line4
    assert 'id="line-11"' in page and 'id="line-12"' not in page
    with app.app_context():
        assert db.session.scalar(select(Article).where(Article.slug == "broken-article")) is None


def test_a_long_broken_upload_shows_the_lines_around_each_problem(
    teacher_client: FlaskClient, world: World
) -> None:
    original = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    padding = "".join(f"# comment line {n}\n" for n in range(2000))
    page = text_of(_upload(teacher_client, (padding + original + "qoute: late typo\n").encode(), "long.yaml"))
    last = 2000 + len(original.splitlines()) + 1
    assert f'<a href="#line-{last}">long.yaml:{last}: unknown key' in page
    assert f'id="line-{last}"' in page and f'id="line-{last - 3}"' in page
    assert 'id="line-1"' not in page and f'id="line-{last - 4}"' not in page
    assert f"Lines 1–{last - 4} have no problem and are not shown." in page


def test_upload_escapes_the_file_it_shows(teacher_client: FlaskClient, world: World) -> None:
    nasty = b"id: x\ntitle: <script>alert(1)</script>\nqoute: <img src=x onerror=alert(1)>\n"
    page = text_of(_upload(teacher_client, nasty, "nasty.yaml"))
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"id: x\n", "notes.txt", "Upload a .yaml or .yml file"),
        (b"", "", "Choose a YAML file to upload."),
    ],
)
def test_upload_refuses_a_missing_or_wrong_kind_of_file(
    teacher_client: FlaskClient, world: World, content: bytes, filename: str, message: str
) -> None:
    if filename:
        response = _upload(teacher_client, content, filename)
    else:
        response = teacher_client.post("/teacher/library/upload", data={}, content_type="multipart/form-data")
    page = text_of(response)
    assert response.status_code == 200
    assert f'id="file-error">{message}' in page


def test_upload_of_binary_or_oversized_data_is_refused_clearly(
    teacher_client: FlaskClient, world: World
) -> None:
    page = text_of(_upload(teacher_client, b"\x00\xff\xfe binary \x00", "binary.yaml"))
    assert "binary.yaml was not imported" in page
    response = _upload(teacher_client, b"a: b\n" * 500_000, "huge.yaml")  # 2.5 MB: over MAX_CONTENT_LENGTH
    assert response.status_code == 413
    assert "too large" in text_of(response)


def test_preview_shows_the_quiz_with_answers_and_explanations(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    response = teacher_client.get(f"/teacher/library/versions/{world.version_id}/preview")
    page = text_of(response)
    assert response.status_code == 200
    one_h1(page)
    with app.app_context():
        from app.domain.generate import build_quiz
        from app.services import content

        version = db.session.get_one(ArticleVersion, world.version_id)
        questions = build_quiz(content.parse_version(version), content.current_vocabulary(), 1)
    assert f"Question 1 of {len(questions)}" in page
    assert f"Question {len(questions)} of {len(questions)}" in page
    for question in questions:
        assert question.prompt.replace("'", "&#39;").replace('"', "&#34;") in page
        if question.explanation:
            assert (
                question.explanation.split("\n")[0][:30].replace("'", "&#39;").replace('"', "&#34;") in page
            )
    assert "right answer" in page
    assert page.count('class="answer-key"') == len(questions)


def test_preview_with_another_seed_and_every_question(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    url = f"/teacher/library/versions/{world.version_id}/preview"
    one = text_of(teacher_client.get(url + "?seed=1"))
    two = text_of(teacher_client.get(url + "?seed=2"))
    assert "seed 2" in two and one != two
    assert "seed 1" in text_of(teacher_client.get(url + "?seed=not-a-number"))
    every = text_of(teacher_client.get(url + "?all=1"))
    with app.app_context():
        version = db.session.get_one(ArticleVersion, world.version_id)
        total = sum(version.skill_counts.values())
    assert f"Every question this article allows ({total})" in every
    assert every.count('class="answer-key"') == total


def test_preview_of_a_missing_version_is_404(teacher_client: FlaskClient, world: World) -> None:
    assert teacher_client.get("/teacher/library/versions/999999/preview").status_code == 404


# --- Assignments ------------------------------------------------------------------------------------


def _assign_form(world: World, **changes: str) -> dict[str, str]:
    data = {
        "class_id": str(world.class_id),
        "version_id": str(world.version_id),
        "title": "",
        "due_at": "",
        "attempts_policy": "one",
        "feedback_mode": "practice",
    }
    data.update(changes)
    return data


def test_assign_form_preselects_class_or_article(teacher_client: FlaskClient, world: World) -> None:
    page = text_of(teacher_client.get(f"/teacher/assign?class_id={world.class_id}"))
    one_h1(page)
    assert f'<option selected value="{world.class_id}">Year 9 English</option>' in page
    assert "Other class" not in page
    page = text_of(teacher_client.get(f"/teacher/assign?version_id={world.version_id}"))
    assert re.search(rf'<option selected value="{world.version_id}">Western Allies', page)
    assert 'type="datetime-local"' in page and "UTC" in page
    assert '<input checked id="feedback_mode-0" name="feedback_mode" type="radio" value="practice">' in page
    assert '<input checked id="attempts_policy-0" name="attempts_policy" type="radio" value="one">' in page


def test_assign_with_defaults(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.post("/teacher/assign", data=_assign_form(world))
    assert response.status_code == 302
    assert response.headers["Location"] == f"/teacher/classes/{world.class_id}"
    with app.app_context():
        newest = db.session.scalars(select(Assignment).order_by(Assignment.id.desc())).first()
        assert newest is not None
        assert newest.title.startswith("Western Allies Join Kurds")
        assert (newest.attempts_policy, newest.feedback_mode, newest.due_at) == ("one", "practice", None)
        assert newest.quiz.questions
        assert newest.quiz.article_version_id == world.version_id


def test_assign_with_a_due_date_in_utc_and_test_mode(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    due = (datetime.now(UTC) + timedelta(days=3)).replace(second=0, microsecond=0)
    form = _assign_form(
        world,
        title="Homework: who said it?",
        due_at=due.strftime("%Y-%m-%dT%H:%M"),
        attempts_policy="unlimited",
        feedback_mode="test",
    )
    response = teacher_client.post("/teacher/assign", data=form)
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.scalars(
            select(Assignment).where(Assignment.title == "Homework: who said it?")
        ).one()
        assert assignment.due_at == due
        assert (assignment.attempts_policy, assignment.feedback_mode) == ("unlimited", "test")
    page = text_of(teacher_client.get(response.headers["Location"]))
    # The class has no zone of its own and the server's default is UTC: shown in it, with its name.
    assert f"{due.day} {due:%b %Y, %H:%M} (UTC)" in page
    assert "Unlimited attempts, best score kept" in page and "Test: feedback at the end" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"due_at": "2001-01-01T10:00"}, "due_at", "That time has already passed."),
        ({"due_at": "next tuesday"}, "due_at", "Not a valid datetime value."),
        ({"title": "t" * 201}, "title", "Use at most 200 characters."),
        ({"attempts_policy": "three"}, "attempts_policy", "Not a valid choice."),
        ({"version_id": "999999"}, "version_id", "Not a valid choice."),
    ],
)
def test_assign_with_bad_input(
    app: Flask, teacher_client: FlaskClient, world: World, changes: dict[str, str], field: str, message: str
) -> None:
    response = teacher_client.post("/teacher/assign", data=_assign_form(world, **changes))
    page = text_of(response)
    assert response.status_code == 200
    assert re.search(rf'id="{field}-error">[^<]*{re.escape(message)}', page), page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Assignment)) == 2


def test_assign_to_another_teachers_or_an_archived_class_is_refused(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    page = text_of(
        teacher_client.post("/teacher/assign", data=_assign_form(world, class_id=str(world.other_class_id)))
    )
    assert 'id="class_id-error">Not a valid choice.' in page
    teacher_client.post(f"/teacher/classes/{world.class_id}/archive")
    page = text_of(teacher_client.get("/teacher/assign"))
    assert "You need an active class first." in page
    response = teacher_client.post("/teacher/assign", data=_assign_form(world))
    assert "Create a class and import an article first" in text_of(response)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Assignment)) == 2


def test_assigned_questions_do_not_change_when_the_article_changes(
    app: Flask, teacher_client: FlaskClient, world: World, tmp_path: Path
) -> None:
    teacher_client.post("/teacher/assign", data=_assign_form(world, title="Frozen"))
    with app.app_context():
        frozen = (
            db.session.scalars(select(Assignment).where(Assignment.title == "Frozen")).one().quiz.questions
        )
    changed = SAMPLE_ARTICLE.read_text(encoding="utf-8") + "\n# edited later\n"
    # The sample belongs to the school: a new version comes from the command line's import.
    edited = tmp_path / "raqqa-assault-2015.yaml"
    edited.write_text(changed, encoding="utf-8")
    with app.app_context():
        [outcome] = content.import_paths([str(edited)])
        assert outcome.status == "updated", outcome.problems
    with app.app_context():
        assignment = db.session.scalars(select(Assignment).where(Assignment.title == "Frozen")).one()
        assert assignment.quiz.questions == frozen
        assert assignment.quiz.article_version_id == world.version_id
        assert db.session.scalar(select(func.max(ArticleVersion.number))) == 2
