"""The whole article file: its top-level keys, id, title, text, quiz settings and details,
then every section, turned into an :class:`~app.domain.article.Article` or every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from app.domain.article import Article, Vocabulary
from app.domain.safe_yaml import Entry, MappingNode, ScalarNode, SequenceNode, YamlProblem, load_with_lines
from app.domain.text import count_words, display_form, split_paragraphs
from app.domain.validation.annotations import AnnotationChecks
from app.domain.validation.fields import ERROR, WARNING, Problem, describe, id_format_message, valid_id
from app.domain.validation.questions import QuestionChecks
from app.domain.validation.quotes import QuoteText, count_quotes

MAX_QUIZ_LENGTH = 100

META_KEYS = ("outlet", "author", "published", "url", "license", "level")
ARTICLE_KEYS = (
    "id",
    "title",
    "text",
    "fictional",
    "quiz",
    "sources",
    "claims",
    "framing",
    "framing_complete",
    "questions",
    *META_KEYS,
)
QUIZ_KEYS = ("length",)
# Bounds on the work one file may cost (documented in questions/README.md): quotes to locate
# and words in a paragraph.
MAX_ANNOTATIONS = 500
MAX_PARAGRAPH_WORDS = 1000
# The lengths the database stores (app/models.py): a longer value is refused here, not cut there.
MAX_TITLE_LENGTH = 200  # an assignment is titled after its article
META_LENGTHS = {"level": 80, "outlet": 255}
ANNOTATED_SECTIONS = ("sources", "claims", "framing", "questions")


@dataclass(frozen=True)
class ValidationResult:
    """One file checked: the article when it has no errors, every problem in line order, and
    the article's id and its line (for the checks across files and for later refusals)."""

    path: str
    article: Article | None
    problems: tuple[Problem, ...]
    id_line: int = 1  # the line of the article's id, where findings about the whole article point
    article_id: str | None = None  # the id the file gives when well-formed, even if the file has errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors


