"""Quiz questions generated from an annotated article, and the choice of a quiz.

Each question kind is a small class registered in :data:`KINDS`; a kind turns an
article's annotations into questions.  The rule every kind follows is the careful
item writer's: one defensible key, wrong answers that are clearly wrong, nothing in
the stem that gives the key away, and a passage asked about only where the teacher
annotated everything a careful student could select there.  Where that cannot be
told from the annotations, the kind asks nothing.  Randomness comes only from the
``random.Random`` passed in, so a seed fixes a quiz.
"""

from __future__ import annotations

import functools
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from app.domain.article import (
    HEADLINE_BLOCK,
    SKILLS,
    SOURCED_STATUSES,
    Article,
    Claim,
    Framing,
    HandQuestion,
    Source,
    Span,
    Vocabulary,
    VocabularyEntry,
)
from app.domain.kinds.base import (
    _AUXILIARIES,
    _CALENDAR_NAMES,
    _VIEW_HOLDERS,
    BODY_TYPE,
    FELT,
    INDEFINITE_WORDS,
    MIN_CHOICES,
    MIN_STEM_WORD,
    RECORD_TYPES,
    RUN_ON_WORDS,
    TIED_BY,
    UNNAMED_SOURCE_TYPES,
    QuestionKind,
    _a_persons_quotation_opens,
    _called_an_opinion,
    _claim_is_in_writers_words,
    _defined,
    _distinct,
    _first_person,
    _framings,
    _mention_near,
    _note_points_to_support,
    _notes,
    _paragraph_indexes,
    _phrase,
    _relay_chain,
    _relays_of,
    _same_text,
    _sizes_an_amount,
    _source_features,
    _speaks_of,
    _tells_of_themself,
    _types_suggested_by_words,
    attributed_source,
    by_their_names,
    capitalised_words,
    content_words,
    headline_asks,
    in_stem,
    only_passes_words_on,
    person_types,
    says_who_only,
    source_family,
    source_label,
    sourced_in_its_sentence,
    speaks_for_a_body,
    starts_with_a_link,
    unmarked_attribution_beside,
    where,
    without_outer_quotes,
    words_subject,
)
from app.domain.kinds.find_framing import FindFraming
from app.domain.kinds.find_sources import FindSources
from app.domain.kinds.find_unverified import FindUnverified
from app.domain.kinds.headline_evidence import HeadlineEvidence
from app.domain.kinds.headline_quote import HeadlineQuote
from app.domain.kinds.headline_word import HeadlineWord
from app.domain.kinds.how_to_check import HowToCheck
from app.domain.kinds.source_chain import SourceChain
from app.domain.kinds.spot_hedge import SpotHedge
from app.domain.kinds.statement_kind import StatementKind, speaks_of_the_future, speaks_of_what_may_happen
from app.domain.kinds.whose_words import WhoseWords
from app.domain.passage import (
    PRONOUNS,
    ArticleReading,
    _bare,
    find_words,
    in_quotation,
    is_possessive,
    is_pronoun_only,
    names,
    overlaps,
    speaker_words,
    trim_attribution,
    words_of,
)
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.quiz_rules import (
    clash_sets,
    conflicts,
    footprint,
    gives_key_away,
    hand_footprint,
    touches_headline,
)
from app.domain.scoring import NEAR
from app.domain.text import FUNCTION_WORDS, Block, display_form, figures, match_form

NOT_SAID = "The article does not say"

# How well the article supports a claim: four answers that cannot both be right.
SUPPORT_FACT = "Stated as a fact, with no source"
SUPPORT_HEDGED = "Hedged by the writer, with no source"
SUPPORT_UNNAMED = "An unnamed or vague source"
SUPPORT_NAMED = "A source the article names"
SUPPORT_DEFINITIONS = {
    SUPPORT_FACT: (
        "The writer says it as if it were certain, and does not say who says so or how anyone knows."
    ),
    SUPPORT_HEDGED: 'The writer uses words like "reportedly", "may" or "could" and does not say who says so.',
    SUPPORT_UNNAMED: (
        'The article says who it comes from only as "one worker", "experts" or "some residents".'
    ),
    SUPPORT_NAMED: "The article names who it comes from: a person, a group, a news outlet or a document.",
}
SUPPORT_CHOICES = tuple(SUPPORT_DEFINITIONS)

MAX_VOCABULARY_DISTRACTORS = 3
MAX_SOURCE_CHOICES = 4

# A quiz asks about one paragraph at most this many times while others are left to ask about.
MAX_PER_PASSAGE = 2


def _vocabulary_wrong(
    vocabulary: Vocabulary,
    entries: Sequence[VocabularyEntry],
    right_id: str,
    also_right: set[str],
    rng: random.Random,
    allowed: Iterable[str] | None = None,
) -> list[VocabularyEntry]:
    """Up to three vocabulary entries that are certainly wrong answers (``allowed`` limits the
    candidates)."""
    candidates = _wrong_candidates(vocabulary, entries, right_id, also_right, allowed)
    return rng.sample(candidates, min(MAX_VOCABULARY_DISTRACTORS, len(candidates)))


def _wrong_candidates(
    vocabulary: Vocabulary,
    entries: Sequence[VocabularyEntry],
    right_id: str,
    also_right: set[str],
    allowed: Iterable[str] | None = None,
) -> list[VocabularyEntry]:
    taken = {right_id, *also_right}
    permitted = None if allowed is None else set(allowed)
    return [
        entry
        for entry in entries
        if entry.id not in taken
        and (permitted is None or entry.id in permitted)
        and not any(vocabulary.are_too_close(entry.id, other) for other in taken)
    ]


def _label_names(source: Source) -> frozenset[str]:
    """The capitalised words of a source's whole label (titles aside): two labels sharing one
    ("Ashcombe General Hospital") are too close to be each other's wrong answer."""
    return capitalised_words(source_label(source))


# Words that describe how a source is given, not who it is: "one unnamed parent" and "unnamed
# critics" are not the same source.
_DESCRIPTOR_ROOTS = frozenset(content_words("unnamed anonymous unidentified"))
# A speaker's own family, charges or trade ("my son", "our pupils", "pubs like mine"): words only
# someone in that role says (reviews 31 and 38).
_FAMILY_TIE = re.compile(
    r"\b(?:my|our)\s+(?:own\s+)?(?:sons?|daughters?|child|children|kids?|boys?|girls?|husband|wife|"
    r"partner|mum|mom|dad|mother|father|parents|grandchildren|grandson|granddaughter|pupils|students|"
    r"patients|players|customers|staff|team|shop|shops|pub|business|restaurant|caf\w*|farm|"
    r"class|classes|club|store|clinic|surgery|practice|stall|firm|company|school|members)\b"
    r"|\b(?:like|of) (?:mine|ours)\b"
)
# Words only people can be the subject of: knowing, believing, feeling, and having a family.
_ONLY_PEOPLE = re.compile(
    r"\b(?:believ\w*|feel\w*|felt|fear\w*|worr\w*|hop(?:e|es|ed|ing)|no idea|knew|looked the same|"
    r"saw|seen|heard|noticed|remember\w*|recall\w*|"
    r"children|kids|sons|daughters|parents|scared|afraid|angry|upset|furious|relieved)\b"
)
_GENDERED_PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
# The everyday "you" of someone talking ("you wait ages for help").
_YOU = frozenset({"you", "you're", "you've", "you'd", "you'll", "your"})


def _speaker_types(reading: ArticleReading, block: Block, span: Span) -> frozenset[str] | None:
    """The source types that fit the claim's grammar, or None for any: "I" is a person; a claim
    that starts "it" or "its" ("it lost £6.2 million", "its drink was safe") speaks of a company or a
    record, one that starts "they" or "their" of a group, so a person on offer is ruled out."""
    vocabulary = reading.vocabulary
    every = frozenset(entry.id for entry in vocabulary.source_types)
    if _first_person(block, span):
        return person_types(vocabulary)
    first = words_of(block, (span.start, span.start + 1))
    if (first and first[0] in ("it", "its")) or _IT_ACTS.search(match_form(span.quote).casefold()):
        # "it would share its figures": one group or record, not "some riders" either; "the six
        # loaves it bought": whoever bought them is an "it" too (review 101).
        return every - person_types(vocabulary) - {"vague"}
    if first and first[0] in ("they", "their", "them"):
        return every - person_types(vocabulary)
    return None


# "it" doing something in the claim ("the loaves it bought", "it had received two complaints").
_IT_ACTS = re.compile(
    r"\bit\s+(?:(?:had|has|have|would|will|could|did)\s+)?(?:\w+ed|bought|found|sold|made|paid|took|"
    r"gave|told|said|ran|kept|got|saw|sent|wrote|held|tested|received)\b"
)
# With its contractions: "we've got rats in the garden now" (review 316).
_FIRST_PERSON_PLURAL = frozenset({"we", "our", "ours", "us", "ourselves", "we've", "we're", "we'd", "we'll"})
_THEY = frozenset({"they", "their", "them"})


def _figure_given_to_a_source(reading: ArticleReading, claim: Claim) -> bool:
    """A figure of ``claim`` is in another claim of its paragraph that the article gives a source."""
    numbers = figures(claim.span.quote)
    return bool(numbers) and any(
        other is not claim
        and attributed_source(reading.article, other) is not None
        and numbers & figures(other.span.quote)
        for _, other in reading.claims_in(claim.span.block)
    )


def _voices_a_body(vocabulary: Vocabulary, words: Sequence[str]) -> bool:
    """The words speak as a body ("we", "our charges") or of its people ("officers would patrol")."""
    return bool(set(words) & (_FIRST_PERSON_PLURAL | set(vocabulary.staff_words)))


def _staff_speak_of_staff(vocabulary: Vocabulary, source: Source, words: Sequence[str]) -> bool:
    """The words speak of a body's people ("staff", "nurses") or of the speaker's fellows
    ("colleagues", review 283), and the source is described as one of them ("a library worker", "a
    senior nurse", "an unnamed maths teacher")."""
    staff = set(vocabulary.staff_words)
    if not set(words) & (staff | set(vocabulary.fellow_words)):
        return False
    singular = {word[:-2] if word.endswith(("ches", "shes")) else word[:-1] for word in staff}
    label = {match_form(word).casefold() for word in Block.from_text(source_label(source)).words}
    return bool(label & (staff | singular))


