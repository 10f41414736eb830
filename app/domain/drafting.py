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
from app.domain.suggest import ClaimGuess, Place, Suggestions, suggest
from app.domain.text import count_words, display_form, find_all, match_form, split_paragraphs

# The validator's limits (app/domain/validation/article.py), checked here with a clearer message.
MAX_TITLE_LENGTH = 200
MAX_PARAGRAPH_WORDS = 1000
MAX_OUTLET_LENGTH = 255
MAX_OCCURRENCE = 200  # the validator's highest occurrence: N
# A long feature has 3,000 words; drafting (and a teacher's review) stays bounded beyond that.
MAX_ARTICLE_WORDS = 10_000
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

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
    menus, ads, captions or related links), outlet, author and date, extracted with trafilatura.
    Raises :class:`DraftError` when no article text can be found."""
    if len(html) > MAX_INPUT_CHARACTERS:
        raise DraftError(
            f"the page has {len(html):,} characters; a saved page has at most {MAX_INPUT_CHARACTERS:,}"
        )
    if not html.strip():
        raise DraftError("the page is empty")
    # Imported here: trafilatura and lxml take a while to load, and only drafting needs them.
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    if extracted is None or isinstance(extracted, dict):
        raise DraftError(
            "no article text was found in the page: save the article's own page, or paste its text"
        )
    headline = display_form(extracted.title or "")
    lines = [display_form(line) for line in (extracted.text or "").split("\n")]
    # The extracted text often repeats the headline as its first line.
    paragraphs = [line for line in lines if line and line != headline]
    if not headline and paragraphs:
        headline, paragraphs = paragraphs[0], paragraphs[1:]
    if not headline or not paragraphs:
        raise DraftError(
            "no article text was found in the page: save the article's own page, or paste its text"
        )
    meta = {
        "outlet": display_form(extracted.sitename or "")[:MAX_OUTLET_LENGTH],
        "author": display_form(extracted.author or ""),
        "published": extracted.date or "",
    }
    if not ISO_DATE.fullmatch(meta["published"]):
        meta["published"] = ""
    return build_draft(headline, paragraphs, meta, lexicons)


def build_draft(
    headline: str, paragraphs: list[str], meta: dict[str, str], lexicons: Lexicons
) -> dict[str, Any]:
    """The document of an article with these parts and the suggester's annotations, each marked
    ``suggested: true``.  Raises :class:`DraftError` for parts the validator would refuse."""
    headline = display_form(headline)
    paragraphs = [display_form(p) for p in paragraphs if display_form(p)]
    if not headline:
        raise DraftError("the article has no headline")
    if len(headline) > MAX_TITLE_LENGTH:
        raise DraftError(
            f"the headline is {len(headline)} characters long; a headline has at most {MAX_TITLE_LENGTH}: "
            "check that the first line is the headline"
        )
    if not paragraphs:
        raise DraftError("the article has no paragraphs")
    total = sum(count_words(p) for p in paragraphs)
    if total > MAX_ARTICLE_WORDS:
        raise DraftError(
            f"the article has {total:,} words; a draft is made of at most {MAX_ARTICLE_WORDS:,}: "
            "split it into parts"
        )
    for number, paragraph in enumerate(paragraphs, start=1):
        if count_words(paragraph) > MAX_PARAGRAPH_WORDS:
            raise DraftError(
                f"paragraph {number} has {count_words(paragraph)} words; a paragraph has at most "
                f"{MAX_PARAGRAPH_WORDS}: separate the paragraphs with blank lines"
            )
    document: dict[str, Any] = {"id": article_id_from_headline(headline), "title": headline}
    document.update({key: value for key, value in meta.items() if value})
    document["text"] = "\n\n".join(paragraphs)
    suggestions = suggest(headline, paragraphs, lexicons)
    document.update(_annotations(headline, paragraphs, suggestions))
    return document


class _Quoter:
    """Turns a place into ``quote`` (and ``occurrence``, ``in: title``) as the validator finds it:
    the validator looks for a quote in every paragraph, in order, so the occurrence counts the
    same way."""

    def __init__(self, headline: str, paragraphs: list[str]) -> None:
        self.texts = [headline, *paragraphs]
        self.haystacks = [match_form(t) for t in self.texts]

    def fields(self, place: Place) -> dict[str, Any] | None:
        """None when the validator could not find the place: beyond ``occurrence: 200``."""
        text = self.texts[place.block]
        quote = text[place.start : place.end]
        needle = match_form(quote)
        blocks = [0] if place.block == 0 else range(1, len(self.texts))
        number = 0
        occurrence = 0
        for block in blocks:
            for start, _ in find_all(self.haystacks[block], needle):
                number += 1
                if block == place.block and start == place.start:
                    occurrence = number
        if occurrence == 0 or occurrence > MAX_OCCURRENCE:
            return None
        fields: dict[str, Any] = {"quote": quote}
        if number > 1:
            fields["occurrence"] = occurrence
        if place.block == 0:
            fields["in"] = "title"
        return fields

    def words(self, place: Place) -> int:
        return count_words(self.texts[place.block][place.start : place.end])


def _source_id(name: str, taken: set[str]) -> str:
    base = article_id_from_headline(name)[:40].strip("-") or "source"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _annotations(headline: str, paragraphs: list[str], suggestions: Suggestions) -> dict[str, Any]:
    quoter = _Quoter(headline, paragraphs)
    taken: set[str] = set()
    ids = {source.key: _source_id(source.name, taken) for source in suggestions.sources}
    sources: list[dict[str, Any]] = []
    for source in suggestions.sources:
        mentions = []
        seen: set[Place] = set()
        for place in source.mentions:
            found = quoter.fields(place) if place not in seen and quoter.words(place) else None
            if found is not None:
                seen.add(place)
                mentions.append(found)
        if not mentions:
            continue
        entry: dict[str, Any] = {"id": ids[source.key], "name": source.name, "type": source.type}
        if source.via is not None and source.via in ids and source.via != source.key:
            entry["via"] = ids[source.via]
        entry["suggested"] = True
        entry["mentions"] = mentions
        if source.flags:
            entry["note"] = "Check: " + "; ".join(source.flags) + "."
        sources.append(entry)
    kept_ids = {s["id"] for s in sources}
    for entry in sources:
        if entry.get("via") not in kept_ids:
            entry.pop("via", None)  # relayed by a source that was left out
    claims: list[dict[str, Any]] = []
    for claim in suggestions.claims:
        located = quoter.fields(claim.place) if quoter.words(claim.place) else None
        if located is None:
            continue
        entry = located
        status = claim.status
        source_id = ids.get(claim.source) if claim.source is not None else None
        if status == "attributed" and source_id not in kept_ids:
            status = "hedged" if claim.cues else "unattributed"
            source_id = None
        entry["status"] = status
        if source_id is not None:
            entry["source"] = source_id
        cues = _cue_texts(quoter, claim)
        if cues:
            entry["cues"] = cues
        entry["suggested"] = True
        if claim.flag:
            entry["note"] = "Check: " + claim.flag + "."
        claims.append(entry)
    framing: list[dict[str, Any]] = []
    for span in suggestions.framing:
        located = quoter.fields(span.place) if quoter.words(span.place) else None
        if located is not None:
            entry = located
            entry["technique"] = span.technique
            entry["suggested"] = True
            framing.append(entry)
    return {"sources": sources, "claims": claims, "framing": framing}


def _cue_texts(quoter: _Quoter, claim: ClaimGuess) -> list[str]:
    """Each cue as the validator finds it: its first place inside the claim must be this one."""
    text = quoter.texts[claim.place.block]
    claim_haystack = match_form(text[claim.place.start : claim.place.end])
    cues: list[str] = []
    for cue in sorted(claim.cues):
        words = text[cue.start : cue.end]
        first = find_all(claim_haystack, match_form(words), 1)
        if first and first[0][0] + claim.place.start == cue.start and words not in cues:
            cues.append(words)
    return cues
