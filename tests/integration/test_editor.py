"""The article editor's pages and JSON check: new articles from a paste or a file, saving versions,
the round trip over every article in questions/, the page without JavaScript, who may do what,
and input that is too big or odd."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.domain.validation import collect_article_files
from app.extensions import db
from app.models import Article, ArticleVersion, Teacher
from app.services import content
from tests.conftest import QUESTIONS_DIR, make_config
from tests.factories import (
    import_sample,
    login_student,
    login_teacher,
    make_class,
    make_student,
    make_teacher,
)

PASTED = """Council Slams Bus Cuts as Riders Face Chaos

Bus services in Millbrook could be cut by a third next year, according to a council report.

"This is a disaster for older people," said Councillor Priya Shah.
She added that many residents depend on the buses.

Experts say fewer buses will mean more cars on the roads.
The bus company reportedly plans to close two depots.
"""
SAVED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry timetable cut leaves islanders stranded | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="advert">Advertisement: Buy two ferry tickets for the price of one!</div>
<article>
<h1>Ferry timetable cut leaves islanders stranded</h1>
<p class="byline">By Sam Reed</p>
<p>The ferry to Kerra Island will run only twice a day from next month, the operator announced on Monday.
Islanders say the change will make it impossible to commute to the mainland for work.</p>
<p>"We have had no choice but to cut the service because fuel costs have doubled," said Dana Moor,
a spokesperson for Harbour Ferries. She added that the company could restore some sailings in the summer.</p>
<figure><img src="ferry.jpg" alt="">
<figcaption>The ferry at Kerra pier. Photo: Harbour Gazette</figcaption></figure>
<p>The island's council reportedly plans to ask the government for money to keep the morning sailing.
Critics say the operator has cut services on other routes too.</p>
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Bridge plan shelved</a></li></ul></aside>
<footer>© The Harbour Gazette</footer>
</body></html>
"""
REVIEWED = """\
id: my-bus-article
title: Bus cuts announced
text: |
  Bus services could be cut by a third, according to a council report.

sources:
  - id: report
    name: a council report
    type: document_or_data
    mentions:
      - quote: "according to a council report"
    note: A report can be checked.
claims:
  - quote: "Bus services could be cut by a third"
    status: hedged
    cues: [could]
    note: Could is not will.
"""


@pytest.fixture
def config_overrides() -> dict[str, Any]:
    return {}


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path, config_overrides: dict[str, Any]) -> dict[str, Any]:
    return make_config(migrated_database, tmp_path, **config_overrides)


@pytest.fixture
def teachers(app: Flask) -> dict[str, int]:
    with app.app_context():
        owner = make_teacher("owner@school.example")
        other = make_teacher("other@school.example")
        school_version = import_sample()
        ids = {"owner": owner.id, "other": other.id, "school_version": school_version.id}
        db.session.commit()
        return ids


@pytest.fixture
def owner(app: Flask, teachers: dict[str, int]) -> FlaskClient:
    client = app.test_client()
    login_teacher(client, "owner@school.example")
    return client


def text_of(response: Any) -> str:
    return response.get_data(as_text=True)


def setup_of(page: str) -> dict[str, Any]:
    """The editor's data, as the page gives it to the script."""
    match = re.search(r"data-editor-setup='([^']*)'", page)
    assert match is not None, "the editor page has no setup data"
    setup: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return setup


def versions_of(app: Flask, slug: str) -> list[ArticleVersion]:
    with app.app_context():
        versions = list(
            db.session.scalars(
                select(ArticleVersion)
                .join(Article)
                .where(Article.slug == slug)
                .order_by(ArticleVersion.number)
            )
        )
        db.session.expunge_all()
        return versions


def save(client: FlaskClient, **fields: str) -> Any:
    data = {"yaml": "", "document_json": ""}
    data.update(fields)
    return client.post("/teacher/library/editor/save", data=data)


# --- New article ---------------------------------------------------------------------------------