def _every_type(vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(entry.id for entry in vocabulary.source_types)


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


def _whose_view_first(reading: ArticleReading, claim: Claim) -> bool:
    """The claim's sentence opens by saying whose view it is ("For the families who farm the valley,
    the reservoir is a disaster"): "The article does not say" and those people could both be
    defended (review 122)."""
    block = reading.blocks[claim.span.block]
    people = _VIEW_HOLDERS | set(reading.vocabulary.staff_words)
    for first, _ in reading.sentences_of(claim.span):
        if first >= claim.span.start or block.words[first].casefold() != "for":
            continue
        comma = next((i for i in range(first + 1, claim.span.start + 1) if "," in block.gaps[i]), None)
        # People, not a time: "For now," and "For years," say when (reviews 79 and 87).
        return comma is not None and bool(people & set(words_of(block, (first + 1, comma))))
    return False


def _reported_by_someone(reading: ArticleReading, claim: Claim) -> bool:
    """A claim whose doubt is that someone unnamed holds it ("reportedly", "It is thought that",
    "believed to"): "An unnamed or vague source" can be defended beside "Hedged by the writer"
    (reviews 131 and 132), and a source named nearby may be who reported it."""
    span = claim.span
    cues = [(c.start, c.end) for c in claim.cues if c.block == span.block]
    return any(
        span.start <= hit[0] and hit[1] <= span.end or any(overlaps(cue, hit) for cue in cues)
        for hit in reading.reporting_hits(span.block)
    )


class WhoSaidIt(QuestionKind):
    name = "who_said_it"
    title = "Who said it"
    confusion_title = "Who said it"
    skill = "sources"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for index, claim in enumerate(reading.article.claims):
            yield self._for_claim(reading, index, claim, rng)

    def _for_claim(
        self, reading: ArticleReading, index: int, claim: Claim, rng: random.Random
    ) -> Question | None:
        article = reading.article
        block = reading.blocks[claim.span.block]
        if claim.status == "hedged":
            return None  # "reportedly", "according to a study": who it comes from is itself hedged
        if reading.headline_overstates(claim.span):
            return None  # "..., Study Finds" where the study found less: the key would back the headline
        source = attributed_source(article, claim)
        if source is not None and source.type == "vague":
            # "critics", "some parents": no source on offer is safely not one of them. A person or
            # another group could be (reviews 61, 64 and 77), a record could not have said it, a
            # body that criticises may be among the critics, and an outlet seldom makes the demand
            # (review 108).
            return None
        if source is not None:
            if not self._readable_source(reading, claim, source):
                return None
            right = source_label(source)
        elif (
            claim.status == "unattributed"
            and _claim_is_in_writers_words(reading, claim)
            and not _whose_view_first(reading, claim)
        ):
            # Not a hedged claim: "reportedly" says someone reported it, so "the article does not
            # say" is arguable whenever the article names anyone who reports.
            if _note_points_to_support(reading, claim):
                # "it most likely came from Joanna Beck", "It probably comes from the report": the
                # note argues for a source (reviews 140, 146).
                return None
            if _figure_given_to_a_source(reading, claim):
                # "Of the 25 routes affected, 11 will stop running altogether", then "Moorline's
                # published timetable changes show that the 11 routes being withdrawn ...": the
                # timetable could be defended as where the 11 comes from (review 284).
                return None
            right = NOT_SAID
        else:
            return None
        # Anyone who relayed the source, or is given for the same words in another claim,
        # could also be said to be where the words come from: never a wrong choice.
        also_right: set[str] = set()
        for other in article.claims:
            if other.span.overlaps(claim.span):
                other_source = attributed_source(article, other)
                if other_source is not None:
                    also_right |= _relay_chain(article, other_source)
        if source is not None:
            # Whoever this source passed words on for is in the same chain: never a wrong choice.
            also_right |= {s.id for s in article.sources if source.id in _relay_chain(article, s)}
        right_sources = [s for s in article.sources if s.id in also_right]
        # A wrong choice sharing a word with the words that give the key ("according to a study"
        # beside "Dr Okafor, who led the study") could be defended as right.
        # The key's own name counts too: "Professor Adebayo, who led the study" beside "the Westbury
        # University study" (reached through "the researchers reported"), or its press office.
        key_words = (
            content_words(source_label(source)).union(
                *(content_words(reading.blocks[m.block].slice(m.start, m.end).text) for m in source.mentions)
            )
            if source is not None
            else set()
        ) - _DESCRIPTOR_ROOTS
        taken_names = set().union(*(_label_names(s) for s in right_sources)) if right_sources else set()
        first = words_of(block, (claim.span.start, claim.span.start + 1))
        if (
            source is not None
            and first
            and first[0] in _THEY
            and _source_features(reading.vocabulary, source.type)[1]
        ):
            # "Some parents say they have stopped trusting the agency's website": "they" are most
            # likely the speakers, and no single person fits it, so the people on offer give the
            # key away (review 47).
            return None
        # "Now I feel sharp again": only a person says "I"; a study or a council on offer is absurd.
        grammar = _speaker_types(reading, block, claim.span)
        speakers = grammar if grammar is not None else _every_type(reading.vocabulary)
        if in_quotation(block, claim.span.start, claim.span.end) or (
            source is not None
            and source.type not in RECORD_TYPES
            and reading.quoted(claim.span.block) & set(range(claim.span.start, claim.span.end))
        ):
            # Someone's spoken words, or a word of theirs in quotation marks ("the department had been
            # 'rammed'"): a report or a data set on offer is filler (reviews 30 and 116).
            speakers -= RECORD_TYPES
        if (
            in_quotation(block, claim.span.start, claim.span.end)
            and source is not None
            and source.type in person_types(reading.vocabulary)
            and set(words_of(block, claim.span)) & _YOU
        ):
            # "Half the time they break down and you wait ages for help", a shopper's own words: an
            # office of statistics or a company on offer is no real choice (review 170).
            speakers &= person_types(reading.vocabulary) | UNNAMED_SOURCE_TYPES
        if _called_an_opinion(claim):
            # "the bill is a nightmare": a record holds no view, so beside three records "The article
            # does not say" is the key at a glance (review 131).
            speakers -= RECORD_TYPES
        if (
            source is not None
            and source.type not in RECORD_TYPES
            and (claim.kind == "prediction" or speaks_of_what_may_happen(claim.span.quote))
        ):
            # "the street could lose a dozen shops by Christmas", from a trader: the council's footfall
            # counters on offer forecast nothing, so they are no real choice (review 164).
            speakers -= RECORD_TYPES
        if (
            # "We'll probably end up in town" from a young couple: a wildlife trust on offer is no
            # real choice (review 44).
            source is not None
            and _source_features(reading.vocabulary, source.type)[1]
            and set(words_of(block, claim.span)) & _FIRST_PERSON_PLURAL
        ) or _ONLY_PEOPLE.search(match_form(claim.span.quote).casefold()):
            # "they had no idea their children were using it", "stopped believing the promises":
            # only people know, believe or have children; a study, a paper or a firm on offer is
            # no real choice (reviews 39 and 40).
            speakers &= person_types(reading.vocabulary) | UNNAMED_SOURCE_TYPES
        if (
            source is not None
            and source.type in person_types(reading.vocabulary)
            and _tells_of_themself(reading, claim.span)
        ):
            # "Tom Ashby said he had 'never had so much as a sniffle'": his own experience, told as
            # "he"; a trust that never had a sniffle is no real choice (review 247).
            speakers &= person_types(reading.vocabulary) | UNNAMED_SOURCE_TYPES
        subject = Span(claim.span.block, claim.span.start, min(claim.span.end, claim.span.start + 3), "")
        if source is not None and _tied_to_a_body(reading, source):
            # "the school's own report", "the head teacher": which named organisation it belongs to
            # the article may not say, so none is a safe wrong answer (review 55).
            speakers -= {BODY_TYPE}
            if _calls_a_body_again(reading, block, subject):
                # "the company would pay" from the company's director (review 56); not "sits on the
                # library roof", where the body is only a place.
                return None
        if (
            source is not None
            and source.type in person_types(reading.vocabulary)
            and speaks_for_a_body(reading.vocabulary, source)
            and _calls_a_body_again(reading, block, subject)
        ):
            # "the government had no plans to force shops" from the minister: the only official on
            # offer speaks for the body the stem names (review 117).
            return None
        if source is not None and _staff_speak_of_staff(
            reading.vocabulary, source, words_of(block, claim.span)
        ):
            # "staff had turned away dozens of people" from "an unnamed library worker": the stem's
            # word for the body's people points at the one worker on offer (review 177).
            return None
        if (
            source is not None
            and speaks_for_a_body(reading.vocabulary, source)
            and _voices_a_body(reading.vocabulary, words_of(block, claim.span))
        ):
            # "Every penny we make from parking goes to patient care", "officers would patrol the
            # park": what the body does tells who speaks for it; beside the trust's finance director,
            # a patient or a union on offer is no real choice (reviews 34 and 36).
            return None
        # Nor a wrong choice sharing a meaning word with the key's words or with the quote itself ("the
        # leaflet swung the vote" beside "an unsigned leaflet", review 44).
        shown_words = key_words | content_words(claim.span.quote)
        # '"...," he said': beside it, people the article calls "she" are ruled out by the pronoun alone
        # (review 111).
        said_as = _pronoun_gender(reading, source, claim.span) if source is not None else None
        around = _sentences_around(reading, claim.span) if source is None else []
        people = person_types(reading.vocabulary)
        said_by_a_person = source is not None and source.type in people
        speaks_of_itself = source is not None and bool(first) and first[0] in ("it", "its")
        candidates = [
            s
            for s in article.sources
            if s.id not in also_right
            and s.type in speakers
            and reading.naming_mentions(s)  # "he added": a source nobody can pin down
            # "Le Drian or Barzani" beside "Le Drian"; "a member of Parents for Choice" beside the group
            and not (_label_names(s) & taken_names)
            and not names(block, claim.span, s)  # a name the stem shows is a trap, not a distractor
            and not any(_same_text(source_label(s), source_label(r)) for r in right_sources)
            and not ((content_words(source_label(s)) - _DESCRIPTOR_ROOTS) & shown_words)
            # "the campaign said the poll showed ...": the poll is in the claim's own sentence
            and not any(reading.shares_sentence(claim.span, m) for m in s.mentions)
            # "Dr Treharne pointed to the closure ... Passenger numbers fell by 6 per cent, according
            # to the review": someone named earlier in the paragraph may be who cites the record
            # (review 129)
            and not (
                source is not None
                and source.type in RECORD_TYPES
                and any(m.block == claim.span.block and m.end <= claim.span.start for m in s.mentions)
            )
            and not (said_as is not None and _gender(reading, s) not in (None, said_as))
            # "Dr Rao, who led the research" beside "the University of Hallamford study": whoever a
            # record's label ties to a record may be its author (review 85).
            and not (
                source is not None
                and source.type in RECORD_TYPES
                and s.type in people
                and find_words(Block.from_text(source_label(s)), reading.vocabulary.record_words)
            )
            # A loose group ("supporters") beside a named key, who may be one of them ("supporters"
            # beside the councillor who leads the plan, review 98).
            and not (source is not None and s.type == "vague")
            # An outlet that only passed on others' words is no one whose view a person's words could
            # be: "the Wyre Valley Echo" for a customer's "still tastes exactly the same" (review
            # 197), a radio station for a father's quip (review 195); nor does it act as a body does
            # ("it expected to sell the first houses in 2027", from the developer, review 257).
            and not ((said_by_a_person or speaks_of_itself) and only_passes_words_on(article, s))
            # "The article does not say" for a claim that starts with a pronoun, against a source named
            # in the paragraph before: "It" carries on from there, and so may the attribution ("2028,
            # two years later than promised, the timetable shows" before "It was supposed to be
            # finished by 2026", review 69).
            and not (
                source is None
                and bool(first)
                and first[0] in PRONOUNS
                and any(m.block == claim.span.block - 1 for m in s.mentions)
            )
            # "The article does not say" for "had gathered more than 4,000 signatures", with "Some
            # supporters say ..." the next sentence: a careful reader may carry them back to it, or
            # an attribution on to it from the sentence before (review 175).
            and not (source is None and any(m.overlaps(beside) for m in s.mentions for beside in around))
        ]
        measured = any(ch.isdigit() for ch in claim.span.quote)
        if source is not None and source.type in RECORD_TYPES and measured:
            # "sound levels at the nearest houses averaged 52 decibels", from a noise survey: a teenage
            # skater on offer is no real choice for a measurement (review 276). Officials, bodies and
            # other records may cite figures.
            candidates = [s for s in candidates if s.type not in {"named_person", *UNNAMED_SOURCE_TYPES}]
        if (
            source is not None
            and not _source_features(reading.vocabulary, source.type)[1]
            and measured
            and not any(not _source_features(reading.vocabulary, s.type)[1] for s in candidates)
        ):
            # A count from the authority's figures against a radio caller and "some motorists": no
            # reader takes a statistic from them (review 54).
            return None
        # One source of a relay chain at most: "the MP" and "the MP's newsletter" stand or fall
        # together (review 56).
        chains: list[set[str]] = []
        kept = []
        for candidate in candidates:
            chain = {candidate.id} | {s.id for s in _relays_of(article, candidate)}
            if not any(chain & other for other in chains):
                chains.append(chain)
                kept.append(candidate)
        # Four choices: the key, "does not say" and two sources, or "does not say" and three.
        wanted = MAX_SOURCE_CHOICES - (2 if source is not None else 1)
        wrong = self._wrong_choices(reading, source, kept, wanted, rng)
        if source is not None and not any(
            # (A newspaper that only passed on others' words is no candidate for a body's "it" words,
            # above: it does none of what the body does, review 130.)
            source_family(reading.vocabulary, s.type) == source_family(reading.vocabulary, source.type)
            for s in kept
            if source_label(s) in wrong
        ):
            # "it represents 2,000 season-ticket holders" against two reports, a poll's figure against
            # two people: the key is the only one of its kind on offer (review 63).
            return None
        if (
            source is not None
            and source.type in RECORD_TYPES
            and _POLL_RESULT.search(match_form(claim.span.quote).casefold())
            and not any(_POLL_LABEL.search(match_form(label).casefold()) for label in wrong)
        ):
            # "62 per cent of the 900 readers who took part": only a poll has people who took part,
            # so beside minutes and an officer the online survey is the key at a glance (review 91).
            return None
        if len(wrong) + (1 if source is not None else 0) < 2:
            return None  # with one source on offer the question would not test anything
        if (
            source is not None
            and source.type == "anonymous"
            and not any(s.type == "anonymous" for s in kept if source_label(s) in wrong)
        ):
            # "an unnamed nurse at the hospital" beside two names, for "patients were being treated in
            # corridors": the one source shown by what it is fits the words, and is found without
            # reading (reviews 305 to 308). Another unnamed person on offer makes the student read.
            return None
        if source is None and not any(
            s.type in reading.vocabulary.named_source_types or s.type == "vague"
            for s in kept
            if source_label(s) in wrong
        ):
            # "Anyone caught breaking the rules can be fined £1,000" against an unnamed engineer and
            # two sets of figures, each described by what it is about: none of them could have said
            # it, so "does not say" is found without reading (review 275). A name, or a loose group
            # ("experts", "critics"), says little of what it speaks about.
            return None
        if source is not None:
            mention = _mention_near(reading, source, claim.span)
            place = where(claim.span.block)
            reason = f'The article gives this to {source_label(source)} ("{mention}" in {place}).'
            about = [f"claim:{index}", f"source:{source.id}"]
        else:
            reason = "The article does not say who this comes from: no source is named for it."
            about = [f"claim:{index}"]
        explanation = _notes([reason, claim.note], reason)
        by_label = {source_label(s): s for s in kept}
        if source is not None:
            by_label[right] = source
        shown = by_their_names(reading.vocabulary, [right, *wrong], by_label)
        right, wrong = shown[0], shown[1:]
        return self.choice(
            rng,
            prompt=f'Who does the article say this comes from: "{in_stem(claim.span.quote)}"?',
            explanation=explanation,
            right=right,
            wrong=[*wrong, NOT_SAID],
            span=claim.span,
            about=about,
            line=claim.line,
            extra={"claim": index},
        )

    @staticmethod
    def _wrong_choices(
        reading: ArticleReading, source: Source | None, kept: list[Source], wanted: int, rng: random.Random
    ) -> list[str]:
        """``wanted`` labels of the kept sources, one of them of the key's own kind where there is one."""
        labels = _distinct(source_label(s) for s in kept)
        wrong = rng.sample(labels, min(wanted, len(labels)))
        if source is None:
            return wrong
        family = source_family(reading.vocabulary, source.type)
        alike = _distinct(
            source_label(s)
            for s in kept
            if source_family(reading.vocabulary, s.type) == family
            # An unnamed person beside another, shown by what they are as the key is.
            and (source.type != "anonymous" or s.type == "anonymous")
        )
        if alike and not set(alike) & set(wrong):
            wrong[-1] = rng.choice(alike)
        return wrong

    @staticmethod
    def _readable_source(reading: ArticleReading, claim: Claim, source: Source) -> bool:
        """The student can read the source from the article, and the stem does not show it."""
        if _FAMILY_TIE.search(match_form(claim.span.quote).casefold()):
            # "My son already spends four hours a day on screens": only a parent on offer fits, and
            # a teenager on offer is absurd (review 31).
            return False
        if not reading.naming_mentions(source):
            return False  # only "he added": who "he" is cannot be read with certainty
        if not any(m.block == claim.span.block for m in source.mentions):
            return False  # the attribution is in another paragraph
        if any(m.overlaps(claim.span) for m in source.mentions):
            return False  # the stem would show the attribution
        if unmarked_attribution_beside(reading, claim.span):
            return False
        if not sourced_in_its_sentence(reading, claim, source):
            return False  # named in another sentence: "the article does not say" could be defended
        block = reading.blocks[claim.span.block]
        chain = _relay_chain(reading.article, source)
        if any(names(block, claim.span, reading.article.source(i)) for i in chain):
            return False
        # Lowercase words of the name count too: "the finance office put the savings at ..." for
        # "a budget memo from the finance office".
        quoted = set(words_of(block, claim.span))
        if any(quoted & speaker_words(reading.article.source(i)) for i in chain):
            return False
        # Nor a word of the key's role: "the district would keep the ban" beside "Karen Doyle, the
        # district spokesperson"; "two extra maths teachers" beside "an unnamed teacher".
        if (content_words(source_label(source)) - _DESCRIPTOR_ROOTS) & content_words(claim.span.quote):
            return False
        # Nor a word of how the article describes the key ("the hospital was 'not ready'" beside
        # "Dr Brooke, an A&E doctor at Harbridge General Hospital").
        described = " ".join(
            reading.blocks[m.block].words[i]
            for m in source.mentions
            if not m.overlaps(claim.span)
            for i in range(m.start, m.end)
            if not any(s <= i < e for s, e in reading.attribution_hits(m.block))  # "said", "told"
        )
        if (content_words(described) - _DESCRIPTOR_ROOTS) & content_words(claim.span.quote):
            return False
        if not _source_features(reading.vocabulary, source.type)[1] and (
            _calls_a_body_again(reading, block, claim.span) or "its" in quoted
        ):
            # "the force received only 27 complaints" for the police (review 28); "its youth
            # guidelines recommend rest days": only the body has them (review 41).
            return False
        # "detentions at his school", "she had seen two men": a gendered pronoun for the speaker rules
        # out by grammar every source of the other sex, or a group or a document.
        return not quoted & _GENDERED_PRONOUNS


_BACK_REFERENCE = frozenset({"the", "this", "that", "its"})


def _tied_to_a_body(reading: ArticleReading, source: Source) -> bool:
    """A person called by a role in a body (see SourceType), or a record a body owns ("the school's
    own report to governors", "its figures")."""
    if source.type in person_types(reading.vocabulary):
        return BODY_TYPE in SourceType.defensible_in_its_sentences(reading, source)
    bodies = set(reading.vocabulary.institution_words)
    for mention in source.mentions:
        block = reading.blocks[mention.block]
        bare = words_of(block, mention)
        raw = block.words[mention.start : mention.end]
        if {"its", "their"} & set(bare) or any(
            is_possessive(word) and plain in bodies for word, plain in zip(raw, bare, strict=True)
        ):
            return True
    return False


def _calls_a_body_again(reading: ArticleReading, block: Block, span: Span) -> bool:
    """The words call a group or body by a common noun, as an article does once it has named it
    ("the force", "the firm's"): beside people on offer, they point at the group."""
    words = words_of(block, span)
    bodies = set(reading.vocabulary.institution_words)
    for index, word in enumerate(words):
        if word not in _BACK_REFERENCE:
            continue
        after = words[index + 1 : index + 3]
        # "the force", "the firm's", or past a compound: "the Dunmere-based brand" (review 43), not
        # "the app group" of a study.
        if after[:1] and after[0] in bodies or len(after) == 2 and "-" in after[0] and after[1] in bodies:
            return True
    return False


class NameFromVocabulary(QuestionKind):
    """Name some words of the article with a vocabulary entry (a kind of source, a technique): the
    key is the right entry's label, the wrong answers other entries' labels, each choice shown
    with its definition."""

    def name_it(
        self,
        rng: random.Random,
        right: VocabularyEntry,
        wrong: Sequence[VocabularyEntry],
        *,
        prompt: str,
        explanation: str,
        span: Span,
        about: Iterable[str],
        line: int,
        extra: dict[str, Any],
    ) -> Question | None:
        return self.choice(
            rng,
            prompt=prompt,
            explanation=explanation,
            right=right.label,
            wrong=[entry.label for entry in wrong],
            span=span,
            about=about,
            line=line,
            definitions={entry.label: entry.definition for entry in (right, *wrong)},
            extra=extra,
        )


class SourceType(NameFromVocabulary):
    """What kind of source: once per source, at a mention that names it, with a stem that never
    names the type."""

    name = "source_type"
    title = "Kind of source"
    confusion_title = "Kinds of source"
    skill = "sources"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article, vocabulary = reading.article, reading.vocabulary
        for source in article.sources:
            try:
                right = vocabulary.source_type(source.type)
            except KeyError:
                continue
            if source.type in vocabulary.told_by_name:
                # "said headteacher Karen Doyle": the other person type is too close to offer, so the
                # wrong answers are a document, an outlet or someone unnamed, and the name in the stem
                # alone gives the key (reviews 92, 94, 96 and 97, and many before them).
                continue
            mentions = reading.naming_mentions(source)
            if not mentions:
                continue

            # A mention no other source shares, and the fullest one, says the most about the source;
            # one whose words give the type away ("who asked not to be named") is tried last.
            ordered = sorted(
                mentions, key=lambda m: (len(self._shared(article, source, m)), -m.length, m.block, m.start)
            )
            for mention in ordered:
                question = self._for_mention(reading, source, right, mention, rng)
                if question is not None and not gives_key_away(question):
                    yield question
                    break

    @staticmethod
    def defensible_in_its_sentences(reading: ArticleReading, source: Source) -> set[str]:
        """Types a student could defend for a person from the sentences that introduce them, up to
        each mention: a role in a body, capitalised or not ("Board member Gregory Tan", "The
        council's elections officer, Martin Okonjo"), makes an organisation defensible; a record
        ("In a statement, he said") a document (review 48)."""
        vocabulary = reading.vocabulary
        if source.type not in person_types(vocabulary):
            return set()
        defensible: set[str] = set()
        bodies_and_roles = set(vocabulary.institution_words) | set(vocabulary.role_words)
        description = match_form(source.name.split(",", 1)[1] if "," in source.name else "").casefold()
        if TIED_BY.search(description) or set(description.split()) & bodies_and_roles:
            # "Tom Becker, chief executive of the installers' association", "Graham Pilling, the
            # league chairman"
            defensible.add(BODY_TYPE)
        for mention in source.mentions:
            block = reading.blocks[mention.block]
            starts = [
                start for start, end in reading.sentences(mention.block) if start <= mention.start < end
            ]
            lead_in = (starts[0] if starts else mention.start, mention.end)
            lead_words = set(words_of(block, lead_in))
            # "Its chief executive, Tom Becker, said": "its" is the body named before (review 51).
            if lead_words & (bodies_and_roles | {"its", "their"}):
                defensible.add(BODY_TYPE)
            if any(lead_in[0] <= s and e <= lead_in[1] for s, e in reading.record_hits(mention.block)):
                defensible |= RECORD_TYPES
        return defensible

    @staticmethod
    def _shared(article: Article, source: Source, mention: Span) -> list[Source]:
        return [
            other
            for other in article.sources
            if other.id != source.id and any(m.overlaps(mention) for m in other.mentions)
        ]

    def _for_mention(
        self,
        reading: ArticleReading,
        source: Source,
        right: VocabularyEntry,
        mention: Span,
        rng: random.Random,
    ) -> Question | None:
        article, vocabulary = reading.article, reading.vocabulary
        # Another source quoted in the same words (a fighter "told CNN") makes its type right too,
        # and so does any source named in the same sentence ("a firefighter ... told Channel 7"),
        # or in the same paragraph when the mention has a pronoun ("he told Sportsline Radio").
        block = reading.blocks[mention.block]
        pronoun = any(word in PRONOUNS for word in words_of(block, mention))
        near = reading.sentences_of(mention) if not pronoun else [(0, len(block.words))]
        also_right = {other.type for other in self._shared(article, source, mention)} | {
            other.type
            for other in article.sources
            if other.id != source.id
            and any(
                overlaps(sentence, (m.start, m.end))
                for m in other.mentions
                if m.block == mention.block
                for sentence in near
            )
        }
        # Whoever the words passed through ("he told the Westshire Echo") could be named as well.
        also_right |= {other.type for other in _relays_of(article, source)}
        also_right |= _types_suggested_by_words(reading, source, mention)
        # "Board member Gregory Tan": a student could name the board, so a named organisation is
        # not offered; a news outlet or a record still plainly is not it (review 46).
        not_offered = self.defensible_in_its_sentences(reading, source)
        if source.type in vocabulary.person_source_types:
            # "Mr Lyle said", where an earlier mention says he is "director of enforcement at the
            # Consumer Advertising Council": he speaks for the organisation, which is right too.
            for other in reading.naming_mentions(source):
                also_right |= _types_suggested_by_words(reading, source, other)
        candidates = [
            entry
            for entry in _wrong_candidates(vocabulary, vocabulary.source_types, right.id, also_right)
            if entry.id not in not_offered
        ]
        # The wrong answers must look like the key at a glance both ways: one named (or not) as the
        # key is, and one people (or not) as the key is. With only far-off types left ("An unnamed
        # source" for "said Dana Mensah"), "is someone named here?" alone finds the key; with only
        # people ("A named person" for "the Evening Post reported"), "is it a person?" does.
        named, people = _source_features(vocabulary, right.id)
        same_naming = [e for e in candidates if _source_features(vocabulary, e.id)[0] == named]
        same_people = [e for e in candidates if _source_features(vocabulary, e.id)[1] == people]
        if not same_naming or not same_people:
            return None
        if not named and not any(e in same_people for e in same_naming):
            # "Many locals say" against named people and a document: with its close partner
            # ("An unnamed source") left out, no wrong answer is unnamed people too (review 27).
            return None
        first = rng.choice(same_naming)
        second = rng.choice([e for e in same_people if e is not first] or [first])
        picked = [first] if second is first else [first, second]
        rest = [entry for entry in candidates if entry not in picked]
        wrong = [*picked, *rng.sample(rest, min(MAX_VOCABULARY_DISTRACTORS - len(picked), len(rest)))]
        start, end = trim_attribution(block, mention, vocabulary.attribution_words)
        quote = display_form(block.text[block.starts[start] : block.ends[end - 1]])
        return self.name_it(
            rng,
            right,
            wrong,
            prompt=f'What kind of source does the article rely on in "{quote}" ({where(mention.block)})?',
            explanation=_defined(
                _notes([f"Here the article relies on {source_label(source)}.", source.note], ""), right
            ),
            span=Span(mention.block, start, end, quote),
            # "Pritchard told the Courier": the fighter and the outlet are one attribution.
            about=[f"source:{source.id}", *(f"source:{other.id}" for other in _relays_of(article, source))],
            line=source.line,
            extra={"source": source.id},
        )


# Words of a claim that report a poll's answers, and words of a label that name a poll.
_POLL_RESULT = re.compile(
    r"\b(took part|taking part|respondents?|surveyed|polled|were asked|was asked|questioned|responded)\b"
)
_POLL_LABEL = re.compile(r"\b(surveys?|polls?|questionnaires?|ballots?|votes?|consultations?)\b")


_HE = frozenset({"he", "him", "his", "himself", "mr"})
_SHE = frozenset({"she", "her", "hers", "herself", "mrs", "ms", "miss"})


def _gender(reading: ArticleReading, source: Source) -> str | None:
    """ "he" or "she" where the article and the source's name only ever call the source one of them."""
    words = {word for m in source.mentions for word in words_of(reading.blocks[m.block], m)}
    words |= {match_form(word).casefold().rstrip(".") for word in source.name.split()}
    he, she = bool(words & _HE), bool(words & _SHE)
    return "he" if he and not she else "she" if she and not he else None


def _sentences_around(reading: ArticleReading, span: Span) -> list[Span]:
    """The sentences just before and just after the span's own, across a paragraph break too ("Waits
    of more than four hours are already common." ending one paragraph, "Figures from NHS England
    show ... within four hours" opening the next, review 218)."""
    sentences = reading.sentences(span.block)
    own = [i for i, sentence in enumerate(sentences) if overlaps(sentence, (span.start, span.end))]
    if not own:
        return []
    beside = [
        Span(span.block, *sentences[i], "") for i in (own[0] - 1, own[-1] + 1) if 0 <= i < len(sentences)
    ]
    paragraphs = range(1, len(reading.blocks))
    if own[0] == 0 and span.block - 1 in paragraphs and reading.sentences(span.block - 1):
        beside.append(Span(span.block - 1, *reading.sentences(span.block - 1)[-1], ""))
    if own[-1] == len(sentences) - 1 and span.block + 1 in paragraphs and reading.sentences(span.block + 1):
        beside.append(Span(span.block + 1, *reading.sentences(span.block + 1)[0], ""))
    return beside


def _pronoun_gender(reading: ArticleReading, source: Source, span: Span) -> str | None:
    """The gender of the pronoun that gives the claim to its source in the claim's own sentence
    ("he said", "She added"), when that is the only attribution there."""
    here = [m for m in source.mentions if reading.shares_sentence(span, m)]
    if not here:
        return None
    block = reading.blocks[here[0].block]
    if not all(is_pronoun_only(block, m, reading.vocabulary.attribution_words) for m in here):
        return None
    words = {word for m in here for word in words_of(block, m)}
    return "he" if words & _HE else "she" if words & _SHE else None


# Who speaks of their own feeling: "I", "we".
_FIRST_PERSON_SUBJECTS = frozenset({"i", "we", "i'm", "we're", "i've", "we've"})


# A speaker's own reasons, doubts, beliefs or feelings, told as "she": only she can know them, so
# naming her supports nothing ("she had 'no reason to doubt it' at the time", review 292).
_OWN_MIND = re.compile(
    r"\b(?:reason to|doubt\w*|believed?|thought|knew|had no idea|was sure|wanted|hoped|wished|regrett?\w*)\b|"
    + FELT.pattern
)


def _own_feeling(claim: Claim) -> bool:
    """The claim tells of the speaker's own feeling ("We were overwhelmed", "I feel let down")."""
    text = match_form(claim.span.quote).casefold()
    words = text.split()
    return bool(words) and words[0].strip("\"'") in _FIRST_PERSON_SUBJECTS and FELT.search(text) is not None


def support_level(reading: ArticleReading, claim: Claim) -> str | None:
    """How well the article supports a claim, as one of SUPPORT_CHOICES; None where two could be defended."""
    hedges = reading.hedges_in(claim.span)
    if _called_an_opinion(claim):
        # "Wolves belong in these hills": naming who thinks so does not support a view, nor one
        # the teacher's note calls "his opinion" without setting its kind (review 31).
        return None
    if claim.kind == "prediction" or (claim.kind != "observation" and speaks_of_the_future(claim.span.quote)):
        # "The hub is due to open in the autumn": "stated as a fact" cannot fit a forecast, and
        # naming who made one does not support it (reviews 18 and 22), sourced or not: "officers
        # would patrol the park this week, the inspector said" is a promise (review 36).
        return None
    if reading.headline_overstates(claim.span):
        return None  # the teacher says the headline says more than the article: never "supported"
    if claim.span.block == HEADLINE_BLOCK and claim.source is None:
        # "Factory Closure Could Cost 420 Jobs" above "could close ..., according to a consultation
        # document": a headline sums up the body, where its support lies (review 303, a fail).
        return None
    if any(f.span.contains(claim.span) for f in reading.article.framing):
        # "Some of these kids haven't written a paragraph of their own since the summer", marked as
        # exaggeration as a whole: naming who says it does not support it (review 83).
        return None
    if claim.status == "disputed":
        return None  # "The original video contains no such warning": no choice says "contradicted"
    if any(m.overlaps(claim.span) for s in reading.article.sources for m in s.mentions):
        return None  # "has promised to pay ...": the claim holds its own attribution
    if claim.status == "hedged":
        # A hedged claim that names its source ("Le Drian suggested ...") is both hedged and sourced.
        if claim.source is not None or not (claim.cues or hedges):
            return None
        approximate = reading.approximate_hits(claim.span.block)
        doubts = [(c.start, c.end) for c in claim.cues] + list(hedges)
        if all(hit in approximate for hit in doubts):
            # "The programme has cost about £350,000 so far": "about" rounds the figure, it does not
            # doubt it, so "Stated as a fact" could be defended beside "Hedged" (review 89).
            return None
        if _reported_by_someone(reading, claim):
            return None
        if _note_points_to_support(reading, claim):
            return None
        return SUPPORT_HEDGED if _claim_is_in_writers_words(reading, claim) else None
    if claim.status == "unattributed":
        if hedges or not _claim_is_in_writers_words(reading, claim):
            return None  # hedge words or a nearby attribution the teacher did not mark
        if _NOTE_DOUBTS_FACT.search(match_form(claim.note).casefold()):
            return None  # "'Due to' is a plan, not a fact": the note would argue against the key
        if any(
            claim.span.start <= s
            and e <= claim.span.end
            and _sizes_an_amount(reading.blocks[claim.span.block], e)
            for s, e in reading.approximate_hits(claim.span.block)
        ):
            return None  # "around 400 homes": an estimate, so "hedged" could be defended (review 40)
        if _EVIDENCE_SUBJECT.match(match_form(claim.span.quote).casefold()):
            return None  # "The figures point to a growing crisis": whose figures? a source's, maybe
        if _DONE_BY_A_NAME.search(match_form(claim.span.quote)):
            # "Its art deco front was listed by Historic England in 1998": the body named as doing it
            # may be where the fact comes from, so "a source the article names" could be defended
            # (review 314).
            return None
        if any(
            not (claim.span.start <= s and e <= claim.span.end)
            and any(overlaps(sentence, (s, e)) for sentence in reading.sentences_of(claim.span))
            for s, e in reading.hedge_hits(claim.span.block)
        ):
            return None  # "..., and shops have reportedly run out": the sentence doubts itself
        if _note_points_to_support(reading, claim):
            return None
        return SUPPORT_FACT
    if claim.status in SOURCED_STATUSES:
        source = attributed_source(reading.article, claim)
        if source is None or claim.cues or hedges:
            return None  # "could be the boots on the ground": the speaker hedges
        if unmarked_attribution_beside(reading, claim.span):
            return None  # "Zipp says", unmarked: maybe not the source the teacher gave
        if _relays_others(reading, claim):
            return None  # "Our players tell us they feel twenty years younger": whose feeling is it?
        if _own_feeling(claim) or (
            _tells_of_themself(reading, claim.span)
            and _OWN_MIND.search(match_form(claim.span.quote).casefold())
        ):
            # "We were overwhelmed, in the nicest way": naming who felt it supports nothing, and
            # "A source the article names" would say it does (review 242).
            return None
        if not sourced_in_its_sentence(reading, claim, source):
            return None  # the source is named in another sentence: "stated as a fact" could be defended
        # The source must be readable where the claim is: named in the same paragraph.
        if not any(m.block == claim.span.block for m in reading.naming_mentions(source)):
            return None
        if any(
            reading.shares_sentence(claim.span, m) and reading.stands_in(source, m) for m in source.mentions
        ):
            # "A spokesperson for Wyndham Police said the force received ...": the words that give
            # the claim name nobody, whatever "Police say" earlier in the paragraph names (review 28).
            return None
        level = SUPPORT_UNNAMED if source.type in UNNAMED_SOURCE_TYPES else SUPPORT_NAMED
        if level == SUPPORT_NAMED and set(words_of(reading.blocks[claim.span.block], claim.span)) & set(
            reading.vocabulary.vague_authority_words
        ):
            # "developed with the help of nutrition experts", from the company: the claim leans on
            # unnamed experts, so "An unnamed or vague source" could be defended (review 76).
            return None
        if level == SUPPORT_NAMED and _GROUP_WITNESSES.search(match_form(claim.span.quote).casefold()):
            # "some of its members have seen takings fall", from the traders' association: those who
            # saw it are unnamed, so "An unnamed or vague source" could be defended (review 121).
            return None
        if any(reading.shares_sentence(claim.span, m) and reading.hedges_in(m) for m in source.mentions):
            # "Some say ...", "It is thought ...": the attribution is itself a hedge word, so "Hedged by
            # the writer, with no source" could be defended (review 68).
            return None
        if level == SUPPORT_UNNAMED and any(
            _types_suggested_by_words(reading, source, m) & set(reading.vocabulary.named_source_types)
            for m in source.mentions
        ):
            return None  # "a video shared 400,000 times on TikTok": a named platform holds it
        if level == SUPPORT_NAMED and _indefinite_record(reading, source):
            return None  # "an internal police memo": which memo? "unnamed" could be defended
        if level == SUPPORT_NAMED and _posted_by_someone_unnamed(reading, source):
            return None  # "photos posted to the Noticeboard group": the group is named, not who took them
        # An unnamed firefighter who "told Channel 7": named and unnamed could both be defended.
        chain = _relay_chain(reading.article, source) - {source.id}
        relays = [s for s in reading.article.sources if s.id in chain]
        if any((r.type in UNNAMED_SOURCE_TYPES) != (level == SUPPORT_UNNAMED) for r in relays):
            return None
        if level == SUPPORT_UNNAMED and _named_source_follows(reading, claim):
            # "Public health experts say ... Dr Priya Sandhu, a lecturer in public health, said the
            # evidence was 'clear and consistent'": a named expert backs it straight after, so "A
            # source the article names" could be defended (review 206).
            return None
        return level
    return None


def _named_source_follows(reading: ArticleReading, claim: Claim) -> bool:
    """The sentence after the claim's opens with a named source speaking of the same thing, or with a
    named person's quotation."""
    block = claim.span.block
    last = max(end for _, end in reading.sentences_of(claim.span))
    later = [sentence for sentence in reading.sentences(block) if sentence[0] >= last]
    after = later[:1]
    named = set(reading.vocabulary.named_source_types)
    # Of the same thing as the claim's sentence, its attribution included ("public health").
    said = " ".join(reading.blocks[block].text_of(*sentence) for sentence in reading.sentences_of(claim.span))
    if any(
        mention.start == sentence[0] and source.type in named and _speaks_of(reading, block, sentence, said)
        for sentence in after
        for source, mention in reading.mentions_in(block)
    ):
        return True
    # Or a named person's quotation opens it: 'parents who say portions have shrunk. "My son comes home
    # and goes straight to the fridge. ...," said Claire Dunmore' gives the example (review 215).
    named_people = frozenset(named & person_types(reading.vocabulary))
    return _a_persons_quotation_opens(reading, block, later, named_people)


# A claim whose own first words make an unnamed group its witnesses: "some of its members have seen",
# "many parents had noticed", "several residents reported".
_GROUP_WITNESSES = re.compile(
    r"^(?:some|many|most|several|few|a few|a number|dozens|hundreds|thousands|others)\b(?:\W+\w+){0,4}?"
    r"\W+(?:have |has |had )?(?:seen|saw|noticed|experienced|reported|watched|witnessed|felt|lost|faced|"
    r"suffered|found|told|said)\b"
)


def _relays_others(reading: ArticleReading, claim: Claim) -> bool:
    """A speaker's own words that pass on what others told them ("Our players tell us they feel
    twenty years younger"): the named speaker and the unnamed players could both be defended as the
    source (review 96)."""
    block = reading.blocks[claim.span.block]
    own_words = in_quotation(block, claim.span.start, claim.span.end) or _first_person(block, claim.span)
    # Inside the quotation too, where attribution_hits does not look: a telling to the speaker ("tell
    # us", "have told me"), not a figure of speech ("this kind of study cannot tell us").
    words = [_bare(word) for word in block.words]
    # Just before the claim in its sentence too: "Teachers tell me they are seeing more headaches"
    # (review 139).
    opening = min(start for start, _ in reading.sentences_of(claim.span))
    return own_words and any(
        opening <= s
        and e < claim.span.end
        and words[e] in ("us", "me")
        and not {"cannot", "can't", "not", "can", "could"} & set(words[max(0, s - 2) : s])
        for s, e in find_words(block, reading.vocabulary.attribution_words)
    )


# A claim whose subject is evidence the article gave a source for ("The figures point to ...",
# "These results show ..."): "stated as a fact, with no source" could be argued against.
_EVIDENCE_SUBJECT = re.compile(
    r"(?:the|these|those|this|its|their|such) (?:\w+ )?(?:figures|data|numbers|results|findings|"
    r"statistics|study|survey|report|research|poll|tests?|samples?)\b"
)
# A teacher's note that calls a claim something other than a fact ("a plan, not a fact", "only a
# guess"): beside the key "stated as a fact" it reads as the other answer.
_NOTE_DOUBTS_FACT = re.compile(
    r"\bnot (?:a |an )?(?:fact|certain|known|proven|proved|confirmed)\b"
    r"|\b(?:a|an|only a|only an|just a|just an) "
    r"(?:plan|guess|prediction|forecast|opinion|hope|promise|estimate)\b"
)
# Words that say a record was put online by someone ("photos posted to the group").
_POSTED = frozenset(["posted", "shared", "uploaded", "reposted", "circulated", "circulating"])


def _posted_by_someone_unnamed(reading: ArticleReading, source: Source) -> bool:
    """A record (not a named source) that someone posted where a named platform or group holds it:
    the name the article gives is the platform's, not the record's author's."""
    if source.type in reading.vocabulary.named_source_types:
        return False
    for mention in source.mentions:
        block = reading.blocks[mention.block]
        words = words_of(block, (mention.start, min(len(block.words), mention.end + RUN_ON_WORDS)))
        if set(words) & _POSTED and _types_suggested_by_words(reading, source, mention) & set(
            reading.vocabulary.named_source_types
        ):
            return True
    return False


# First words that point at one record ("the council's report", "its figures").
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
_OWNER_WORDS = frozenset({"by", "from", "of", "for", "published", "released", "issued", "compiled"})


def _indefinite_record(reading: ArticleReading, source: Source) -> bool:
    """A record that points at no particular one: a source that is not a person, organisation or
    outlet named so ("an internal police memo"), or any source printed so, with a record word
    ("A government survey published in March found"), whatever the teacher's name says."""
    first = source.name.split(maxsplit=1)[:1]
    if (
        source.type not in reading.vocabulary.named_source_types
        and first
        and first[0].casefold() in INDEFINITE_WORDS
    ):
        return True
    head = source.name.split(",", 1)[0].split()
    records = find_words(Block.from_text(" ".join(head)), reading.vocabulary.record_words)
    if (
        source.type not in reading.vocabulary.named_source_types
        and head
        and head[0].casefold() not in _DEFINITE
        and not is_possessive(head[0])
        and not any(word[:1].isupper() for word in head)
        and records
        # "figures published by the city council" says whose they are; "figures on reading at the end
        # of primary school" does not (review 255): only an owner word right after the record counts.
        and not any(end < len(head) and head[end].casefold() in _OWNER_WORDS for _, end in records)
    ):
        # "government road-casualty figures", "police statistics": which ones, nobody says (review 91).
        return True
    for mention in source.mentions:
        block = reading.blocks[mention.block]
        if set(words_of(block, (mention.start, mention.start + 1))) & INDEFINITE_WORDS and any(
            mention.start <= s and e <= mention.end
            for s, e in find_words(block, reading.vocabulary.record_words)
        ):
            return True
    # "according to figures released under a freedom of information request": the text says whose
    # they are nowhere, whatever the teacher's name for them says (review 276).
    return source.type in RECORD_TYPES and all(
        _owner_left_out(reading, mention) for mention in source.mentions
    )


# How a record came out, with no owner after it: "figures released under a freedom of information
# request", "data obtained through a court case", "a memo leaked to this paper".
_CAME_OUT = frozenset({"released", "obtained", "leaked"})
_CAME_OUT_HOW = frozenset({"under", "through", "to", "after", "following", "in"})


def _owner_left_out(reading: ArticleReading, mention: Span) -> bool:
    """A mention of a record that says only how it came out: the record word first, then how it was
    released ("figures released under a freedom of information request"), with no name or possessive."""
    block = reading.blocks[mention.block]
    first = mention.start
    if words_of(block, (first, first + 2)) == ["according", "to"]:
        first += 2
    records = [
        hit
        for hit in find_words(block, reading.vocabulary.record_words)
        if first <= hit[0] and hit[1] <= mention.end
    ]
    if not records or records[0][0] != first:
        return False
    words = block.words[first : mention.end]
    if any(word[:1].isupper() for word in words[1:]) or any(is_possessive(word) for word in words):
        return False
    after = words_of(block, (records[0][1], min(records[0][1] + 2, mention.end)))
    return len(after) == 2 and after[0] in _CAME_OUT and after[1] in _CAME_OUT_HOW


class Support(QuestionKind):
    name = "support"
    title = "How well supported"
    confusion_title = "How well a claim is supported"
    skill = "claims"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article = reading.article
        for index, claim in enumerate(article.claims):
            right = support_level(reading, claim)
            same_words = [other for other in article.claims if other.span.overlaps(claim.span)]
            if right is None or any(support_level(reading, other) != right for other in same_words):
                continue  # overlapping claims with different support: no single answer
            yield self.choice(
                rng,
                prompt=f'How well does the article support this claim: "{in_stem(claim.span.quote)}"?',
                explanation=_defined(
                    _notes([self._reason(reading, claim, right, claim.note), claim.note], ""),
                    (right, SUPPORT_DEFINITIONS[right]),
                ),
                right=right,
                wrong=SUPPORT_CHOICES,
                span=claim.span,
                # Its key says who the source is: never beside another question on that source.
                about=[f"claim:{index}", *(f"source:{s}" for s in ([claim.source] if claim.source else []))],
                line=claim.line,
                definitions=SUPPORT_DEFINITIONS,
                extra={"claim": index},
            )

    @staticmethod
    def _reason(reading: ArticleReading, claim: Claim, level: str, note: str) -> str:
        """Why the key is right, in one sentence, before the teacher's note (none where the note
        opens by saying the same: "The writer states this as a fact ..." twice, review 33)."""
        if level == SUPPORT_FACT:
            if _STATES_AS_FACT.search(match_form(note).casefold()):
                return ""
            return (
                'The writer states this as a fact, with no source and no word such as "may" or "reportedly".'
            )
        if level == SUPPORT_HEDGED:
            # The teacher's cues and every other hedge word of the claim: "likely to", left out of
            # the cues, is the doubt where the cue "up to" only gives a size (review 94).
            cues = [(c.block, c.start, c.end) for c in claim.cues]
            spans = sorted(
                cues
                + [
                    (claim.span.block, s, e)
                    for s, e in reading.hedges_in(claim.span)
                    if not any(b == claim.span.block and s < ce and cs < e for b, cs, ce in cues)
                ]
            )
            # "could face a fine of up to £100" with the cue "could": "up to" only gives a size, as spot
            # the hedge says, so beside a word of doubt it is named only where you listed it (review 202).
            rough = set(reading.approximate_hits(claim.span.block))
            doubts = [span for span in spans if span in cues or (span[1], span[2]) not in rough]
            words = ", ".join(f'"{_phrase(reading, *span)}"' for span in (doubts or spans))
            return f"The writer hedges this ({words}) and does not say who says so."
        source = attributed_source(reading.article, claim)
        assert source is not None
        mention = _mention_near(reading, source, claim.span)
        if level == SUPPORT_UNNAMED:
            return f'The article gives this only to {source_label(source)} ("{mention}"), without a name.'
        return f'The article gives this to {source_label(source)} ("{mention}"), a source it names.'


# A name after "by" in the claim ("listed by Historic England"), not a date ("by March", "by May").
_DONE_BY_A_NAME = re.compile(
    r"\bby (?:the )?(?!(?:"
    + "|".join([*_CALENDAR_NAMES.split(), "May", "Spring", "Summer", "Autumn", "Winter"])
    + r")\b)[A-Z]"
)
# A note that already says the writer gives the claim as a fact.
_STATES_AS_FACT = re.compile(
    r"\b(?:states?|stated|presents?|presented|gives?|given|reports?|written) (?:this |it )?as (?:a )?fact\b"
)


class NameTechnique(NameFromVocabulary):
    """Name the technique of some words.  Most emotive words do several techniques at once, so the
    wrong answers are only techniques that are clearly wrong for these words and that the article
    uses elsewhere (so a student could plausibly pick them); with fewer than two, no question."""

    name = "name_technique"
    title = "Name the technique"
    confusion_title = "Framing techniques"
    skill = "framing"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article, vocabulary = reading.article, reading.vocabulary
        for index, framing, right in _framings(reading):
            span = framing.span
            in_headline = span.block == HEADLINE_BLOCK
            if framing.technique in vocabulary.headline_only:
                # In a paragraph it is no such technique; in the headline the stem's "headline" would
                # point at its label, and the headline kinds ask it (review 93).
                continue
            # The same words tagged with another technique make that one right too.
            also_right = {
                other.technique
                for other_index, other in enumerate(article.framing)
                if other_index != index and other.span.overlaps(span)
            }
            # A wrong technique must be plausible too: one this article uses for other words.
            used_elsewhere = {other.technique for other in article.framing if not other.span.overlaps(span)}
            allowed = [
                entry.id
                for entry in vocabulary.techniques
                if entry.id in used_elsewhere
                and entry.id not in vocabulary.broad_techniques
                and (in_headline or entry.id not in vocabulary.headline_only)
                and not (entry.id in vocabulary.needs_recurring_words and reading.recurs(span))
                and entry.id not in vocabulary.shown_by_form
            ]
            if right.id in vocabulary.shown_by_form:
                continue  # "'Miracle'": its quotation marks name it, and no wrong answer has them (review 43)
            wrong = _vocabulary_wrong(vocabulary, vocabulary.techniques, right.id, also_right, rng, allowed)
            # "is used", not "does the writer use": the words may be a speaker's, quoted.
            yield self.name_it(
                rng,
                right,
                wrong,
                prompt=f'Which technique is used in {where(span.block)}: "{in_stem(span.quote)}"?',
                explanation=_defined(_notes([framing.note], ""), right),
                span=span,
                about=[f"framing:{index}"],
                line=framing.line,
                extra={"framing": index},
            )


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


# The same asked of the marked words where the stem quotes the whole headline, so "these words" is never
# read as the whole of it ('Fiasco' in quotation marks beside the marked "for Another Year", review 325).
_OF_THE_MARKED_WORDS = {
    HEADLINE_FORMS[0][0]: 'Compared with the headline\'s words "{}", what does the article say?',
    HEADLINE_FORMS[1][0]: 'How do the words "{}" compare with what the article says?',
}


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
                starts_with_a_link(framing.span.quote)
                or said_again
                or _hedged_just_before(reading, framing.span)
            )
            words = reading.article.title if whole else framing.span.quote
            quote = without_outer_quotes(in_stem(words))
            asked, right, choices = rng.choice(HEADLINE_FORMS)
            says = f'The headline says "{quote}".'
            if whole and framing.span.quote != reading.article.title:
                asked = _OF_THE_MARKED_WORDS[asked].format(without_outer_quotes(in_stem(framing.span.quote)))
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


