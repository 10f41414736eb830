"""Checks an article file and turns it into an :class:`~app.domain.article.Article`.

Every problem is reported at once, as ``FILE:LINE: message``, where LINE is the line
of the offending key or list item and the message says what is wrong and how to
fix it.  The happy path is linear in the size of the file: the slow search for the
passage closest to a misspelt quote only runs when a quote is not found.

The package follows the file's own parts:

- :mod:`.fields`: generic YAML field checking (:class:`FieldChecker`, :class:`Problem`), also
  used by :mod:`app.domain.vocabulary`;
- :mod:`.quotes`: finding a quote in the headline and paragraphs;
- :mod:`.annotations`: sources, claims and framing;
- :mod:`.questions`: hand-written questions;
- :mod:`.article`: the whole file (:func:`validate_article`, :class:`ValidationResult`);
- :mod:`.files`: files and folders on disk (:func:`validate_files`);
- :mod:`.suggestions`: annotations not yet reviewed (:func:`unreviewed_suggestions`).
"""

from app.domain.validation.annotations import CLAIM_KEYS, FRAMING_KEYS, MENTION_KEYS, SOURCE_KEYS
from app.domain.validation.article import (
    ARTICLE_KEYS,
    MAX_ANNOTATIONS,
    MAX_PARAGRAPH_WORDS,
    MAX_QUIZ_LENGTH,
    MAX_TITLE_LENGTH,
    META_KEYS,
    ValidationResult,
    validate_article,
)
from app.domain.validation.fields import (
    ERROR,
    MAX_ID_LENGTH,
    MAX_PROBLEMS,
    WARNING,
    FieldChecker,
    Problem,
    closest,
    describe,
    is_list_or_empty,
    join_words,
    show,
)
from app.domain.validation.files import collect_article_files, validate_files
from app.domain.validation.questions import QUESTION_KEYS, QUESTION_TYPES
from app.domain.validation.quotes import MAX_OCCURRENCE
from app.domain.validation.suggestions import refusal_message, unreviewed_suggestions

__all__ = [
    "ARTICLE_KEYS",
    "CLAIM_KEYS",
    "ERROR",
    "FRAMING_KEYS",
    "MAX_ANNOTATIONS",
    "MAX_ID_LENGTH",
    "MAX_OCCURRENCE",
    "MAX_PARAGRAPH_WORDS",
    "MAX_PROBLEMS",
    "MAX_QUIZ_LENGTH",
    "MAX_TITLE_LENGTH",
    "MENTION_KEYS",
    "META_KEYS",
    "QUESTION_KEYS",
    "QUESTION_TYPES",
    "SOURCE_KEYS",
    "WARNING",
    "FieldChecker",
    "Problem",
    "ValidationResult",
    "closest",
    "collect_article_files",
    "describe",
    "is_list_or_empty",
    "join_words",
    "refusal_message",
    "show",
    "unreviewed_suggestions",
    "validate_article",
    "validate_files",
]