def test_library_offers_a_new_article(owner: FlaskClient) -> None:
    page = text_of(owner.get("/teacher/library"))
    assert 'href="/teacher/library/new"' in page
    form = text_of(owner.get("/teacher/library/new"))
    assert 'name="pasted"' in form and 'name="file"' in form and 'name="csrf_token"' in form


def test_a_pasted_article_opens_the_editor_on_its_draft(owner: FlaskClient) -> None:
    response = owner.post("/teacher/library/new", data={"pasted": PASTED})
    assert response.status_code == 200
    page = text_of(response)
    assert "New article: Council Slams Bus Cuts as Riders Face Chaos" in page
    state = setup_of(page)["state"]
    document = state["document"]
    assert document["id"] == "council-slams-bus-cuts-as-riders-face-chaos"
    assert document["text"].startswith("Bus services in Millbrook")
    assert all(item.get("suggested") is True for item in document["claims"])
    # Every suggestion is located in the text for the editor to highlight.
    assert all(loc is not None for loc in state["locations"]["claims"])
    assert all(loc is not None for loc in state["locations"]["framing"])
    # Valid, with "not yet reviewed" warnings only.
    assert state["errors"] == 0 and state["warnings"] > 0
    assert any("not yet reviewed" in p["message"] for p in state["problems"])
    # The YAML form (the page without JavaScript) holds the same draft.
    assert "suggested: true" in page and "<textarea" in page


def test_an_uploaded_html_page_opens_the_editor_with_the_articles_paragraphs(owner: FlaskClient) -> None:
    upload = (io.BytesIO(SAVED_PAGE.encode()), "ferry.html")
    response = owner.post(
        "/teacher/library/new", data={"pasted": "", "file": upload}, content_type="multipart/form-data"
    )
    assert response.status_code == 200, text_of(response)
    document = setup_of(text_of(response))["state"]["document"]
    assert document["title"] == "Ferry timetable cut leaves islanders stranded"
    assert "operator announced on Monday" in document["text"]
    for clutter in ("Advertisement", "Related stories", "Photo: Harbour Gazette", "Sport"):
        assert clutter not in document["text"]


