"""Whose words stand in the headline's quotation marks?  A headline that puts a strong phrase in
quotation marks ("Parking 'Cash Grab' Empties High Street") passes on someone's words without saying
whose they are, and a reader easily takes them for the newspaper's own finding.  Asked where the
article quotes those very words once, inside a speaker's quotation, in a sentence whose marked
mentions name that speaker (and whoever relayed them) and nobody else: there the article itself says
whose words they are.  The wrong answers are the writer of the article and other sources it names.

Asked the same way about framing the headline says without quotation marks that the article quotes
once from a speaker ("Bans Toxic Energy Drinks" where one parent called them "toxic"): the headline
made that speaker's word its own."""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from collections.abc import Iterator

from app.domain.article import HEADLINE_BLOCK, Framing, Source, Span
from app.domain.kinds.base import (
    BODY_TYPE,
    FIRST_PERSON,
    MIN_CHOICES,
    POSSESSIVE_END,
    RECORD_TYPES,
    QuestionKind,
    _distinct,
    _notes,
    _phrase,
    _relay_chain,
    by_their_names,
    capitalised_words,
    content_words,
    denied_before,
    headline_asks,
    only_passes_words_on,
    person_types,
    relay_order,
    setting_words,
    source_family,
    source_label,
    speaks_for_a_body,
    vague_people,
    where,
)
from app.domain.passage import ArticleReading, in_quotation, name_words, names
from app.domain.question import CHOICE, Question
from app.domain.text import FUNCTION_WORDS, Block, figures, match_form

NOBODY = "Nobody in the article: only the headline uses them"
# Of one word: "these words" of "Unavoidable" read as a slip (review 474).
NOBODY_ONE_WORD = "Nobody in the article: only the headline uses it"
# A longer quotation in a headline is a speaker's whole sentence, usually with "says" beside it.
MAX_QUOTED_WORDS = 6
# Around the headline's words, this much of the speaker's quotation is shown in the explanation.
MAX_CONTEXT_WORDS = 25
MAX_WRONG_SOURCES = 2
# A word the article uses this often is where the story happens, not a pointer to one source.
SETTING_COUNT = 3
# A headline's one word is looked for in the body by its first letters too ("monsters", "betrayed").
ROOT_LETTERS = 5
# The fewest letters a short word's root keeps.
SHORT_ROOT_LETTERS = 3
# What two forms of one word may differ by after their shared letters: "al" and "ed" of "betrayal"
# and "betrayed"; not "iment" and "ts" of "experiment" and "experts", nor "mare" of "Nightmare"
# beside "night".
_ENDINGS = frozenset(
    ["", "s", "es", "d", "ed", "e", "y", "ies", "ied", "ing", "al", "ly", "er", "ers", "ment", "ness"]
    + ["ous", "ity", "ic", "ish", "ful", "ive", "ion", "ions", "ist", "ists", "ism", "ance", "ence", "ant"]
    + ["ent", "ate", "ated", "ates"]
)


_OPENING = ("'", '"', "\u2018", "\u201c")
_CLOSING = ("'", '"', "\u2019", "\u201d")


def quotations(block: Block) -> list[tuple[int, int]]:
    """Word ranges [start, end) inside a pair of quotation marks, single or double ("'Cash Grab'"): a
    mark that opens right before a word, up to the first mark that closes right after one."""
    found: list[tuple[int, int]] = []
    for start in range(len(block.words)):
        if not block.gaps[start].endswith(_OPENING):
            continue
        end = next(
            (e for e in range(start + 1, len(block.words) + 1) if block.gaps[e].startswith(_CLOSING)), None
        )
        if (
            end is not None
            and in_quotation(block, start, end)
            and not any(s < end and start < e for s, e in found)
        ):
            found.append((start, end))
    return found


# Titles beside a name that point at nobody in a note ("the councillor"), beyond those two names share.
_ROLE_TITLES = frozenset({"miss", "councillor", "dame"})


def quoted_indexes(block: Block) -> frozenset[int]:
    """Where the words inside ``quotations`` stand."""
    return frozenset(i for start, end in quotations(block) for i in range(start, end))


# "We", said by a person: the people the speaker is one of.
WE = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"})


