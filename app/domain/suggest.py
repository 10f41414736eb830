"""The suggester: transparent rules that propose sources, claims and framing in a bare article.

Every rule reads the headline and paragraphs with the word lists of :mod:`app.domain.lexicons`
and proposes places (a block and a range of characters in its display form); the teacher then
accepts, corrects or deletes each one.  The rules are general patterns of English news writing
and the lists general words: nothing names the words of one particular article.

- **Sources** (:func:`find_attributions`): a reporting verb with its speaker before it ("the
  mayor said", "Experts say", "X, who asked not to be named, said") or after it ("...," said
  Dr. Jones), "according to X", and "told CNN" (a news outlet the speaker spoke to: ``via``).
  Pronouns ("he added") go to the nearest earlier source that fits, flagged when two could.
  The type is guessed by :data:`SOURCE_TYPE_RULES`, in order.
- **Claims**: what each attribution reports (attributed, with its source); hedges from the hedge
  list, as the cues of a hedged claim (or of the attributed claim they are in); sentences with
  numbers and no attribution (unattributed, flagged as less certain).
- **Framing** (:data:`FRAMING_LISTS`): loaded words, intensifiers and absolutes, fear words; scare
  quotes (a short quoted phrase with no speaker); headline words that the body hedges.

The result never has two suggestions of one kind on the same words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.domain.lexicons import Lexicons
from app.domain.text import WORD_PATTERN

TITLE = 0
# Bounds: a speaker is at most this many words (and the aside after it in commas), a claim at
# most MAX_CLAIM_WORDS; each kind stops collecting at MAX_SUGGESTIONS (bounded work on a long
# text) and keeps MAX_PER_KIND (the validator allows 500 quotes in a file).
MAX_SPEAKER_WORDS = 7
MAX_APPOSITIVE_WORDS = 16
MAX_CLAIM_WORDS = 60
MIN_CLAIM_WORDS = 3
MAX_SUGGESTIONS = 400
MAX_PER_KIND = 160
MAX_SCARE_QUOTE_WORDS = 4

DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "another",
        "some",
        "many",
        "most",
        "several",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
    ]
)
INDEFINITE = frozenset({"a", "an", "one", "another"})
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "group"}
# Words that end a speaker read leftwards from its verb: they belong to the clause before it.
CLAUSE_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "and",
        "but",
        "or",
        "as",
        "because",
        "when",
        "if",
        "so",
        "while",
        "after",
        "before",
        "than",
        "since",
        "though",
        "although",
        "where",
        "what",
        "how",
        "then",
        "there",
        "also",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "not",
        "no",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "about",
        "over",
        "under",
    ]
)
# Between a speaker and the verb: "Le Drian further quoted", "Doctors are warning".
LINKING_WORDS = frozenset(
    [
        "also",
        "further",
        "later",
        "previously",
        "recently",
        "once",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "then",
        "again",
        "already",
        "yet",
        "as",
    ]
)
# Words inside a speaker's noun phrase: "the survey of 2,000 families", "researchers at the university".
NOUN_PHRASE_LINKS = frozenset(["of", "at", "from", "for"])
QUESTION_WORDS = frozenset(["where", "how", "what", "whether", "why", "when", "which"])
PASSIVE_AUXILIARIES = frozenset(["is", "are", "was", "were", "be", "been", "being"])
PREPOSITIONS = frozenset(["from", "by", "of", "at", "in", "on", "for", "with", "about", "over", "under"])
# "Dr. Amira Okafor": the dot after a title does not end the name.
ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "gen",
        "lt",
        "col",
        "sgt",
        "rev",
        "sen",
        "gov",
        "rep",
        "capt",
        "maj",
        "cpl",
        "pte",
        "no",
    ]
)
QUOTE_MARKS = '"“”'
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
NUMBER = re.compile(
    r"\d|\b(?:hundreds?|thousands?|millions?|billions?|per ?cent|percent|dozens?|half|twice)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class Place:
    """Characters [start, end) of a block's display form (0 is the headline)."""

    block: int
    start: int
    end: int

    def overlaps(self, other: Place) -> bool:
        return self.block == other.block and self.start < other.end and other.start < self.end

    def contains(self, other: Place) -> bool:
        return self.block == other.block and self.start <= other.start and other.end <= self.end


@dataclass
class SourceGuess:
    key: str
    name: str
    type: str
    mentions: list[Place] = field(default_factory=list)
    via: str | None = None  # the key of the source that passed the words on
    flags: list[str] = field(default_factory=list)


@dataclass
class ClaimGuess:
    place: Place
    status: str
    source: str | None = None  # a source's key
    cues: list[Place] = field(default_factory=list)
    flag: str = ""


@dataclass
class FramingGuess:
    place: Place
    technique: str


@dataclass
class Suggestions:
    sources: list[SourceGuess] = field(default_factory=list)
    claims: list[ClaimGuess] = field(default_factory=list)
    framing: list[FramingGuess] = field(default_factory=list)


