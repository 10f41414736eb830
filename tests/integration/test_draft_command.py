"""`flask questions draft` on a plain-text file and a saved news page, and the refusal to import,
upload or assign an article whose suggestions are not reviewed yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from app.domain.article_yaml import document_to_yaml, yaml_to_document
from app.extensions import db
from app.models import Article, ArticleVersion
from app.services import content, quizzes
from tests import factories

DATA = Path(__file__).resolve().parent / "data"
SAVED_PAGE = DATA / "saved_news_page.html"
# Exactly the article's paragraphs in the saved page: no menu, advert, caption, share buttons,
# related or most-read links, tags, cookie banner or footer.
PAGE_PARAGRAPHS = (
    "The only ferry to Harlow Island could stop running by the end of the summer, after the county "
    "council voted on Thursday to cut its funding, according to the council's budget papers.",
    '"Without the ferry, older people on the island will be completely cut off," said Councillor Ruth '
    'Penhale, who represents the island. She said the council had "never once" asked islanders what '
    "they wanted.",
    "The council's finance chief, Martin Oakes, told the Coastline Herald that the service loses about "
    "£400,000 a year. He added that a private company may be willing to take it over.",
    "Experts say small island communities suffer when transport links are cut. Around 300 people live "
    "on Harlow Island all year round.",
    "One island shopkeeper, who asked not to be named, said the decision was a disaster for local "
    "businesses.",
)
PLAIN = (
    "Council Slams 'Reckless' Plan to Close Library\n"
    "\n"
    "The town library could close in June, according to a report by the council.\n"
    "\n"
    '"It is a disaster for families," said Councillor Jo Park.\n'
    "She added that 2,000 people use it every week.\n"
    "\n"
    "Critics say the building is too old.\n"
)


def validate(runner, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """`questions validate` accepts the file; its lines other than the summary."""
    result = runner.invoke(args=["questions", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 valid, 0 with errors" in result.output
    return [line for line in result.output.splitlines() if line.startswith(str(path))]


def only_unreviewed_warnings(lines: list[str]) -> None:
    assert lines
    assert all(": warning: " in line and "not yet reviewed" in line for line in lines), lines


def test_draft_of_a_plain_text_file_validates_with_only_unreviewed_suggestion_warnings(
    runner, tmp_path: Path
) -> None:
    source = tmp_path / "library.txt"
    source.write_text(PLAIN, encoding="utf-8")
    output = tmp_path / "library.yaml"
    result = runner.invoke(args=["questions", "draft", str(source), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "suggestion(s) to review" in result.output
    only_unreviewed_warnings(validate(runner, output))
    document = yaml_to_document(output.read_text(encoding="utf-8"))
    assert document["id"] == "council-slams-reckless-plan-to-close-library"
    assert document["title"] == "Council Slams 'Reckless' Plan to Close Library"
    assert document["text"].rstrip("\n").split("\n\n") == [
        "The town library could close in June, according to a report by the council.",
        '"It is a disaster for families," said Councillor Jo Park. She added that 2,000 people use it '
        "every week.",
        "Critics say the building is too old.",
    ]
    assert all(
        item["suggested"] is True for key in ("sources", "claims", "framing") for item in document[key]
    )


def test_draft_of_a_saved_news_page_keeps_only_the_articles_paragraphs(runner, tmp_path: Path) -> None:
    output = tmp_path / "ferry.yaml"
    result = runner.invoke(args=["questions", "draft", str(SAVED_PAGE), "--output", str(output)])
    assert result.exit_code == 0, result.output
    only_unreviewed_warnings(validate(runner, output))
    document = yaml_to_document(output.read_text(encoding="utf-8"))
    assert document["title"] == "Ferry Service to Harlow Island Axed in Budget Shock"
    assert document["id"] == "ferry-service-to-harlow-island-axed-in-budget"
    assert (document["outlet"], document["author"], document["published"]) == (
        "The Coastline Herald",
        "Nadia Brooks",
        "2026-03-14",
    )
    assert tuple(document["text"].rstrip("\n").split("\n\n")) == PAGE_PARAGRAPHS
    sources = {s["name"]: s for s in document["sources"]}
    assert sources["Councillor Ruth Penhale"]["type"] == "named_official"
    assert sources["the Coastline Herald"]["type"] == "news_outlet"
    assert sources["One island shopkeeper"]["type"] == "anonymous"
    assert (
        sources["The council's finance chief, Martin Oakes"]["via"] == sources["the Coastline Herald"]["id"]
    )


def test_draft_prints_the_yaml_without_output_and_never_overwrites_a_file(runner, tmp_path: Path) -> None:
    source = tmp_path / "library.txt"
    source.write_text(PLAIN, encoding="utf-8")
    printed = runner.invoke(args=["questions", "draft", str(source)])
    assert printed.exit_code == 0
    assert printed.stdout.startswith("id: council-slams-reckless-plan-to-close-library\n")
    existing = tmp_path / "taken.yaml"
    existing.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(args=["questions", "draft", str(source), "--output", str(existing)])
    assert refused.exit_code == 1
    assert "exists already" in refused.output
    assert existing.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the text is empty"),
        ("headline-only.txt", b"Just a headline\n", "no paragraphs"),
        ("binary.txt", b"Headline\n\nText\x00more", "not text"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
)
def test_unusable_input_is_refused_with_a_reason(
    runner, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    result = runner.invoke(args=["questions", "draft", str(source)])
    assert result.exit_code == 1
    assert message in result.output


def _draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "library.yaml"
    path.write_text(document_to_yaml(_draft_document()), encoding="utf-8")
    return path


def _draft_document() -> dict[str, object]:
    from app.domain.drafting import draft_from_plain_text
    from app.services.lexicons import current_lexicons

    return draft_from_plain_text(PLAIN, current_lexicons())


def test_import_refuses_a_file_with_unreviewed_suggestions_and_names_them(
    runner, app_ctx: Flask, tmp_path: Path
) -> None:
    path = _draft_file(tmp_path)
    result = runner.invoke(args=["questions", "import", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1: " in result.output
    assert "suggestions not yet reviewed: source " in result.output
    assert "0 article(s) imported, 1 with errors" in result.output
    assert db.session.scalar(select(func.count()).select_from(Article)) == 0


def test_import_accepts_the_file_once_every_suggestion_is_reviewed(
    runner, app_ctx: Flask, tmp_path: Path
) -> None:
    document = _draft_document()
    for key in ("sources", "claims", "framing"):
        for item in document[key]:  # type: ignore[attr-defined]
            item.pop("suggested")
            for mention in item.get("mentions", []):
                mention.pop("suggested", None)
    path = tmp_path / "reviewed.yaml"
    path.write_text(document_to_yaml(document), encoding="utf-8")
    result = runner.invoke(args=["questions", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 article(s) imported" in result.output


def test_an_upload_with_unreviewed_suggestions_is_refused(app_ctx: Flask, tmp_path: Path) -> None:
    teacher = factories.make_teacher()
    data = _draft_file(tmp_path).read_bytes()
    outcome, result = content.import_upload(data, "library.yaml", teacher)
    assert outcome.status == "error"
    assert "suggestions not yet reviewed" in outcome.problems[0]
    assert result.article is None and not result.ok
    assert db.session.scalar(select(func.count()).select_from(ArticleVersion)) == 0


def test_assigning_a_stored_version_with_unreviewed_suggestions_is_refused(
    app_ctx: Flask, tmp_path: Path
) -> None:
    # Import refuses such a file, so store it the way any other path to the database would.
    teacher = factories.make_teacher()
    school_class = factories.make_class(teacher)
    data = _draft_file(tmp_path).read_bytes()
    result = content.validate_source(data, "library.yaml")
    assert result.article is not None
    content.store_article(data, "library.yaml", result, teacher)
    db.session.commit()
    version = db.session.scalar(select(ArticleVersion))
    assert version is not None
    with pytest.raises(content.ContentError, match="suggestions not yet reviewed: source "):
        quizzes.assign_quiz(school_class, version, seed=3)
    db.session.rollback()
    assert quizzes.assignments_of(school_class) == []


def test_a_saved_page_is_recognised_by_its_content_and_other_encodings_are_read(app_ctx: Flask) -> None:
    from app.services.drafts import decode_input, draft_document, looks_like_html

    page = SAVED_PAGE.read_bytes()
    assert looks_like_html(page.decode("utf-8"), "article.txt")
    assert looks_like_html("plain words", "saved.HTM")
    assert not looks_like_html("A headline about <html> tags\n\nText.", "notes.txt")
    assert (
        draft_document(page, "no-extension")["title"] == "Ferry Service to Harlow Island Axed in Budget Shock"
    )
    windows = "Caf\u00e9 Owners Protest\n\nThe caf\u00e9 said rents rose by 50 per cent.\n".encode("cp1252")
    assert decode_input(windows).startswith("Café Owners Protest")
    assert draft_document(windows, "cafe.txt")["title"] == "Café Owners Protest"
