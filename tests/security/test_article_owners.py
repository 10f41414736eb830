"""An article belongs to whoever stored it first: another teacher's upload with the same id is
refused (it used to replace the first teacher's article silently), the school's articles from
questions/ change through the command line only, and teachers see only the school's and their own."""

from __future__ import annotations

import html
import io
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.extensions import db
from app.models import Article, ArticleVersion
from app.services import content
from tests.conftest import QUESTIONS_DIR
from tests.factories import login_teacher, make_class, make_teacher

ARTICLE = """\
id: {slug}
title: {title}
text: The mayor said the fair will reopen on Sunday.
claims:
  - quote: the fair will reopen on Sunday
    status: hedged
"""


def _upload(client: FlaskClient, slug: str, title: str) -> str:
    data = ARTICLE.format(slug=slug, title=title).encode()
    response = client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(data), f"{slug}.yaml")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def _versions(slug: str) -> list[tuple[int, int | None, str]]:
    return [
        (v.number, v.uploaded_by_id, v.title)
        for v in db.session.scalars(
            select(ArticleVersion).join(Article).where(Article.slug == slug).order_by(ArticleVersion.number)
        )
    ]


def test_another_teachers_upload_with_the_same_id_is_refused_and_changes_nothing(app: Flask) -> None:
    with app.app_context():
        alice, bob = make_teacher(), make_teacher()
        alice_id, alice_email, bob_email = alice.id, alice.email, bob.email
    alice_client, bob_client = app.test_client(), app.test_client()
    login_teacher(alice_client, alice_email)
    login_teacher(bob_client, bob_email)
    _upload(alice_client, "town-fair", "Alice's fair")
    page = _upload(bob_client, "town-fair", "Bob's fair")
    assert "another teacher already has an article with the id 'town-fair'" in page
    assert "such as 'town-fair-2'" in page
    with app.app_context():
        assert _versions("town-fair") == [(1, alice_id, "Alice's fair")]
        assert db.session.scalar(select(Article.owner_id).where(Article.slug == "town-fair")) == alice_id
    assert "Alice&#39;s fair" in alice_client.get("/teacher/library").get_data(as_text=True)
    assert "Alice" not in bob_client.get("/teacher/library").get_data(as_text=True)


def test_the_owner_can_upload_a_new_version(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher()
        teacher_id, email = teacher.id, teacher.email
    login_teacher(client, email)
    _upload(client, "town-fair", "First")
    _upload(client, "town-fair", "Second")
    with app.app_context():
        assert _versions("town-fair") == [(1, teacher_id, "First"), (2, teacher_id, "Second")]


def test_other_teachers_cannot_preview_or_assign_an_article_that_is_not_theirs(app: Flask) -> None:
    with app.app_context():
        alice, bob = make_teacher(), make_teacher()
        bob_class_id = make_class(bob).id
        alice_email, bob_email = alice.email, bob.email
    alice_client, bob_client = app.test_client(), app.test_client()
    login_teacher(alice_client, alice_email)
    login_teacher(bob_client, bob_email)
    _upload(alice_client, "town-fair", "Alice's fair")
    with app.app_context():
        version_id = db.session.scalar(
            select(ArticleVersion.id).join(Article).where(Article.slug == "town-fair")
        )
    assert alice_client.get(f"/teacher/library/versions/{version_id}/preview").status_code == 200
    assert bob_client.get(f"/teacher/library/versions/{version_id}/preview").status_code == 404
    form = {
        "class_id": str(bob_class_id),
        "version_id": str(version_id),
        "title": "Stolen",
        "attempts_policy": "one",
        "feedback_mode": "practice",
        "late_policy": "accept",
        "answers_shown": "submitted",
    }
    bob_client.post("/teacher/assign", data=form)
    with app.app_context():
        from app.models import Assignment

        assert db.session.scalar(select(func.count()).select_from(Assignment)) == 0


def test_the_schools_articles_change_only_through_the_command_line(app: Flask, client: FlaskClient) -> None:
    sample = QUESTIONS_DIR / "practice-river-pollution.yaml"
    with app.app_context():
        [outcome] = content.import_paths([str(sample)])
        assert outcome.status == "new"
        email = make_teacher().email
    login_teacher(client, email)
    response = client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(sample.read_bytes() + b"\n# mine\n"), sample.name)},
        content_type="multipart/form-data",
    )
    page = html.unescape(response.get_data(as_text=True))
    assert "belongs to the school's shared library" in page
    with app.app_context():
        slug = db.session.scalar(select(Article.slug))
        assert slug is not None
        assert [n for n, _, _ in _versions(slug)] == [1]


def test_the_command_line_does_not_overwrite_a_teachers_article(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    with app.app_context():
        email = make_teacher().email
    login_teacher(client, email)
    _upload(client, "town-fair", "Teacher's fair")
    school_copy = tmp_path / "town-fair.yaml"
    school_copy.write_text(ARTICLE.format(slug="town-fair", title="School's fair"))
    with app.app_context():
        [outcome] = content.import_paths([str(school_copy)])
        assert outcome.status == "error"
        assert "belongs to a teacher who uploaded it" in outcome.problems[0]
        assert [t for _, _, t in _versions("town-fair")] == ["Teacher's fair"]
