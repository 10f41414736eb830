"""Articles: validate YAML files, store them as versions, make quizzes from them."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import func, select

from app.domain.article import SKILLS, Vocabulary
from app.domain.article import Article as DomainArticle
from app.domain.cache import LRUCache
from app.domain.generate import all_questions, build_quiz
from app.domain.text import Block
from app.domain.validation import (
    Problem,
    ValidationResult,
    refusal_message,
    unreviewed_suggestions,
    validate_article,
    validate_files,
)
from app.domain.vocabulary import load_vocabulary
from app.extensions import db
from app.models import Article, ArticleVersion, Quiz, Teacher
from app.services.errors import NotFound, ServiceError


class ContentError(ServiceError):
    """Content that cannot be used; ``problems`` are the validator's lines."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def questions_dir() -> Path:
    return Path(current_app.config["QUESTIONS_DIR"])


def vocabulary_path() -> Path:
    return questions_dir() / "vocabulary.yaml"


_vocabulary_cache: LRUCache[tuple[str, float], Vocabulary] = LRUCache(maxsize=8)


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
        _vocabulary_cache.put(key, vocabulary)
        cached = vocabulary
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


class UnreviewedSuggestions(ContentError):
    """An article that still has annotations marked ``suggested: true``: never stored or assigned."""


def _suggestions_problem(result: ValidationResult) -> Problem | None:
    """The refusal of an article with unreviewed suggestions, on its id's line (None if it has none)."""
    article = result.article
    suggestions = unreviewed_suggestions(article) if article is not None else []
    if not suggestions:
        return None
    return Problem(result.path, result.id_line, refusal_message(suggestions))


class NotYours(ContentError):
    """An article id that belongs to someone else: the message says whose and what to do."""


def _ownership_problem(record: Article, uploader: Teacher | None) -> str | None:
    owner_id = uploader.id if uploader is not None else None
    if record.owner_id == owner_id:
        return None
    example = f"{record.slug}-2"[:100]
    if record.owner_id is None:
        return (
            f"the article id '{record.slug}' belongs to the school's shared library, which only the "
            f"server's command line changes; to make your own version, change the id: line to a new "
            f"id, such as '{example}'"
        )
    if uploader is None:
        return (
            f"the article id '{record.slug}' belongs to a teacher who uploaded it in the browser; "
            f"give the file in questions/ another id, such as '{example}'"
        )
    return (
        f"another teacher already has an article with the id '{record.slug}'; change the id: line "
        f"to a new id, such as '{example}'"
    )


def store_article(
    data: bytes, name: str, result: ValidationResult, uploader: Teacher | None = None
) -> ImportOutcome:
    """Store a validated file as a new version unless its content is unchanged.  Does not commit.

    An article belongs to whoever stored it first (``uploader``; None is the school, through
    the command line): nobody else can add a version to it, which would replace theirs.
    """
    article = result.article
    assert article is not None
    text = data.decode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    record = db.session.scalar(select(Article).where(Article.slug == article.id))
    if record is not None:
        problem = _ownership_problem(record, uploader)
        if problem is not None:
            raise NotYours(problem)
    if record is None:
        record = Article(slug=article.id, owner_id=uploader.id if uploader is not None else None)
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
            uploaded_by_id=uploader.id if uploader is not None else None,
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
        unreviewed = _suggestions_problem(result)
        if unreviewed is not None:
            outcomes.append(ImportOutcome(result.path, problems=[str(unreviewed)]))
            continue
        try:
            outcomes.append(store_article(Path(result.path).read_bytes(), result.path, result))
        except NotYours as refusal:
            problem = f"{result.path}:{result.id_line}: {refusal}"
            outcomes.append(ImportOutcome(result.path, problems=[problem]))
    db.session.commit()
    return outcomes


