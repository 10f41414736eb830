"""Find the framing: select the words of a passage chosen to push the reader towards a view, or
that say more than the facts show."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from app.domain.article import HEADLINE_BLOCK, Article, Framing, Source
from app.domain.kinds.base import _VERB_PARTICLES, MIN_STEM_WORD, _is_meaning_word
from app.domain.kinds.find_in_passage import FindInPassage
from app.domain.kinds.headline_quote import quoted_indexes
from app.domain.passage import ArticleReading, _bare, a_count, covered, without_edge_articles
from app.domain.question import SELECT, Question
from app.domain.quiz_rules import quoted_phrases
from app.domain.scoring import EPSILON, NEAR, runs, score_answer
from app.domain.text import FUNCTION_WORDS, Block, find_all, inflection_base, match_form

# The longest framing span whose sweeping word ("every", "nobody") is its key.
MAX_SWEEPING_SPAN = 4

_LEANING_ADVERBS = frozenset({"yet", "even", "still", "ever", "really", "truly", "simply", "quite"})


# Words that only say one thing is like another: the simile's image carries it.
_LIKENESS = frozenset({"like", "unlike"})
# Prepositions FUNCTION_WORDS leaves out: "under" of '"Under fire" makes criticism sound like being shot
# at' is no key word ("come under" found "come under fire" and "fire" only half, review 474).
_PREPOSITIONS = frozenset(
    {"under", "through", "across", "against", "behind", "beyond", "within", "without", "among", "between"}
    | {"beneath", "below", "above", "around", "towards", "toward", "along", "past", "inside", "outside"}
)

# A note's sentence offering plainer words ("'Rivals' alone would say the same thing"): the words
# it quotes are the plain alternative, not the framing.
# "instead of saying what is wrong with it" offers no plainer word (review 52).
_OFFERS_PLAINER = re.compile(
    r"\b(?:plain\w*|neutral|instead(?! of \w+ing\b)|would say|alone would|would be fairer)\b", re.I
)


def _framing_words_quoted(note: str) -> list[str]:
    """The phrases a framing note quotes, leaving out those it offers as plainer words, each once: a
    note that quotes "Every single day" twice quotes one phrase, not two (review 364)."""
    phrases: dict[str, str] = {}
    for sentence in re.split(r"(?<=[.!?])\s+", note):
        if not _OFFERS_PLAINER.search(sentence):
            for phrase in quoted_phrases(sentence):
                phrases.setdefault(match_form(phrase).casefold(), phrase)
    return list(phrases.values())


# How many meaning words of a framing span without key words find it.
MEANING_WORDS_TO_FIND = 2
# "our" of "our kids and our game": us against them is framing, so it stays in a framing span (review 100).
_US = frozenset(["our"])
# "all but disappeared", "not every": a sweeping word that softens, not sweeps (review 97); "almost
# every high street" still sweeps (review 60).
_SOFTENING_AFTER = frozenset(["but", "too"])
_SOFTENING_BEFORE = frozenset(["not"])


def _softened(words: Block, index: int) -> bool:
    after = match_form(words.words[index + 1]).casefold() if index + 1 < len(words.words) else ""
    before = match_form(words.words[index - 1]).casefold() if index > 0 else ""
    return after in _SOFTENING_AFTER or before in _SOFTENING_BEFORE


# A quotation this short around a framing span is one piece of hype; a longer one is a speaker's
# sentence, whose other words are plain.
MAX_FREE_QUOTATION = 12


# Selecting every quoted word of a passage must score less than this in "find the framing".
GUESS_BY_QUOTES = 0.75


_EXPLANATION_WORD = re.compile(r"[\w'-]+")
_THE_WRITER = frozenset({"writer", "reporter"})
# Words of a source's name that say nothing of who it is.
_NOT_WHO = FUNCTION_WORDS | frozenset({"unnamed", "anonymous", "local", "said", "says"})


def _who_it_is(source: Source) -> frozenset[str]:
    """The words of a source's name before its description that say who it is: "Martin Hale, a
    shopkeeper" gives {"martin", "hale"}; "an unnamed nurse at the hospital" gives {"nurse"}."""
    head = re.split(r"[,(]| - | \u2013 ", match_form(source.name), maxsplit=1)[0]
    words = {word.removesuffix("'s") for word in _EXPLANATION_WORD.findall(head.casefold())}
    return frozenset(word for word in words if word not in _NOT_WHO and len(word) >= 3)