# Words that put a sentence somewhere else than the article's own story.
_ELSEWHERE = re.compile(
    r"\b(?:similar|elsewhere|other (?:towns?|cities|councils?|areas?|countries|places|schools|parks|"
    r"regions|parts of))\b"
)

# How many words before the headline's words a word of doubt still qualifies them.
DOUBT_REACH = 5


class SpotTechnique(QuestionKind):
    """Which of these phrases from the article uses a technique?  The right phrase is a framing
    span; the wrong ones are unmarked phrases of passages whose framing the teacher marked
    completely, so none of them is framing of any kind, yet each is a real phrase of the article."""

    name = "spot_technique"
    title = "Spot the technique"
    skill = "framing"
    type = CHOICE
    MAX_WORDS = 8

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        vocabulary = reading.vocabulary
        for index, framing, technique in _framings(reading):
            span = framing.span
            if (
                framing.technique in vocabulary.needs_recurring_words  # not visible in one phrase
                or framing.technique in vocabulary.needs_quotation_marks  # the only phrase in quotes
                or span.length > self.MAX_WORDS
                # A speaker's words among the writer's plain ones: the only quotation gives it away.
                or reading.has_quotation_marks(span)
            ):
                continue
            key = _phrase(reading, span.block, span.start, span.end)
            pool = self._plain_phrases(reading, span, framing.technique)
            picked = _apart(rng.sample(pool, len(pool)), MAX_VOCABULARY_DISTRACTORS)
            wrong = [text for text, _ in picked]
            if len(wrong) < MIN_CHOICES - 1:
                continue
            place = "the headline" if span.block == HEADLINE_BLOCK else "the article"
            yield self.choice(
                rng,
                prompt=(
                    f"{technique.label}: {technique.definition} "
                    f"Which of these words from {place} are an example of it?"
                ),
                explanation=_defined(
                    _notes([framing.note], f'"{key}" is an example of {technique.label.lower()}.'), technique
                ),
                right=f'"{key}"',
                wrong=[f'"{text}"' for text in wrong],
                span=None,
                about=[f"framing:{index}", words_subject(key)],
                line=framing.line,
                # The plain phrases count as what the question is about: two such questions sharing
                # them would show which one is the key.
                extra={
                    "framing": index,
                    "spans": [[span.block, span.start, span.end], *(w for _, w in picked)],
                },
            )

    def _plain_phrases(
        self, reading: ArticleReading, key: Span, technique: str
    ) -> list[tuple[str, list[int]]]:
        """Phrases of the key's length that are certainly not framing, yet are real words a reader
        could consider: unmarked content words of passages whose framing the teacher marked
        completely (the headline's for a headline key), away from every framing span, with no
        attribution, hedge or emotive word and no name in them."""
        article = reading.article
        framing = [item.span for item in article.framing]
        mentions = [m for source in article.sources for m in source.mentions]
        claims = [claim.span for claim in article.claims]
        in_headline = key.block == HEADLINE_BLOCK
        blocks = [b for b in sorted(article.framing_complete) if (b == HEADLINE_BLOCK) == in_headline]
        key_words = set(words_of(reading.blocks[key.block], key))
        phrases = []
        for block in blocks:
            text = reading.blocks[block]
            flagged = reading.attribution_hits(block) + reading.hedge_hits(block) + reading.loaded_hits(block)
            # As many words as the key, or one more: a one-word choice beside a two-word key stands out.
            windows = [
                w for size in (key.length, key.length + 1) for w in _content_windows(reading, block, size)
            ]
            for _, start, end in windows:
                # Words right beside a framing span may be part of it ("turning classrooms into a ...").
                probe = Span(block, max(0, start - NEAR - 1), end + NEAR + 1, "")
                words = words_of(text, (start, end))
                if any(probe.overlaps(f) for f in framing) or set(words) <= key_words:
                    continue
                sentence_of = [s for s in reading.sentences(block) if overlaps(s, (start, end))]
                if any(
                    f.block == block and overlaps(s, (f.start, f.end)) for f in framing for s in sentence_of
                ):
                    continue  # the sentence holding a framing span may be framed all through ("local boy")
                if end < len(text.words) and not text.gaps[end].strip():
                    continue  # "local boy lift" of "... lift the trophy": a phrase ends where the clause does
                if any(probe.overlaps(m) for m in mentions):
                    continue  # "named because" of "asked not to be named because": an attribution's words
                if any(Span(block, start, end, "").overlaps(c) for c in claims):
                    continue  # "cures hay fever": a claim's own words may overstate
                if any(overlaps((start, end), hit) for hit in flagged) or set(words) & PRONOUNS:
                    continue
                if set(range(start, end)) & reading.quoted(block):
                    continue  # a speaker's words: not sure they are plain
                if not in_headline and any(w[:1].isupper() for w in text.words[start:end]):
                    continue  # a name is no plausible example of a technique
                if (
                    not _describing(text, start)
                    or (start > 0 and text.words[start - 1].casefold() in _AUXILIARIES)
                    or _a_noun_alone(text, start, end)
                ):
                    # "parents", "newspaper tried": nobody would take them for framing; a phrase led by
                    # a describing word ("targeted strikes") has the form framing often takes.
                    continue
                phrases.append(
                    (_rarity(reading, words), _phrase(reading, block, start, end), [block, start, end])
                )
        # The most distinctive words first: "accusing" tempts a reader more than "parents".
        ranked = sorted(phrases, key=lambda item: item[0])
        texts = _distinct(text for _, text, _ in ranked)[: 2 * MAX_VOCABULARY_DISTRACTORS]
        where_of = {text: span for _, text, span in reversed(ranked)}
        return [(text, where_of[text]) for text in texts]


