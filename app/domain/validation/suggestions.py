"""Annotations the suggester proposed that a teacher has not reviewed yet (``suggested: true``).

A file with such annotations is valid (so it can be opened, edited and previewed), but it is
never imported or assigned: :func:`unreviewed_suggestions` lists what is left to review.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.article import Article, Suggestion

# The sections of a document that hold annotations, and what each item is called.
_SECTIONS = (("sources", "source"), ("claims", "claim"), ("framing", "framing"))


def _is_suggested(item: object) -> bool:
    return isinstance(item, Mapping) and item.get("suggested") is True


def _document_suggestions(document: Mapping[str, Any]) -> list[Suggestion]:
    found: list[Suggestion] = []
    for section, kind in _SECTIONS:
        items = document.get(section)
        if not isinstance(items, list):
            continue
        for number, item in enumerate(items, start=1):
            if not isinstance(item, Mapping):
                continue
            source_id = item.get("id")
            where = f"source '{source_id}'" if kind == "source" and source_id else f"{kind} {number}"
            if _is_suggested(item):
                label = item.get("name") if kind == "source" else item.get("quote")
                found.append(Suggestion(kind, where, str(label or "")))
            mentions = item.get("mentions") if kind == "source" else None
            for mention_number, mention in enumerate(mentions if isinstance(mentions, list) else [], 1):
                if _is_suggested(mention):
                    quote = mention.get("quote")
                    found.append(
                        Suggestion("mention", f"mention {mention_number} of {where}", str(quote or ""))
                    )
    return found


def unreviewed_suggestions(document_or_article: Article | Mapping[str, Any]) -> list[Suggestion]:
    """Every annotation still marked ``suggested: true``, in file order.

    Takes a validated :class:`~app.domain.article.Article` (its suggestions carry their file
    lines) or a document as :func:`app.domain.article_yaml.yaml_to_document` returns it (lines
    are 0 there).  Each :class:`~app.domain.article.Suggestion` has ``kind`` (source, mention,
    claim, framing), ``where`` ("claim 3", "mention 2 of source 'mayor'"), ``quote`` and
    ``line``; ``describe()`` gives both for a message."""
    if isinstance(document_or_article, Article):
        return list(document_or_article.suggestions)
    return _document_suggestions(document_or_article)


def refusal_message(suggestions: list[Suggestion], shown: int = 10) -> str:
    """Why an article with unreviewed suggestions is refused, naming them (the first ``shown``)."""
    count = len(suggestions)
    names = "; ".join(s.describe() for s in suggestions[:shown])
    more = f"; and {count - shown} more" if count > shown else ""
    return (
        f"{count} suggestion{'s' if count != 1 else ''} not yet reviewed: {names}{more}. "
        "Accept each one (remove suggested: true) or delete it, then try again"
    )