def test_an_uploaded_text_file_is_drafted_like_a_paste(owner: FlaskClient) -> None:
    upload = (io.BytesIO(PASTED.encode()), "bus.txt")
    response = owner.post("/teacher/library/new", data={"file": upload}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert setup_of(text_of(response))["state"]["document"]["title"].startswith("Council Slams")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"pasted": ""}, "Paste an article"),
        ({"pasted": "Only a headline"}, "no paragraphs"),
        ({"file": (io.BytesIO(b"x"), "article.pdf")}, ".txt file"),
        ({"file": (io.BytesIO(b"Headline\n\n\x00text"), "article.txt")}, "NUL"),
    ],
)
def test_a_new_article_that_cannot_be_drafted_says_why(
    owner: FlaskClient, data: dict[str, Any], message: str
) -> None:
    response = owner.post("/teacher/library/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert message in text_of(response)


def test_pasted_text_is_escaped_in_the_editor(owner: FlaskClient) -> None:
    pasted = "A <script>alert(1)</script> headline' data-x='1\n\nThe mayor said the <b>bridge</b> will close."
    page = text_of(owner.post("/teacher/library/new", data={"pasted": pasted}))
    assert "<script>alert(1)</script>" not in page
    assert "' data-x='1" not in page
    # The editor's data (an HTML attribute) reads back exactly as pasted.
    assert setup_of(page)["state"]["document"]["title"] == "A <script>alert(1)</script> headline' data-x='1"
    assert "<b>bridge</b>" not in page
    assert "&lt;b&gt;bridge&lt;/b&gt;" in page


# --- Saving ----------------------------------------------------------------------------------------


def test_saving_the_editors_document_creates_a_version_and_offers_the_yaml(
    app: Flask, owner: FlaskClient, teachers: dict[str, int]
) -> None:
    document = setup_of(text_of(owner.post("/teacher/library/new", data={"pasted": PASTED})))["state"][
        "document"
    ]
    for section in ("sources", "claims", "framing"):
        for item in document[section]:
            item.pop("suggested", None)
            for mention in item.get("mentions", []):
                mention.pop("suggested", None)
    document["claims"][0]["note"] = "A report says so; nobody is named."
    response = save(owner, document_json=json.dumps(document))
    assert response.status_code == 302
    [version] = versions_of(app, document["id"])
    assert response.location.endswith(f"/teacher/library/versions/{version.id}/edit")
    assert version.uploaded_by_id == teachers["owner"]
    assert "A report says so; nobody is named." in version.source_text
    page = text_of(owner.get(response.location))
    assert "Saved “Council Slams Bus Cuts as Riders Face Chaos”: new article" in page
    download = owner.get(f"/teacher/library/versions/{version.id}/download")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == f'attachment; filename="{document["id"]}.yaml"'
    assert download.get_data(as_text=True) == version.source_text
    # The library lists it, with Edit for its owner.
    library = text_of(owner.get("/teacher/library"))
    assert "Council Slams Bus Cuts as Riders Face Chaos" in library
    assert f"/teacher/library/versions/{version.id}/edit" in library


def test_saving_again_makes_a_new_version_and_unchanged_text_none(app: Flask, owner: FlaskClient) -> None:
    assert save(owner, yaml=REVIEWED).status_code == 302
    assert save(owner, yaml=REVIEWED).status_code == 302
    assert [v.number for v in versions_of(app, "my-bus-article")] == [1]
    assert (
        save(owner, yaml=REVIEWED.replace("Could is not will.", "Could is not the same as will.")).status_code
        == 302
    )
    assert [v.number for v in versions_of(app, "my-bus-article")] == [1, 2]


def test_unreviewed_suggestions_are_not_saved_and_are_named(app: Flask, owner: FlaskClient) -> None:
    document = setup_of(text_of(owner.post("/teacher/library/new", data={"pasted": PASTED})))["state"][
        "document"
    ]
    response = save(owner, document_json=json.dumps(document))
    assert response.status_code == 422
    page = text_of(response)
    assert "not yet reviewed" in page
    assert versions_of(app, document["id"]) == []


def test_download_of_an_unsaved_draft(owner: FlaskClient) -> None:
    response = owner.post("/teacher/library/editor/download", data={"yaml": REVIEWED, "document_json": ""})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="my-bus-article.yaml"'
    assert response.get_data(as_text=True) == REVIEWED


# --- The round trip over questions/ -------------------------------------------------------------------


def _annotations(app: Flask, version: ArticleVersion) -> tuple[Any, ...]:
    with app.app_context():
        article = content.parse_version(version)
        return (
            article.id,
            article.title,
            article.paragraphs,
            article.sources,
            article.claims,
            article.framing,
            article.framing_complete,
            article.questions,
            article.fictional,
            article.quiz_length,
            article.meta,
        )


ARTICLE_FILES = [Path(p) for p in collect_article_files([str(QUESTIONS_DIR)])]


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=[p.name for p in ARTICLE_FILES])
def test_every_article_in_questions_opens_and_saves_unchanged(
    app: Flask, teachers: dict[str, int], path: Path
) -> None:
    """Open the article in the editor and save what the editor sends, untouched: the stored version
    has the same text and the same annotations as the file (through the page, as the script does)."""
    client = app.test_client()
    login_teacher(client, "other@school.example")
    data = path.read_bytes()
    with app.app_context():
        # The other teacher owns a copy of each file (the school's copies are the command line's).
        result = content.validate_source(data, path.name)
        assert result.article is not None, result.problems
        slug = result.article.id
        if db.session.scalar(select(Article).where(Article.slug == slug)) is not None:
            data = data.replace(f"id: {slug}".encode(), f"id: {slug}-copy".encode(), 1)
            slug = f"{slug}-copy"
        outcome, _ = content.import_upload(data, path.name, db.session.get_one(Teacher, teachers["other"]))
        assert outcome.status == "new", outcome.problems
    [original] = versions_of(app, slug)
    page = text_of(client.get(f"/teacher/library/versions/{original.id}/edit"))
    state = setup_of(page)["state"]
    assert state["errors"] == 0, state["problems"]
    # Every annotation is found in the text for the editor to highlight.
    for section, items in state["locations"].items():
        flat = [loc for item in items for loc in (item if isinstance(item, list) else [item])]
        assert None not in flat, section
    response = save(client, document_json=json.dumps(state["document"]))
    assert response.status_code == 302, text_of(response)
    versions = versions_of(app, slug)
    assert _annotations(app, versions[-1]) == _annotations(app, original)