# A parent's words: "our children's futures", "my daughter".
_A_PARENTS_WORDS = re.compile(
    r"\b(?:my|our)\s+(?:own\s+)?(?:sons?|daughters?|child|children|children's|kids?|grandchildren|"
    r"grandsons?|granddaughters?)\b"
)
# How an article shows a young person: "a Year 13 student", "Priya Sandhu, 16,", "aged 15".
_YOUNG = re.compile(
    r"\b(?:students?|pupils?|sixth[- ]formers?|teenagers?|teens?|schoolgirls?|schoolboys?|"
    r"year (?:[1-9]|1[0-3])|aged (?:[1-9]|1[0-9]))\b|, 1[0-9],"
)


def _young(reading: ArticleReading, source: Source) -> bool:
    """The article shows the source as a young person ("a Year 13 student", "Priya Sandhu, 16,")."""
    described = [source.name, *(reading.blocks[m.block].text_of(m.start, m.end) for m in source.mentions)]
    return any(_YOUNG.search(match_form(text).casefold()) for text in described)


def could_say(reading: ArticleReading, speaker: Source, quote: str, sources: list[Source]) -> list[Source]:
    """The sources that could have said a person's words as they stand: for a parent's words ("our
    kids", "my daughter") no pupil, student or teenager; for words the speaker says of themselves ("me",
    a person's "our") only people: a company or a pupil offered for a father's "Robbing Our Kids of
    Their Future" is no real choice (review 377, a fail), as in "whose framing"."""
    said = {match_form(word).casefold() for word in Block.from_text(quote).words}
    persons = person_types(reading.vocabulary)
    if _A_PARENTS_WORDS.search(match_form(quote).casefold()):
        sources = [s for s in sources if not _young(reading, s)]
    if FIRST_PERSON & said or (speaker.type in persons and WE & said):
        sources = [s for s in sources if s.type in persons]
    return sources


def capitalised_names(label: str) -> set[str]:
    """The capitalised words of a source's label, titles and possessive endings aside: "Maya Brennan,
    Lexora's founder" gives maya, brennan and lexora."""
    return {POSSESSIVE_END.sub("", word) for word in capitalised_words(label)} - _ROLE_TITLES