def _apart(phrases: list[tuple[str, list[int]]], count: int) -> list[tuple[str, list[int]]]:
    """The first ``count`` phrases that share no word of the article with each other: two wrong
    answers cut from the same words ("town where the plant", "plant has been") stand out."""
    picked: list[tuple[str, list[int]]] = []
    for text, (block, start, end) in phrases:
        if len(picked) == count:
            break
        if all(b != block or not overlaps((start, end), (s, e)) for _, (b, s, e) in picked):
            picked.append((text, [block, start, end]))
    return picked


# Endings of words that describe or act ("accusing", "relaxed", "sensible", "quickly"): plain
# words of that kind are what a reader could mistake for framing.
_DESCRIPTIVE_ENDINGS = (
    "ed",
    "ing",
    "ly",
    "ous",
    "ful",
    "ive",
    "al",
    "ent",
    "ant",
    "able",
    "ible",
    "ic",
    "less",
    "est",
)

# Words before a noun: "every morning", "by an attendant".
_DETERMINERS_BEFORE = frozenset(
    {"a", "an", "the", "every", "each", "this", "that", "these", "those", "his", "her", "its", "their"}
    | {"our", "my", "your", "some", "any", "no"}
)


def _a_noun_alone(text: Block, start: int, end: int) -> bool:
    """One word after a determiner that ends its phrase: a noun ("morning" of "every morning",
    "attendant" of "by an attendant"), though it ends like a describing word (review 236)."""
    if (
        end - start != 1
        or start == 0
        or match_form(text.words[start - 1]).casefold() not in _DETERMINERS_BEFORE
    ):
        return False
    if end == len(text.words) or text.gaps[end].strip():
        return True
    following = text.words[end]
    return not (
        following[:1].islower() and following.isalpha() and following.casefold() not in FUNCTION_WORDS
    )


