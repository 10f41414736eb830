"""Whose framing is it?  Loaded words inside a speaker's quotation are that speaker's view, which the
writer reports; loaded words in the writer's own sentences are the article's own.  Readers who mix
the two blame a newspaper for a quote, or take the writer's slant for a source's.  Asked about words
the teacher marked as framing in a paragraph, where the article settles whose they are:

- inside a quotation that the sentence's marked mentions give to one speaker (as "whose words the
  headline quotes" finds it), and used nowhere else in the article: the key is that speaker;
- in a paragraph with no quotation marks, no attribution word and no mention at all, after a
  paragraph that does not lead into it with a colon: the key is the writer.

The wrong answers are the writer (or a speaker) and other sources the article quotes."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from app.domain.article import HEADLINE_BLOCK, Framing, Source, Span
from app.domain.kinds.base import (
    FIRST_PERSON,
    MIN_CHOICES,
    RECORD_TYPES,
    UNNAMED_SOURCE_TYPES,
    QuestionKind,
    _distinct,
    _notes,
    by_their_names,
    content_words,
    in_stem,
    person_types,
    source_label,
    subjects_shown,
    vague_people,
    where,
    without_outer_quotes,
)
from app.domain.kinds.headline_quote import (
    WE,
    capitalised_names,
    could_say,
    other_speakers,
    quoted_indexes,
    quoted_speaker,
    quoted_words_of,
    sentence_of,
)
from app.domain.passage import ArticleReading, in_quotation
from app.domain.question import CHOICE, Question
from app.domain.subjects import subjects_of
from app.domain.text import Block, match_form

WRITER = "The writer of the article, in its own words"
MAX_WRONG_SOURCES = 2
# A note that speaks of the writer's choice gives quoted words to the writer, or the other way round.
_WRITER_WORDS = frozenset({"writer", "writer's", "reporter", "reporter's", "journalist", "newspaper"})

_QUOTED_REASON = (
    "These words are inside quotation marks, and the article gives them to {label}. Words in a quotation "
    "show how the speaker sees things: the writer reports them, but they are not the article's own "
    "judgement."
)
_WRITER_REASON = (
    'Nobody is quoted or named as saying these words: there are no quotation marks and no "said" or '
    '"according to" in the paragraph. They are the writer\'s own choice of words, so this framing '
    "comes from the article itself, not from one of its sources."
)


class WhoseWords(QuestionKind):
    name = "whose_words"
    title = "Whose framing"
    confusion_title = "Whose framing"
    skill = "framing"
    type = CHOICE
    headline_lesson = False

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        marks = reading.vocabulary.needs_quotation_marks
        for index, framing in enumerate(reading.article.framing):
            span = framing.span
            if span.block == HEADLINE_BLOCK or span.end <= span.start:
                continue
            if framing.technique in marks:
                continue  # the writer's scare quotes: quotation marks, yet nobody is quoted
            if any(f is not framing and f.span.overlaps(span) for f in reading.article.framing):
                continue  # the same words marked twice (scare quotes too): two notes, perhaps two voices
            if in_quotation(reading.blocks[span.block], span.start, span.end):
                yield self._quoted(reading, rng, index, framing)
            elif _in_the_writers_own_paragraph(reading, framing):
                yield self._writers(reading, rng, index, framing)

    def _quoted(
        self, reading: ArticleReading, rng: random.Random, index: int, framing: Framing
    ) -> Question | None:
        span = framing.span
        if _places(reading, span) != 1:
            return None  # the same words elsewhere, perhaps in someone else's mouth
        if _the_headline_says_them(reading, span):
            # "Bans Toxic Energy Drinks" above a parent's "toxic": the writer made them its own too
            # (review 187).
            return None
        speaker = quoted_speaker(reading, span)
        if speaker is None or speaker.type in RECORD_TYPES or vague_people(reading.vocabulary, speaker):
            # "critics": a union or a worker on offer may be one of them (review 182).
            return None
        label = source_label(speaker)
        note_words = _note_words(framing)
        if note_words & _WRITER_WORDS:
            return None  # the teacher's note speaks of the writer: it may argue for another answer
        shown = content_words(span.quote)
        if content_words(label) & shown:
            # "backing British farmers" from "the National Farmers' Union": the key's name repeats the
            # words (review 348).
            return None
        others = other_speakers(reading, speaker, sentence_of(reading, span), span.block, shown)
        if any(note_words & capitalised_names(source_label(s)) for s in others):
            return None  # the note names somebody else
        # Not one whose own quotation uses a word of them (review 202), as for the headline's words.
        people = [s for s in _people_and_bodies(reading, others) if not quoted_words_of(reading, s) & shown]
        said = {match_form(word).casefold() for word in Block.from_text(span.quote).words}
        first_person = bool(
            FIRST_PERSON & said or (speaker.type in person_types(reading.vocabulary) and WE & said)
        )
        if speaker.type not in person_types(reading.vocabulary) and WE & said:
            # "We share our customers' love of the Lenn", from the water company: beside the writer and
            # a person, a body's "we" and its customers point at the body (review 344).
            return None
        # "a reckless gamble with our children's futures", from a father: pupils on offer could not
        # have said it (review 343); "pricing people like me out of our own street": "me" rules out a
        # body before the article is read, so only people are offered, as in "who said it" (review
        # 212); so does a person's "us" ("leave us stranded in the middle of a field" beside the bus
        # company, review 241), though a body may say "we" of itself.
        people = could_say(reading, speaker, span.quote, people)
        # Not a body the speaker's own description ties them to: "the Save Kessington Bank campaign"
        # beside "Margaret Ellery, who started the campaign" (review 227).
        ties = _description_words(label)
        persons = person_types(reading.vocabulary)
        people = [s for s in people if s.type in persons or not content_words(source_label(s)) & ties]
        if speaker.type not in persons:
            # Nor, for a body's words, a person the description ties to it: "Graham Pike, the
            # association's director" may well have said the association's "nanny state nonsense"
            # (review 354).
            body = content_words(label)
            people = [
                s for s in people if s.type not in persons or not _description_words(source_label(s)) & body
            ]
        # Nor one whose name speaks of a subject the words do not: "the Met Office" for "It was a total
        # shambles" (review 434), as in "who said it".
        spoken_of = subjects_of(span.quote, reading.vocabulary.subject_groups)
        people = [s for s in people if not (named := subjects_shown(reading, s)) or named & spoken_of]
        if speaker.type in persons:
            # A person's words: no outlet on offer (no paper cries "incredible"), and another person
            # beside the key, or "which choice is a person?" finds it (review 230).
            people = [s for s in people if s.type != "news_outlet"]
            if not any(s.type in persons for s in people):
                return None
        # An unnamed person is shown by what they are ("an unnamed builder who worked on the estate"
        # for "Everyone on site knew"): beside names alone that may fit the words at a glance, so
        # another unnamed person is offered too where there is one (review 307).
        unnamed = [source_label(s) for s in people if s.type == "anonymous"]
        labels = _distinct(source_label(s) for s in people)
        by_label = {source_label(s): s for s in [speaker, *people]}
        # "risk my life": the writer of a news report says no "my", so it is no real choice there; a
        # person more takes its place (review 258).
        wanted = MAX_WRONG_SOURCES + 1 if first_person else MAX_WRONG_SOURCES
        if first_person and len(labels) < MAX_WRONG_SOURCES:
            return None
        wrong = rng.sample(labels, min(wanted, len(labels)))
        if speaker.type in persons and not any(by_label[w].type in persons for w in wrong):
            wrong[-1] = rng.choice([source_label(s) for s in people if s.type in persons])
        if (
            unnamed
            and speaker.type == "anonymous"
            and not any(by_label[w].type == "anonymous" for w in wrong)
        ):
            wrong[-1] = rng.choice(unnamed)
        reason = _QUOTED_REASON.format(label=label)
        # By their names alone, as in "who said it": "Tom Reyes, an opposition councillor" answered a
        # jibe at the council without reading the paragraph (review 177).
        right, *wrong = by_their_names(reading.vocabulary, [label, *wrong], by_label)
        return self._ask(
            reading,
            rng,
            index,
            framing,
            right,
            wrong if first_person else [WRITER, *wrong],
            reason,
            about=[f"source:{speaker.id}"],
        )

    def _writers(
        self, reading: ArticleReading, rng: random.Random, index: int, framing: Framing
    ) -> Question | None:
        note_words = _note_words(framing)
        if any(note_words & capitalised_names(source_label(s)) for s in reading.article.sources):
            return None  # the teacher's note gives the words to a source
        if _quoted_anywhere(reading, framing.span):
            return None  # a speaker uses these words too: the writer may be echoing them
        # No news outlet beside the writer: a reader may take the article for that outlet's own ("the
        # Kelsey Gazette", named eight paragraphs on as the paper a parent told, review 439).
        speakers = [
            s for s in _people_and_bodies(reading, reading.article.sources) if s.type != "news_outlet"
        ]
        shown = content_words(framing.span.quote)
        labels = _distinct(source_label(s) for s in speakers if not content_words(source_label(s)) & shown)
        wrong = rng.sample(labels, min(MAX_WRONG_SOURCES + 1, len(labels)))
        if len(wrong) < MAX_WRONG_SOURCES:
            return None
        wrong = by_their_names(reading.vocabulary, wrong, {source_label(s): s for s in speakers})
        # Its answer says the paragraph names no source, which answers any question on a claim there
        # ("The article does not say", review 213): it is about every claim of the paragraph.
        claims = [f"claim:{i}" for i, _ in reading.claims_in(framing.span.block)]
        return self._ask(reading, rng, index, framing, WRITER, wrong, _WRITER_REASON, about=claims)

    def _ask(
        self,
        reading: ArticleReading,
        rng: random.Random,
        index: int,
        framing: Framing,
        right: str,
        wrong: list[str],
        reason: str,
        about: list[str],
    ) -> Question | None:
        if len(wrong) + 1 < MIN_CHOICES:
            return None
        span = framing.span
        return self.choice(
            rng,
            # Without the article's quotation marks: they would answer the question ('"going soft"'
            # rules out the writer, review 203); finding them in the article is the lesson.
            prompt=f'Whose words are these, in {where(span.block)}: "{_unquoted(span.quote)}"?',
            explanation=_notes([reason, framing.note], reason),
            right=right,
            wrong=wrong,
            span=span,
            about=[*about, f"framing:{index}"],
            line=framing.line,
            extra={"framing": index, "spans": [[span.block, *sentence_of(reading, span)]]},
        )


_DOUBLE_MARKS = str.maketrans("", "", '"\u201c\u201d')


def _unquoted(quote: str) -> str:
    """The words for the stem without the quotation marks they stand in."""
    return without_outer_quotes(in_stem(quote.translate(_DOUBLE_MARKS)).strip())


def _note_words(framing: Framing) -> set[str]:
    return {match_form(word).casefold() for word in Block.from_text(framing.note).words}


def _places(reading: ArticleReading, span: Span) -> int:
    """How often the span's words stand in the article's paragraphs."""
    wanted = reading.bare_words(span.block)[span.start : span.end]
    return sum(len(reading.starts_of(wanted, block)) for block in range(1, len(reading.blocks)))


def _the_headline_says_them(reading: ArticleReading, span: Span) -> bool:
    """The span's words, or two or more of its meaning words in a row, stand in the headline with no
    quotation marks around any of them ("a 'Golden Ticket' for Kellingford" quotes them): "Council
    Quietly Killing Off Ashbrook Library" says "quietly killing off this library" (review 300)."""
    wanted = reading.bare_words(span.block)[span.start : span.end]
    headline = reading.bare_words(HEADLINE_BLOCK)
    quoted = quoted_indexes(reading.blocks[HEADLINE_BLOCK])
    # A run of the story's own subject ("high street", "garden bins") says nothing of whose the words
    # are: one of its meaning words must be the span's alone in the article.
    elsewhere = {
        root
        for block in range(1, len(reading.blocks))
        for index, word in enumerate(reading.blocks[block].words)
        if block != span.block or not span.start <= index < span.end
        for root in content_words(word)
    }
    runs = [wanted] + [
        wanted[first:last]
        for first in range(len(wanted))
        for last in range(first + 2, len(wanted) + 1)
        if len(content_words(" ".join(wanted[first:last]))) >= 2
        and content_words(" ".join(wanted[first:last])) - elsewhere
    ]
    if any(
        not quoted.intersection(range(first, first + len(run)))
        for run in runs
        for first in reading.starts_of(run, HEADLINE_BLOCK)
    ):
        return True
    # The same meaning words in another form, small words aside: "Gives High Street Back to People"
    # says "give the high street back to people" (review 346).
    said = [roots for word in wanted if (roots := content_words(word))]
    shown = [(index, roots) for index, word in enumerate(headline) if (roots := content_words(word))]
    if len(said) == 1 and any(said[0] & roots and index not in quoted for index, roots in shown):
        # One word, in another form: "crawling" beside the headline's "Forced to Crawl" (review 406,
        # a fail: the writer uses the word too).
        return True
    for first in range(len(said)):
        for last in range(first + 2, len(said) + 1):
            run = said[first:last]
            if not set().union(*run) - elsewhere and last - first < len(said):
                continue
            for start in range(len(shown) - len(run) + 1):
                window = shown[start : start + len(run)]
                if all(roots & other for (_, roots), other in zip(window, run, strict=True)) and not any(
                    index in quoted for index, _ in window
                ):
                    return True
    return False