class HeadlineQuote(QuestionKind):
    name = "headline_quote"
    title = "Whose words the headline quotes"
    skill = "framing"
    type = CHOICE
    # A headline's main lesson is what it claims; whose words it borrows is asked beside that.
    headline_lesson = False

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        if _headline_says_who(reading):
            return  # "'We Were Ignored,' Say Parents": the headline itself says whose words they are
        marked = quotations(reading.blocks[HEADLINE_BLOCK])
        for start, end in marked:
            if end - start <= MAX_QUOTED_WORDS:
                yield self._ask(reading, rng, start, end)
        # Framing the headline says as its own that the article quotes from one speaker: "Holbrook
        # High Bans Toxic Energy Drinks" where only a parent called them "toxic" (review 187).
        in_marks = quoted_indexes(reading.blocks[HEADLINE_BLOCK])
        needs_marks = reading.vocabulary.needs_quotation_marks
        unmarked = {
            (f.span.start, f.span.end)
            for f in reading.article.framing
            if f.span.block == HEADLINE_BLOCK
            and 0 < f.span.end - f.span.start <= MAX_QUOTED_WORDS
            and f.technique not in needs_marks
            and not in_marks.intersection(range(f.span.start, f.span.end))
        }
        if headline_asks(reading.article):
            # "Is the Trust About to Close Its Maternity Unit for Good?" states nothing, so its own
            # words never make "one speaker's view what the headline states" (review 278).
            return
        for start, end in sorted(unmarked):
            yield self._ask(reading, rng, start, end, in_marks=False)

    def _ask(
        self, reading: ArticleReading, rng: random.Random, start: int, end: int, in_marks: bool = True
    ) -> Question | None:
        """``in_marks``: the headline puts the words in quotation marks; else it says them as its own."""
        article = reading.article
        wanted = reading.bare_words(HEADLINE_BLOCK)[start:end]
        places = [
            (block, first, first + len(wanted))
            for block in range(1, len(reading.blocks))
            for first in reading.starts_of(wanted, block)
        ]
        roots = {word[:ROOT_LETTERS] for word in wanted if word not in FUNCTION_WORDS}
        if not places and not self._root_places(reading, roots):
            # Unmarked words nobody uses are the headline's own: "the headline against the article".
            return self._nobody(reading, rng, start, end) if in_marks else None
        if len(places) != 1:
            return None  # in several places, or in other forms: whose words they are is not one answer
        block, first, last = places[0]
        if len(wanted) == 1 and self._forms_places(reading, wanted[0]) != [(block, first)]:
            return None  # "monsters" from another speaker: whose word it is would be two answers
        if not in_quotation(reading.blocks[block], first, last):
            return None  # the writer's own words in the body
        body = Span(block, first, last, "")
        needs_marks = reading.vocabulary.needs_quotation_marks
        if any(f.span.overlaps(body) for f in article.framing if f.technique in needs_marks):
            return None  # the writer's own scare quotes in the body: nobody is quoted
        if denied_before(reading.blocks[block], body):
            # "Nobody's actually starving" beside "Starving Pupils": the speaker says the opposite of
            # the headline, not what it states (review 215).
            return None
        if _others_label(reading.blocks[block], body):
            # "people are calling us yobs", from a rider, beside "Yobs": the speaker reports a label
            # others use for them, so the word is not theirs (review 458, a fail).
            return None
        speaker = quoted_speaker(reading, body)
        if speaker is None or vague_people(reading.vocabulary, speaker):
            # "critics": anyone else on offer may be one of them, as in "who said it" (review 182).
            return None
        headline = reading.blocks[HEADLINE_BLOCK]
        if self._points_at(reading, source_label(speaker)):
            return None  # "Parent's 'Disaster' Warning": the headline points at the key
        sentence = sentence_of(reading, body)
        shown = content_words(" ".join(headline.words[start:end]))
        if content_words(source_label(speaker)) & shown:
            return None  # "the students' union housing officer" beside 'Housing Emergency' (review 88)
        wrong_sources = other_speakers(reading, speaker, sentence, block, shown)
        # Not one whose own quotation uses a word of them: Helen Marsh's "scorched patches of grass"
        # beside "Scorched Earth" is not clearly wrong (review 202).
        # Nor one whose quotation holds a figure of them: "the £1,000 figure is simply wrong" beside
        # "£1,000 a Year" (review 297).
        shown_figures = figures(" ".join(headline.words[start:end]))
        wrong_sources = [
            s
            for s in wrong_sources
            if not quoted_words_of(reading, s) & shown and not quoted_figures_of(reading, s) & shown_figures
        ]
        wrong_sources = could_say(reading, speaker, " ".join(headline.words[start:end]), wrong_sources)
        # One wrong source of the speaker's own kind at least: beside a referee's "Scared", an
        # association and a radio station are no real choice (review 74).
        family = source_family(reading.vocabulary, speaker.type)
        alike = _distinct(
            source_label(s) for s in wrong_sources if source_family(reading.vocabulary, s.type) == family
        )
        if not alike:
            return None
        kin = rng.choice(alike)
        labels = [label for label in _distinct(source_label(s) for s in wrong_sources) if label != kin]
        wrong = [kin, *rng.sample(labels, min(MAX_WRONG_SOURCES - 1, len(labels)))]
        label = source_label(speaker)
        # By their names alone: "Marcus Bell, founder of Room to Play" stood out beside "a mother of
        # two" without paragraph 4 being read (review 184); the explanation gives the whole label.
        by_label = {source_label(s): s for s in [speaker, *wrong_sources]}
        right, *wrong = by_their_names(reading.vocabulary, [label, *wrong], by_label)
        phrase = _phrase(reading, HEADLINE_BLOCK, start, end)
        context = self._context(reading, body)
        reason = f'In {where(block)}, the article quotes these words from {label}: "{context}". ' + (
            "Quotation marks in a headline show that the words are someone else's, not the newspaper's "
            "own: the headline repeats a strong phrase without saying who used it, so find out who did "
            "before you take it as fact."
            if in_marks
            else "The headline uses them with no quotation marks, as if they were the newspaper's own "
            "words: one speaker's view becomes what the headline states. Find out who said them before "
            "you take them as fact."
        )
        return self._question(
            reading,
            rng,
            start,
            end,
            phrase,
            right,
            [*wrong, NOBODY],
            reason,
            about=[f"source:{speaker.id}"],
            body=[block, sentence[0], sentence[1]],
            line=speaker.line,
            in_marks=in_marks,
        )

    def _question(
        self,
        reading: ArticleReading,
        rng: random.Random,
        start: int,
        end: int,
        phrase: str,
        right: str,
        wrong: list[str],
        reason: str,
        about: list[str],
        body: list[int] | None = None,
        line: int = 0,
        in_marks: bool = True,
    ) -> Question | None:
        framings = self._framings(reading, start, end)
        shown = "puts" if in_marks else "says"
        marks = " in quotation marks" if in_marks else ""
        one_word = end - start == 1
        if one_word:
            right = NOBODY_ONE_WORD if right == NOBODY else right
            wrong = [NOBODY_ONE_WORD if choice == NOBODY else choice for choice in wrong]
        words = "this word" if one_word else "these words"
        return self.choice(
            rng,
            prompt=f'The headline {shown} "{phrase}"{marks}. Who in the article uses {words}?',
            explanation=_notes([reason, *(f.note for _, f in framings)], reason),
            right=right,
            wrong=wrong,
            span=Span(HEADLINE_BLOCK, start, end, phrase),
            about=[*about, *(f"framing:{index}" for index, _ in framings)],
            line=framings[0][1].line if framings else line,
            extra={"spans": [[HEADLINE_BLOCK, start, end], *([body] if body else [])]},
        )

    def _nobody(self, reading: ArticleReading, rng: random.Random, start: int, end: int) -> Question | None:
        """Quotation marks around words nobody in the article says ("Sprint Star's 'Miracle' Powder"):
        they make the words look like someone's, and mock them at once."""
        article = reading.article
        framings = self._framings(reading, start, end)
        note_words = {match_form(w).casefold() for _, f in framings for w in Block.from_text(f.note).words}
        # Names, not titles: "the councillor" in a note gives the words to nobody (review 84).
        if any(note_words & capitalised_names(source_label(s)) for s in article.sources):
            return None  # the teacher's note gives the words to someone after all
        speakers = [s for s in article.sources if reading.naming_mentions(s) and s.type not in RECORD_TYPES]
        labels = _distinct(source_label(s) for s in speakers)
        wrong = rng.sample(labels, min(MAX_WRONG_SOURCES + 1, len(labels)))
        if len(wrong) + 1 < MIN_CHOICES:
            return None
        wrong = by_their_names(reading.vocabulary, wrong, {source_label(s): s for s in speakers})
        phrase = _phrase(reading, HEADLINE_BLOCK, start, end)
        used = (
            f'the word "{phrase}": it appears' if end - start == 1 else f'the words "{phrase}": they appear'
        )
        reason = (
            f"Nobody in the article uses {used} only in the headline. Quotation "
            "marks make words look like someone's, so a reader thinks somebody said them; here nobody "
            "in the article did, so the headline uses strong words that nobody has to stand behind."
        )
        return self._question(reading, rng, start, end, phrase, NOBODY, wrong, reason, about=[])

    @staticmethod
    def _points_at(reading: ArticleReading, label: str) -> bool:
        """A meaning word of the headline in the source's label, other than the story's setting (a
        word the article uses three times or more: "Kingsmead" of "Council to Shut Kingsmead Pool"
        beside "the Save Kingsmead Baths group", review 66)."""
        shared = content_words(reading.blocks[HEADLINE_BLOCK].text) & content_words(label)
        counts: Counter[str] = Counter()
        for word, count in reading.word_counts().items():
            for root in content_words(word):
                counts[root] += count
        return any(counts[root] < SETTING_COUNT for root in shared)

    @staticmethod
    def _framings(reading: ArticleReading, start: int, end: int) -> list[tuple[int, Framing]]:
        return [
            (index, f)
            for index, f in enumerate(reading.article.framing)
            if f.span.block == HEADLINE_BLOCK and f.span.start < end and start < f.span.end
        ]

    @staticmethod
    def _forms_places(reading: ArticleReading, word: str) -> list[tuple[int, int]]:
        """Where the article uses a form of ``word``: its first letters, then endings of a few
        letters at most ("Betrayal" and "betrayed", "experiment" and "experimental"), not another word
        that starts the same ("experts" beside "Experiment" kept a fair question out, review 201)."""
        # A short word's root leaves its ending out: "save" is a form of "saves" (review 431, a fail).
        root = word[: min(ROOT_LETTERS, max(len(word.rstrip("sd")), SHORT_ROOT_LETTERS))]
        places = []
        for block, index in HeadlineQuote._root_places(reading, {root}):
            other = reading.bare_words(block)[index]
            shared = len(os.path.commonprefix([word, other]))
            # Each tail an ending, not another word: "night" is no form of "Nightmare" (review 365).
            if word[shared:] in _ENDINGS and other[shared:] in _ENDINGS:
                places.append((block, index))
        return places

    @staticmethod
    def _root_places(reading: ArticleReading, roots: set[str]) -> list[tuple[int, int]]:
        """Where a word of the article starts with one of ``roots`` ("priced" and "pricing",
        "Betrayal" and "betrayed"), as (block, word index)."""
        return [
            (block, index)
            for block in range(1, len(reading.blocks))
            for index, other in enumerate(reading.bare_words(block))
            if any(other.startswith(root) for root in roots)
        ]

    @staticmethod
    def _context(reading: ArticleReading, body: Span) -> str:
        """The speaker's quotation around the headline's words, at most MAX_CONTEXT_WORDS long."""
        quoted = reading.quoted(body.block)
        gaps = reading.blocks[body.block].gaps

        def marked(gap: str) -> bool:
            return any(mark in gap for mark in _OPENING + _CLOSING)

        # One quotation only: two in a row ('"... to happen". "Working parents ..."') are two remarks.
        first, last = body.start, body.end
        while first - 1 in quoted and not marked(gaps[first]) and last - first < MAX_CONTEXT_WORDS:
            first -= 1
        while last in quoted and not marked(gaps[last]) and last - first < MAX_CONTEXT_WORDS:
            last += 1
        text = _phrase(reading, body.block, first, last)
        starts = "..." if first - 1 in quoted and not marked(gaps[first]) else ""
        ends = "..." if last in quoted and not marked(gaps[last]) else ""
        return f"{starts}{text}{ends}"