def _descriptive(word: str) -> bool:
    return len(word) >= 5 and word.isalpha() and word.endswith(_DESCRIPTIVE_ENDINGS)


# Endings that make a describing word whatever stands before it ("quickly", "famous", "careless");
# the others ("relaxed", "growing", "local", "vegetable", "drive") are as often a verb or a noun.
_SURELY_DESCRIPTIVE = ("ly", "ous", "ful", "less")
# Common nouns with those endings, and with the others, that begin a phrase like a describing word
# ("vegetable pasta", "evening buses", "warning label"): nobody would take them for framing.
_NOUNS_THAT_END_LIKE_DESCRIBING_WORDS = frozenset(
    ["family", "supply", "assembly", "rally", "reply", "handful", "vegetable", "table", "timetable"]
    + ["constable", "cable", "evening", "morning", "building", "meeting", "parking", "housing"]
    + ["funding", "spending", "training", "clothing", "ceiling", "wedding", "spring", "string"]
    + ["something", "nothing", "anything", "everything", "eating", "reading", "writing", "swimming"]
    + ["shopping", "opening", "warning", "feeling", "beginning", "ending", "setting", "hearing"]
    + ["planning", "painting", "booking", "rating", "ranking", "timing", "boarding", "marking"]
    + ["hospital", "festival", "arrival", "approval", "proposal", "rental", "signal", "animal"]
    + ["capital", "total", "referral", "removal", "renewal", "survival", "potential", "student"]
    + ["parent", "resident", "president", "agent", "event", "government", "department", "moment"]
    + ["payment", "restaurant", "assistant", "tenant", "servant", "applicant", "merchant", "client"]
    + ["patient", "incident", "accident", "statement", "treatment", "equipment", "management"]
    + ["traffic", "clinic", "public", "music", "topic", "republic", "objective", "detective"]
    + ["executive", "representative", "initiative", "alternative", "incentive", "motive", "drive"]
)
# Words after which a word ending in "-ed", "-ing", "-al" or the like describes the noun that follows
# ("the relaxed approach", "a growing number", "with careful planning"), not a verb's action ("which
# swapped chips", "don't drive").
_BEFORE_A_DESCRIBING_WORD = _DETERMINERS_BEFORE | frozenset(
    ["of", "in", "on", "for", "with", "by", "from", "at", "into", "and", "or", "very", "more", "most"]
)


