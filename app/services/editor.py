"""The article editor in the teacher's browser: drafts, the live check, and saving.

The YAML file stays the format of record.  The editor works on a *document* (the structure of
an article file, see :mod:`app.domain.article_yaml`); every check writes it as YAML with
:func:`~app.domain.article_yaml.document_to_yaml` and validates that text exactly as an upload
is validated, so what the editor shows is what the saved file will be.  Saving goes through
:func:`app.services.content.import_upload`: the same checks, the same versions, the same
ownership rules as uploading the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.domain.article_yaml import document_to_yaml, yaml_to_document
from app.domain.audit import Finding, audit_article, unmarked_words
from app.domain.drafting import DraftError, draft_from_html, draft_from_plain_text
from app.domain.generate import build_quiz
from app.domain.passage import ArticleReading
from app.domain.question import Question
from app.domain.safe_yaml import MAX_BYTES, MappingNode, SequenceNode, YamlProblem, load_with_lines
from app.domain.text import Block, split_paragraphs
from app.domain.validation import Problem, ValidationResult
from app.extensions import db
from app.models import Article, ArticleVersion, Teacher
from app.services import content
from app.services.content import ContentError, ImportOutcome
from app.services.errors import NotFound
from app.services.lexicons import current_lexicons

# A pasted article or uploaded page: far more than any news article, far less than a denial of service.
MAX_DRAFT_BYTES = 1_000_000
# The editor's YAML goes through the validator, which reads at most this much.
MAX_EDITOR_BYTES = MAX_BYTES
# The document the browser sends: bounded in depth and size before it is written as YAML.
MAX_DOCUMENT_DEPTH = 8
MAX_DOCUMENT_NODES = 20_000
MAX_KEY_LENGTH = 100
# The live audit runs as the teacher types: fewer quizzes than the command line's 50.
LIVE_AUDIT_SEEDS = 4
PREVIEW_SEED = 1
# The sections whose items the editor highlights, as (section, what one item is called).
ANNOTATION_SECTIONS = ("sources", "claims", "framing")
DRAFT_EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}


class EditorError(ContentError):
    """Input the editor cannot use (too big, not a document, not text): a 4xx with this message."""


@dataclass(frozen=True)
class Location:
    """Where an annotation's quote is: block 0 is the headline, then paragraphs; words [start, end)."""

    block: int
    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        return {"block": self.block, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Concern:
    """A validator problem or audit finding, with the annotation it concerns (if any)."""

    line: int
    message: str
    severity: str
    section: str | None = None
    index: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "message": self.message,
            "severity": self.severity,
            "section": self.section,
            "index": self.index,
        }


@dataclass
class EditorState:
    """Everything the editor shows for one document: its YAML, where each quote is, the
    validator's problems, and (when it validates) the quiz it makes and the audit's findings."""

    document: dict[str, Any]
    yaml_text: str
    result: ValidationResult
    blocks: list[Block]
    locations: dict[str, list[Any]]
    problems: list[Concern]
    questions: list[Question] = field(default_factory=list)
    findings: list[Concern] = field(default_factory=list)
    # Words that read as an attribution, a hedge or a loaded word that no annotation covers
    # (audit.unmarked_words): not faults, but each keeps the question it names out of the quizzes.
    unmarked: tuple[str, ...] = ()

    @property
    def article_id(self) -> str:
        value = self.document.get("id")
        return value if isinstance(value, str) and value else "article"

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "yaml": self.yaml_text,
            "blocks": [{"words": list(b.words), "gaps": list(b.gaps)} for b in self.blocks],
            "locations": {
                section: [_location_json(item) for item in items] for section, items in self.locations.items()
            },
            "problems": [p.to_json() for p in self.problems],
            "findings": [f.to_json() for f in self.findings],
            "valid": self.result.ok,
            "errors": len(self.result.errors),
            "warnings": len(self.result.warnings),
        }


def _location_json(item: Any) -> Any:
    if isinstance(item, Location):
        return item.to_json()
    if isinstance(item, list):
        return [_location_json(x) for x in item]
    return None


# --- Drafts ----------------------------------------------------------------------------------------


