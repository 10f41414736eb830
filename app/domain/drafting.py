"""From a bare article (plain text or a saved web page) to a draft article document.

The draft is a complete article document (the structure of an article file, see
:mod:`app.domain.article_yaml`) whose annotations are the suggester's
(:mod:`app.domain.suggest`), each marked ``suggested: true`` for the teacher to review.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from app.domain.lexicons import Lexicons
from app.domain.text import display_form, split_paragraphs

# The longest id the validator accepts is MAX_ID_LENGTH (100); a readable id is much shorter.
ID_WORDS = 8
ID_LENGTH = 60
# Bounds on the input, so a huge paste costs bounded work (the validator's limits are lower).
MAX_INPUT_CHARACTERS = 2_000_000


class DraftError(ValueError):
    """Input that cannot be made into an article; the message says why, for a teacher."""


def article_id_from_headline(headline: str) -> str:
    """A file id made from the headline's first words: lowercase ASCII letters, digits, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    article_id = "-".join(words[:ID_WORDS])[:ID_LENGTH].strip("-")
    return article_id or "draft-article"


def draft_from_plain_text(text: str, lexicons: Lexicons) -> dict[str, Any]:
    """The draft of a plain-text article: the first line is the headline, paragraphs are
    separated by blank lines.  Raises :class:`DraftError` when there is no headline or no
    paragraph."""
    if len(text) > MAX_INPUT_CHARACTERS:
        raise DraftError(
            f"the text has {len(text):,} characters; an article has at most {MAX_INPUT_CHARACTERS:,}"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    stripped = text.strip()
    if not stripped:
        raise DraftError("the text is empty: put the headline on the first line, then the paragraphs")
    headline, _, body = stripped.partition("\n")
    paragraphs = split_paragraphs(body)
    if not paragraphs:
        raise DraftError(
            "the text has a headline but no paragraphs: put the headline on the first line, "
            "then the paragraphs, separated by blank lines"
        )
    return build_draft(display_form(headline), paragraphs, {}, lexicons)


def draft_from_html(html: str, lexicons: Lexicons) -> dict[str, Any]:
    """The draft of a web page saved from a browser: headline, the article's paragraphs (without
    menus, ads, captions or related links), outlet and date, extracted with trafilatura.
    Raises :class:`DraftError` when no article text can be found."""
    raise DraftError("not implemented yet")


def build_draft(
    headline: str, paragraphs: list[str], meta: dict[str, str], lexicons: Lexicons
) -> dict[str, Any]:
    """The document of an article with these parts and the suggester's annotations."""
    document: dict[str, Any] = {"id": article_id_from_headline(headline), "title": headline}
    document.update(meta)
    document["text"] = "\n\n".join(paragraphs)
    return document