class FindFraming(FindInPassage):
    name = "find_framing"
    title = "Find the framing"
    asked_for = "framing"
    skill = "framing"
    type = SELECT
    task = (
        "the framing in {where}: the words chosen to push the reader towards a view, "
        "or that say more than the facts show."
    )
    lead = "These words push the reader or say more than the facts: {words}."
    # Where no span of the passage says more than the facts, the task does not ask for any: the
    # instruction invited an unsourced "thousands of hungry children" that nobody marked (review 277).
    pushing_task = "the framing in {where}: the words chosen to push the reader towards a view."
    pushing_lead = "These words push the reader: {words}."

    def passages(self, article: Article) -> Iterable[int]:
        # Framing is a judgement: only the teacher can say a passage has no more of it.
        return sorted(article.framing_complete)

    def claims_about(self, reading: ArticleReading, block: int) -> list[int]:
        """Loaded words say nothing of where the passage's other claims come from or how sure they
        are (review 372: the framing of paragraph 4, in every quiz, kept its hedged claim out of all
        of them); words that meet a framing span still keep apart by their words."""
        return []

    def claims_spoken_of(self, reading: ArticleReading, block: int, explanation: str) -> list[int]:
        """The claims whose source the explanation names ("Mr Hale's word 'free-for-all'"), and,
        where it speaks of the writer ("the writer cheering"), those with no source."""
        said = {
            word.removesuffix("'s") for word in _EXPLANATION_WORD.findall(match_form(explanation).casefold())
        }
        sources = {source.id: source for source in reading.article.sources}
        about = []
        for index, claim in reading.claims_in(block):
            source = sources.get(claim.source or "")
            if source is None:
                if said & _THE_WRITER:
                    about.append(index)
            elif said & _who_it_is(source):
                about.append(index)
        return about

    def _says_more_in(self, reading: ArticleReading, block: int) -> bool:
        saying_more = reading.vocabulary.sweep_techniques | reading.vocabulary.headline_only
        return any(
            item.span.block == block and item.technique in saying_more for item in reading.article.framing
        )

    def task_in(self, reading: ArticleReading, block: int) -> str:
        return self.task if self._says_more_in(reading, block) else self.pushing_task

    def lead_in(self, reading: ArticleReading, block: int) -> str:
        return self.lead if self._says_more_in(reading, block) else self.pushing_lead

    def gold_in(self, reading: ArticleReading, block: int) -> list[tuple[tuple[int, int], str, str, int]]:
        # Half of a span's words find it (it has no key words): "blow" finds "the latest blow",
        # so an article at its edge does not count in the half.
        words = reading.blocks[block]
        return [
            (
                without_edge_articles(words, (item.span.start, item.span.end), _US),
                item.note,
                f"framing:{index}",
                item.line,
            )
            for index, item in enumerate(reading.article.framing)
            if item.span.block == block
        ]

    def keys_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """Words the teacher's note quotes from inside a framing span ('"Blank cheque" and "spying"
        are strong words'), and the vocabulary's emotive words in it: the core of the span, which
        alone finds it.  Only a core of at most half the span: a note quoting all of it would
        otherwise ask for more than the half that finds a span without key words."""
        words = reading.blocks[block]
        text = match_form(words.text).lower()  # lower() keeps every offset: "Blank cheque" in a note
        # "just" of "just nine passengers" says as much as "every" of "every exam hall" (review 188).
        sweeping = {*reading.vocabulary.sweeping_words, *reading.vocabulary.minimising_words}
        softening = {phrase.split()[0] for phrase in reading.vocabulary.approximate_words} - sweeping
        keys: list[tuple[int, int]] = []
        for item in reading.article.framing:
            if item.span.block != block:
                continue
            start, end = without_edge_articles(words, (item.span.start, item.span.end), _US)
            if self._marked_and_named(reading, block, item):
                continue  # found by either part: see cores_in
            quoted, named, phrases = self._note_quotes(words, text, item, start, end)
            meaning_quoted = [i for i in quoted if _is_meaning_word(words.words[i])]
            if phrases >= 2 and 2 * len(meaning_quoted) > end - start:
                # '"Penny-pinching" and "disgrace" are there to make you angry': each phrase the note
                # quotes finds the span (see cores_in), not only its emotive word (review 206).
                continue
            # An emotive word of the vocabulary inside the span ("massacre" of "it's a massacre"), or
            # in a short span a sweeping one ("every" of "almost every high street", review 60); in a
            # long one it may be an idiom ("fun for the whole family").
            # Where the sweeping word opens the span, it is what the span says in any length: "every"
            # of "every exam hall in the country" (review 176: "exam hall" found it, "every" did not).
            # The note may quote other words as the core ("The whole town centre" and "ghost town").
            swept, emotive = self._emotive_words(reading, block, item, (start, end), quoted, sweeping)
            if self._two_ways_in(words, quoted, emotive, swept):
                continue  # the note's words or the emotive ones: see cores_in
            if self._word_before_a_loaded_noun(words, (start, end), quoted, emotive, swept):
                continue  # either word: see cores_in
            # The note's words and the emotive ones together; where a note quotes the whole span
            # ("fighting a losing battle"), the emotive words alone ("battle"); where every word is
            # emotive ("savage attacks"), the one the note names ('"Savage" makes the dogs sound like
            # wild beasts', review 119).
            # A sweeping opener the note quotes is the core on its own ('"Every single shop" is a huge
            # claim': "every", review 296).
            # Not where the note quotes other words apart from it: '"Nobody" and "ever" make it sound as
            # if no manager has seen the bus' (review 338: "ever" found nothing).
            alone = bool(swept & quoted) and not (phrases >= 2 and quoted - swept)
            cores: tuple[set[int], ...] = (
                (emotive, quoted | emotive, quoted) if alone else (quoted | emotive, emotive, quoted)
            )
            if self._belittles_a_noun(reading, words, swept, quoted):
                continue  # either word finds it: see cores_in
            if named & emotive and self._every_phrase_holds(words, text, item, (start, end), named & emotive):
                # An emotive word the note names on its own, and in every other phrase it quotes, is
                # the core alone: '"Gimmick" means a trick ... a "green gimmick"' of "nothing more than
                # a green gimmick" ("gimmick" alone earned half, review 394). Not beside a phrase of
                # other words ('"Nobody" and "ever"': either finds it, review 338).
                cores = (named & emotive, *cores)
            for core in cores:
                # Meaning words only: "of" of the emotive phrase "flood of" finds nothing, nor "like"
                # of a simile the note quotes ("Like wildfire": "wildfire" finds it, review 329).
                # A sweeping word the note quotes counts in any technique: "all" of '"All of us"' (review
                # 344: "us" alone found "The river belongs to all of us", "belongs to all" nothing).
                core = {
                    i
                    for i in core
                    if match_form(words.words[i]).casefold() not in FUNCTION_WORDS | _LIKENESS | _PREPOSITIONS
                    or i in swept
                    or i in named
                    or (i in quoted and match_form(words.words[i]).casefold() in sweeping)
                }
                # Nor a word that softens it: "close" of "close to a religion" ("religion" and
                # "bombshell" scored 0.75, review 446).
                core = {i for i in core if i in named or _bare(words.words[i]) not in softening}
                # Nor, in a paragraph, a name inside a phrase the note quotes: "Castlebridge" of "The
                # pride of Castlebridge" earned as much as "pride" (review 465, a fail).
                unnamed = {
                    i
                    for i in core
                    if block == HEADLINE_BLOCK or i == start or not words.words[i][:1].isupper()
                }
                core = unnamed or core
                if core and 2 * len(core) <= end - start:
                    keys += runs(core)
                    break
        return keys

    @staticmethod
    def _emotive_words(
        reading: ArticleReading,
        block: int,
        item: Framing,
        span: tuple[int, int],
        quoted: set[int],
        sweeping: set[str],
    ) -> tuple[set[int], set[int]]:
        """The sweeping words of the span [start, end) that count, and its emotive words (those too)."""
        start, end = span
        words = reading.blocks[block]
        # An emotive word of the vocabulary inside the span ("massacre" of "it's a massacre"), or
        # in a short span a sweeping one ("every" of "almost every high street", review 60); in a
        # long one it may be an idiom ("fun for the whole family").
        # Where the sweeping word opens the span, it is what the span says in any length: "every"
        # of "every exam hall in the country" (review 176: "exam hall" found it, "every" did not).
        # The note may quote other words as the core ("The whole town centre" and "ghost town").
        sweeps = item.technique in reading.vocabulary.sweep_techniques
        short = end - start <= MAX_SWEEPING_SPAN and sweeps
        # Unless the note quotes the sweeping word itself ('"Every single shop" is a huge claim':
        # "single shop" was the key and "every" nothing, review 296).
        sweep = sweeps and (not quoted or set(range(start, end)) <= quoted or start in quoted)
        swept = {
            i
            for i in (range(start, end) if short else range(start, start + 1) if sweep else ())
            if match_form(words.words[i]).casefold() in sweeping
        }
        emotive = {
            i
            for first, last in reading.loaded_hits(block)
            if start <= first < last <= end
            for i in range(first, last)
        } | {i for i in swept if not _softened(words, i)}
        return swept, emotive

    @staticmethod
    def _two_ways_in(words: Block, quoted: set[int], emotive: set[int], swept: set[int]) -> bool:
        """The note quotes meaning words of the span that are not its emotive words, and the span
        holds emotive words the note does not quote: each shows the student saw the framing.
        '"Run wild" paints a picture' of "let dangerous dogs run wild": "run wild" scored 0.4
        beside "dangerous" alone 1.0 (review 225)."""
        noted = {i for i in quoted if _is_meaning_word(words.words[i])}
        loaded = {i for i in emotive - swept if _is_meaning_word(words.words[i])}
        return bool(noted - loaded) and bool(loaded - noted)

    @staticmethod
    def _belittles_a_noun(reading: ArticleReading, words: Block, swept: set[int], quoted: set[int]) -> bool:
        """The span's only sweeping words belittle ("few", "mere"), and the note quotes with them a
        plain word after them that belittles too: "pennies" of '"A few pennies" makes the fines sound
        tiny' earned nothing beside "few" (review 466). Either finds the span. "nine" of "just nine"
        is a plain count: "just" is the core."""
        belittling = {i for i in swept if _bare(words.words[i]) in reading.vocabulary.minimising_words}
        return (
            bool(belittling)
            and belittling == swept
            and belittling <= quoted
            and any(
                i > min(swept) and _is_meaning_word(words.words[i]) and not a_count(words.words[i])
                for i in quoted - swept
            )
        )

    @staticmethod
    def _word_before_a_loaded_noun(
        words: Block, span: tuple[int, int], quoted: set[int], emotive: set[int], swept: set[int]
    ) -> bool:
        """A two-word span the note quotes whole, whose second word is the vocabulary's emotive word
        and whose first is a plain meaning word: "mindless mob" (review 369: "mindless" alone found
        nothing). Each word is the framing a student sees, so either finds it; not where the emotive
        word comes first ("so-called experts": "experts" pushes nothing), nor after a verb's form
        ("sparked fury": "sparked" says nothing loaded)."""
        start, end = span
        return (
            end - start == 2
            and {start, start + 1} <= quoted
            and emotive == {start + 1}
            and not swept
            and _is_meaning_word(words.words[start])
            and not match_form(words.words[start]).casefold().endswith(("ed", "ing"))
        )

    @staticmethod
    def _every_phrase_holds(
        words: Block, text: str, item: Framing, span: tuple[int, int], core: set[int]
    ) -> bool:
        """Every phrase the note quotes from the span [start, end) holds a word of ``core``."""
        start, end = span
        for phrase in _framing_words_quoted(item.note):
            for found in find_all(text, match_form(phrase).lower()):
                first, last = without_edge_articles(words, words.word_range(*found))
                if start <= first < last <= end and not core.intersection(range(first, last)):
                    return False
        return True

    @staticmethod
    def _note_quotes(
        words: Block, text: str, item: Framing, start: int, end: int
    ) -> tuple[set[int], set[int], int]:
        """The words of the span [start, end) the teacher's note quotes, those it quotes one word at
        a time ('"Just" makes nine sound few'), and how many of its phrases the span holds.  ``text``:
        the passage, lowercased."""
        quoted: set[int] = set()
        named: set[int] = set()
        phrases = 0
        for phrase in _framing_words_quoted(item.note):
            inside = False
            for found in find_all(text, match_form(phrase).lower()):
                # "The whole town centre" quoted from a span the article's "the" starts (review 63).
                first, last = without_edge_articles(words, words.word_range(*found))
                if start <= first < last <= end:
                    inside = True
                    quoted.update(range(first, last))
                    if last - first == 1:
                        named.add(first)
            phrases += inside
        return quoted, named, phrases

    def cores_in(
        self, reading: ArticleReading, block: int, keys: Sequence[tuple[int, int]]
    ) -> list[tuple[int, list[int]]]:
        """A framing span with no key words is found by any two of its meaning words (its only
        one, if it has one): "completely harmless" finds "completely harmless and fun for the whole
        family", where half its words would ask a student who saw the framing for four; and one
        plain word never finds a span on its own ("Success" of "Runaway Success")."""
        block_words = reading.blocks[block]
        words = block_words.words
        text = match_form(block_words.text).lower()
        key_words = {i for s, e in keys for i in range(s, e)}
        sweeping = {*reading.vocabulary.sweeping_words, *reading.vocabulary.minimising_words}
        cores = []
        for item in reading.article.framing:
            if item.span.block != block:
                continue
            start, end = without_edge_articles(reading.blocks[block], (item.span.start, item.span.end), _US)
            if key_words.intersection(range(start, end)):
                continue
            marked = self._marked_and_named(reading, block, item)
            if marked:
                # 'so-called "crackdown"': the word in the marks, or the word that mocks it, each
                # shows the student saw the scare quotes (review 68).
                cores.append((1, marked))
                continue
            # The particle of a phrasal verb ("out" of "churn out") pushes nothing on its own (review
            # 90); but where a span needs two meaning words anyway, the verb and its particle are the
            # two that carry it: "shut out" of "shut out of their own town", "give up" of "simply
            # give up on their care altogether" (reviews 132 and 133).
            particles = [
                i for i in range(start + 1, end) if match_form(words[i]).casefold() in _VERB_PARTICLES
            ]
            meaning = [i for i in range(start, end) if _is_meaning_word(words[i]) and i not in particles]
            # A name pushes nothing: "Brenham's taps" found "bumper year for shareholders while
            # Brenham's taps sputtered" (review 291); the span's other words still do.
            unnamed = [i for i in meaning if not (i > start and words[i][:1].isupper())]
            if len(unnamed) >= MEANING_WORDS_TO_FIND:
                meaning = unnamed
            # Nor does an adverb that only leans on the word after it: "blow" finds "yet another blow"
            # (review 294: it needed "yet" too).
            leaning = [i for i in meaning if match_form(words[i]).casefold() not in _LEANING_ADVERBS]
            if leaning:
                meaning = leaning
            # Phrases the note quotes one by one, too many words together to be the key:
            # '"Screaming" is stronger than "shouting", and "grown adults" makes the parents sound like
            # bullies' of "grown adults screaming at them": each is what the note says pushes, so any
            # of them finds the span ("screaming" found half of it, review 205).
            quoted, _, phrases = self._note_quotes(block_words, text, item, start, end)
            noted = [i for i in sorted(quoted) if _is_meaning_word(words[i])]
            if phrases >= 2 and noted:
                cores.append((1, noted))
                continue
            # The note's words or the span's emotive ones, either finds it (see _two_ways_in).
            swept, emotive = self._emotive_words(reading, block, item, (start, end), quoted, sweeping)
            if self._two_ways_in(block_words, quoted, emotive, swept):
                cores.append(
                    (1, sorted({*noted, *(i for i in emotive - swept if _is_meaning_word(words[i]))}))
                )
                continue
            if self._word_before_a_loaded_noun(block_words, (start, end), quoted, emotive, swept):
                cores.append((1, [start, start + 1]))
                continue
            if self._belittles_a_noun(reading, block_words, swept, quoted):
                cores.append((1, sorted(i for i in quoted if _is_meaning_word(words[i]))))
                continue
            if len(meaning) >= MEANING_WORDS_TO_FIND:
                meaning = sorted([*meaning, *particles])
            if meaning:
                cores.append((min(MEANING_WORDS_TO_FIND, len(meaning)), meaning))
        return cores

    @staticmethod
    def _marked_and_named(reading: ArticleReading, block: int, item: Framing) -> list[int]:
        """For scare quotes with a word outside the marks that points at them ('so-called "crackdown"'):
        the words inside the marks and the loaded words outside them; else nothing."""
        if item.technique not in reading.vocabulary.needs_quotation_marks:
            return []
        span = item.span
        quoted = [i for i in range(span.start, span.end) if i in reading.quoted(block)]
        outside = [i for i in range(span.start, span.end) if i not in quoted]
        loaded = [
            i
            for first, last in reading.loaded_hits(block)
            if span.start <= first < last <= span.end
            for i in range(first, last)
            if i not in quoted
        ]
        if not quoted or not outside or not loaded:
            return []
        return sorted({*quoted, *loaded})

    def free_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """The rest of a short quotation that holds a framing span ("a major step forward in the
        fight against forgetfulness", with only its end marked): a reader who selects more of the
        same quoted hype is not wrong."""
        quoted = reading.quoted(block)
        free = []
        for item in reading.article.framing:
            span = item.span
            if span.block != block or not set(range(span.start, span.end)) <= quoted:
                continue
            start, end = span.start, span.end
            while start - 1 in quoted:
                start -= 1
            while end in quoted:
                end += 1
            if end - start <= MAX_FREE_QUOTATION:
                free.append((start, end))
        # The writer's opinion ("drivers stuck in the queues are fed up") or a disputed claim ("the
        # evidence could not be clearer", review 29): the instruction asks for words "that say more
        # than the facts show", so selecting them costs nothing. Not a source's opinion: "Some
        # residents say the scheme is a slap in the face for borrowers who always paid on time"
        # scored 1.0 as a whole, its key "slap in the face" (review 242, a fail).
        for _, claim in reading.claims_in(block):
            if (claim.kind == "opinion" and claim.source is None) or claim.status == "disputed":
                free.append((claim.span.start, claim.span.end))
        return free

    def guessed_without_reading(self, reading: ArticleReading, block: int, question: Question) -> bool:
        return self._shown_by_punctuation(reading, block, question) or _found_by_one_run(question)

    @staticmethod
    def _shown_by_punctuation(reading: ArticleReading, block: int, question: Question) -> bool:
        """Selecting every quoted word of the passage scores at least GUESS_BY_QUOTES: a student finds
        the answer by selecting what is in quotation marks, without reading ('"focus formula"' in a
        paragraph with no other quotation; "This is a council that finds money for fireworks but not
        for fans", where the whole quotation scored 0.92, review 177; '"temporary" closure', found by
        its quoted word, review 218; 'so-called "digital revolution"', the paragraph's only
        quotation, where the quoted words alone scored 1.0, review 251)."""
        # Single marks too: "Dog 'Carnage'" in a headline points at its word as plainly (review 119).
        quoted = reading.quoted(block) | quoted_indexes(reading.blocks[block])
        if not quoted or not any(item.span.block == block for item in reading.article.framing):
            return False
        return score_answer(question, tuple(sorted(quoted))).score >= GUESS_BY_QUOTES - EPSILON

    def fully_annotated(self, reading: ArticleReading, block: int) -> bool:
        framing = [
            (item.span.start, item.span.end) for item in reading.article.framing if item.span.block == block
        ]
        # An emotive word, or a word or two in quotation marks (scare quotes?), that the teacher
        # left unmarked would cost a careful student marks.
        if not all(covered(hit, framing) for hit in reading.short_quotations(block)):
            return False
        if not all(covered(hit, framing, margin=NEAR) for hit in reading.loaded_hits(block)):
            return False
        # Words the teacher marked as framing elsewhere ("Greedy Grab" in the headline), unmarked here:
        # a careful student selects them first (review 166).
        return all(covered(hit, framing, margin=NEAR) for hit in _framed_elsewhere(reading, block))