# --- Without JavaScript ---------------------------------------------------------------------------


def test_without_javascript_the_page_is_a_yaml_form_with_line_numbered_problems(
    app: Flask, owner: FlaskClient
) -> None:
    broken = REVIEWED.replace("status: hedged", "status: hedgd")
    response = save(owner, yaml=broken)
    assert response.status_code == 422
    page = text_of(response)
    # The text the teacher typed comes back in the textarea, with the problem on its line.
    assert "status: hedgd" in page
    line = broken.splitlines().index("    status: hedgd") + 1
    assert re.search(rf"\(line {line}, claims 1\): [^<]*hedgd", page), page
    assert versions_of(app, "my-bus-article") == []
    fixed = save(owner, yaml=broken.replace("hedgd", "hedged"))
    assert fixed.status_code == 302
    assert [v.number for v in versions_of(app, "my-bus-article")] == [1]


def test_the_yaml_form_reports_broken_yaml_on_its_line(owner: FlaskClient) -> None:
    response = save(owner, yaml="id: x\ntitle: [unclosed\ntext: |\n  Words.\n")
    assert response.status_code == 422
    assert "(line " in text_of(response)


# --- Who may do what -------------------------------------------------------------------------------


def test_another_teachers_article_is_not_found_and_cannot_be_overwritten(
    app: Flask, owner: FlaskClient, teachers: dict[str, int]
) -> None:
    assert save(owner, yaml=REVIEWED).status_code == 302
    [version] = versions_of(app, "my-bus-article")
    other = app.test_client()
    login_teacher(other, "other@school.example")
    assert other.get(f"/teacher/library/versions/{version.id}/edit").status_code == 404
    assert other.get(f"/teacher/library/versions/{version.id}/download").status_code == 404
    refused = save(other, yaml=REVIEWED.replace("Could is not will.", "Mine now."))
    assert refused.status_code == 422
    assert "another teacher already has an article with the id" in text_of(refused)
    assert [v.number for v in versions_of(app, "my-bus-article")] == [1]


def test_the_schools_article_opens_but_saving_asks_for_a_new_id(
    app: Flask, owner: FlaskClient, teachers: dict[str, int]
) -> None:
    page = text_of(owner.get(f"/teacher/library/versions/{teachers['school_version']}/edit"))
    document = setup_of(page)["state"]["document"]
    response = save(owner, document_json=json.dumps(document))
    assert response.status_code == 422
    assert "shared library" in text_of(response)


@pytest.mark.parametrize(
    "method, url",
    [
        ("GET", "/teacher/library/new"),
        ("POST", "/teacher/library/new"),
        ("GET", "/teacher/library/versions/{v}/edit"),
        ("GET", "/teacher/library/versions/{v}/download"),
        ("POST", "/teacher/library/editor/check"),
        ("POST", "/teacher/library/editor/save"),
        ("POST", "/teacher/library/editor/download"),
    ],
)
def test_visitors_and_students_may_not_use_the_editor(
    app: Flask, client: FlaskClient, teachers: dict[str, int], method: str, url: str
) -> None:
    url = url.format(v=teachers["school_version"])
    anonymous = client.open(url, method=method)
    assert anonymous.status_code == 302 and "/login" in anonymous.location
    with app.app_context():
        teacher = db.session.get_one(Teacher, teachers["owner"])
        student = make_student(make_class(teacher))
        student_client = app.test_client()
        login_student(student_client, student)
    assert student_client.open(url, method=method).status_code == 403


# --- The live check ----------------------------------------------------------------------------------