# A verb of naming with whom it names, or "as" or "like", just before a word: "calling us [yobs]",
# "branded them [a nuisance]", "dismissed as [troublemakers]", "treat us like [criminals]".
_NAMED_BY_OTHERS = re.compile(
    r"\b(?:(?:call|calls|calling|called|brand|brands|branding|branded|label|labels|labelling|labelled|"
    r"dub|dubs|dubbing|dubbed) (?:us|me|them|him|her|you)|"
    r"(?:dismiss|dismisses|dismissing|dismissed|describe|describes|describing|described|write|writes|"
    r"wrote|written) (?:us |me |them |him |her |you )?(?:off )?as|"
    r"(?:treat|treats|treating|treated) (?:us|me|them|him|her|you) (?:like|as)) (?:an? |the )?$"
)


def _others_label(block: Block, body: Span) -> bool:
    """The words just before ``body`` name it as a label put on someone ("people are calling us
    yobs"), not the speaker's own word for anything."""
    before = " ".join(
        match_form(word).casefold() for word in block.words[max(0, body.start - 4) : body.start]
    )
    return _NAMED_BY_OTHERS.search(before + " ") is not None


def quoted_speaker(reading: ArticleReading, body: Span) -> Source | None:
    """The one source whose words these are: every marked mention in their sentence (outside the
    quotation) belongs to it or to those who relayed it, and one of them names it."""
    article = reading.article
    quoted = reading.quoted(body.block)
    sentences = reading.sentences(body.block)
    position = next(i for i, s in enumerate(sentences) if s[0] <= body.start < s[1])

    def mentioned_in(sentence: tuple[int, int]) -> list[tuple[Source, Span]]:
        return [
            (source, mention)
            for source, mention in reading.mentions_in(body.block)
            if sentence[0] <= mention.start
            and mention.end <= sentence[1]
            and not set(range(mention.start, mention.end)) <= quoted
        ]

    start_position = position
    sentence = sentences[position]
    mentioned = mentioned_in(sentence)
    # A quotation that runs on into sentences of its own ('"... she said. "There is nowhere to go."'):
    # the words belong to the speaker of the sentence it continues from (review 81) ...
    while not mentioned and position > 0 and reading.sentence_quoted(body.block, sentence):
        position -= 1
        sentence = sentences[position]
        if not set(range(*sentence)) & quoted:
            break  # the writer's own sentence before: nobody is named for the quotation there
        mentioned = mentioned_in(sentence)
    # ... or to the speaker named where it ends ('"I hate those robot tills. Half the time they
    # break," said Margaret Doyle.', review 86): sentences wholly inside one run of quoted words.
    position = start_position
    while not mentioned and reading.sentence_quoted(body.block, sentences[position]):
        if position + 1 >= len(sentences) or sentences[position + 1][0] not in quoted:
            break
        position += 1
        sentence = sentences[position]
        mentioned = mentioned_in(sentence)
    if not mentioned:
        return None
    # The first speaker of a relay ("a nurse told the Echo"): the source whose chain holds them all.
    ids = {source.id for source, _ in mentioned}
    firsts = [s for s, _ in mentioned if ids <= _relay_chain(article, s)]
    if not firsts:
        return None
    speaker = max(firsts, key=lambda s: len(relay_order(article, s)))
    if speaker.type not in person_types(reading.vocabulary) and any(
        speaker.id in _relay_chain(article, other) for other in article.sources if other is not speaker
    ):
        # '"... on a giant advert," he told the Dunmore Advertiser': an outlet that passes on someone's
        # words, alone in the sentence, is not who spoke them (review 190, a fail).
        return None
    if not any(s is speaker and reading.names_source(s, m) for s, m in mentioned):
        # Only "she said": who "she" is must be plain from the paragraph, named before with
        # nobody else mentioned in between ("One nurse ... told the Echo ... 'It felt like a
        # meltdown,' she said").
        named = [
            m for m in reading.naming_mentions(speaker) if m.block == body.block and m.end <= sentence[0]
        ]
        if not named:
            return speaker if _named_earlier_in_the_sentence(reading, speaker, mentioned, sentence) else None
        chain = _relay_chain(article, speaker)
        if any(
            source.id not in chain and named[-1].end <= mention.start < sentence[0]
            for source, mention in reading.mentions_in(body.block)
        ):
            return None
    if any(claim.source not in (None, speaker.id) and claim.span.overlaps(body) for claim in article.claims):
        return None  # the teacher gives these words to someone else
    return speaker