def _describing(text: Block, start: int) -> bool:
    """The phrase at ``start`` begins with a describing word, as framing often does ("targeted
    strikes", "quietly"), not a verb or a noun that ends like one ("swapped chips", "vegetable pasta",
    "drive": review 240, a fail, and 241)."""
    word = match_form(text.words[start]).casefold()
    if not _descriptive(word) or word in _NOUNS_THAT_END_LIKE_DESCRIBING_WORDS:
        return False
    if word.endswith(_SURELY_DESCRIPTIVE):
        return True
    before = match_form(text.words[start - 1]).casefold() if start > 0 else ""
    # Before a noun ("a growing number"), after a word that leads to one.
    return (
        before in _BEFORE_A_DESCRIBING_WORD
        and start + 1 < len(text.words)
        and not text.gaps[start + 1].strip()
        and text.words[start + 1][:1].islower()
        and text.words[start + 1].isalpha()
        and match_form(text.words[start + 1]).casefold() not in FUNCTION_WORDS
    )


def _rarity(reading: ArticleReading, words: Sequence[str]) -> tuple[int, int]:
    """How common a phrase's words are in the article (fewer first), then longer words first."""
    counts = reading.word_counts()
    return (sum(counts.get(w, 0) for w in words), -sum(len(w) for w in words))