def test_the_check_ties_problems_to_annotations_and_renders_the_preview(owner: FlaskClient) -> None:
    document = {
        "id": "check-me",
        "title": "A title",
        "text": "The mayor said the bridge will close.\n\nIt may reopen in May, officials said.",
        "sources": [
            {
                "id": "mayor",
                "name": "the mayor",
                "type": "named_official",
                "mentions": [{"quote": "The mayor said"}],
            },
        ],
        "claims": [
            {"quote": "the bridge will close", "status": "attributed", "source": "mayor"},
            {"quote": "It may reopen in May", "status": "hedgd", "cues": ["may"]},
        ],
    }
    response = owner.post("/teacher/library/editor/check", json={"document": document})
    assert response.status_code == 200
    body = response.get_json()
    assert body["errors"] >= 1 and not body["valid"]
    [problem] = [p for p in body["problems"] if "hedgd" in p["message"]]
    assert (problem["section"], problem["index"]) == ("claims", 1)
    assert body["locations"]["claims"] == [
        {"block": 1, "start": 3, "end": 7},
        {"block": 2, "start": 0, "end": 5},
    ]
    assert body["locations"]["sources"] == [[{"block": 1, "start": 0, "end": 3}]]
    assert "status: hedgd" in body["yaml"]
    assert "once the article has no problems" in body["preview_html"]
    document["claims"][1]["status"] = "hedged"
    fixed = owner.post("/teacher/library/editor/check", json={"document": document}).get_json()
    assert fixed["valid"] and fixed["errors"] == 0
    assert "question-card" in fixed["preview_html"]
    # "officials said" is in no source's mentions: the preview names it, with the words around it.
    assert "Words no annotation covers" in fixed["preview_html"]
    assert (
        "'in May, officials [said]' (paragraph 2) reads as an attribution but is in no source's mentions"
        in html.unescape(fixed["preview_html"])
    )


@pytest.mark.parametrize(
    "body, status",
    [
        ("not json", 400),
        (json.dumps([1, 2]), 400),
        (json.dumps({"document": "text"}), 422),
        (json.dumps({"document": {"id": "x", "title": "t", "text": "a" * 1_100_000}}), 422),
        ("[" * 100_000 + "]" * 100_000, 400),
        (
            json.dumps({"document": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": {"j": 1}}}}}}}}}}}),
            422,
        ),
        (json.dumps({"document": {"id": "x\u0000"}}), 422),
        (json.dumps({"document": {"title": "t", "text": "x" * 2_200_000}}), 413),
    ],
)
def test_the_check_refuses_odd_or_oversized_input_with_a_4xx(
    owner: FlaskClient, body: str, status: int
) -> None:
    response = owner.post("/teacher/library/editor/check", data=body, content_type="application/json")
    assert response.status_code == status


def test_oversized_pastes_and_files_are_refused_with_a_4xx(owner: FlaskClient) -> None:
    big = "Headline\n\n" + "word " * 250_000
    assert owner.post("/teacher/library/new", data={"pasted": big}).status_code == 422
    upload = (io.BytesIO(big.encode()), "big.txt")
    response = owner.post("/teacher/library/new", data={"file": upload}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "at most" in text_of(response)
    assert save(owner, yaml="a: b\n" * 300_000).status_code in (413, 422)


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_every_editor_post_needs_the_csrf_token(
    app: Flask, client: FlaskClient, teachers: dict[str, int]
) -> None:
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', text_of(client.get("/login")))
    assert token is not None
    login = {
        "email": "owner@school.example",
        "password": "correct horse battery",
        "csrf_token": token.group(1),
    }
    assert client.post("/login", data=login).status_code == 302
    document = {"id": "x", "title": "T", "text": "Words here."}
    assert client.post("/teacher/library/editor/check", json={"document": document}).status_code == 400
    assert client.post("/teacher/library/new", data={"pasted": PASTED}).status_code == 400
    assert save(client, yaml=REVIEWED).status_code == 400
    page = text_of(client.get("/teacher/library/new"))
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token is not None
    checked = client.post(
        "/teacher/library/editor/check", json={"document": document}, headers={"X-CSRFToken": token.group(1)}
    )
    assert checked.status_code == 200