def _named_earlier_in_the_sentence(
    reading: ArticleReading,
    speaker: Source,
    mentioned: list[tuple[Source, Span]],
    sentence: tuple[int, int],
) -> bool:
    """ "after the town council voted ... as part of what it calls": the pronoun's own sentence names
    the speaker before it, even in lower case, and no other source there (review 214)."""
    own = [m for s, m in mentioned if s is speaker]
    if not own or any(s is not speaker for s, _ in mentioned):
        return False
    body = own[0].block
    words = reading.blocks[body]
    before = (sentence[0], min(m.start for m in own))
    if not names(words, before, speaker):
        return False
    # Another source's own name there ("Radio Hollowmere" is not named by the town's "Hollowmere's").
    own_names = name_words(speaker)
    bare = reading.bare_words(body)
    said = {bare[i] for i in range(*before) if words.words[i][:1].isupper()}
    others = [other for other in reading.article.sources if other is not speaker]
    return not any(said & (name_words(other) - own_names) for other in others)


# After a reporting verb of a headline, these make it passive, with nobody doing it ("Blamed for").
_PASSIVE_AFTER = frozenset(["for", "on", "as", "over"])


def _headline_says_who(reading: ArticleReading) -> bool:
    """A reporting verb of the headline with someone doing it ("Say Parents", "Council Warns"); not
    a record that shows ("..., Survey Shows": evidence, not whose words, review 192), a verb nobody
    does ("Nightmare Blamed for Falling Trade", review 191) nor who was told ("Meeting Told")."""
    words = reading.bare_words(HEADLINE_BLOCK)
    records = {i for start, end in reading.record_hits(HEADLINE_BLOCK) for i in range(start, end)}
    for start, end in reading.attribution_hits(HEADLINE_BLOCK):
        if end < len(words) and words[end] in _PASSIVE_AFTER:
            continue
        if start > 0 and start - 1 in records:
            continue
        if words[start:end] == ("told",) and end == len(words):
            continue  # "..., Packed Meeting Told": the meeting heard the words (review 216)
        return True
    return False