# Words that do not start or end a phrase a reader would pick out ("with the", "of the").
_FUNCTION_WORDS = FUNCTION_WORDS

# Words that start a clause: a phrase across one is two half-phrases.
_CLAUSE_WORDS = frozenset(
    ["who", "whom", "whose", "which", "what", "when", "where", "that", "because", "although", "while", "if"]
    + ["since", "until", "unless", "whether"]
)


def _content_windows(reading: ArticleReading, block: int, size: int) -> list[tuple[int, int, int]]:
    """Runs of ``size`` words with only spaces between them, starting and ending with a content word
    of four letters or more, so they read as a phrase of the article ("toxic sludge", not
    "pipe, according")."""
    text = reading.blocks[block]
    words = words_of(text, (0, len(text.words)))
    windows = []
    for start in range(len(words) - size + 1):
        end = start + size
        edges = (words[start], words[end - 1])
        if any(len(w) < 4 or w in _FUNCTION_WORDS or not w.isalpha() for w in edges):
            continue
        if any(w in _CLAUSE_WORDS for w in words[start:end]):
            continue  # "town where the plant": the end of one clause and the start of the next
        if not all(text.gaps[i] == " " for i in range(start + 1, end)):
            continue
        # A phrase stops where the sentence pauses or a small word starts the next phrase.
        opens = start == 0 or text.gaps[start] != " " or words[start - 1] in _FUNCTION_WORDS
        closes = end == len(words) or text.gaps[end] != " " or words[end] in _FUNCTION_WORDS
        if opens and closes:
            windows.append((block, start, end))
    return windows


class HandChoiceKind(QuestionKind):
    """A teacher's own choice questions of this kind's type, asked as written with the choices
    shuffled; subclasses say how many right answers the kind takes."""

    skill = ""
    hand_written = True

    def takes(self, hand: HandQuestion) -> bool:
        raise NotImplementedError

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for hand in reading.article.questions:
            if hand.type == self.type and self.takes(hand):
                yield self._shuffled(hand, reading, rng)

    def _shuffled(self, hand: HandQuestion, reading: ArticleReading, rng: random.Random) -> Question | None:
        choices, answers = hand.choices, set(hand.answers)
        if len(choices) < 2 or any(not 0 <= i < len(choices) for i in answers):
            return None
        order = list(range(len(choices)))
        rng.shuffle(order)
        return Question(
            kind=self.name,
            type=hand.type,
            skill=hand.skill,
            prompt=hand.prompt,
            explanation=hand.note,
            choices=tuple(choices[i] for i in order),
            answer=tuple(sorted(order.index(i) for i in answers)),
            extra={
                "spans": hand_footprint(reading.blocks, [hand.prompt, *choices]),
                "about": [],
                "line": hand.line,
            },
        )


class HandChoice(HandChoiceKind):
    name = "hand_choice"
    title = "Teacher's question (one choice)"
    type = CHOICE

    def takes(self, hand: HandQuestion) -> bool:
        return len(set(hand.answers)) == 1


class HandMultiple(HandChoiceKind):
    name = "hand_multiple"
    title = "Teacher's question (several choices)"
    type = MULTIPLE

    def takes(self, hand: HandQuestion) -> bool:
        return bool(hand.answers)


class HandSelect(QuestionKind):
    name = "hand_select"
    title = "Teacher's question (select words)"
    asked_for = "the teacher's passages"
    skill = ""
    type = SELECT
    hand_written = True

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for hand in reading.article.questions:
            if hand.type != self.type or hand.block is None or not 0 <= hand.block < len(reading.blocks):
                continue
            # The teacher chose this passage; the validator only warns about dense gold.
            yield self.select(
                prompt=hand.prompt,
                explanation=hand.note,
                block_index=hand.block,
                block=reading.blocks[hand.block],
                gold=[(span.start, span.end) for span in hand.spans if span.block == hand.block],
                keys=[(key.start, key.end) for key in hand.keys if key.block == hand.block],
                about=[],
                line=hand.line,
                skill=hand.skill,
                require_sparse=False,
            )


KINDS: dict[str, QuestionKind] = {
    kind.name: kind
    for kind in (
        WhoSaidIt(),
        SourceType(),
        FindSources(),
        Support(),
        FindUnverified(),
        SpotHedge(),
        NameTechnique(),
        HeadlineCheck(),
        SpotTechnique(),
        FindFraming(),
        HowToCheck(),
        SourceChain(),
        HeadlineEvidence(said_in_the_body=body_sentence_saying),
        HeadlineQuote(),
        StatementKind(),
        WhoseWords(),
        HeadlineWord(),
        HandChoice(),
        HandMultiple(),
        HandSelect(),
    )
}


# What teachers see each kind called (dashboard, previews): read from the kinds themselves.
KIND_TITLES: dict[str, str] = {name: kind.title for name, kind in KINDS.items()}


def all_questions(
    article: Article, vocabulary: Vocabulary, rng: random.Random, reading: ArticleReading | None = None
) -> list[Question]:
    """Every question the article allows, kind by kind in KINDS order.  ``reading``: the article
    already read with this vocabulary, for a caller that asks for many quizzes of one article."""
    if reading is None:
        reading = ArticleReading(article, vocabulary)
    questions: list[Question] = []
    for kind in KINDS.values():
        questions.extend(kind.generate(reading, rng))
    return questions


def headline_annotated(article: Article) -> bool:
    spans = [
        *(m for s in article.sources for m in s.mentions),
        *(c.span for c in article.claims),
        *(f.span for f in article.framing),
    ]
    return any(span.block == HEADLINE_BLOCK for span in spans)


def build_quiz(
    article: Article,
    vocabulary: Vocabulary,
    seed: int,
    length: int | None = None,
    kinds_off: frozenset[str] = frozenset(),
    reading: ArticleReading | None = None,
) -> list[Question]:
    """The quiz a class gets for ``seed``: every hand-written question plus generated ones.

    ``kinds_off`` names generated kinds the teacher switched off for this assignment: none of
    their questions is asked (hand-written questions always are).

    No two questions concern the same words, claim, source or framing (hand-written ones
    win); a question about the headline comes first when the headline is annotated; then
    generated questions cover every kind the article allows and keep the three skills as
    even as possible.  Hand-written questions are always in, even beyond ``length``.
    """
    rng = random.Random(seed)
    target = article.quiz_length if length is None else length
    # Filtered after generating, so the same seed draws the same questions from the kinds left on.
    pool = [
        question
        for question in all_questions(article, vocabulary, rng, reading)
        if KINDS[question.kind].hand_written or question.kind not in kinds_off
    ]
    hand = [question for question in pool if KINDS[question.kind].hand_written]
    generated = [
        question
        for question in pool
        if not KINDS[question.kind].hand_written and not any(_restates(h, question) for h in hand)
    ]
    quiz = list(hand)
    if headline_annotated(article) and not any(touches_headline(q) for q in quiz) and len(quiz) < target:
        about_headline = [
            q for q in generated if touches_headline(q) and not any(conflicts(q, o) for o in quiz)
        ]
        about_headline = [q for q in about_headline if KINDS[q.kind].headline_lesson] or about_headline
        if about_headline:
            quiz.append(rng.choice(about_headline))
    wanted = max(0, target - len(quiz))
    # Kinds compared by coarse crowding let the seed vary the quiz more (two classes' quizzes
    # shared 10 of 12 questions, reviews 28 and 29); where that fills fewer places, finer steps,
    # then exact crowding, and the fullest quiz of them.
    # What may still join the quiz, and what each rules out, is the same for every try: worked out once.
    open_questions = [q for q in generated if not any(q is o or conflicts(q, o) for o in quiz)]
    clashes = _clashes(open_questions)
    state = rng.getstate()
    picked: list[Question] = []
    for draw in range(1 + EXTRA_DRAWS):
        for steps in KIND_CROWDING_STEPS:
            rng.setstate(state)
            # Later draws shuffle the kinds another way (still the same for the same seed): greedy
            # picking can end at 3 sources, 6 claims and 3 framing where 4/4/4 was there to take.
            draw_rng = rng if draw == 0 else random.Random(f"{seed}:{draw}")
            tried = _evened_out(
                quiz,
                _balanced_pick(
                    open_questions, clashes, wanted, quiz, Counter(q.skill for q in quiz), draw_rng, steps
                ),
                draw_rng.sample(open_questions, len(open_questions)),
                clashes,
            )
            # The fullest try, and of those the one whose skills are most even (reviews 162-164).
            if not picked or _fill(quiz, tried) > _fill(quiz, picked):
                picked = tried
            if len(picked) >= wanted and _skill_gap([*quiz, *picked]) <= MAX_SKILL_GAP:
                break
        if _skill_gap([*quiz, *picked]) <= MAX_SKILL_GAP:
            break  # drawn again for even skills only: drawing for a fuller quiz draws the same one
    rng.setstate(state)
    quiz += picked
    rng.shuffle(quiz)
    return _spread_keys(quiz, rng)