class ArticleChecker(AnnotationChecks, QuestionChecks):
    """Checks one article file: :meth:`run` parses it, reads the top-level keys and calls the
    section checks (sources before claims, which name them).  Problems collect in ``check``;
    ``id`` and ``id_line`` are the article's id (when well-formed) and its line."""

    def __init__(self, path: str, vocabulary: Vocabulary) -> None:
        super().__init__(path, vocabulary)
        self.id: str | None = None
        self.id_line = 1

    def run(self, data: str | bytes) -> Article | None:
        """The article, or None when the file has errors (all of them in ``check``)."""
        try:
            root = load_with_lines(data)
        except YamlProblem as problem:
            self.check.error(problem.line, problem.message)
            return None
        if isinstance(root, ScalarNode) and root.value is None:
            self.check.error(1, "the file is empty; an article needs at least id, title and text")
            return None
        if not isinstance(root, MappingNode):
            self.check.error(
                root.line,
                f"an article file must be a mapping of keys (id:, title:, text:, ...), not {describe(root)}",
            )
            return None
        fields = self.check.fields(root, "the article", ARTICLE_KEYS)
        assert fields is not None  # root is a mapping
        where = "the article"
        self.check.require(fields, root, where, ("id", "title", "text"))
        article_id = self._article_id(fields.get("id"))
        title = self.check.text(fields.get("title"), where)
        if title is not None and len(display_form(title)) > MAX_TITLE_LENGTH:
            self.check.error(
                fields["title"].line,
                f"the title is {len(display_form(title))} characters long; keep it to {MAX_TITLE_LENGTH}",
            )
            title = None
        body = self._body(fields.get("text"))
        fictional = self.check.boolean(fields.get("fictional"), where)
        quiz_length = self._quiz_length(fields.get("quiz"))
        meta = self._meta(fields)
        if body is not None:
            # Without a title, quotes in the paragraphs can still be checked.
            self.text = QuoteText(title or "", body, title_known=title is not None)
        annotations = sum(count_quotes(fields[key].value) for key in ANNOTATED_SECTIONS if key in fields)
        if annotations > MAX_ANNOTATIONS:
            # Each quote is searched for in the whole text: the work per file must stay bounded.
            self.check.error(
                1,
                f"the article has {annotations} quotes in its annotations; at most {MAX_ANNOTATIONS} are "
                "allowed: split the article or annotate fewer passages",
            )
            return None
        sources = self._sources(fields.get("sources"))
        claims = self._claims(fields.get("claims"))
        framing = self._framing(fields.get("framing"))
        framing_complete = self._framing_complete(fields.get("framing_complete"))
        questions = self._questions(fields.get("questions"))
        if not any(self._has_items(fields.get(key)) for key in ("sources", "claims", "framing")):
            self.check.error(
                1, "the article has no annotations; add at least one of sources, claims or framing"
            )
        if self.suggestions:
            count = len(self.suggestions)
            self.check.warning(
                self.id_line,
                f"{count} suggestion{'s' if count != 1 else ''} not yet reviewed; the article cannot be "
                "imported or assigned until each one is accepted (remove suggested: true) or deleted",
            )
        if self.check.has_errors or article_id is None or title is None or body is None:
            return None
        article = Article(
            id=article_id,
            title=display_form(title),
            paragraphs=tuple(body),
            sources=tuple(sources),
            claims=tuple(claims),
            framing=tuple(framing),
            framing_complete=frozenset(framing_complete),
            questions=tuple(questions),
            fictional=bool(fictional),
            meta=meta,
            suggestions=tuple(self.suggestions),
        )
        return article if quiz_length is None else replace(article, quiz_length=quiz_length)

    @staticmethod
    def _has_items(entry: Entry | None) -> bool:
        return entry is not None and isinstance(entry.value, SequenceNode) and bool(entry.value.items)

    def _article_id(self, entry: Entry | None) -> str | None:
        value = self.check.text(entry, "the article")
        if value is None or entry is None:
            return None
        self.id_line = entry.line
        if valid_id(value):
            self.id = value
            return value
        self.check.error(entry.line, id_format_message("id", value))
        return None

    def _body(self, entry: Entry | None) -> list[str] | None:
        value = self.check.text(entry, "the article")
        if value is None or entry is None:
            return None
        paragraphs = split_paragraphs(value)
        for number, paragraph in enumerate(paragraphs, start=1):
            words = count_words(paragraph)
            if words > MAX_PARAGRAPH_WORDS:
                # Questions read a paragraph word by word against every annotation in it.
                self.check.error(
                    entry.line,
                    f"paragraph {number} of the text has {words} words; a paragraph may have at most "
                    f"{MAX_PARAGRAPH_WORDS}: split it with a blank line",
                )
                return None
        return paragraphs

    def _quiz_length(self, entry: Entry | None) -> int | None:
        if entry is None:
            return None
        if not isinstance(entry.value, MappingNode):
            self.check.error(
                entry.line, f"'quiz' must be a mapping like {{length: 8}}, not {describe(entry.value)}"
            )
            return None
        fields = self.check.fields(entry.value, "quiz", QUIZ_KEYS)
        assert fields is not None  # a mapping
        return self.check.positive_int(fields.get("length"), "quiz", MAX_QUIZ_LENGTH)

    def _meta(self, fields: dict[str, Entry]) -> dict[str, str]:
        meta: dict[str, str] = {}
        for key in META_KEYS:
            value = self.check.text(fields.get(key), "the article")
            if value is None:
                continue
            value = display_form(value)
            entry = fields[key]
            if key == "published" and not _is_iso_date(value):
                self.check.error(
                    entry.line,
                    f"'published' must be a date like 2015-11-16, or 2015-11 when the day is unknown, "
                    f"not {value!r}",
                )
                continue
            if key == "url" and not re.match(r"https?://\S+\Z", value, re.IGNORECASE):
                self.check.error(
                    entry.line, f"'url' must be a web address starting with https://, not {value!r}"
                )
                continue
            if len(value) > META_LENGTHS.get(key, len(value)):
                self.check.error(
                    entry.line,
                    f"'{key}' is {len(value)} characters long; keep it to {META_LENGTHS[key]} characters",
                )
                continue
            meta[key] = value
        return meta


_YEAR_OR_MONTH = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


def _is_iso_date(value: str) -> bool:
    # A year or a month is allowed: for an old article the exact day is often unknown.
    if _YEAR_OR_MONTH.fullmatch(value):
        return True
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
        except ValueError:
            continue
        return True
    return False


def validate_article(data: str | bytes, path: str, vocabulary: Vocabulary) -> ValidationResult:
    """Check one article file's contents; ``path`` is only used in the messages."""
    checker = ArticleChecker(path, vocabulary)
    article = checker.run(data)
    return ValidationResult(
        path,
        article if not checker.check.has_errors else None,
        checker.check.sorted_problems(),
        checker.id_line,
        checker.id,
    )