# One run of words holding every answer, this share of the passage or more, must score less than
# GUESS_BY_QUOTES.
MOST_OF_THE_PASSAGE = 2 / 3


def _found_by_one_run(question: Question) -> bool:
    """Selecting one run from just before the first of two answers or more to just after the last,
    most of the passage, scores at least GUESS_BY_QUOTES: the spans and the words free beside them fill the
    passage, so a student who cannot tell framing from plain words scores as one who can ("But
    traders say the plan is a sneaky stealth tax that will hammer the businesses that keep the town
    alive": 15 of its 20 words scored 1.0, review 179)."""
    count = len(question.words)
    if len(question.gold) < 2:
        return False  # one long span and the words beside it: what a careful student selects
    first = max(0, min(start for start, _ in question.gold) - NEAR)
    last = min(count, max(end for _, end in question.gold) + NEAR)
    if last - first < MOST_OF_THE_PASSAGE * count:
        return False
    return score_answer(question, tuple(range(first, last))).score >= GUESS_BY_QUOTES - EPSILON


def _framed_elsewhere(reading: ArticleReading, block: int) -> list[tuple[int, int]]:
    """Where the words of a framing span of another passage stand again in ``block``."""
    found = []
    for item in reading.article.framing:
        if item.span.block == block:
            continue
        wanted = [w for w in reading.bare_words(item.span.block)[item.span.start : item.span.end] if w]
        if not wanted or not any(_is_meaning_word(w) for w in wanted):
            continue
        # In any form: "dragged on" here beside the headline's marked "Drag On" (review 325); but a
        # headline's overstatement only as it stands ("Bans" is no framing in the body's "a ban").
        if item.technique in reading.vocabulary.headline_only:
            starts = reading.starts_of(wanted, block)
        else:
            starts = _forms_stand_at(reading.bare_words(block), wanted)
        places = [(first, first + len(wanted)) for first in starts]
        if (
            item.technique in reading.vocabulary.needs_quotation_marks
            and sum(map(_is_meaning_word, wanted)) < 2
        ):
            # One word in scare quotes frames by its marks: '"reading"' makes no plain "reading"
            # elsewhere framing (review 180), though the word in quotation marks again is; a coined
            # phrase ('Greedy Grab', review 166) is loaded with or without them.
            quoted = reading.quoted(block)
            places = [(s, e) for s, e in places if set(range(s, e)) <= quoted]
        found += places
    return found


def _inflection_base(word: str) -> str:
    return inflection_base(word) if len(word) >= MIN_STEM_WORD and word.isalpha() else word


def _forms_stand_at(bare: Sequence[str], wanted: Sequence[str]) -> list[int]:
    """Where ``wanted`` stands in ``bare`` in this order, in any of its words' forms."""
    forms, looked_for = [_inflection_base(word) for word in bare], [_inflection_base(word) for word in wanted]
    count = len(looked_for)
    return [first for first in range(len(forms) - count + 1) if forms[first : first + count] == looked_for]
