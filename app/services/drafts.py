"""Drafting an article from a bare text or a saved web page (the draft command and the editor)."""

from __future__ import annotations

import re
from typing import Any

from app.domain.article_yaml import document_to_yaml
from app.domain.drafting import DraftError, draft_from_html, draft_from_plain_text
from app.domain.validation import unreviewed_suggestions
from app.services.lexicons import current_lexicons

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A page saved by a browser starts with one of these (after white space and comments).
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


def looks_like_html(text: str, filename: str = "") -> bool:
    return filename.lower().endswith(HTML_SUFFIXES) or bool(_HTML_START.match(text[:4096]))


def decode_input(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); otherwise Windows-1252, the usual other
    encoding of a saved page or a text file, with any undecodable byte replaced."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def draft_document(data: bytes | str, filename: str = "") -> dict[str, Any]:
    """The draft document of a plain-text article or a saved web page (HTML when the name ends in
    .html/.htm or the content starts like a page).  Raises :class:`DraftError`."""
    text = decode_input(data) if isinstance(data, bytes) else data
    if "\x00" in text:
        raise DraftError("the file is not text (it contains NUL bytes): save the article as .txt or .html")
    lexicons = current_lexicons()
    if looks_like_html(text, filename):
        return draft_from_html(text, lexicons)
    return draft_from_plain_text(text, lexicons)


def draft_yaml(data: bytes | str, filename: str = "") -> tuple[str, int]:
    """The draft as article YAML, and how many suggestions it has to review."""
    document = draft_document(data, filename)
    return document_to_yaml(document), len(unreviewed_suggestions(document))