@dataclass(frozen=True)
class Word:
    text: str
    lower: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Attribution:
    """One place where the article says who said something."""

    block: int
    speaker: Place  # the speaker's own words ("Dr. Amira Okafor", "he")
    mention: Place  # the words to quote as the source's mention
    speaker_words: list[Word]
    extra: str = ""  # words describing the speaker beside the name (an appositive)
    outlet: Place | None = None  # "the Evening Courier" in "told the Evening Courier"
    outlet_mention: Place | None = None
    content: Place | None = None  # what the speaker is reported to have said


# --------------------------------------------------------------------------- matching words


@functools.lru_cache(maxsize=64)
def phrase_pattern(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for a list of words and phrases, longest first, each on
    word boundaries (a phrase's spaces match any white space)."""
    if not entries:
        return None
    ordered = sorted(entries, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in entry.split()) for entry in ordered)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE)


def find_phrases(
    text: str, entries: tuple[str, ...], start: int = 0, end: int | None = None
) -> list[re.Match[str]]:
    pattern = phrase_pattern(entries)
    if pattern is None:
        return []
    return list(pattern.finditer(text, start, len(text) if end is None else end))


def words_of(text: str) -> list[Word]:
    return [Word(m.group(), m.group().lower(), m.start(), m.end()) for m in WORD_PATTERN.finditer(text)]


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Sentence ranges: a stop, then a capital (not after "Dr." and the like)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = WORD_PATTERN.findall(text[max(0, match.start() - 12) : match.start()])
        if before and before[-1].lower() in ABBREVIATIONS:
            continue
        ranges.append((start, match.start()))
        start = match.end()
    if start < len(text):
        ranges.append((start, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


def quotation_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks (straight or curly), marks included."""
    ranges: list[tuple[int, int]] = []
    opening: int | None = None
    for index, char in enumerate(text):
        if char not in QUOTE_MARKS:
            continue
        if opening is None and char != "”":
            opening = index
        elif opening is not None and char != "“":
            ranges.append((opening, index + 1))
            opening = None
    return ranges


def inside(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _gap(text: str, end: int, start: int) -> str:
    return text[end:start]


def _only_space(gap: str) -> bool:
    return gap.strip() == ""


# --------------------------------------------------------------------------- speakers


def _speaker_before(
    text: str, words: list[Word], verb_index: int, sentence_start: int, verbs: frozenset[str] = frozenset()
) -> tuple[int, int, int, int]:
    """The speaker before the verb: (first word index, last word index + 1) and the appositive's
    (first, last + 1), empty ranges when there is none.  Reads leftwards: linking words, then an appositive in
    commas, then the noun phrase."""
    index = verb_index - 1
    while index >= 0 and words[index].start >= sentence_start and words[index].lower in LINKING_WORDS:
        if not _only_space(_gap(text, words[index].end, words[index + 1].start)):
            break
        index -= 1
    end = index + 1
    appositive = (0, 0)
    if index >= 0 and words[index].start >= sentence_start:
        gap = _gap(text, words[index].end, words[end].start)
        if gap.strip() == ",":
            # "X, who asked not to be named, said": the speaker is before the first comma.
            comma_index = index
            while comma_index >= 0 and words[comma_index].start >= sentence_start:
                before_gap = (
                    _gap(text, words[comma_index - 1].end, words[comma_index].start) if comma_index else ""
                )
                if comma_index == 0 or words[comma_index - 1].start < sentence_start:
                    comma_index = -1
                    break
                if before_gap.strip() == ",":
                    break
                if before_gap.strip():
                    comma_index = -1
                    break
                comma_index -= 1
            if comma_index <= 0 or index - comma_index + 1 > MAX_APPOSITIVE_WORDS:
                return (0, 0, 0, 0)
            appositive = (comma_index, index + 1)
            index = comma_index - 1
            end = index + 1
        elif not _only_space(gap):
            return (0, 0, 0, 0)
    first = end
    while (
        first - 1 >= 0
        and words[first - 1].start >= sentence_start
        and end - first < MAX_SPEAKER_WORDS
        and (words[first - 1].lower not in CLAUSE_WORDS or words[first - 1].lower in NOUN_PHRASE_LINKS)
        and words[first - 1].lower not in verbs
        and (
            first == end
            or _only_space(_gap(text, words[first - 1].end, words[first].start))
            or _abbreviation_gap(text, words[first - 1], words[first])
            or _number_gap(text, words[first - 1], words[first])
            or _possessive_gap(text, words[first - 1], words[first])
        )
    ):
        first -= 1
    while first < end and words[first].lower in NOUN_PHRASE_LINKS:
        first += 1
    if first == end:
        return (0, 0, 0, 0)
    # A determiner after a word that does not link it starts the speaker: "ago the mayor".
    for index in range(first + 1, end):
        if words[index].lower in DETERMINERS and words[index - 1].lower not in NOUN_PHRASE_LINKS:
            first = index
    # Start at a determiner, a capital or a pronoun: "now sleep" is not a speaker.
    while first < end and not _may_start_speaker(words[first]):
        first += 1
    return (first, end, *appositive) if first < end else (0, 0, 0, 0)


def _abbreviation_gap(text: str, word: Word, following: Word) -> bool:
    return word.lower in ABBREVIATIONS and _gap(text, word.end, following.start).strip() == "."


def _number_gap(text: str, word: Word, following: Word) -> bool:
    """ "2,000": one number, though the comma parts its words."""
    return word.text.isdigit() and following.text.isdigit() and _gap(text, word.end, following.start) == ","


def _possessive_gap(text: str, word: Word, following: Word) -> bool:
    """ "the Teachers' Union": a plural's apostrophe stays inside the name."""
    return word.lower.endswith("s") and _gap(text, word.end, following.start) in ("' ", "’ ")


def _may_start_speaker(word: Word) -> bool:
    return word.capitalised or word.lower in DETERMINERS or word.lower in PRONOUNS


def _speaker_after(text: str, words: list[Word], first: int, sentence_end: int, lexicons: Lexicons) -> int:
    """How many words after ``first`` name a speaker: "Dr. Amira Okafor", "the commander",
    "TV chef Danny Flint"; 0 when none."""
    titles = set(lexicons.official_titles) | set(lexicons.person_nouns)
    count = 0
    index = first
    while index < len(words) and words[index].end <= sentence_end and count < MAX_SPEAKER_WORDS:
        word = words[index]
        if index > first and not (
            _only_space(_gap(text, words[index - 1].end, word.start))
            or _abbreviation_gap(text, words[index - 1], word)
        ):
            break
        capital_soon = any(w.capitalised for w in words[index + 1 : index + 3] if w.end <= sentence_end)
        if (
            word.capitalised
            or word.lower in titles
            or word.lower in DETERMINERS
            and index == first
            or count
            and capital_soon
            and word.lower not in CLAUSE_WORDS
            or index == first
            and capital_soon
            and word.lower not in CLAUSE_WORDS
        ):
            count += 1
        else:
            break
        index += 1
    # A phrase of determiners alone is no speaker.
    while count and words[first + count - 1].lower in DETERMINERS:
        count -= 1
    return count


def _phrase_after(text: str, words: list[Word], first: int, sentence_end: int, limit: int = 8) -> int:
    """Words after ``first`` up to punctuation or a clause word: "a new study from researchers"."""
    count = 0
    index = first
    while index < len(words) and words[index].end <= sentence_end and count < limit:
        if index > first and not (
            _only_space(_gap(text, words[index - 1].end, words[index].start))
            or _abbreviation_gap(text, words[index - 1], words[index])
        ):
            break
        if words[index].lower in CLAUSE_WORDS - PREPOSITIONS - {"to"} and count:
            break
        count += 1
        index += 1
    while count and words[first + count - 1].lower in PREPOSITIONS | DETERMINERS | {"to"}:
        count -= 1
    return count


def _content_after(text: str, start: int, sentence_end: int, quoted: bool = False) -> Place | None:
    """What follows a verb of saying to the end of the sentence, or of the quotation it starts
    or (``quoted``: the verb is inside a quotation) is in ("that" dropped)."""
    rest = text[start:sentence_end]
    stripped = re.sub(r"^[\s,:]*(?:that\b)?[\s,]*", "", rest)
    offset = start + len(rest) - len(stripped)
    if stripped[:1] in QUOTE_MARKS + "‘'":
        stripped, offset, quoted = stripped[1:], offset + 1, True
    closing = re.search(r"[\"“”]", stripped)
    if closing is not None and quoted:
        stripped = stripped[: closing.start()]
    body = stripped.rstrip(" .!?,;:'’")
    if len(WORD_PATTERN.findall(body)) < MIN_CLAIM_WORDS or len(WORD_PATTERN.findall(body)) > MAX_CLAIM_WORDS:
        return None
    return Place(-1, offset, offset + len(body))


def _clause_before(text: str, sentence_start: int, position: int) -> Place | None:
    """The words of the sentence before ", the mayor said", when they end with a comma."""
    before = text[sentence_start:position].rstrip()
    if not before.endswith(",") or len(WORD_PATTERN.findall(before)) < MIN_CLAIM_WORDS:
        return None
    body = before.rstrip(",").strip().lstrip("\"“'‘").rstrip("\"”'’,")
    if len(WORD_PATTERN.findall(body)) > MAX_CLAIM_WORDS:
        return None
    offset = text.index(body, sentence_start)
    return Place(-1, offset, offset + len(body))


def _quoted_before(text: str, position: int, quotes: list[tuple[int, int]]) -> Place | None:
    """The quotation ending just before ``position`` ('"...," said X'), without its marks."""
    for start, end in reversed(quotes):
        if end > position:
            continue
        if text[end:position].strip(" ,"):
            return None
        inner = text[start + 1 : end - 1].strip().rstrip(",.!?;: ")
        if len(WORD_PATTERN.findall(inner)) < MIN_CLAIM_WORDS:
            return None
        first = text.index(inner, start)
        return Place(-1, first, first + len(inner))
    return None


def find_attributions(block: int, text: str, lexicons: Lexicons) -> list[Attribution]:
    """Every attribution in one headline or paragraph, in reading order."""
    words = words_of(text)
    by_start = {w.start: i for i, w in enumerate(words)}
    quotes = quotation_ranges(text)
    found: list[Attribution] = []
    used: list[tuple[int, int]] = []
    outlets = lexicons.news_outlets
    for sentence_start, sentence_end in sentences_of(text):
        for match in find_phrases(text, lexicons.attribution_phrases, sentence_start, sentence_end):
            first = _next_word(words, match.end())
            if first is None:
                continue
            count = _phrase_after(text, words, first, sentence_end)
            if not count:
                continue
            speaker = Place(block, words[first].start, words[first + count - 1].end)
            before = text[sentence_start : match.start()].rstrip(" ,")
            after_end = words[first + count - 1].end
            content: Place | None
            said_before = find_phrases(text, lexicons.reporting_verbs, sentence_start, match.start())
            if said_before:
                content = None  # "He added that ..., according to X": the verb's claim holds it
            elif len(WORD_PATTERN.findall(before)) >= MIN_CLAIM_WORDS:
                body = before.strip().lstrip("\"“'‘")
                offset = text.index(body, sentence_start)
                content = Place(block, offset, offset + len(body.rstrip(' .,;:"”')))
            else:
                content = _content_after(text, after_end, sentence_end)
                content = Place(block, content.start, content.end) if content else None
            found.append(
                Attribution(
                    block,
                    speaker,
                    Place(block, match.start(), after_end),
                    words[first : first + count],
                    content=content,
                )
            )
            used.append((match.start(), after_end))
        for match in find_phrases(text, lexicons.reporting_verbs, sentence_start, sentence_end):
            verb_index = by_start.get(match.start())
            if verb_index is None or any(s <= match.start() < e for s, e in used):
                continue
            verb = words[verb_index]
            adjacent = verb_index and _only_space(_gap(text, words[verb_index - 1].end, verb.start))
            previous = words[verb_index - 1].lower if adjacent else ""
            if previous in PASSIVE_AUXILIARIES and not verb.lower.endswith("ing"):
                continue  # "fish were found", "he was told"
            if verb.lower.endswith("ing") and previous not in PASSIVE_AUXILIARIES | {"as"}:
                continue  # "a warning label"; but "are warning", "quoted him as saying"
            if previous in QUESTION_WORDS:
                continue  # "where it found the post": a question, not an attribution
            quoted = block != TITLE and inside(quotes, verb.start, verb.end)
            attribution = _attribution_at(
                text,
                words,
                verb_index,
                (sentence_start, sentence_end),
                quotes,
                block,
                lexicons,
                outlets,
                quoted,
            )
            if quoted and attribution is not None and _is_pronoun(attribution.speaker_words):
                continue  # "he said" inside a quotation: whose "he" is anyone's guess
            if attribution is not None and attribution.content is not None:
                attribution.content = _cut_at(attribution.content, used, text)
            if attribution is not None:
                found.append(attribution)
                used.append((attribution.mention.start, attribution.mention.end))
    return found


def _cut_at(content: Place, used: list[tuple[int, int]], text: str) -> Place | None:
    """The content up to another attribution inside it ("..., according to figures")."""
    end = min([s for s, _ in used if content.start < s < content.end], default=content.end)
    body = text[content.start : end].rstrip(" ,;:")
    if len(WORD_PATTERN.findall(body)) < MIN_CLAIM_WORDS:
        return None
    return Place(content.block, content.start, content.start + len(body))


def _is_pronoun(words: list[Word]) -> bool:
    return len(words) == 1 and words[0].lower in PRONOUNS


def _next_word(words: list[Word], position: int) -> int | None:
    for index, word in enumerate(words):
        if word.start >= position:
            return index
    return None


def _attribution_at(
    text: str,
    words: list[Word],
    verb_index: int,
    sentence: tuple[int, int],
    quotes: list[tuple[int, int]],
    block: int,
    lexicons: Lexicons,
    outlets: tuple[str, ...],
    quoted: bool = False,
) -> Attribution | None:
    sentence_start, sentence_end = sentence
    verb = words[verb_index]
    before_text = text[sentence_start : verb.start].rstrip()
    follows_quotation = before_text.endswith((',"', ",”", '"', "”", '?"', '!"', "?”", "!”"))
    # "..., said the mayor": the speaker comes after the verb.
    inverted = follows_quotation or before_text.endswith(",")
    after_count = 0
    if verb_index + 1 < len(words) and _only_space(_gap(text, verb.end, words[verb_index + 1].start)):
        after_count = _speaker_after(text, words, verb_index + 1, sentence_end, lexicons)
    outlet_place: Place | None = None
    outlet_mention: Place | None = None
    content: Place | None = None
    told = verb.lower in ("told", "tells", "tell") and verb_index + 1 < len(words)
    if told:
        # "told CNN", "told the Evening Courier": an outlet the speaker spoke to ("told this
        # newspaper", "told reporters": someone, but no source of its own).
        count = after_count or _phrase_after(text, words, verb_index + 1, sentence_end, limit=4)
        recipient = words[verb_index + 1 : verb_index + 1 + count]
        if recipient and _is_outlet(recipient, outlets) and recipient[-1].lower not in ("newspaper", "paper"):
            outlet_place = Place(block, recipient[0].start, recipient[-1].end)
            outlet_mention = Place(block, verb.start, recipient[-1].end)
        found = _content_after(text, recipient[-1].end if recipient else verb.end, sentence_end, quoted)
        content = Place(block, found.start, found.end) if found else None
        after_count = 0  # the one told is not the speaker
    if inverted and after_count:
        speaker_words = words[verb_index + 1 : verb_index + 1 + after_count]
        speaker = Place(block, speaker_words[0].start, speaker_words[-1].end)
        quotation = _quoted_before(text, verb.start, quotes)
        if quotation is None and not follows_quotation:
            quotation = _clause_before(text, sentence_start, verb.start)
        return Attribution(
            block,
            speaker,
            Place(block, verb.start, speaker.end),
            speaker_words,
            content=Place(block, quotation.start, quotation.end) if quotation else None,
        )
    verbs = frozenset(lexicons.reporting_verbs)
    first, end, appositive_first, appositive_end = _speaker_before(
        text, words, verb_index, sentence_start, verbs
    )
    appositive_words = words[appositive_first:appositive_end]
    appositive = text[appositive_words[0].start : appositive_words[-1].end] if appositive_words else ""
    if first == end:
        if after_count:
            speaker_words = words[verb_index + 1 : verb_index + 1 + after_count]
            speaker = Place(block, speaker_words[0].start, speaker_words[-1].end)
            return Attribution(block, speaker, Place(block, verb.start, speaker.end), speaker_words)
        return None
    speaker_words = words[first:end]
    if appositive_words and len(appositive_words) <= 4 and all(w.capitalised for w in appositive_words):
        # "The council's finance chief, Martin Oakes, told": the appositive is the name.
        speaker_words = speaker_words + appositive_words
        appositive = ""
    speaker = Place(block, speaker_words[0].start, speaker_words[-1].end)
    # With an outlet, the speaker's mention stops at the name: "told CNN" is the outlet's mention.
    mention_end = verb.end if outlet_mention is None else speaker.end
    if content is None:
        quotation = _quoted_before(text, speaker.start, quotes)
        content = Place(block, quotation.start, quotation.end) if quotation else None
    if content is None and not told and not follows_quotation:
        found = _content_after(text, verb.end, sentence_end, quoted)
        content = Place(block, found.start, found.end) if found else None
    if content is None:
        # "Pupils could miss exams, the union announced": what comes before is the claim.
        clause = _clause_before(text, sentence_start, speaker.start)
        content = Place(block, clause.start, clause.end) if clause else None
    return Attribution(
        block,
        speaker,
        Place(block, speaker.start, mention_end),
        speaker_words,
        extra=appositive,
        outlet=outlet_place,
        outlet_mention=outlet_mention,
        content=content,
    )


def _is_outlet(words: Sequence[Word], outlets: tuple[str, ...]) -> bool:
    core = [w.lower for w in words if w.lower not in DETERMINERS]
    if not core:
        return False
    return " ".join(core) in outlets or core[-1] in outlets or (core[0] == "this" and core[-1] == "newspaper")


# --------------------------------------------------------------------------- source types

TypeRule = Callable[[list[Word], str, Lexicons], bool]


def listed(word: str, entries: tuple[str, ...] | frozenset[str] | set[str]) -> bool:
    """A word in a list, as written or as its singular or plural ("papers" for "paper")."""
    return word in entries or (word.endswith("s") and word[:-1] in entries) or word + "s" in entries


def _core(words: list[Word]) -> list[Word]:
    """The words before a preposition ("figures" in "figures from the Office"), no determiners."""
    core: list[Word] = []
    for word in words:
        if word.lower in PREPOSITIONS:
            break
        if word.lower not in DETERMINERS:
            core.append(word)
    return core


def _has_name(words: list[Word], lexicons: Lexicons) -> bool:
    """A capitalised word that is not just a common word at the start of a sentence."""
    common = (
        set(lexicons.vague_sources)
        | set(lexicons.person_nouns)
        | set(lexicons.document_sources)
        | set(lexicons.official_titles)
        | DETERMINERS
    )
    return any(
        w.capitalised and (w.lower not in common or i > 0)
        for i, w in enumerate(words)
        if w.lower not in DETERMINERS
    )


def _is_anonymous(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    text = " ".join(w.lower for w in words) + " " + extra.lower()
    if find_phrases(text, lexicons.anonymous_cues):
        return True
    core = _core(words)
    if not words or not core:
        return False
    nouns = set(lexicons.person_nouns) | set(lexicons.official_titles)
    unnamed = not any(w.capitalised for w in core[1:]) and not (
        core[0].capitalised
        and core[0].lower not in nouns
        and core[0].lower not in DETERMINERS
        and words[0].lower not in INDEFINITE | {"the"}
    )
    return words[0].lower in INDEFINITE | {"the"} and listed(core[-1].lower, nouns) and unnamed


def _is_outlet_source(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    return _is_outlet(words, lexicons.news_outlets) and len(_core(words)) <= 4


def _is_document(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    core = _core(words)
    return bool(core) and listed(core[-1].lower, lexicons.document_sources)


def _is_vague(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    core = _core(words)
    if not core or _has_name(words, lexicons) and core[0].lower not in lexicons.vague_sources:
        return False
    phrase = " ".join(w.lower for w in words)
    return (
        phrase in lexicons.vague_sources
        or core[-1].lower in lexicons.vague_sources
        or words[0].lower in ("some", "many", "most")
    )


def _is_official(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    text = " ".join(w.lower for w in words) + " " + extra.lower()
    return bool(find_phrases(text, lexicons.official_titles)) and _has_name(words, lexicons)


def _is_organisation(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    core = _core(words)
    return bool(core) and listed(core[-1].lower, lexicons.organisations)


def _is_person(words: list[Word], extra: str, lexicons: Lexicons) -> bool:
    return _has_name(words, lexicons)


# The first rule that holds gives the type; a speaker no rule fits is vague.
SOURCE_TYPE_RULES: tuple[tuple[str, TypeRule], ...] = (
    ("anonymous", _is_anonymous),
    ("news_outlet", _is_outlet_source),
    ("document_or_data", _is_document),
    ("vague", _is_vague),
    ("named_official", _is_official),
    ("named_organisation", _is_organisation),
    ("named_person", _is_person),
)
PERSON_TYPES = frozenset({"named_person", "named_official", "anonymous"})
GROUP_TYPES = frozenset({"named_organisation", "document_or_data", "news_outlet"})


def guess_type(words: list[Word], extra: str, lexicons: Lexicons) -> str:
    for source_type, rule in SOURCE_TYPE_RULES:
        if rule(words, extra, lexicons):
            return source_type
    return "vague"


def source_key(words: list[Word], source_type: str) -> str:
    """Mentions with one key are one source: a person by surname ("Dr. Okafor" is "Dr. Amira
    Okafor"), anything else by its head word ("the study" is "a new study")."""
    core = _core(words) or words
    capitals = [w.lower for w in core if w.capitalised]
    if source_type in ("named_person", "named_official") and capitals:
        return "person:" + capitals[-1]
    if source_type in ("named_organisation", "news_outlet") and capitals:
        return "group:" + " ".join(capitals)
    return f"{source_type}:{core[-1].lower}"


# --------------------------------------------------------------------------- the whole article


def suggest(title: str, paragraphs: Sequence[str], lexicons: Lexicons) -> Suggestions:
    """Every suggestion for an article whose headline and paragraphs are in display form."""
    blocks = [title, *paragraphs]
    result = Suggestions()
    by_key: dict[str, SourceGuess] = {}
    recent: list[SourceGuess] = []  # sources in the order last mentioned
    attributed: list[ClaimGuess] = []
    for block, text in enumerate(blocks):
        for attribution in find_attributions(block, text, lexicons):
            if sum(len(s.mentions) for s in result.sources) >= MAX_SUGGESTIONS:
                break  # bounded work: a teacher reviews a few hundred suggestions at most
            source = _source_for(attribution, text, by_key, recent, result, lexicons)
            if source is None:
                continue
            if attribution.outlet is not None and attribution.outlet_mention is not None:
                outlet_words = [
                    w for w in words_of(text) if attribution.outlet.start <= w.start < attribution.outlet.end
                ]
                outlet = _add_source(
                    by_key,
                    result,
                    source_key(outlet_words, "news_outlet"),
                    text,
                    attribution.outlet,
                    "news_outlet",
                )
                outlet.mentions.append(attribution.outlet_mention)
                if outlet is not source:
                    source.via = source.via or outlet.key
            if attribution.content is not None and block != TITLE and len(attributed) < MAX_SUGGESTIONS:
                attributed.append(ClaimGuess(attribution.content, "attributed", source.key))
    result.claims.extend(_unique_claims(attributed))
    _hedged_claims(blocks, result, lexicons)
    _unattributed_claims(blocks, result, lexicons)
    _framing(blocks, result, lexicons)
    _limit(result)
    return result


def _add_source(
    by_key: dict[str, SourceGuess], result: Suggestions, key: str, text: str, place: Place, source_type: str
) -> SourceGuess:
    source = by_key.get(key)
    if source is None:
        source = SourceGuess(key, text[place.start : place.end], source_type)
        by_key[key] = source
        result.sources.append(source)
    return source


def _source_for(
    attribution: Attribution,
    text: str,
    by_key: dict[str, SourceGuess],
    recent: list[SourceGuess],
    result: Suggestions,
    lexicons: Lexicons,
) -> SourceGuess | None:
    words = attribution.speaker_words
    if len(words) == 1 and words[0].lower in PRONOUNS:
        wanted = PRONOUNS[words[0].lower]
        fits = [
            s
            for s in reversed(recent)
            if wanted == "any" or (s.type in PERSON_TYPES if wanted == "person" else s.type in GROUP_TYPES)
        ]
        candidates = list(dict.fromkeys(s.key for s in fits[:2]))
        if not fits:
            return None
        source = fits[0]
        source.mentions.append(attribution.mention)
        if len(candidates) > 1:
            other = by_key[candidates[1]]
            quote = text[attribution.mention.start : attribution.mention.end]
            source.flags.append(f'"{quote}" could also mean {other.name}')
        _touch(recent, source)
        return source
    source_type = guess_type(words, attribution.extra, lexicons)
    key = source_key(words, source_type)
    source = _add_source(by_key, result, key, text, attribution.speaker, source_type)
    source.mentions.append(attribution.mention)
    _touch(recent, source)
    return source


def _touch(recent: list[SourceGuess], source: SourceGuess) -> None:
    if source in recent:
        recent.remove(source)
    recent.append(source)


def _unique_claims(claims: list[ClaimGuess]) -> list[ClaimGuess]:
    kept: list[ClaimGuess] = []
    for claim in claims:
        if not any(claim.place.overlaps(other.place) for other in kept):
            kept.append(claim)
    return kept


def _hedged_claims(blocks: list[str], result: Suggestions, lexicons: Lexicons) -> None:
    for block, text in enumerate(blocks):
        if block == TITLE:
            continue
        words = words_of(text)
        for match in find_phrases(text, lexicons.hedges):
            if match.group()[0].isupper() and text[: match.start()].rstrip()[-1:] not in (
                "",
                ".",
                "!",
                "?",
                '"',
                "“",
            ):
                continue  # "in May": a capital inside a sentence is a name, not a hedge
            cue = Place(block, match.start(), match.end())
            holder = next((c for c in result.claims if c.place.contains(cue)), None)
            if holder is not None:
                if not any(c.overlaps(cue) for c in holder.cues):
                    holder.cues.append(cue)
                continue
            if len(result.claims) >= MAX_SUGGESTIONS:
                return
            place = _clause_from(text, words, block, match.start())
            if place is None:
                continue
            overlapping = [c for c in result.claims if c.place.overlaps(place)]
            if overlapping:
                # "X suggested that ...": the hedge is just before what X said; one claim for both.
                holder = overlapping[0]
                union = Place(block, min(holder.place.start, place.start), max(holder.place.end, place.end))
                if not any(c is not holder and c.place.overlaps(union) for c in result.claims):
                    holder.place = union
                    holder.cues.append(cue)
                continue
            result.claims.append(ClaimGuess(place, "hedged", cues=[cue]))


def _clause_from(text: str, words: list[Word], block: int, start: int) -> Place | None:
    """From a hedge (with the "is" or "has" before it) to the end of its clause."""
    index = next((i for i, w in enumerate(words) if w.start == start), None)
    if index is None:
        return None
    if (
        index
        and words[index - 1].lower in PASSIVE_AUXILIARIES | {"has", "have", "had", "will"}
        and _only_space(_gap(text, words[index - 1].end, words[index].start))
    ):
        start = words[index - 1].start
    stop = re.compile(r"[,;:.!?\"“”()]|\s[-–—]\s")
    end_match = stop.search(text, words[index].end)
    end = end_match.start() if end_match else len(text)
    body = text[start:end].rstrip()
    count = len(WORD_PATTERN.findall(body))
    if count < MIN_CLAIM_WORDS or count > MAX_CLAIM_WORDS:
        return None
    return Place(block, start, start + len(body))


def _unattributed_claims(blocks: list[str], result: Suggestions, lexicons: Lexicons) -> None:
    mentions = [m for s in result.sources for m in s.mentions]
    for block, text in enumerate(blocks):
        if block == TITLE:
            continue
        quotes = quotation_ranges(text)
        for start, end in sentences_of(text):
            sentence = Place(block, start, end)
            if any(sentence.overlaps(m) for m in mentions) or any(
                sentence.overlaps(c.place) for c in result.claims
            ):
                continue
            body = text[start:end].strip().rstrip(".!?;: ")
            if not NUMBER.search(body) or inside(quotes, start, end):
                continue
            body = body.lstrip("\"“'‘")
            count = len(WORD_PATTERN.findall(body))
            if count < MIN_CLAIM_WORDS or count > MAX_CLAIM_WORDS:
                continue
            first = text.index(body, start)
            if len(result.claims) >= MAX_SUGGESTIONS:
                return
            result.claims.append(
                ClaimGuess(
                    Place(block, first, first + len(body)),
                    "unattributed",
                    flag="no source found in this sentence: check whether the article backs it up elsewhere",
                )
            )


# Framing lists and the technique each suggests.
FRAMING_LISTS: tuple[tuple[str, str], ...] = (
    ("loaded_words", "loaded_language"),
    ("fear_words", "appeal_to_fear_prejudice"),
    ("intensifiers", "exaggeration_minimisation"),
    ("false_dilemma", "false_dilemma"),
    ("flag_waving", "flag_waving"),
)
SCARE_QUOTE = re.compile(
    r"(?:so-called\s+)?(?:\"[^\"]{1,60}\"|“[^”]{1,60}”|(?<![\w’'])['‘](?=\w)[^'‘’\"]{1,60}(?<=\w)['’](?![\w’']))"
)


def _framing(blocks: list[str], result: Suggestions, lexicons: Lexicons) -> None:
    framing: list[FramingGuess] = []

    def add(place: Place, technique: str) -> None:
        if len(framing) < MAX_SUGGESTIONS and not any(place.overlaps(f.place) for f in framing):
            framing.append(FramingGuess(place, technique))

    attribution_words = lexicons.reporting_verbs + lexicons.attribution_phrases
    for block, text in enumerate(blocks):
        for start, end in sentences_of(text) or [(0, len(text))]:
            has_speaker = bool(find_phrases(text, attribution_words, start, end))
            for match in SCARE_QUOTE.finditer(text, start, end):
                inner = WORD_PATTERN.findall(match.group())
                if 1 <= len(inner) <= MAX_SCARE_QUOTE_WORDS and (block == TITLE or not has_speaker):
                    add(Place(block, match.start(), match.end()), "scare_quotes")
        # Inside quotations too: a slogan or a loaded word a writer chooses to quote frames the story.
        for attribute, technique in FRAMING_LISTS:
            for match in find_phrases(text, getattr(lexicons, attribute)):
                add(Place(block, match.start(), match.end()), technique)
    for place in headline_hedged(blocks, result.claims):
        add(place, "headline_body_mismatch")
    result.framing.extend(sorted(framing, key=lambda f: f.place))


# A headline word "of substance": not one of these, and at least this long.
HEADLINE_SMALL_WORDS = frozenset(
    ["the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "at", "by", "is"]
)
WORDS_AFTER_HEDGE = 3


def headline_hedged(blocks: list[str], claims: list[ClaimGuess]) -> list[Place]:
    """Headline words that state what the body only hedges: two headline words in a row found
    together in a hedged claim ("an Hour" of "may be losing almost an hour"), or a headline word
    sharing its stem with a word just after a hedge ("Assault" and "set to be assaulted")."""
    title_words = words_of(blocks[TITLE])
    hedged = [c for c in claims if c.status == "hedged" or c.cues]
    hedged_words: list[list[str]] = []
    after_hedge: set[str] = set()
    for claim in hedged:
        text = blocks[claim.place.block]
        if not claim.cues:
            continue
        # What the body hedges is what follows the hedge: "may be losing almost an hour".
        first_cue = min(claim.cues)
        hedged_part = words_of(text[first_cue.end : claim.place.end])
        # Names are not what the headline overstates: "Harlow Island" matches nothing.
        hedged_words.append(["" if w.capitalised else w.lower for w in hedged_part])
        for cue in claim.cues:
            following = [w.lower for w in words_of(text[cue.end : claim.place.end])][:WORDS_AFTER_HEDGE]
            after_hedge.update(w[:5] for w in following if len(w) >= 5)
    marked = [False] * len(title_words)
    for index in range(len(title_words) - 1):
        pair = [title_words[index].lower, title_words[index + 1].lower]
        if all(w in HEADLINE_SMALL_WORDS for w in pair):
            continue
        if any(pair == words[i : i + 2] for words in hedged_words for i in range(len(words) - 1)):
            marked[index] = marked[index + 1] = True
    for index, word in enumerate(title_words):
        if len(word.lower) >= 5 and word.lower[:5] in after_hedge:
            marked[index] = True
    places: list[Place] = []
    index = 0
    while index < len(title_words):
        if not marked[index]:
            index += 1
            continue
        first = index
        while index + 1 < len(title_words) and marked[index + 1]:
            index += 1
        places.append(Place(TITLE, title_words[first].start, title_words[index].end))
        index += 1
    return places


def _limit(result: Suggestions) -> None:
    """At most MAX_PER_KIND mentions, claims and framing spans each: the validator allows 500
    quotes in a file, and a teacher reviews a few hundred suggestions at most."""
    budget = MAX_PER_KIND
    for source in result.sources:
        source.mentions = source.mentions[: max(0, budget)]
        budget -= len(source.mentions)
    result.sources = [s for s in result.sources if s.mentions]
    result.claims = result.claims[:MAX_PER_KIND]
    result.framing = result.framing[:MAX_PER_KIND]