# A generated question whose quoted words share this many meaning words, and this share of them,
# with a teacher's question's choices asks the same thing, even in the teacher's other words.
RESTATED_WORDS = 4
RESTATED_SHARE = Fraction(3, 5)


def _restates(hand: Question, question: Question) -> bool:
    """The generated question is about the claim a teacher's question asks about in other words
    ("two extra maths teachers and a new tutoring scheme" among a teacher's choices)."""
    quoted = content_words(question.quote)
    if len(quoted) < RESTATED_WORDS:
        return False
    # Its choices, not its prompt: a prompt often quotes the headline, which many claims echo.
    shared = quoted & content_words(" ".join(hand.choices))
    return len(shared) >= RESTATED_WORDS and len(shared) >= RESTATED_SHARE * len(quoted)


def _block_of(question: Question) -> int | None:
    _, spans = footprint(question)
    return spans[0][0] if spans else question.block


def _spread_keys(quiz: list[Question], rng: random.Random) -> list[Question]:
    """Give every choice place its share of keys in the quiz: the places are dealt from shuffled
    rounds of all places, so no place is never (or always) the right one."""
    rounds: dict[int, list[int]] = {}  # per number of choices, the places not dealt yet
    spread = []
    for question in quiz:
        if question.type != CHOICE or len(question.answer) != 1:
            spread.append(question)
            continue
        size = len(question.choices)
        if not rounds.get(size):
            rounds[size] = list(range(size))
            rng.shuffle(rounds[size])
        spread.append(_key_at(question, rounds[size].pop()))
    return spread


def _key_at(question: Question, place: int) -> Question:
    """The question with its right choice swapped into ``place``."""
    (key,) = question.answer
    order = list(range(len(question.choices)))
    order[key], order[place] = order[place], order[key]
    extra = dict(question.extra)
    if isinstance(extra.get("definitions"), list) and len(extra["definitions"]) == len(order):
        extra["definitions"] = [extra["definitions"][i] for i in order]
    return replace(question, choices=tuple(question.choices[i] for i in order), answer=(place,), extra=extra)


# How many choice questions of one kind may share a key in a quiz: a third "A source the article
# names" teaches a guesser the pattern (reviews 125, 127 and 128), and the quiz is better a question
# shorter.
MAX_SAME_KEY = 2


def _kind_and_key(question: Question) -> tuple[str, tuple[str, ...]]:
    return question.kind, tuple(question.answer_text)


def _keys_used(chosen: Sequence[Question]) -> Counter[tuple[str, tuple[str, ...]]]:
    """How often each kind has each key among ``chosen`` (select questions have no key to repeat)."""
    return Counter(_kind_and_key(q) for q in chosen if q.type != SELECT)


def _drop_keys_used_up(by_kind: dict[str, list[Question]], chosen: Sequence[Question]) -> None:
    used = _keys_used(chosen)
    for kind, questions in by_kind.items():
        by_kind[kind] = [q for q in questions if used[_kind_and_key(q)] < MAX_SAME_KEY]


class _Spread:
    """How often a quiz so far has each kind's key and each paragraph."""

    def __init__(self, chosen: Sequence[Question]) -> None:
        self.keys = Counter((q.kind, tuple(q.answer_text)) for q in chosen)
        self.blocks = Counter(_block_of(q) for q in chosen)

    def cost(self, question: Question) -> tuple[int, int]:
        return (self.keys[(question.kind, tuple(question.answer_text))], self.blocks[_block_of(question)])

    def best(self, questions: Sequence[Question]) -> Question:
        return min(questions, key=self.cost)

    def crowded(self, question: Question) -> bool:
        return self.blocks[_block_of(question)] >= MAX_PER_PASSAGE


def _balanced_pick(
    questions: list[Question],
    clashes: dict[int, set[int]],
    count: int,
    taken: list[Question],
    skill_counts: Counter[str],
    rng: random.Random,
    kind_steps: int | None,
) -> list[Question]:
    """Up to ``count`` of ``questions`` (none of which clashes with ``taken``; ``clashes`` says which
    rule out which); kinds compared by crowding in ``kind_steps`` steps (None: exact)."""
    by_kind: dict[str, list[Question]] = {}
    for question in questions:
        by_kind.setdefault(question.kind, []).append(question)
    for kind_questions in by_kind.values():
        rng.shuffle(kind_questions)
    _drop_keys_used_up(by_kind, taken)
    # A fixed random rank per kind breaks ties, so equal kinds do not always go in KINDS order.
    rank = {name: rng.random() for name in by_kind}
    uses: Counter[str] = Counter(q.kind for q in taken)
    chosen = list(taken)
    # No one kind fills more than a quarter of the quiz while another kind is left: five "what kind of
    # statement" questions in twelve would teach one habit and hide the others.
    kind_cap = max(2, math.ceil((len(taken) + count) / 4))
    # Nor do questions that ask for words to be selected fill more than a third of it where others
    # are left: six long passages to select from in twelve questions is heavy going, above all on a
    # phone (review 92).
    select_cap = max(2, math.ceil((len(taken) + count) / 3))
    selects = sum(q.type == SELECT for q in taken)
    skill_cap = math.ceil((len(taken) + count) * MAX_SKILL_SHARE)
    picked: list[Question] = []
    while len(picked) < count:
        available = [
            name for name, left in by_kind.items() if left and skill_counts[KINDS[name].skill] < skill_cap
        ]
        if not available:
            break
        alive = {id(q): q.skill for name in available for q in by_kind[name]}
        # What each question still on offer would rule out: the share of every skill's remaining
        # questions it takes away, summed.  Among equals, the one that takes least leaves the most to
        # choose from, so a short article still fills its quiz and keeps its skills even.
        left = Counter(alive.values())
        crowding = {
            key: sum(
                (Fraction(1, left[alive[other]]) for other in clashes[key] if other in alive), Fraction(0)
            )
            for key in alive
        }
        # Spread the quiz: prefer a key the kind has not had yet ("A source the article names"
        # three times is a pattern) and a paragraph the quiz has asked about less than twice.
        spread = _Spread(chosen)
        best = {
            name: min(by_kind[name], key=lambda q: (*spread.cost(q), _coarse(crowding[id(q)])))
            for name in available
        }
        name = min(
            available,
            key=lambda n: (
                # The skill the quiz has least of first (even skills matter more than the cap on
                # one kind), and within it a kind not used yet.
                skill_counts[KINDS[n].skill],
                uses[n] >= kind_cap,
                KINDS[n].type == SELECT and selects >= select_cap,
                uses[n] > 0,
                # A key the quiz already has from this kind ("A source the article names" twice)
                # teaches a guesser the pattern (review 70).
                spread.cost(best[n])[0] > 0,
                spread.crowded(best[n]),
                uses[n],
                crowding[id(best[n])] if kind_steps is None else _coarse(crowding[id(best[n])], kind_steps),
                rank[n],
            ),
        )
        question = best[name]
        out = clashes[id(question)] | {id(question)}
        for kind_name in by_kind:
            by_kind[kind_name] = [q for q in by_kind[kind_name] if id(q) not in out]
        picked.append(question)
        chosen.append(question)
        _drop_keys_used_up(by_kind, chosen)
        uses[name] += 1
        selects += question.type == SELECT
        skill_counts[question.skill] += 1
    return picked


# How finely the pick tells crowding apart: in thirds of a skill's remaining questions.  Exact
# fractions would pick the same least-crowding question for every seed (two classes' quizzes shared
# three questions in four); thirds still keep a short article's quiz full and even.
CROWDING_STEPS = 3
# Kinds are compared more coarsely still (halves), so that the seed, through each kind's random rank,
# decides more often which kind comes next and two classes' quizzes differ more (reviews 28 to 33);
# thirds, then exact crowding, where that fills more of the quiz.
KIND_CROWDING_STEPS: tuple[int | None, ...] = (2, 3, None)


# No skill asks more than this share of a quiz: six claims questions beside three of sources and
# three of framing is no balanced quiz, and one question fewer is better (reviews 214, 215).
MAX_SKILL_SHARE = Fraction(5, 12)
# Skills further apart than this are evened out by swapping questions, and by drawing again.
MAX_SKILL_GAP = 2
EXTRA_DRAWS = 3


def _evened_out(
    fixed: Sequence[Question],
    picked: list[Question],
    open_questions: Sequence[Question],
    clashes: dict[int, set[int]],
) -> list[Question]:
    """``picked`` with questions of its most asked skill swapped, one at a time, for questions of the
    least asked one that clash with nothing left in the quiz, until the skills are at most
    MAX_SKILL_GAP apart: picking greedily can end at 3 sources, 6 claims and 3 framing where 4/4/4
    was there to take (reviews 162 and 163).  A swap never gives one kind the same key a third time."""
    picked = list(picked)
    while _skill_gap([*fixed, *picked]) > MAX_SKILL_GAP:
        counts = Counter(q.skill for q in [*fixed, *picked])
        most = max(SKILLS, key=lambda skill: counts[skill])
        # The least asked skill first; failing that, any skill two or more behind (6/4/2 to 5/5/2).
        targets = sorted((s for s in SKILLS if counts[s] <= counts[most] - 2), key=lambda s: counts[s])
        swap = next(
            (
                (out, new)
                for target in targets
                for out in reversed(picked)
                if out.skill == most
                for new in open_questions
                if new.skill == target
                and all(new is not q for q in picked)
                and not any(id(q) in clashes[id(new)] for q in picked if q is not out)
                and _keys_left([*fixed, *(q for q in picked if q is not out)], new)
            ),
            None,
        )
        if swap is None:
            break
        out, new = swap
        picked[picked.index(out)] = new
    return picked


def _keys_left(chosen: Sequence[Question], question: Question) -> bool:
    """``question`` would not give its kind the same key a third time (see _drop_keys_used_up)."""
    return question.type == SELECT or _keys_used(chosen)[_kind_and_key(question)] < MAX_SAME_KEY


def _fill(fixed: Sequence[Question], picked: Sequence[Question]) -> tuple[int, int]:
    """How well ``picked`` fills a quiz that already holds ``fixed``: more questions, then even skills."""
    return len(picked), -_skill_gap([*fixed, *picked])


def _skill_gap(questions: Sequence[Question]) -> int:
    """How far the most asked skill is ahead of the least asked one."""
    counts = Counter(q.skill for q in questions)
    return max(counts[skill] for skill in SKILLS) - min(counts[skill] for skill in SKILLS)


def _coarse(crowding: Fraction, steps: int = CROWDING_STEPS) -> int:
    return math.floor(crowding * steps)


def _clashes(questions: Sequence[Question]) -> dict[int, set[int]]:
    """For each question (by id), the questions it may not share a quiz with."""
    return {
        id(question): {id(questions[j]) for j in others}
        for question, others in zip(questions, clash_sets(questions), strict=True)
    }
