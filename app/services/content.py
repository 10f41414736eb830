"""Articles: validate YAML files, store them as versions, make quizzes from them."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from app.domain.article import SKILLS, Vocabulary
from app.domain.article import Article as DomainArticle
from app.domain.generate import all_questions, build_quiz
from app.domain.validation import ValidationResult, validate_article, validate_files
from app.domain.vocabulary import load_vocabulary
from app.extensions import db
from app.models import Article, ArticleVersion, Quiz


class ContentError(Exception):
    """Content that cannot be used; ``problems`` are the validator's lines."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def questions_dir() -> Path:
    return Path(current_app.config["QUESTIONS_DIR"])


def vocabulary_path() -> Path:
    return questions_dir() / "vocabulary.yaml"


_vocabulary_cache: dict[tuple[str, float], Vocabulary] = {}


def current_vocabulary() -> Vocabulary:
    """The vocabulary file, re-read when it changes on disk (teachers may add a technique)."""
    path = vocabulary_path()
    try:
        key = (str(path), path.stat().st_mtime)
    except FileNotFoundError as exc:
        raise ContentError(f"{path}: the vocabulary file is missing") from exc
    cached = _vocabulary_cache.get(key)
    if cached is None:
        vocabulary, problems = load_vocabulary(path.read_bytes(), str(path))
        if vocabulary is None:
            raise ContentError(f"{path} has errors", [str(p) for p in problems])
        _vocabulary_cache.clear()
        _vocabulary_cache[key] = cached = vocabulary
    return cached


@dataclass
class ImportOutcome:
    path: str
    slug: str | None = None
    version: int | None = None
    status: str = "error"  # "new" | "updated" | "unchanged" | "error"
    problems: list[str] = field(default_factory=list)


def validate_source(data: str | bytes, name: str) -> ValidationResult:
    return validate_article(data, name, current_vocabulary())


def store_article(data: bytes, name: str, result: ValidationResult) -> ImportOutcome:
    """Store a validated file as a new version unless its content is unchanged.  Does not commit."""
    article = result.article
    assert article is not None
    text = data.decode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    record = db.session.scalar(select(Article).where(Article.slug == article.id))
    if record is None:
        record = Article(slug=article.id)
        db.session.add(record)
        db.session.flush()
        latest = None
    else:
        latest = db.session.scalar(
            select(ArticleVersion)
            .where(ArticleVersion.article_id == record.id)
            .order_by(ArticleVersion.number.desc())
            .limit(1)
        )
    if latest is not None and latest.content_hash == digest:
        return ImportOutcome(name, article.id, latest.number, "unchanged")
    number = 1 if latest is None else latest.number + 1
    db.session.add(
        ArticleVersion(
            article_id=record.id,
            number=number,
            content_hash=digest,
            source_name=Path(name).name,
            source_text=text,
            title=article.title,
            level=article.meta.get("level", ""),
            outlet=article.meta.get("outlet", ""),
            fictional=article.fictional,
            skill_counts=skill_counts(article),
        )
    )
    db.session.flush()
    return ImportOutcome(name, article.id, number, "new" if latest is None else "updated")


def import_paths(paths: list[str]) -> list[ImportOutcome]:
    """Validate and store every article file under ``paths``; files with errors are reported, not stored."""
    outcomes: list[ImportOutcome] = []
    for result in validate_files(paths, current_vocabulary()):
        if not result.ok or result.article is None:
            outcomes.append(ImportOutcome(result.path, problems=[str(p) for p in result.errors]))
            continue
        outcomes.append(store_article(Path(result.path).read_bytes(), result.path, result))
    db.session.commit()
    return outcomes


def import_upload(data: bytes, filename: str) -> tuple[ImportOutcome, ValidationResult]:
    """A file a teacher uploaded in the browser: validated exactly as the CLI does."""
    result = validate_source(data, filename)
    if not result.ok or result.article is None:
        return ImportOutcome(filename, problems=[str(p) for p in result.errors]), result
    outcome = store_article(data, filename, result)
    db.session.commit()
    return outcome, result


def skill_counts(article: DomainArticle) -> dict[str, int]:
    counts = dict.fromkeys(SKILLS, 0)
    for question in all_questions(article, current_vocabulary(), random.Random(0)):
        counts[question.skill] = counts.get(question.skill, 0) + 1
    return counts


# A stored version never changes, so its article is parsed once per process and vocabulary
# (previews, assigning and every question page read it); bounded like any cache.
_PARSED_CACHE_SIZE = 64
_parsed_cache: dict[str, tuple[Vocabulary, DomainArticle]] = {}


def parse_version(version: ArticleVersion) -> DomainArticle:
    """The domain article of a stored version (validated again against today's vocabulary)."""
    vocabulary = current_vocabulary()
    cached = _parsed_cache.get(version.content_hash)
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    result = validate_article(version.source_text, version.source_name, vocabulary)
    if result.article is None:
        raise ContentError(
            f"{version.source_name} (version {version.number}) no longer validates",
            [str(p) for p in result.errors],
        )
    if len(_parsed_cache) >= _PARSED_CACHE_SIZE:
        _parsed_cache.clear()
    _parsed_cache[version.content_hash] = (vocabulary, result.article)
    return result.article


def latest_versions() -> list[ArticleVersion]:
    """The newest version of every article, in title order, in one query."""
    newest = (
        select(ArticleVersion.article_id, func.max(ArticleVersion.number).label("number"))
        .group_by(ArticleVersion.article_id)
        .subquery()
    )
    return list(
        db.session.scalars(
            select(ArticleVersion)
            .join(
                newest,
                (ArticleVersion.article_id == newest.c.article_id)
                & (ArticleVersion.number == newest.c.number),
            )
            .order_by(ArticleVersion.title)
        )
    )


def create_quiz(version: ArticleVersion, seed: int) -> Quiz:
    """Freeze the questions of a version for one seed.  Does not commit (part of assigning)."""
    article = parse_version(version)
    questions = build_quiz(article, current_vocabulary(), seed)
    quiz = Quiz(article_version_id=version.id, seed=seed, questions=[q.to_dict() for q in questions])
    db.session.add(quiz)
    db.session.flush()
    return quiz