def _decode(data: bytes, what: str) -> str:
    if len(data) > MAX_DRAFT_BYTES:
        raise EditorError(
            f"The {what} has {len(data):,} bytes; a draft may have at most {MAX_DRAFT_BYTES:,}."
        )
    if b"\x00" in data:
        raise EditorError(f"The {what} contains NUL bytes: it is not a text or web page file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Pages saved by older browsers may be Windows-1252; every byte decodes there but five.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise EditorError(f"The {what} is not text: save it as UTF-8 and try again.") from exc


def draft_kind(filename: str) -> str | None:
    """``text`` or ``html`` by the file's extension, None for any other file."""
    lowered = filename.lower()
    for extension, kind in DRAFT_EXTENSIONS.items():
        if lowered.endswith(extension):
            return kind
    return None


def new_draft(pasted: str = "", upload: bytes | None = None, filename: str = "") -> dict[str, Any]:
    """The draft document of a pasted text, or of an uploaded .txt or .html file, with the
    suggester's annotations.  Raises :class:`EditorError` (or ContentError when the lexicons
    cannot be read) with a message for the teacher."""
    if upload is not None:
        kind = draft_kind(filename)
        if kind is None:
            raise EditorError("Upload a .txt file (plain text) or an .html page saved from a browser.")
        text = _decode(upload, "file")
    else:
        kind = "text"
        if len(pasted.encode("utf-8")) > MAX_DRAFT_BYTES:
            raise EditorError(f"The pasted text is longer than {MAX_DRAFT_BYTES:,} bytes.")
        if "\x00" in pasted:
            raise EditorError("The pasted text contains NUL characters; paste plain text.")
        text = pasted
    lexicons = current_lexicons()
    try:
        if kind == "html":
            return draft_from_html(text, lexicons)
        return draft_from_plain_text(text, lexicons)
    except DraftError as exc:
        raise EditorError(
            f"No article could be made from this {'page' if kind == 'html' else 'text'}: {exc}."
        ) from exc


# --- Documents from the browser --------------------------------------------------------------------


def clean_document(value: Any) -> dict[str, Any]:
    """The document the browser sent, checked for shape and size (raises EditorError): a mapping
    of text keys whose values are text, numbers, true/false, lists and mappings."""
    if not isinstance(value, dict):
        raise EditorError("The editor sent no article document.")
    budget = [MAX_DOCUMENT_NODES]
    cleaned = _clean(value, 0, budget)
    assert isinstance(cleaned, dict)
    return cleaned


def _clean(value: Any, depth: int, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise EditorError(f"The article has more than {MAX_DOCUMENT_NODES:,} parts.")
    if depth > MAX_DOCUMENT_DEPTH:
        raise EditorError("The article document is nested too deeply.")
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        if "\x00" in value:
            raise EditorError("The article contains a NUL character; delete it.")
        return value
    if isinstance(value, list):
        return [_clean(item, depth + 1, budget) for item in value]
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH or "\x00" in key:
                raise EditorError("The article document has a key that is not a short text.")
            result[key] = _clean(item, depth + 1, budget)
        return result
    raise EditorError("The article document has a value of an unknown kind.")


def yaml_of(document: Mapping[str, Any]) -> str:
    text = document_to_yaml(document)
    size = len(text.encode("utf-8"))
    if size > MAX_EDITOR_BYTES:
        raise EditorError(f"The article's file would have {size:,} bytes; at most {MAX_EDITOR_BYTES:,}.")
    return text


def check_yaml_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_EDITOR_BYTES:
        raise EditorError(
            f"The YAML text has {size:,} bytes; an article file has at most {MAX_EDITOR_BYTES:,}."
        )
    if "\x00" in text:
        raise EditorError("The YAML text contains a NUL character; delete it.")


# --- The live check --------------------------------------------------------------------------------


def state_of_document(document: dict[str, Any], with_preview: bool = True) -> EditorState:
    """Write the document as YAML and check that text (raises EditorError if it is too big)."""
    return _state(document, yaml_of(document), with_preview)


def state_of_yaml(text: str, with_preview: bool = True) -> EditorState:
    """Check a YAML text as the editor shows it; a text that is not YAML gives an empty document."""
    check_yaml_size(text)
    try:
        document = yaml_to_document(text)
    except YamlProblem:
        document = {}
    return _state(document, text, with_preview)


def _state(document: dict[str, Any], yaml_text: str, with_preview: bool) -> EditorState:
    result = content.validate_source(yaml_text, f"{_file_id(document)}.yaml")
    blocks = document_blocks(document)
    sections = _item_lines(yaml_text)
    problems = [_concern(p.line, p.message, p.severity, sections) for p in result.problems]
    state = EditorState(document, yaml_text, result, blocks, locate_annotations(document, blocks), problems)
    if with_preview and result.article is not None:
        vocabulary = content.current_vocabulary()
        article = result.article
        state.questions = build_quiz(article, vocabulary, PREVIEW_SEED)
        state.findings = [
            _concern(f.line, f.message, "finding", sections)
            for f in _audit(article, vocabulary, result.id_line)
        ]
        state.unmarked = unmarked_words(ArticleReading(article, vocabulary))
    return state


def _audit(article: Any, vocabulary: Any, id_line: int) -> list[Finding]:
    return audit_article(article, vocabulary, LIVE_AUDIT_SEEDS, id_line)


def _file_id(document: Mapping[str, Any]) -> str:
    value = document.get("id")
    return value if isinstance(value, str) and value.isascii() and 0 < len(value) <= 100 else "article"


def document_blocks(document: Mapping[str, Any]) -> list[Block]:
    """The headline and the paragraphs, cut into words as the validator cuts them."""
    title = document.get("title")
    text = document.get("text")
    headline = Block.from_text(title if isinstance(title, str) else "")
    paragraphs = split_paragraphs(text) if isinstance(text, str) else []
    return [headline, *(Block.from_text(p) for p in paragraphs)]


def locate(item: Any, blocks: list[Block]) -> Location | None:
    """Where an annotation's ``quote`` (with ``in`` and ``occurrence``) is, or None if nowhere."""
    if not isinstance(item, Mapping):
        return None
    quote = item.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        return None
    occurrence = item.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        occurrence = 1
    indexes = [0] if item.get("in") == "title" else range(1, len(blocks))
    seen = 0
    for index in indexes:
        for start_char, end_char in blocks[index].find_all(quote):
            seen += 1
            if seen == occurrence:
                start, end = blocks[index].word_range(start_char, end_char)
                return Location(index, start, end) if start < end else None
    return None


def locate_annotations(document: Mapping[str, Any], blocks: list[Block]) -> dict[str, list[Any]]:
    """Per section, each item's location; a source's is the list of its mentions' locations."""
    found: dict[str, list[Any]] = {}
    for section in ANNOTATION_SECTIONS:
        items = document.get(section)
        items = items if isinstance(items, list) else []
        if section == "sources":
            found[section] = [[locate(m, blocks) for m in _mentions(source)] for source in items]
        else:
            found[section] = [locate(item, blocks) for item in items]
    return found


def _mentions(source: Any) -> list[Any]:
    mentions = source.get("mentions") if isinstance(source, Mapping) else None
    return mentions if isinstance(mentions, list) else []


def _item_lines(yaml_text: str) -> list[tuple[int, int, str, int]]:
    """(first line, last line, section, index) of every annotation item in the YAML text."""
    try:
        root = load_with_lines(yaml_text)
    except YamlProblem:
        return []
    if not isinstance(root, MappingNode):
        return []
    entry_lines = sorted(entry.line for entry in root.entries)
    spans: list[tuple[int, int, str, int]] = []
    for entry in root.entries:
        if entry.key not in ANNOTATION_SECTIONS or not isinstance(entry.value, SequenceNode):
            continue
        later = [line for line in entry_lines if line > entry.line]
        section_end = later[0] - 1 if later else 10**9
        starts = [item.line for item in entry.value.items]
        for index, start in enumerate(starts):
            end = starts[index + 1] - 1 if index + 1 < len(starts) else section_end
            spans.append((start, end, entry.key, index))
    return spans


def _concern(line: int, message: str, severity: str, sections: list[tuple[int, int, str, int]]) -> Concern:
    for first, last, section, index in sections:
        if first <= line <= last:
            return Concern(line, message, severity, section, index)
    return Concern(line, message, severity)


# --- Saving ----------------------------------------------------------------------------------------


def save(yaml_text: str, teacher: Teacher) -> tuple[ImportOutcome, ValidationResult]:
    """Store the editor's YAML as a new version of the teacher's article, exactly as an upload
    of that file is stored (checks, unreviewed suggestions, ownership).  Commits on success."""
    check_yaml_size(yaml_text)
    try:
        document = yaml_to_document(yaml_text)
    except YamlProblem:
        document = {}
    return content.import_upload(yaml_text.encode("utf-8"), f"{_file_id(document)}.yaml", teacher)


def with_problems(state: EditorState, problems: tuple[Problem, ...]) -> EditorState:
    """The state showing ``problems`` (a save's: the validator's and any refusal) instead of its own."""
    sections = _item_lines(state.yaml_text)
    state.problems = [_concern(p.line, p.message, p.severity, sections) for p in problems]
    return state


def version_of(outcome: ImportOutcome) -> ArticleVersion:
    """The stored version a successful save or upload names."""
    version = db.session.scalar(
        select(ArticleVersion)
        .join(Article, Article.id == ArticleVersion.article_id)
        .where(Article.slug == outcome.slug, ArticleVersion.number == outcome.version)
    )
    if version is None:
        raise NotFound
    return version


def file_id_of(yaml_text: str) -> str:
    """The article id of a YAML text, for a file name ("article" when it has none)."""
    try:
        return _file_id(yaml_to_document(yaml_text))
    except YamlProblem:
        return "article"
