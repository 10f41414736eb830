"""Which word of the headline pushes the reader?  A headline's one loaded word ("Rovers Axe Youth
Academy") frames the whole story before a line of it is read, and a one-word span in a seven-word
headline is too short for "find the framing" (one word too many would cost a sixth at best) and
usually has no plausible wrong technique for "name the technique" (reviews 171 and 175).

Asked where the teacher listed the headline in ``framing_complete``, about a framing span of one
meaning word that is neither in quotation marks nor a headline-only technique ("says more than the
article" is about the article, not the word).  The wrong answers are other words of the same
headline that the teacher left unmarked, so none of them is framing: plain words the article itself
uses in lowercase (not names, numbers, small words, reporting or hedge words, a record and its verb
("Survey Finds") or words of time ("Now")), and none right beside a marked span, which may share its
push."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from app.domain.article import HEADLINE_BLOCK, Span
from app.domain.kinds.base import QuestionKind, _defined, _notes
from app.domain.kinds.headline_quote import quotations
from app.domain.passage import ArticleReading, covered, find_words
from app.domain.question import CHOICE, Question
from app.domain.scoring import NEAR
from app.domain.text import FUNCTION_WORDS, display_form, match_form

MAX_WRONG_WORDS = 3
MIN_WORD_LETTERS = 3
_LETTERS = re.compile(r"[^\W\d_]+")
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    + ["twenty", "thirty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions"]
    + ["dozen", "dozens", "half", "double", "triple", "twice", "first", "second", "third", "last"]
)
# Words of time and change: "Now" of "Half of Young People Now Volunteer" says the habit is new, which
# may be the very push the teacher marked elsewhere (review 252).
TIME_WORDS = frozenset(["now", "still", "again", "already", "ever", "never", "soon", "new", "finally", "yet"])
_NEVER_PLAIN = NUMBER_WORDS | TIME_WORDS


class HeadlineWord(QuestionKind):
    name = "headline_word"
    title = "The headline's loaded word"
    confusion_title = "Headline words"
    skill = "framing"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article, vocabulary = reading.article, reading.vocabulary
        if HEADLINE_BLOCK not in article.framing_complete:
            return
        headline = reading.blocks[HEADLINE_BLOCK]
        marked = [(f.span.start, f.span.end) for f in article.framing if f.span.block == HEADLINE_BLOCK]
        # Single marks too: "Vaping 'Epidemic' Grips Schools".
        quoted = reading.quoted(HEADLINE_BLOCK) | {
            i for start, end in quotations(headline) for i in range(start, end)
        }
        # An emotive word or a short quotation left unmarked: the headline is not marked as fully as
        # the list says, and an unmarked word could be the key.
        if not all(covered(hit, marked) for hit in reading.loaded_hits(HEADLINE_BLOCK)):
            return
        if not all(covered(hit, marked) for hit in reading.short_quotations(HEADLINE_BLOCK)):
            return
        body_words = _body_words(reading)
        plain = self._plain_words(reading, marked, quoted, body_words)
        # Beside place and thing names alone ("Green", "Village") the key is the only real choice
        # (reviews 178, 182 and 185): one wrong word must be a headline's action ("Bans", "Cuts"), a
        # word a student could take for a push.
        actions = [word for word in plain if _an_action(word, body_words)]
        if not actions:
            return
        whole = Span(HEADLINE_BLOCK, 0, len(headline.words), article.title)
        for index, framing in enumerate(article.framing):
            span = framing.span
            if span.block != HEADLINE_BLOCK or framing.technique in vocabulary.headline_only:
                continue
            if framing.technique in vocabulary.shown_by_form | vocabulary.needs_quotation_marks:
                continue
            meaning = [i for i in range(span.start, span.end) if not _small(headline.words[i])]
            if len(meaning) != 1 or meaning[0] in quoted:
                continue
            try:
                technique = vocabulary.technique(framing.technique)
            except KeyError:
                continue
            key = _letters_of(headline.words[meaning[0]])
            first = rng.choice(actions)
            wrong = [first]
            # Two neighbours only where too few words are left apart: "Town" and "Centre" of "Town Centre
            # Loos" read as one phrase cut in half (review 464).
            rest = rng.sample([word for word in plain if word != first], len(plain) - 1)
            for word in rest:
                if len(wrong) < MAX_WRONG_WORDS and all(abs(plain[word] - plain[w]) > 1 for w in wrong):
                    wrong.append(word)
            wrong += [word for word in rest if word not in wrong][: MAX_WRONG_WORDS - len(wrong)]
            reason = (
                f'"{key}" is the framing word: it was chosen to push you towards a view, or it says more '
                "than the facts show. The other words offered are plain ones: they only tell you who or "
                "what the story is about."
            )
            # The whole headline is what the question points at: the stem cannot quote it (every
            # choice is in it), and marking the one word would mark the key.
            yield self.choice(
                rng,
                prompt=(
                    "Which word of the headline is framing: chosen to push the reader towards a view, "
                    "or saying more than the facts show?"
                ),
                explanation=_defined(_notes([reason, framing.note], reason), technique),
                right=key,
                wrong=wrong,
                span=whole,
                about=[f"framing:{index}"],
                line=framing.line,
                extra={"framing": index},
            )

    @staticmethod
    def _plain_words(
        reading: ArticleReading,
        marked: list[tuple[int, int]],
        quoted: frozenset[int],
        body_words: frozenset[str],
    ) -> dict[str, int]:
        """Headline words that are plainly no framing, each with where it first stands: unmarked, not
        beside a marked span, not in quotation marks, and used in lowercase in the article's paragraphs
        (so no name)."""
        vocabulary = reading.vocabulary
        headline = reading.blocks[HEADLINE_BLOCK]
        signal_words = {
            i
            for phrases in (vocabulary.attribution_words, vocabulary.hedge_words, vocabulary.sweeping_words)
            for start, end in find_words(headline, phrases)
            for i in range(start, end)
        }
        # A record and what it says it found ("Survey Finds"): the headline's attribution (review 252).
        for start, end in find_words(headline, vocabulary.record_words):
            signal_words |= set(range(start, end + 1))
        plain: dict[str, int] = {}
        for i, word in enumerate(headline.words):
            letters = _letters_of(word)
            if (
                not _PLAIN_WORD.fullmatch(letters)
                or letters != match_form(word)
                or len(letters) < MIN_WORD_LETTERS
                or _small(word)
                or letters.casefold() in _NEVER_PLAIN
                or i in signal_words
                # "Teens Left With "Nowhere to Go"", "Council Ignored Mould Crisis": the verb before
                # marked words may share their push; the word after them starts something else.
                or any(start - NEAR <= i <= end for start, end in [*marked, *((q, q + 1) for q in quoted)])
                or not _forms(letters.casefold()) & body_words
            ):
                continue
            plain.setdefault(letters, i)
        return plain


def _body_words(reading: ArticleReading) -> frozenset[str]:
    """The words the article's paragraphs use in lowercase."""
    return frozenset(
        word
        for block in reading.blocks[HEADLINE_BLOCK + 1 :]
        for word in (match_form(w) for w in block.words)
        if word[:1].islower()
    )


def _an_action(word: str, body_words: frozenset[str]) -> bool:
    """A headline verb in the present ("Bans", "Cuts", "Scraps"): its plain form is in the article,
    its "-s" form is not (so it is no plural noun there)."""
    lower = word.casefold()
    return (
        lower.endswith("s")
        and not lower.endswith("ss")
        and lower not in body_words
        and bool((_forms(lower) - {lower}) & body_words)
    )


def _forms(word: str) -> set[str]:
    """The word and its plain forms, so the headline's "Cuts" meets the article's "cut"."""
    forms = {word}
    for ending in ("s", "es", "ed", "d", "ing"):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_WORD_LETTERS:
            forms.add(word[: -len(ending)])
    return forms


def _small(word: str) -> bool:
    return match_form(word).casefold() in FUNCTION_WORDS


def _letters_of(word: str) -> str:
    """The word as the headline shows it, without the punctuation around it."""
    found = _LETTERS.findall(display_form(word))
    return found[0] if len(found) == 1 else display_form(word)