def import_upload(data: bytes, filename: str, uploader: Teacher) -> tuple[ImportOutcome, ValidationResult]:
    """A file a teacher uploaded in the browser: validated exactly as the CLI does, and stored as
    theirs unless the id belongs to someone else (then refused, on the id's line)."""
    result = validate_source(data, filename)
    if not result.ok or result.article is None:
        return ImportOutcome(filename, problems=[str(p) for p in result.errors]), result
    unreviewed = _suggestions_problem(result)
    if unreviewed is not None:
        refused = replace(result, article=None, problems=(unreviewed, *result.problems))
        return ImportOutcome(filename, problems=[str(unreviewed)]), refused
    try:
        outcome = store_article(data, filename, result, uploader)
    except NotYours as refusal:
        db.session.rollback()
        problem = Problem(filename, result.id_line, str(refusal))
        refused = replace(result, article=None, problems=(problem, *result.problems))
        return ImportOutcome(filename, problems=[str(problem)]), refused
    db.session.commit()
    return outcome, result


def skill_counts(article: DomainArticle) -> dict[str, int]:
    counts = dict.fromkeys(SKILLS, 0)
    for question in all_questions(article, current_vocabulary(), random.Random(0)):
        counts[question.skill] = counts.get(question.skill, 0) + 1
    return counts


# A stored version never changes, so its article is parsed once per process and vocabulary
# (previews, assigning and every question page read it); bounded like any cache.
_parsed_cache: LRUCache[str, tuple[Vocabulary, DomainArticle]] = LRUCache(maxsize=64)


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
    _parsed_cache.put(version.content_hash, (vocabulary, result.article))
    return result.article


def parse_version_id(version_id: int, content_hash: str) -> DomainArticle:
    """``parse_version`` of a version known by its id and hash: read from the database only when
    this process has not parsed that text yet."""
    cached = _parsed_cache.get(content_hash)
    if cached is not None and cached[0] is current_vocabulary():
        return cached[1]
    return parse_version(db.session.get_one(ArticleVersion, version_id))


# A version's headline and paragraphs, cut into words, follow from its text alone, whatever the
# vocabulary: a quiz page takes them from here without looking at the vocabulary file each time.
_blocks_cache: LRUCache[str, tuple[Block, ...]] = LRUCache(maxsize=64)


def version_blocks(version_id: int, content_hash: str) -> tuple[Block, ...]:
    """The blocks of a version known by its id and hash (parsed once per process)."""
    blocks = _blocks_cache.get(content_hash)
    if blocks is None:
        blocks = parse_version_id(version_id, content_hash).blocks
        _blocks_cache.put(content_hash, blocks)
    return blocks


def visible_to(teacher: Teacher | None) -> Any:
    """The articles a teacher may see and assign: the school's and their own."""
    school = Article.owner_id.is_(None)
    return school if teacher is None else (school | (Article.owner_id == teacher.id))


def version_for_teacher(teacher: Teacher, version_id: int) -> ArticleVersion:
    version = db.session.get(ArticleVersion, version_id)
    if version is None or version.article.owner_id not in (None, teacher.id):
        raise NotFound
    return version


def latest_versions(teacher: Teacher | None = None) -> list[ArticleVersion]:
    """The newest version of every article a teacher may see (None: the school's only), in
    title order, in one query."""
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
            .join(Article, Article.id == ArticleVersion.article_id)
            .where(visible_to(teacher))
            .order_by(ArticleVersion.title)
        )
    )


def create_quiz(version: ArticleVersion, seed: int, kinds_off: Iterable[str] = ()) -> Quiz:
    """Freeze the questions of a version for one seed, leaving out the generated kinds in
    ``kinds_off``.  Does not commit (part of assigning)."""
    article = parse_version(version)
    suggestions = unreviewed_suggestions(article)
    if suggestions:
        raise UnreviewedSuggestions(f"{version.title}: {refusal_message(suggestions)}")
    questions = build_quiz(article, current_vocabulary(), seed, kinds_off=frozenset(kinds_off))
    quiz = Quiz(article_version_id=version.id, seed=seed, questions=[q.to_dict() for q in questions])
    db.session.add(quiz)
    db.session.flush()
    return quiz
