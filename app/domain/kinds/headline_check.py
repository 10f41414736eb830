"""Headline against the article: for headline words the teacher marked as saying more than the
article, does the article back them up?  Also the article's sentence that says all the marked
headline words say (:func:`body_sentence_saying`, which "headline against body, with the
evidence" and the audit use too)."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterator

from app.domain.article import HEADLINE_BLOCK, Article, Framing, Span, VocabularyEntry
from app.domain.kinds.base import (
    _CALENDAR_NAMES,
    MIN_STEM_WORD,
    QuestionKind,
    _defined,
    _framings,
    _notes,
    _paragraph_indexes,
    headline_asks,
    in_stem,
    says_who_only,
    starts_with_a_link,
    without_outer_quotes,
)
from app.domain.kinds.headline_quote import quotations
from app.domain.kinds.statement_kind import speaks_of_the_future
from app.domain.passage import ArticleReading, _bare
from app.domain.question import CHOICE, Question
from app.domain.text import FUNCTION_WORDS, figures, match_form

# Words after "how" that make the question ask in what way something happened, not how much.
_HOW_AUXILIARIES = frozenset(
    ["has", "have", "had", "did", "does", "do", "is", "are", "was", "were", "will", "could", "can", "would"]
)
# The headline's question word and auxiliary come before what it takes for granted.
PRESUPPOSING_OPENING_WORDS = 2


def headline_takes_for_granted(article: Article) -> str:
    """ "how" or "why" where the headline's question takes what it asks about as already true ("How
    Has Ashbury High's Four-Day Week Boosted Exam Results?" says the results were boosted, review
    199); else "" (a yes-or-no question, "Is X About to ...?", states nothing; "How Safe Is ...?"
    asks how much)."""
    if not headline_asks(article):
        return ""
    words = [match_form(word).casefold().strip(".,;:!?'\"") for word in article.title.split()[:2]]
    if len(words) < PRESUPPOSING_OPENING_WORDS:
        return ""
    if words[0] == "why" or (words[0] == "how" and words[1] in _HOW_AUXILIARIES):
        return words[0]
    return ""


# "Less", not "does not back these words up": a headline that says more than its article may still
# be partly backed (two injuries for "Puts Pedestrians in Danger"), and only "less" is certain.
HEADLINE_SAYS_MORE = "Less: the article says less than these words"
HEADLINE_MATCHES = "The same: the article says all that these words say"
HEADLINE_SAYS_LESS = "More: the article makes it sound even bigger or surer"
HEADLINE_CHOICES = (HEADLINE_SAYS_MORE, HEADLINE_MATCHES, HEADLINE_SAYS_LESS)
# The same question the other way round: the headline's words against the article. Asked in either
# form at random, so "Less" is not the answer every time: a student who met the question once must
# still read which way it is asked (reviews 29 and 30 found the fixed key).
HEADLINE_WORDS_SAY_MORE = "They say more than the article does"
HEADLINE_WORDS_MATCH = "They say the same as the article"
HEADLINE_WORDS_SAY_LESS = "They say less than the article does"
HEADLINE_WORDS_CHOICES = (HEADLINE_WORDS_SAY_MORE, HEADLINE_WORDS_MATCH, HEADLINE_WORDS_SAY_LESS)
# Of words a yes-or-no headline asks about: the article does not back them up (the teacher marked
# them as saying more), or it does, or a question suggests nothing (what the lesson is there to undo).
QUESTION_HEADLINE_SAYS_MORE = "The article does not back them up: the question suggests more than it shows"
QUESTION_HEADLINE_BACKED = "The article shows them to be true, so the question is a fair one"
QUESTION_HEADLINE_NEUTRAL = "They are only asked, not said, so they suggest nothing the article must back up"
QUESTION_HEADLINE_CHOICES = (
    QUESTION_HEADLINE_SAYS_MORE,
    QUESTION_HEADLINE_BACKED,
    QUESTION_HEADLINE_NEUTRAL,
)
# The same of one marked word ("Gridlock", review 267).
QUESTION_HEADLINE_WORD_SAYS_MORE = "The article does not back it up: the question suggests more than it shows"
QUESTION_HEADLINE_WORD_CHOICES = (
    QUESTION_HEADLINE_WORD_SAYS_MORE,
    "The article shows it to be true, so the question is a fair one",
    "It is only asked, not said, so it suggests nothing the article must back up",
)
HEADLINE_FORMS = (
    ("Compared with the headline, what does the article say?", HEADLINE_SAYS_MORE, HEADLINE_CHOICES),
    (
        "How do these words compare with what the article says?",
        HEADLINE_WORDS_SAY_MORE,
        HEADLINE_WORDS_CHOICES,
    ),
)
# The same of one marked word: "these words" of the lone "Thousands" read as a slip (reviews 454, 459,
# 464).
HEADLINE_WORD_SAYS_MORE = "Less: the article says less than this word does"
HEADLINE_WORD_SAYS_MORE_THAN_ARTICLE = "It says more than the article does"
HEADLINE_ONE_WORD_FORMS = (
    (
        "Compared with the headline, what does the article say?",
        HEADLINE_WORD_SAYS_MORE,
        (
            HEADLINE_WORD_SAYS_MORE,
            "The same: the article says all that this word says",
            HEADLINE_SAYS_LESS,
        ),
    ),
    (
        "How does this word compare with what the article says?",
        HEADLINE_WORD_SAYS_MORE_THAN_ARTICLE,
        (
            HEADLINE_WORD_SAYS_MORE_THAN_ARTICLE,
            "It says the same as the article",
            "It says less than the article does",
        ),
    ),
)


# The same asked of the marked words where the stem quotes the whole headline, so "these words" is never
# read as the whole of it ('Fiasco' in quotation marks beside the marked "for Another Year", review 325).
_OF_THE_MARKED_WORDS = {
    HEADLINE_FORMS[0][0]: 'Compared with the headline\'s words "{}", what does the article say?',
    HEADLINE_FORMS[1][0]: 'How do the words "{}" compare with what the article says?',
    HEADLINE_ONE_WORD_FORMS[1][0]: 'How does the word "{}" compare with what the article says?',
}
_OF_THE_MARKED_WORD = {
    **_OF_THE_MARKED_WORDS,
    HEADLINE_FORMS[0][0]: 'Compared with the headline\'s word "{}", what does the article say?',
}


# A number and its unit, and nothing else: "80%", "£4m", "3,000".
_ONLY_A_FIGURE = re.compile(r"[£$€]?\d[\d.,]*\s*(?:%|per cent|m|bn|k|million|billion)?")


# Words that make an amount sound small without a minimising word: "a Handful", "a Trickle".
_SMALL_AMOUNTS = frozenset({"handful", "trickle", "fraction", "sprinkling", "smattering", "dribble"})


class HeadlineCheck(QuestionKind):
    """Headline against body: for headline words the teacher marked as saying more than the
    article (a headline-only technique), does the article back them up?"""

    name = "headline_check"
    title = "Headline against the article"
    skill = "framing"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        vocabulary = reading.vocabulary
        asks = headline_asks(reading.article)
        granted = headline_takes_for_granted(reading.article)
        for index, framing, technique in _framings(reading):
            if framing.span.block != HEADLINE_BLOCK or framing.technique not in vocabulary.headline_only:
                continue
            if granted and framing.span.start < PRESUPPOSING_OPENING_WORDS:
                continue  # the question word itself marked: what the question takes as true is unclear
            if says_who_only(reading, framing.span, framing.note):
                continue  # "Scientists Say": the article may well match these words
            marked = {
                _bare(word)
                for word in reading.blocks[HEADLINE_BLOCK].words[framing.span.start : framing.span.end]
            }
            if marked & set(vocabulary.minimising_words) or marked & _SMALL_AMOUNTS:
                # "Only a Handful": the headline makes a number sound smaller, so "says more" and
                # "says less" read as more or fewer households, and the key is the wrong way round
                # (review 385, a fail).
                continue
            # "..., Parents Say" where the note says the article quotes only one parent: "Some parents
            # say the cost is a worry" repeats the words, not what the headline has them say, so the
            # teacher's count decides; the stem shows what they are said to say (review 268).
            repeated = _repeated_in_the_body(reading, framing.span)
            said_again = repeated and says_who_only(reading, framing.span)
            if repeated and not said_again:
                continue
            if asks and not granted:
                yield self._asked_in_a_question(reading, rng, index, framing, technique)
                continue
            # "as Council Sells Off Plots": cut from what it links to, the words may be true; the
            # overstatement is the link, so the stem quotes the whole headline (review 30).
            # So too where a hedge stands just before the words ("Reportedly Bans"): cut from it, the
            # stem would misquote the headline as saying it outright (review 292).
            whole = (
                starts_with_a_link(framing.span.quote, prepositions=True)
                # "80%" alone: what it is 80% of is the headline's claim ("Car Park to Swallow 80% of
                # ... Playing Field" beside "about 80 per cent of the field", review 367).
                or _ONLY_A_FIGURE.fullmatch(framing.span.quote.strip()) is not None
                # "Will" alone (of "Four-Day Week Will 'Wreck' Working Families"): small words say
                # nothing cut from their headline, and a capital "Will" reads as a name (review 383).
                or marked <= FUNCTION_WORDS
                or said_again
                or _hedged_just_before(reading, framing.span)
            )
            words = reading.article.title if whole else framing.span.quote
            quote = without_outer_quotes(in_stem(words))
            one_word = len(framing.span.quote.split()) == 1
            asked, right, choices = rng.choice(HEADLINE_ONE_WORD_FORMS if one_word else HEADLINE_FORMS)
            says = f'The headline says "{quote}".'
            if whole and framing.span.quote != reading.article.title:
                marked_words = _OF_THE_MARKED_WORD if one_word else _OF_THE_MARKED_WORDS
                asked = marked_words[asked].format(without_outer_quotes(in_stem(framing.span.quote)))
            if granted:
                # A question that asks how or why something happened takes it as already true: the
                # stem quotes the whole question and says so, so the words are not read as a statement
                # the headline never made.
                title = without_outer_quotes(in_stem(reading.article.title))
                says = f'The headline asks "{title}" Asking "{granted}" treats "{quote}" as already true.'
            yield self.choice(
                rng,
                prompt=f"{says} {asked}",
                explanation=_defined(
                    _notes([framing.note], f'The article does not back up "{quote}".'), technique
                ),
                right=right,
                wrong=choices,
                span=framing.span,
                about=[f"framing:{index}"],
                line=framing.line,
                extra={"framing": index},
            )

    def _asked_in_a_question(
        self,
        reading: ArticleReading,
        rng: random.Random,
        index: int,
        framing: Framing,
        technique: VocabularyEntry,
    ) -> Question | None:
        """A yes-or-no headline ("Are Pesticides Wiping Out the Bees?") states nothing, so "the article
        says less than these words" could be argued (review 125); yet it puts its words in the
        reader's mind, which is the lesson a teacher marks it for (reviews 238 and 250 found the
        headline asked about in no quiz).  The stem quotes the whole question and asks what is true of
        the marked words; the wrong answers are the article backing them up, and the belief that words
        only asked suggest nothing."""
        title = without_outer_quotes(in_stem(reading.article.title))
        quote = without_outer_quotes(in_stem(framing.span.quote))
        why = (
            "A headline that asks a question still puts an idea in your mind: many readers remember it "
            f'as a statement and forget the question mark. The article does not back up "{quote}".'
        )
        one_word = len(framing.span.quote.split()) == 1
        words = "word" if one_word else "words"
        return self.choice(
            rng,
            prompt=f'The headline asks "{title}" Which is true of the {words} "{quote}"?',
            explanation=_defined(f"{why} {_notes([framing.note], '')}".strip(), technique),
            right=QUESTION_HEADLINE_WORD_SAYS_MORE if one_word else QUESTION_HEADLINE_SAYS_MORE,
            wrong=QUESTION_HEADLINE_WORD_CHOICES if one_word else QUESTION_HEADLINE_CHOICES,
            span=framing.span,
            about=[f"framing:{index}"],
            line=framing.line,
            extra={"framing": index},
        )


# "cannot prove it" denies "Proves" as "can't prove it" does (review 308), "unfairly blamed" denies
# "Blamed for" (review 311).
_DENIAL = re.compile(r"\b(?:not|no|never|nobody|none|nothing|cannot|unfairly|wrongly|falsely)\b|n't\b")


_SUFFIXES = ("ness", "ing", "ies", "ied", "ed", "es", "s", "y", "e")
_WORD_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=4096)
def _stems(text: str, kept: frozenset[str] = frozenset()) -> frozenset[str]:
    """The meaning words of ``text`` without their endings, so that "pricing" meets "Priced" and
    "families" meets "family", but "sickness" does not meet "Sickens" (review 53)."""
    stems = set()
    for word in (w.casefold() for w in _WORD_LETTERS.findall(match_form(text))):
        if word in kept:
            stems.add(word)  # "every" of "Every Field": the sweep is what the headline says
            continue
        if len(word) < MIN_STEM_WORD or word in FUNCTION_WORDS:
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        stems.add(word.rstrip("e"))
    stems |= figures(text)  # "Net Council £850,000" says the sum
    return frozenset(stems)


# Words of when: what the headline says happens then is what a matching sentence must say too ("May" is
# left out: it is "may" too).
_WHEN_STEMS = _stems(
    _CALENDAR_NAMES + " spring summer autumn winter year years month months week weeks today tomorrow "
    "tonight weekend"
)


_WHOLE_WORD_LETTERS = re.compile(r"\b[^\W\d_]+\b")  # not the "m" of "£4m"


def _short_words(text: str) -> frozenset[str]:
    """The meaning words of ``text`` too short to stem ("Axe", "Act", "Cut", "Ban")."""
    return frozenset(
        word
        for word in (w.casefold() for w in _WHOLE_WORD_LETTERS.findall(match_form(text)))
        if len(word) < MIN_STEM_WORD and word not in FUNCTION_WORDS
    )


def _says_short_word(text: str, word: str) -> bool:
    """``text`` holds ``word`` or one of its forms ("axed", "cuts", "banning", "acted")."""
    forms = "|".join(re.escape(form) for form in (word, word.rstrip("e"), word + word[-1:]))
    return re.search(rf"\b(?:{forms})(?:s|es|d|ed|ing)?\b", match_form(text).casefold()) is not None


# Words before a singular noun that say it is the only one of its kind in the story.
_ALONE = r"(?:no other|the only|only one|just one|not one other)"


def _said_to_be_alone(reading: ArticleReading, span: Span) -> bool:
    """A plural of the marked words the article says is one alone: "Schools Ditch Pen and Paper"
    beside "no other school had yet agreed to follow". A sentence about "the school" does not say
    "Schools" (review 298): the one is the evidence against the many."""
    for word in _WORD_LETTERS.findall(match_form(span.quote).casefold()):
        if len(word) < MIN_STEM_WORD or not word.endswith("s") or word.endswith("ss"):
            continue
        singulars = {word[:-1]}  # "schools", "houses"
        if word.endswith("es"):
            singulars.add(word[:-2])  # "churches"
        if word.endswith("ies"):
            singulars.add(word[:-3] + "y")  # "libraries"
        pattern = re.compile(rf"\b{_ALONE} (?:{'|'.join(map(re.escape, sorted(singulars)))})\b")
        body = (reading.blocks[block].text for block in _paragraph_indexes(reading.article))
        if any(pattern.search(match_form(text).casefold()) for text in body):
            return True
    return False


def _hedged_just_before(reading: ArticleReading, span: Span) -> bool:
    """A hedge or a reporting hedge ends at most one word before ``span`` ("Reportedly Bans")."""
    hits = reading.hedge_hits(span.block) + reading.reporting_hits(span.block)
    return any(span.start - 2 <= end <= span.start for _, end in hits)


def _repeated_in_the_body(reading: ArticleReading, span: Span) -> bool:
    return body_sentence_saying(reading, span) is not None


def body_sentence_saying(reading: ArticleReading, span: Span) -> str | None:
    """The first sentence of the article that says every meaning word of the marked headline words, without
    denying or hedging them ("We are pricing out exactly the families who rely on this meal" beside
    "Families 'Priced Out'"): "the article says the same" could be defended, whoever says it (review
    46). "may be losing almost an hour" beside "an Hour" says less, as the question's key does.
    A word too short to stem is still said, in one of its forms: "withdraw or cut back 40 per cent"
    does not say "Axe 40%", nor a sentence naming ministers "Before Ministers Act" (reviews 284, 285)."""
    if _said_to_be_alone(reading, span):
        return None
    sweeping = frozenset(reading.vocabulary.sweeping_words)
    marked = _stems(span.quote, sweeping)
    short = _short_words(span.quote) - sweeping
    if not marked or marked <= _WHEN_STEMS:
        # "Will Run Dry by August": "Run" and "Dry" are too short to match, and a sentence that only
        # names August says nothing of running dry (review 260).
        return None
    # "Turf Plan Will Flood Homes" beside "Eleven homes were flooded last year": a report of the past
    # does not say what the headline says will happen (review 130).
    headline = reading.blocks[span.block]
    foretold = speaks_of_the_future(headline.text_of(max(0, span.start - 2), span.end))
    # "Who Have No Choice" beside "we have no choice but to come": the headline's own "no" is no
    # denial where the article repeats it (review 204).
    denies = _DENIAL.search(match_form(span.quote).casefold()) is None
    # A headline that states as fact, in no quotation marks and with no one said to say it, what the
    # body only gives to a source ("to Create 900 Jobs" beside "creating 900 jobs ..., according to a
    # press release", review 429): the article does not say it is so.
    marked_words = set(range(span.start, span.end))
    as_fact = not (
        marked_words & reading.quoted(span.block)
        or any(marked_words & set(range(*q)) for q in quotations(reading.blocks[span.block]))
        or reading.attribution_hits(span.block)
        or reading.reporting_hits(span.block)
    )
    for block in _paragraph_indexes(reading.article):
        words = reading.blocks[block]
        # A word of doubt or a rough size just before the words ("may be losing almost an hour",
        # "as much as £850,000"), not one elsewhere in the sentence ("trade has collapsed, with some
        # reporting takings down by as much as a third", review 61).
        doubts = [hit[0] for hit in reading.hedge_hits(block) + reading.approximate_hits(block)]
        overstated = {
            i
            for item in reading.article.framing
            if item.span.block == block and item.technique in reading.vocabulary.sweep_techniques
            for i in range(item.span.start, item.span.end)
        }
        for start, end in reading.sentences(block):
            text = words.text_of(start, end)
            if not marked <= _stems(text, sweeping) or (
                denies and _DENIAL.search(match_form(text).casefold())
            ):
                continue
            if not all(_says_short_word(text, word) for word in short):
                continue
            if foretold and not speaks_of_the_future(text):
                continue
            if _PART_OF_A_GROUP.search(match_form(text).casefold()) and not _A_SHARE.search(
                match_form(span.quote).casefold()
            ):
                # "One family in eight spent £450 or more on a single child" beside "Cost Families £450
                # a Child": what a share of them did does not say it of all (review 419).
                continue
            if as_fact and any(
                m.block == block and m.start < end and start < m.end for _, m in reading.mentions_in(block)
            ):
                continue
            if _ELSEWHERE.search(match_form(text).casefold()):
                # "Similar bans in other towns may have cut park fires" beside "Council Bans
                # Barbecues": a sentence about somewhere else says nothing of this place (review 202).
                continue
            said = [i for i in range(start, end) if _stems(words.words[i], sweeping) & marked]
            if said and all(i in overstated for i in said):
                # "They've basically banned being a teenager", marked as a speaker's exaggeration:
                # the teacher says it overstates, so it does not back "Teenagers Banned" (review 330).
                continue
            if not any(i - DOUBT_REACH <= hit < i for i in said for hit in doubts):
                return text
    return None


# A share of a group, or a figure as its lowest: "one in eight", "41 per cent of", "a third of", "£450
# or more".
_SMALL_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_PART_OF_A_GROUP = re.compile(
    rf"\b(?:{_SMALL_NUMBER} in (?:every )?{_SMALL_NUMBER}\b|\d+(?:\.\d+)? ?(?:per ?cent|%) of\b|"
    r"(?:a|one|two) (?:third|quarter|fifth|tenth)s? of\b|half of\b|a minority of\b|"
    r"\d[\d,.]* or (?:more|over|above)\b|at least\b)"
)
# A headline that gives a share itself ("Axe 40%", "Half of Pupils"): the body's share may say it.
_A_SHARE = re.compile(
    r"\d ?(?:per ?cent|%)|\b(?:half|third|quarter|fifth|tenth|most|some)s?\b|"
    rf"\b{_SMALL_NUMBER} in {_SMALL_NUMBER}\b"
)

# Words that put a sentence somewhere else than the article's own story.
_ELSEWHERE = re.compile(
    r"\b(?:similar|elsewhere|other (?:towns?|cities|councils?|areas?|countries|places|schools|parks|"
    r"regions|parts of))\b"
)

# How many words before the headline's words a word of doubt still qualifies them.
DOUBT_REACH = 5