def _quoted_anywhere(reading: ArticleReading, span: Span) -> bool:
    """A meaning word of the span inside some quotation of the article."""
    roots = content_words(span.quote)
    return any(
        content_words(reading.blocks[block].words[index]) & roots
        for block in range(len(reading.blocks))
        for index in reading.quoted(block)
    )


def _description_words(label: str) -> set[str]:
    """The meaning words of what a source's label says about them after the name ("campaign" of
    "Margaret Ellery, who started the campaign")."""
    _, _, description = label.partition(",")
    return content_words(description)


def _people_and_bodies(reading: ArticleReading, sources: Iterable[Source]) -> list[Source]:
    """Sources that speak (not records) and that the article names somewhere: those a student
    could take for the one who used the words."""
    return [s for s in sources if s.type not in RECORD_TYPES and reading.naming_mentions(s)]


def _in_the_writers_own_paragraph(reading: ArticleReading, framing: Framing) -> bool:
    """No quotation mark, attribution word, reporting hedge ("reportedly") or source mention anywhere
    in the paragraph, no claim on these words that the teacher gave to a source, and no colon at the
    end of the paragraph before (which may lead into someone's words)."""
    block = framing.span.block
    if reading.quoted(block) or reading.attribution_hits(block) or reading.mentions_in(block):
        return False
    if reading.reporting_hits(block):
        return False  # "reportedly": someone unnamed may have said the rest of its sentence (review 161)
    if any(mark in gap for gap in reading.blocks[block].gaps for mark in ('"', "\u201c", "\u201d")):
        return False
    if any(claim.source and claim.span.overlaps(framing.span) for claim in reading.article.claims):
        return False
    # "For Ms Cartwright, the council's kind words ring hollow": a person the paragraph names, though
    # not marked there, may hold the view the words give (review 307).
    persons = person_types(reading.vocabulary)
    named = {
        name
        for source in reading.article.sources
        if source.type in persons and source.type not in UNNAMED_SOURCE_TYPES
        for name in capitalised_names(source_label(source).partition(",")[0])
    }
    if named & {match_form(word).casefold() for word in reading.blocks[block].words if word[:1].isupper()}:
        return False
    before = reading.blocks[block - 1].text.rstrip() if block > 1 else ""
    return not before.endswith(":")