def sentence_of(reading: ArticleReading, span: Span) -> tuple[int, int]:
    """The sentence ``span`` starts in."""
    return next(s for s in reading.sentences(span.block) if s[0] <= span.start < s[1])


def other_speakers(
    reading: ArticleReading, speaker: Source, sentence: tuple[int, int], block: int, shown: set[str]
) -> list[Source]:
    """Sources that could be offered as wrong beside ``speaker`` for words quoted in ``sentence`` (of
    ``block``): none that relayed them or was relayed by the speaker, none mentioned in that sentence,
    none whose label shares a meaning word with the words ``shown`` (the stem would point at it), and
    none tied to the speaker (by a name, as the body it speaks for, as a group it may belong to)."""
    article = reading.article
    chain = _relay_chain(article, speaker)
    # The place the story is set in ties nobody: "Eastmere" of "the Eastmere Rivers Trust" beside
    # "Eastmere University" (review 474).
    setting = setting_words(article)
    return [
        s
        for s in article.sources
        if s.id not in chain
        and speaker.id not in _relay_chain(article, s)
        and reading.naming_mentions(s)
        and not (s.type in RECORD_TYPES and speaker.type not in RECORD_TYPES)
        and not any(m.block == block and m.start < sentence[1] and sentence[0] < m.end for m in s.mentions)
        # "One nurse told the Castlebrook Echo": the outlet she told may be where the words came from.
        and not any(m.overlaps(own) for m in s.mentions for own in speaker.mentions)
        # "Maya Brennan, Lexora's founder" beside "Lexora's press release": the same voice (review 67).
        and not (capitalised_names(source_label(s)) & capitalised_names(source_label(speaker))) - setting
        and not (content_words(source_label(s)) & shown) - setting
        # "Helen Barker, the council's cabinet member" beside the town council: she speaks for it,
        # so "the council uses these words" could be defended (review 98). Not beside a body's own
        # words: Unison is clearly not the town council (review 214).
        and not (
            s.type == BODY_TYPE
            and speaker.type != BODY_TYPE
            and speaks_for_a_body(reading.vocabulary, speaker)
        )
        # A loose group ("parents") beside anyone else, who may be one of them: Kerry Walsh, a
        # parent, beside '"parents"' (review 124), as in "who said it".
        and not (s.type == "vague" and speaker.type != "vague")
        # An outlet that only passed on others' words is no one whose words a person's could be: "the
        # Harwood Echo" for a councillor's "We have to choose" (review 201), as in "who said it".
        and not (speaker.type in person_types(reading.vocabulary) and only_passes_words_on(article, s))
    ]


def _quotations_of(reading: ArticleReading, source: Source) -> list[str]:
    """The quoted words in the sentences of a source's mentions, one text per sentence."""
    texts = []
    for mention in source.mentions:
        if mention.block == HEADLINE_BLOCK:
            continue
        quoted = reading.quoted(mention.block)
        words = reading.blocks[mention.block].words
        for first, last in reading.sentences_of(mention):
            inside = [words[i] for i in range(first, last) if i in quoted]
            if inside:
                texts.append(" ".join(inside))
    return texts


def quoted_figures_of(reading: ArticleReading, source: Source) -> set[str]:
    """The figures in the quotations in the sentences of a source's mentions ("1000" of "£1,000")."""
    return set().union(*(figures(text) for text in _quotations_of(reading, source)))


def quoted_words_of(reading: ArticleReading, source: Source) -> set[str]:
    """The meaning words (by their roots) of the quotations in the sentences of a source's mentions."""
    return set().union(*(content_words(text) for text in _quotations_of(reading, source)))
