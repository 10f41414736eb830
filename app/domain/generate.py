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
    BODY_TYPE,
    FELT,
    FIRST_PERSON,
    INDEFINITE_WORDS,
    MIN_CHOICES,
    NOTE_CALLS_OPINION,
    RECORD_TYPES,
    TIED_BY,
    TITLES,
    UNNAMED_SOURCE_TYPES,
    QuestionKind,
    _defined,
    _distinct,
    _notes,
    _phrase,
    _relay_chain,
    _same_text,
    attributed_source,
    by_their_names,
    capitalised_words,
    content_words,
    gives_nothing,
    gold_is_sparse,
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
from app.domain.kinds.headline_evidence import HeadlineEvidence
from app.domain.kinds.headline_quote import HeadlineQuote, quoted_indexes
from app.domain.kinds.headline_word import HeadlineWord
from app.domain.kinds.how_to_check import HowToCheck
from app.domain.kinds.source_chain import SourceChain
from app.domain.kinds.statement_kind import StatementKind, speaks_of_the_future, speaks_of_what_may_happen
from app.domain.kinds.whose_words import WhoseWords
from app.domain.passage import (
    PRONOUNS,
    ArticleReading,
    _bare,
    attribution_key_words,
    covered,
    find_words,
    in_quotation,
    is_possessive,
    is_pronoun_only,
    name_words,
    names,
    overlaps,
    speaker_words,
    trim_attribution,
    without_edge_articles,
    words_of,
)
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.quiz_rules import (
    claim_subjects,
    clash_sets,
    conflicts,
    footprint,
    gives_key_away,
    hand_footprint,
    quoted_phrases,
    touches_headline,
)
from app.domain.scoring import EPSILON, NEAR, runs, score_answer
from app.domain.text import (
    FUNCTION_WORDS,
    Block,
    display_form,
    figures,
    find_all,
    inflection_base,
    match_form,
)

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
# In a sentence with a marked claim, this many words in a row outside every annotation could hold
# another claim the teacher did not mark ("The library was built in 1952 and ...").
MAX_UNMARKED_RUN = 7
# A quiz asks about one paragraph at most this many times while others are left to ask about.
MAX_PER_PASSAGE = 2


MAX_APPOSITIVE = 8
# A relative clause says who someone is in more words: "who leads the opposition group on Hallingford
# Town Council".
MAX_RELATIVE = 16
# Gaps between the words of one phrase: a space, or a plural possessive's apostrophe and a space.
_IN_PHRASE_GAPS = frozenset({" ", "' ", "\u2019 "})
_APPOSITIVE_STARTS = frozenset({"the", "a", "an", "who", "whose", "his", "her", "their", "its", "one"})


def _clause(block: Block, edge: int, direction: int) -> tuple[int, int] | None:
    """The words between ``edge`` and the next comma (``direction`` +1) or the previous one (-1),
    when a comma stands right at the edge and they are at most MAX_APPOSITIVE words."""
    if direction > 0:
        if edge >= len(block.words) or block.gaps[edge].strip() != ",":
            return None
        end = edge + 1
        while end < len(block.words) and block.gaps[end] == " ":
            end += 1
        relative = [i for i in range(edge, end) if block.words[i].casefold() in ("who", "whose")]
        if relative:
            # "said Derek Ashworth, who leads the opposition group and wants the scheme scrapped": who
            # he is ends where what he wants begins (review 59); so too after a role ("67, a retired
            # civil engineer who has lived on Mill Lane for 30 years and chairs the campaign", review 257).
            joins = [i for i in range(relative[0] + 1, end) if _joins_a_clause(block, i)]
            end = joins[0] if joins else end
            if end - edge > MAX_RELATIVE:
                # Too long to be only who they are: up to the first "and" at least.
                ands = [i for i in range(relative[0] + 1, end) if block.words[i].casefold() in _CLAUSE_JOINS]
                end = ands[0] if ands else end
        span = (edge, end)
    else:
        if edge <= 0 or block.gaps[edge].strip() != ",":
            return None
        start = edge - 1
        while start > 0 and block.gaps[start] == " ":
            start -= 1
        if "," not in block.gaps[start]:
            return None  # not set off by commas on both sides: the start of the sentence, or a claim
        span = (start, edge)
    words = block.words[span[0] : span[1]]
    first = words[0]
    # An appositive names or describes: "the property developer Martin Hale", "Dr Okafor", or a role
    # in a named body: "director of the Ridgeway Community Food Bank" (review 46), but not what was
    # said ("adding that Harwick needed money").
    describes = (
        first.casefold() in _APPOSITIVE_STARTS
        or first[:1].isupper()
        or (len(words) == 1 and first.isdigit())  # "Gary Pike, 52, who ...": an age
        or (
            any(word[:1].isupper() for word in words[1:])
            and not {match_form(word).casefold() for word in words} & _NOT_A_ROLE
        )
    )
    # "who" anywhere: "a healthcare assistant who finishes her shift at 10pm" says who she is too.
    # "whose garden has twice won the town's prize" as well (review 102).
    # "a charity that supports 90 food banks across the region" describes a body as "who" does a
    # person (review 285).
    lowered = {word.casefold() for word in words}
    described_at_length = bool({"who", "whose"} & lowered) or (
        first.casefold() in ("a", "an", "the") and "that" in lowered
    )
    longest = MAX_RELATIVE if described_at_length else MAX_APPOSITIVE
    return span if describes and span[1] - span[0] <= longest else None


# A speaker opening its sentence before a description: "The company", "The county's bus operator".
MAX_SUBJECT_WORDS = 4
# What a record or a body reports it found: "found", "showed" after its description.
_FINDING_VERBS = frozenset(
    {"found", "finds", "showed", "shows", "revealed", "reveals", "concluded", "concludes"}
)


def _word_after_comma(block: Block, edge: int) -> int | None:
    """The index of the word after the comma at ``edge`` (the end of a clause), if there is one."""
    if edge >= len(block.words) or block.gaps[edge].strip() != ",":
        return None
    return edge


def _role_opening(reading: ArticleReading, block: int, edge: int) -> tuple[int, int] | None:
    """A speaker's role opening the sentence before their name, set off by a comma ("The council's
    cabinet member for skills, Councillor Ruth Baines, said", review 208): who speaks, as a role after
    the name is."""
    words = reading.blocks[block]
    if edge <= 0 or words.gaps[edge].strip() != "," or not words.words[edge][:1].isupper():
        return None
    starts = [start for start, end in reading.sentences(block) if start < edge < end]
    if not starts or edge - starts[0] > MAX_APPOSITIVE:
        return None
    roles = set(reading.vocabulary.role_words)
    opening = [match_form(word).casefold() for word in words.words[starts[0] : edge]]
    if not roles & set(opening) or any("," in words.gaps[i] for i in range(starts[0] + 1, edge)):
        return None
    return (starts[0], edge)


def _who_clause(block: Block, edge: int) -> tuple[int, int] | None:
    """A "who" clause right after a speaker's description with no comma before it ("a behavioural
    scientist at Northgate University who was not involved in the trial", review 209): who the
    speaker is, to the next comma or the end of the sentence, or an "and" that starts what they did."""
    if (
        edge >= len(block.words)
        or block.gaps[edge] != " "
        or block.words[edge].casefold() not in ("who", "whose")
    ):
        return None
    end = edge + 1
    while end < len(block.words) and block.gaps[end] == " ":
        end += 1
    joins = [i for i in range(edge + 1, end) if _joins_a_clause(block, i)]
    end = joins[0] if joins else end
    return (edge, end) if end - edge <= MAX_RELATIVE else None


# Words that follow a verb, not a noun: "and wants [the] scheme scrapped", "and said [that]".
_AFTER_A_VERB = frozenset(
    {"the", "a", "an", "to", "that", "this", "it", "its", "his", "her", "their", "them", "him", "us"}
    | {"more", "some", "no", "on", "up", "out", "in", "back", "for", "about"}
)
# Verbs that say what someone's role is, so an "and" before them goes on saying who they are (review 257).
_ROLE_VERBS = frozenset(
    {"chairs", "leads", "runs", "heads", "manages", "owns", "founded", "coaches", "teaches", "represents"}
    | {"chaired", "led", "ran", "headed", "managed", "owned", "coached", "taught", "represented"}
)
# Verbs that make a clause of their own right after "and": "and is", "and has".
_CLAUSE_VERBS = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "says", "said"})


def _joins_a_clause(block: Block, index: int) -> bool:
    """An "and" or "but" that starts what the speaker does ("who leads the opposition group and
    wants the scheme scrapped"), not one that joins two things ("who has sold fruit and vegetables
    from the same corner stall": the clause cut at "and" cost a fifth of the marks, review 248)."""
    if block.words[index].casefold() not in _CLAUSE_JOINS:
        return False
    following = [match_form(word).casefold() for word in block.words[index + 1 : index + 3]]
    if not following:
        return True
    if following[0] in _ROLE_VERBS:
        return False  # "who has lived on Mill Lane for 30 years and chairs the campaign": who he is too
    return following[0] in _CLAUSE_VERBS or (len(following) > 1 and following[1] in _AFTER_A_VERB)


# Descriptions of a speaker after the first one: an age, then a role, then a "who" clause.
_MORE_DESCRIPTIONS = 2
_RELATIVE_STARTS = frozenset({"who", "which", "whom", "whose"})
# Words that join a second clause to a relative one: "who leads the group and wants ...".
_CLAUSE_JOINS = frozenset({"and", "but"})
# Words that start what someone said or did, not who they are.
_NOT_A_ROLE = frozenset({"that", "adding", "saying", "claiming", "warning", "insisting", "arguing"})


def _labelled_notes(texts: Sequence[str], gold: Sequence[tuple[Any, ...]]) -> list[str]:
    """The teachers' notes of several passages, each after the words it is about, so that notes
    written for different sources are not read as one."""
    notes = [
        (text, str(item[1]).strip()) for text, item in zip(texts, gold, strict=True) if str(item[1]).strip()
    ]
    # One note per source or span, however many of its words are asked for ("One rider", "he said").
    by_note: dict[str, list[str]] = {}
    for text, note in notes:
        by_note.setdefault(note, []).append(text)
    if len(by_note) <= 1:
        return list(by_note)
    # Two notes on the same words (one span marked with two techniques) follow those words once.
    by_words: dict[tuple[str, ...], list[str]] = {}
    for note, words in by_note.items():
        by_words.setdefault(tuple(dict.fromkeys(words)), []).append(note)
    # In a stem's form: a span that stops inside a quotation ('much-hyped "paperless future') shows
    # its marks closed and single (review 120).
    return [
        ", ".join(f'"{in_stem(text)}"' for text in words) + ": " + " ".join(notes)
        for words, notes in by_words.items()
    ]


def _words_to_select(texts: Iterable[str]) -> str:
    quotes = ", ".join(f'"{text}"' for text in dict.fromkeys(texts))
    return f"The words to select: {quotes}."


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


def _first_person(block: Block, span: Span) -> bool:
    """A claim in a speaker's own voice ("Now I feel sharp again")."""
    return any(word in FIRST_PERSON for word in words_of(block, span))


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


# Auxiliaries between a reported "he" or "she" and the claim's words ("said he had never had").
_REPORTED_AUXILIARIES = frozenset({"had", "has", "was", "is", "would", "will", "could", "felt"})
# Words that may stand between a reporting verb and the reported "he" or "she".
_BEFORE_A_REPORTED_SUBJECT = frozenset({"that"})


# Words that may stand between "but" or "and" and the second verb of one subject ("but now found").
_BEFORE_A_SECOND_VERB = frozenset({"now", "then", "later", "also", "still", "soon", "since"})
# Words that start a clause of its own subject after "but" or "and" ("but the claims were false").
_OWN_SUBJECT_OPENERS = frozenset(
    ["the", "a", "an", "they", "it", "we", "i", "you", "he", "she", "this", "that", "these", "those"]
    + ["there", "his", "her", "their", "its", "our", "my", "your", "most", "many", "some", "all", "few"]
    + ["none", "several", "both", "each", "every", "one", "no", "nobody", "everyone", "others", "other"]
)
# How far back from "but" or "and" the reported "he" or "she" may stand ("said he had been sceptical
# at first but ...").
SHARED_SUBJECT_REACH = 8


def _shared_reported_subject(block: Block, start: int) -> int | None:
    """Where the claim is the second verb of a reported "he" or "she" ("said he had been sceptical at
    first but [now found it easier to revise]", review 268): that subject's index."""
    first = start
    if first < len(block.words) and match_form(block.words[first]).casefold() in _BEFORE_A_SECOND_VERB:
        first += 1
    if first >= len(block.words):
        return None
    opener = block.words[first]
    if not opener[:1].islower() or match_form(opener).casefold() in _OWN_SUBJECT_OPENERS:
        return None
    joiner = start - 1
    if joiner <= 0 or match_form(block.words[joiner]).casefold() not in ("but", "and"):
        return None
    for index in range(joiner - 1, max(-1, joiner - 1 - SHARED_SUBJECT_REACH), -1):
        if any(mark in block.gaps[index + 1] for mark in '.;:!?"\u201c\u201d'):
            return None
        if match_form(block.words[index]).casefold() in ("he", "she"):
            return index
    return None


def _tells_of_themself(reading: ArticleReading, span: Span) -> bool:
    """The claim is reported speech whose subject is "he" or "she", right after the reporting verb
    ("said he had [never had so much as a sniffle]", "says she [was never told]"): a person's words
    about a person, most likely the speaker."""
    block = reading.blocks[span.block]
    index = span.start
    if words_of(block, (index, index + 1)) in (["he"], ["she"]):
        subject = index
    else:
        for _ in range(2):
            if index > 0 and match_form(block.words[index - 1]).casefold() in _REPORTED_AUXILIARIES:
                index -= 1
        if index > 0 and match_form(block.words[index - 1]).casefold() in ("he", "she"):
            subject = index - 1
        else:
            shared = _shared_reported_subject(block, span.start)
            if shared is None:
                return False
            subject = shared
    before = subject
    if before > 0 and match_form(block.words[before - 1]).casefold() in _BEFORE_A_REPORTED_SUBJECT:
        before -= 1
    if any(g.strip() for g in block.gaps[before : subject + 1]):
        return False  # "... ," he said: the speaker's own tag, not what was said
    return any(end == before for _, end in reading.attribution_hits(span.block))


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


def _relays_of(article: Article, source: Source) -> list[Source]:
    """Every source that relayed this one's words, or whose words this one relayed."""
    related = _relay_chain(article, source)
    for other in article.sources:
        if source.id in _relay_chain(article, other):
            related.add(other.id)
    related.discard(source.id)
    return [other for other in article.sources if other.id in related]


def _part_of_the_body(words: Block, before_name: int, first: int) -> list[int]:
    """The part of a body that speaks, before "of (the)" and its name: "branch" and "Kelbridge" of
    "The Kelbridge branch of the Hallam Teachers' Association warned" (review 143)."""
    index = before_name
    if index >= first and _bare(words.words[index]) in ("the", "a"):
        index -= 1
    if index - 1 < first or _bare(words.words[index]) != "of" or "," in words.gaps[index]:
        return []
    part = index - 1
    if not words.words[part][:1].islower() or not _is_meaning_word(words.words[part]):
        return []
    found = [part]
    index = part - 1
    while (
        index >= first
        and words.words[index][:1].isupper()
        and _is_meaning_word(words.words[index])
        and "," not in words.gaps[index + 1]
    ):
        found.append(index)
        index -= 1
    return found


def _body_named_after(words: Block, part: int, last: int) -> list[int]:
    """The capitalised words of the body's name after the part that speaks for it, "of" or "for" (the)
    between: "Harlow", "County" and "Council" of "A spokesperson for Harlow County Council said"."""
    index = part + 1
    if index > last or _bare(words.words[index]) not in ("of", "for") or "," in words.gaps[index]:
        return []
    index += 1
    if index <= last and _bare(words.words[index]) in ("the", "a"):
        index += 1
    found = []
    while (
        index <= last
        and (words.words[index][:1].isupper() or _bare(words.words[index]) in _NAME_JOINS_IN_AUTHORS)
        and "," not in words.gaps[index]
    ):
        if words.words[index][:1].isupper() and _is_meaning_word(words.words[index]):
            found.append(index)
        index += 1
    if found and index < last and words.words[index][:1].islower() and _is_meaning_word(words.words[index]):
        # "the Hollinshire branch of the National Education Union": the body the branch belongs to
        # names who as well (review 289).
        further = _body_named_after(words, index, last)
        if further:
            found += [index, *further]
    return found


def _called_an_opinion(claim: Claim) -> bool:
    """The teacher marked the claim an opinion, or its note calls it one ("his opinion")."""
    return claim.kind == "opinion" or NOTE_CALLS_OPINION.search(match_form(claim.note).casefold()) is not None


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


def _paragraph_indexes(article: Article) -> range:
    return range(1, len(article.paragraphs) + 1)


def _claim_is_in_writers_words(reading: ArticleReading, claim: Claim) -> bool:
    """No source could be read into the claim: no attribution word or source in its sentences or
    earlier in its paragraph (an attribution often carries over to the sentences after it: "...,
    TruthTrail found. It sells ..."), and the claim is not inside a speaker's quotation."""
    span = claim.span
    block = reading.blocks[span.block]
    if in_quotation(block, span.start, span.end):
        return False
    sentences = reading.sentences_of(span)
    hits = reading.attribution_hits(span.block) + [
        (m.start, m.end) for _, m in reading.mentions_in(span.block)
    ]
    if any(hit[0] < span.start or any(overlaps(hit, s) for s in sentences) for hit in hits):
        return False
    # "Similar dares have turned up across the country. A survey by the association found that one in
    # four schools had seen them": a record in the sentence right after may be the claim's evidence,
    # so "no source" could be argued (reviews 75 and 79).
    sentences_after = [s for s in reading.sentences(span.block) if s[0] >= max(e for _, e in sentences)]
    if sentences_after and any(
        overlaps(sentences_after[0], (m.start, m.end)) and source.type in RECORD_TYPES
        for source, m in reading.mentions_in(span.block)
    ):
        return False
    # "The county has closed three village schools. Two of those buildings now stand empty, according
    # to the Rural Schools Trust": the next sentence speaks of the claim's things, and its source may
    # have given both (review 134).
    if (
        sentences_after
        and (
            _refers_back(reading, span.block, sentences_after[0])
            # "children's lungs are still growing. Experts say even short daily exposure may harm
            # young lungs": a source opening the next sentence on the same thing may have said both
            # (reviews 146, 148).
            or (
                _opens_with_a_source(reading, span.block, sentences_after[0])
                and (
                    _speaks_of(reading, span.block, sentences_after[0], claim.span.quote)
                    # "dozens have already closed their pools for good. Industry insiders warn that
                    # many more will probably follow": "many more" carries the claim on (review 239).
                    or _counts_on_from(reading, span.block, sentences_after[0])
                )
            )
            # "Some parents are already sold on the app. One mother, who asked not to be named,
            # said ...": a person opening the next sentence may be one of the people the claim
            # speaks of, and its evidence (reviews 188 and 189).
            or (
                _opens_with_a_person(reading, span.block, sentences_after[0])
                and _about_people(reading, claim)
            )
        )
        and any(overlaps(sentences_after[0], hit) for hit in hits)
    ):
        return False
    # 'Some residents have reacted with fury. "It's toxic ...," said Graham Petts': the same with the
    # person's quotation first, as news usually puts it (review 198).
    if _about_people(reading, claim) and _a_persons_quotation_opens(reading, span.block, sentences_after):
        return False
    # "... must now be kept indoors. Fairs have been cancelled. The rules may stay, officials said.":
    # an unmarked attribution closing a later sentence may cover the sentences before it too
    # (review 64); one that opens its sentence ("Critics say ...") speaks for what follows.
    mentions = [(m.start, m.end) for _, m in reading.mentions_in(span.block)]
    if any(
        not covered(hit, mentions, margin=NEAR) and _closes_its_sentence(reading, span.block, hit)
        for hit in reading.attribution_hits(span.block)
    ):
        return False
    # "Under the agency's plan, farmers can apply ...": a source named in the sentence, outside the
    # claim, as an owner or by its whole name (not "the Alder River" beside "the Alder River Trust").
    named_sources = [name_words(source) for source in reading.article.sources if name_words(source)]
    if not named_sources:
        return True
    bare, possessive = reading.bare_words(span.block), reading.possessives(span.block)
    outside = [i for first, last in sentences for i in range(first, last) if not span.start <= i < span.end]
    owners = {bare[i] for i in outside if i in possessive}
    named = {bare[i] for i in outside}
    return not any((words & owners) or words <= named for words in named_sources)


# Words that point back to what the sentence before spoke of ("Two of those buildings"; "This has
# been disputed"), not "they" ("Some parents say they ...") nor "that" of "argue that".
_BACK_POINTERS = frozenset({"those", "these", "such", "both"})
_OPENING_BACK_POINTERS = frozenset({"this", "that"})
BACK_POINTER_REACH = 4


# Words before "more" that count on from what the sentence before counted ("many more will follow").
_BEFORE_MORE = frozenset({"many", "several", "dozens", "hundreds", "thousands", "few", "far", "even"})


def _counts_on_from(reading: ArticleReading, block: int, sentence: tuple[int, int]) -> bool:
    """The sentence counts on from the one before: "many more" ("Others say" is another group, and
    "the rest of the town" another place)."""
    words = reading.bare_words(block)
    start, end = sentence
    return any(words[i] == "more" and words[i - 1] in _BEFORE_MORE for i in range(start + 1, end))


def _refers_back(reading: ArticleReading, block: int, sentence: tuple[int, int]) -> bool:
    words = reading.bare_words(block)
    start, end = sentence
    return words[start] in _OPENING_BACK_POINTERS or any(
        words[i] in _BACK_POINTERS for i in range(start, min(end, start + BACK_POINTER_REACH))
    )


def _opens_with_a_source(reading: ArticleReading, block: int, sentence: tuple[int, int]) -> bool:
    return any(mention.start == sentence[0] for _, mention in reading.mentions_in(block))


# How many sentences a quotation that opens the next sentence may run before its speaker is named.
QUOTED_SENTENCES_REACH = 3


def _a_persons_quotation_opens(
    reading: ArticleReading,
    block: int,
    sentences_after: Sequence[tuple[int, int]],
    types: frozenset[str] | None = None,
) -> bool:
    """The next sentence opens a quotation that a person's mention (of ``types``, any person's by
    default) gives to them within a few sentences ('"It's toxic, plain and simple. ...," said Graham
    Petts')."""
    quoted = reading.quoted(block)
    people = person_types(reading.vocabulary) if types is None else types
    for sentence in sentences_after[:QUOTED_SENTENCES_REACH]:
        if sentence[0] not in quoted:
            return False
        if any(
            source.type in people and overlaps(sentence, (mention.start, mention.end))
            for source, mention in reading.mentions_in(block)
        ):
            return True
    return False


def _opens_with_a_person(reading: ArticleReading, block: int, sentence: tuple[int, int]) -> bool:
    people = person_types(reading.vocabulary)
    return any(
        mention.start == sentence[0] and source.type in people
        for source, mention in reading.mentions_in(block)
    )


def _about_people(reading: ArticleReading, claim: Claim) -> bool:
    """The claim speaks of a group of people, or one of them, wherever they stand in it: "Parents are
    worried too", "the plans have sparked fury among families" (review 204), "The plan has angered many
    residents" (review 294), "For many teenagers, late-night scrolling is part of life" (review 295),
    "Not every parent is against the change" (review 302), "Not everyone is convinced" (review 331)."""
    people = (
        (_VIEW_HOLDERS - _VIEW_QUANTIFIERS) | _ONE_OF_THE_VIEW_HOLDERS | set(reading.vocabulary.staff_words)
    )
    words = reading.bare_words(claim.span.block)[claim.span.start : claim.span.end]
    return bool(people.intersection(words))


# Words of when, not of what: "over the past year" and "£300,000 a year" speak of two things (review 192).
_TIME_ROOTS = frozenset(content_words("year years month months week weeks hours minutes time times"))


def _speaks_of(reading: ArticleReading, block: int, sentence: tuple[int, int], quote: str) -> bool:
    """The sentence holds a meaning word of the quote's (by its root), other than a word of time."""
    shared = content_words(reading.blocks[block].text_of(*sentence)) & content_words(quote)
    return bool(shared - _TIME_ROOTS)


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


# Who a sentence opening "For ..., " may give a view to.
_VIEW_HOLDERS_TEXT = (
    "who families parents residents people farmers locals villagers pupils students fans shoppers "
    "traders owners campaigners critics supporters many some most "
    # Reviews 291, 295: a quoted "pensioner" or "teenager" may be one of them too.
    "teenagers teens children pensioners patients passengers commuters drivers motorists cyclists "
    "customers visitors neighbours tenants homeowners voters readers users viewers mothers fathers "
    # Review 330: "Local shopkeepers are split", before a named shopkeeper.
    "shopkeepers workers members"
)
_VIEW_HOLDERS = frozenset(_VIEW_HOLDERS_TEXT.split())
# One of them: "Not every parent is against the change" (review 302).
_ONE_OF_THE_VIEW_HOLDERS_TEXT = (
    "parent resident person farmer villager pupil student fan shopper trader owner campaigner critic "
    "supporter teenager child pensioner passenger commuter driver motorist cyclist customer visitor "
    "neighbour tenant homeowner voter reader user viewer mother father shopkeeper worker member "
    # "Not everyone is convinced by the app", before a named critic (review 331).
    "everyone everybody anyone anybody nobody"
)
_ONE_OF_THE_VIEW_HOLDERS = frozenset(_ONE_OF_THE_VIEW_HOLDERS_TEXT.split())
_VIEW_QUANTIFIERS = frozenset(["who", "many", "some", "most"])


# An attribution this close to its sentence's end, after a comma, closes it: "..., officials said", "...,
# a paramedic based at the hospital told the Echo" (review 181).
CLOSING_ATTRIBUTION_WORDS = 6


def _closes_its_sentence(reading: ArticleReading, block: int, hit: tuple[int, int]) -> bool:
    gaps, words = reading.blocks[block].gaps, reading.blocks[block].words
    for first, last in reading.sentences(block):
        if first <= hit[0] < last:
            tail = list(words[hit[1] : last])
            if (
                match_form(words[hit[1] - 1]).casefold() == "to"
                and 0 < len(tail) <= _CLOSING_SOURCE_WORDS
                and "," in gaps[hit[0]]
            ):
                # "..., according to hospital figures.": the source comes after the words, which the
                # attribution closes (review 264).
                return True
            if 1 < len(tail) <= _CLOSING_TAIL_WORDS and _says_where_or_when(tail):
                # "..., a former manager told the Castlebury Echo.", "..., she said on Tuesday." (review 152)
                return any(
                    "," in gaps[i]
                    for i in range(max(first + 1, hit[0] - CLOSING_ATTRIBUTION_WORDS), hit[0] + 1)
                )
            if last - hit[1] > 1:
                # "Critics say the industry is barely policed" opens what follows; "..., said Paul
                # Grieve, who chairs the traders' association" closes what comes before (review 123).
                return "," in gaps[hit[0]] and (
                    words[hit[1]][:1].isupper() or words[hit[1]].casefold() in ("the", "a", "an", "one")
                )
            return any(
                "," in gaps[i] for i in range(max(first + 1, hit[0] - CLOSING_ATTRIBUTION_WORDS), hit[0] + 1)
            )
    return False


# At most this many words after an attribution that closes its sentence: "told the Castlebury Echo",
# "said in a statement".
_CLOSING_TAIL_WORDS = 4
# At most this many words name the source after a closing "according to": "figures from the city's
# hospital trust".
_CLOSING_SOURCE_WORDS = 6
_TAIL_OPENERS = frozenset(
    {"the", "a", "an", "on", "in", "at", "last", "this", "to", "reporters", "yesterday", "earlier", "later"}
)


def _says_where_or_when(tail: Sequence[str]) -> bool:
    """The words after a reporting verb say to whom, where or when ("the Castlebury Echo", "on
    Tuesday"), not what ("the plan is wrong")."""
    opens = tail[0].casefold() in _TAIL_OPENERS or tail[0][:1].isupper()
    return opens and not any(match_form(word).casefold() in _FINITE_VERBS for word in tail)


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


def _mention_near(reading: ArticleReading, source: Source, span: Span) -> str:
    """The source's mention in the same paragraph as ``span`` (the closest one), as text."""
    same = [m for m in source.mentions if m.block == span.block] or list(source.mentions)
    sentences = reading.sentences_of(span)

    def distance(m: Span) -> tuple[bool, bool, bool, bool, int]:
        in_sentence = any(overlaps(s, (m.start, m.end)) for s in sentences) and m.block == span.block
        gap = max(m.start - span.end, span.start - m.end, 0)
        # The attribution of the claim's own sentence (a later one attributes other words, review
        # 34), one that names the source before "he said" there (review 32), else the closest one
        # before it.
        pronoun = is_pronoun_only(reading.blocks[m.block], m, reading.vocabulary.attribution_words)
        # Never "The report does not say" for what the report says: it tells what is missing (review 135).
        refuses = gives_nothing(reading, m.block, m)
        return (refuses, not in_sentence, pronoun, m.start > span.start, gap)

    mention = min(same, key=distance)
    block = reading.blocks[mention.block]
    start, end = trim_attribution(block, mention, reading.vocabulary.attribution_words)
    return _phrase(reading, mention.block, start, end)


# Small words of a hedge phrase that carry none of its doubt: "expected" alone finds "expected to", and
# "thought" finds "it is thought" (review 124).
# "in danger of": "danger" finds it ("danger" alone scored a third, review 180).
_HEDGE_PARTICLES = frozenset(
    ["to", "a", "an", "as", "the", "it", "is", "are", "was", "were", "be", "been", "in", "of", "at"]
)


def _key_words(reading: ArticleReading, span: Span | tuple[int, int, int]) -> list[tuple[int, int]]:
    """The hedge words inside a cue ("could" of "could reach"; "expected" of "expected to"), or the
    whole cue when it has none."""
    block, start, end = (span.block, span.start, span.end) if isinstance(span, Span) else span
    words = reading.blocks[block].words
    inside = []
    for s, e in reading.hedge_hits(block):
        if start <= s and e <= end:
            meaningful = [i for i in range(s, e) if words[i].casefold() not in _HEDGE_PARTICLES]
            inside += [(i, i + 1) for i in meaningful] if meaningful else [(s, e)]
    if not inside:
        # "the most likely cut", your cue: a comparison for the reader of hedges, yet its doubt is
        # "likely" ("likely" alone scored half, review 303).
        inside = [(e - 1, e) for s, e in reading.comparison_hits(block) if start <= s and e <= end]
    return inside or [(start, end)]


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


# How many words before a reporting word inside a quotation may name who that speaker heard it from.
NESTED_SPEAKER_WORDS = 3
# How far past a mention a record word still says how the words came ("wrote in a post on Instagram"),
# in a phrase that starts with one of these words.
RUN_ON_WORDS = 5
_HOW_WORDS_CAME = frozenset(["in", "on", "via", "through", "during"])


def _types_suggested_by_words(reading: ArticleReading, source: Source, mention: Span) -> set[str]:
    """Types the mention's own words make defensible: a record ("several studies found", "in a
    statement") for "A document or data"; a second name beside a person's ("Lumora's chief
    executive, Mark Devlin") or any other source ("a video shared on Facebook") for an
    organisation, and beside an organisation's for the person speaking."""
    vocabulary = reading.vocabulary
    block = reading.blocks[mention.block]
    suggested = set()
    # The mention and a phrase running on from it that says how the words came ("Garnett wrote in a
    # post on Instagram that"), not what was said ("said the results were clear").
    run_on = mention.end
    if run_on < len(block.words) and block.words[run_on].casefold() in _HOW_WORDS_CAME:
        while run_on < min(len(block.words), mention.end + RUN_ON_WORDS) and block.gaps[run_on] == " ":
            run_on += 1
    if any(mention.start <= s and e <= run_on for s, e in reading.record_hits(mention.block)):
        suggested.add("document_or_data")
    sentence_starts = {first for first, _ in reading.sentences(mention.block)}
    # Only a named source's name is its own: "a post on Facebook" still names the platform.
    own = (name_words(source) if source.type in vocabulary.named_source_types else frozenset()) | TITLES
    # The words of the mention and of a description set off right after it ("said Gareth Lowe,
    # the association's chairman"; "said Dave Marsh, regional secretary of the Retail Workers Union").
    end = mention.end
    if end < len(block.words) and block.gaps[end].strip() == ",":
        end += 1
        # A plural possessive's apostrophe sits in the gap ("the parents' group Safe Steps").
        while (
            end < min(len(block.words), mention.end + MAX_APPOSITIVE) and block.gaps[end] in _IN_PHRASE_GAPS
        ):
            end += 1
    other_names = [
        word
        for index, word in enumerate(block.words[mention.start : end], start=mention.start)
        if (word[:1].isupper() or is_possessive(word) or word.casefold() in ("its", "their"))
        # A possessive name at the start of a sentence is a name all the same ("Northvale's chief
        # executive, Dr Martin Hale", review 35).
        and (index not in sentence_starts or (is_possessive(word) and word[:1].isupper()))
        and words_of(block, (index, index + 1))[0] not in own
        and words_of(block, (index, index + 1))[0] not in PRONOUNS - {"its", "their"}
        and not _a_place(block, index)
    ]
    organisations = set(vocabulary.named_source_types) - set(vocabulary.person_source_types)
    if other_names and source.type in organisations:
        suggested |= set(vocabulary.person_source_types)
    elif other_names:
        # "A video shared on Facebook": the platform is named beside the source.
        suggested |= organisations
    return suggested


_PLACE_BEFORE = frozenset({"in", "from"})


def _a_place(block: Block, index: int) -> bool:
    """One capitalised word right after "in" or "from" ("a pharmacist in Harwick", "a driver from
    Leeds"): a place, which ties nobody to a group (review 49). "from Oxford University" is two."""
    if index == 0 or match_form(block.words[index - 1]).casefold() not in _PLACE_BEFORE:
        return False
    following = block.words[index + 1 : index + 2]
    return not (following and block.gaps[index + 1] == " " and following[0][:1].isupper())


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


def _source_features(vocabulary: Vocabulary, type_id: str) -> tuple[bool, bool]:
    """What a mention shows of its source at a glance: whether it is named, and whether it is
    people ("Dana Mensah", "critics", "one worker") rather than a group or a record."""
    return (
        type_id in vocabulary.named_source_types,
        type_id in person_types(vocabulary) | UNNAMED_SOURCE_TYPES,
    )


class FindInPassage(QuestionKind):
    """Select every annotated span of one kind in a passage: one question per passage that has some.

    Subclasses say which passages to ask about, which spans (with their notes and key words)
    are gold in one passage, and whether the passage is annotated completely enough to ask.
    """

    task = ""  # e.g. "every attribution in {where}: ..." (``{where}`` names the passage)
    draws_at_random = False  # a passage to select in: nothing to shuffle
    # One plausible word too many in a ten-word headline cost a third of the marks (reviews 35 and
    # 36); with six words or more that cost marks, at most a sixth.
    min_wrong_words_in_headline = 6
    lead = "The words to select: {words}."  # why the key is the key, before the teachers' notes

    def passages(self, article: Article) -> Iterable[int]:
        return _paragraph_indexes(article)

    def gold_in(self, reading: ArticleReading, block: int) -> list[tuple[tuple[int, int], str, str, int]]:
        """(word range, note, subject such as "claim:3", annotation line) of each gold span."""
        raise NotImplementedError

    def keys_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        return []

    def free_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        return []

    def cores_in(
        self, reading: ArticleReading, block: int, keys: Sequence[tuple[int, int]]
    ) -> list[tuple[int, list[int]]]:
        """(how many, which words) find a gold span that has no key words (see scoring.span_credit)."""
        return []

    def keys_and_cores_in(
        self, reading: ArticleReading, block: int
    ) -> tuple[list[tuple[int, int]], list[tuple[int, list[int]]]]:
        """The key words and the cores of the passage's gold spans, worked out together where one
        depends on the other."""
        keys = self.keys_in(reading, block)
        return keys, self.cores_in(reading, block, keys)

    def fully_annotated(self, reading: ArticleReading, block: int) -> bool:
        raise NotImplementedError

    def task_in(self, reading: ArticleReading, block: int) -> str:
        """What to select, for this passage (``{where}`` names it)."""
        return self.task

    def lead_in(self, reading: ArticleReading, block: int) -> str:
        """Why the key is the key, for this passage (``{words}`` lists the gold spans)."""
        return self.lead

    def also_right_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """Words that are right to select but not needed, which the explanation names so that a
        student who selected them does not read the answer as saying they were wrong."""
        return []

    def guessed_without_reading(self, reading: ArticleReading, block: int, question: Question) -> bool:
        """The passage's punctuation or shape alone points at every answer (see FindFraming)."""
        return False

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for index in self.passages(reading.article):
            gold = self.gold_in(reading, index)
            if not gold or not self.fully_annotated(reading, index):
                continue
            free = self.free_in(reading, index)
            block = reading.blocks[index]
            texts = [_phrase(reading, index, s, e) for (s, e), *_ in gold]
            also = [_phrase(reading, index, s, e) for s, e in self.also_right_in(reading, index)]
            also_right = (
                " Right to select too, though not needed: "
                + ", ".join(f'"{in_stem(t)}"' for t in dict.fromkeys(also))
                + "."
                if also
                else ""
            )
            keys, cores = self.keys_and_cores_in(reading, index)
            extra: dict[str, Any] = {"free": [list(span) for span in free]}
            if cores:
                extra["cores"] = [[need, words] for need, words in cores]
            question = self.select(
                prompt="Select " + self.task_in(reading, index).format(where=where(index)),
                explanation=_notes(
                    [
                        # 'so-called "crackdown' reads "so-called 'crackdown'" (review 68).
                        self.lead_in(reading, index).format(
                            words=", ".join(f'"{in_stem(t)}"' for t in dict.fromkeys(texts))
                        )
                        + also_right,
                        *_labelled_notes(texts, gold),
                    ],
                    _words_to_select(texts),
                ),
                block_index=index,
                block=block,
                gold=[span for span, *_ in gold],
                keys=keys,
                extra=extra,
                # Its answer shows which claims of the passage have a source: it is about all of them.
                about=[subject for _, _, subject, _ in gold]
                + [f"claim:{i}" for i, _ in reading.claims_in(index)],
                line=min(line for *_, line in gold),
            )
            if question is not None and not self.guessed_without_reading(reading, index, question):
                yield question


# Words that join a second verb to a source's first ("said ... and warned", "but also urged").
_JOINING_WORDS = frozenset(["and", "but", "yet", "then"])
# Words that join a clause of the source's own with a second verb ("though it warns").
_CLAUSE_JOINS = _JOINING_WORDS | {"though", "although", "while", "whilst"}


class FindSources(FindInPassage):
    name = "find_sources"
    title = "Find the attributions"
    asked_for = "attributions"
    skill = "sources"
    type = SELECT
    task = (
        "every attribution in {where}: the words that tell you who the information comes from "
        "(who says, told or reported it)."
    )
    lead = "These words say who the information comes from: {words}."

    def gold_in(self, reading: ArticleReading, block: int) -> list[tuple[tuple[int, int], str, str, int]]:
        gold = []
        relays = _relays(reading, block)
        for source, mention in reading.mentions_in(block):
            relay = relays.get(mention)
            if (
                (relay is None and self._only_a_name(reading, block, source, mention))
                or self._said_again(reading, source, mention)
                or self._inside_another(reading, block, mention)
                or gives_nothing(reading, block, mention)
                or mention in relays.values()
            ):
                continue
            span = self._attribution_part(reading, block, mention)
            if relay is not None:
                # "One keeper, who asked not to be named, | told the Brackenford Echo": one attribution.
                span = (span[0], self._attribution_part(reading, block, relay)[1])
            gold.append((span, source.note, f"source:{source.id}", source.line))
        return gold

    @staticmethod
    def _inside_another(reading: ArticleReading, block: int, mention: Span) -> bool:
        """ "Aldermoor Radio" of "Mr Tolley told Aldermoor Radio": part of the speaker's attribution,
        right to select but not required on its own (review 48)."""
        return any(
            other is not mention
            and other.contains(mention)
            and (other.start, other.end) != (mention.start, mention.end)
            for _, other in reading.mentions_in(block)
        )

    @staticmethod
    def _attribution_part(reading: ArticleReading, block: int, mention: Span) -> tuple[int, int]:
        """The mention without a trailing "that", and without the words of a claim it runs into
        ("The trust says the money is needed", marked as one mention, review 34)."""
        words = reading.blocks[block]
        start, end = trim_attribution(words, mention, reading.vocabulary.attribution_words)
        for _, claim in reading.claims_in(block):
            if start < claim.span.start < end:
                end = claim.span.start
        # "He said the board", quoted past the verb to make it unique (review 45): the plain
        # lowercase words after the speaker's verb are what was said, not who said it.
        verbs = [
            hit
            for hit in reading.attribution_hits(block)
            if start < hit[0]
            and hit[1] <= end
            # "One mother, who asked not to be named": "asked" says nothing was reported (review 81)
            and not {match_form(w).casefold() for w in words.words[max(start, hit[0] - 2) : hit[0]]}
            & _RELATIVE_STARTS
        ]
        if (
            verbs
            and verbs[-1][1] < end
            and all(word[:1].islower() for word in words.words[verbs[-1][1] : end])
            # "a figure confirmed by police collision data": after a passive verb comes who (review 72)
            and words.words[verbs[-1][1]].casefold() != "by"
        ):
            end = verbs[-1][1]
        if end - start >= 2 and words_of(words, (end - 1, end)) == ["that"]:
            end -= 1
        return start, end

    @staticmethod
    def _said_again(reading: ArticleReading, source: Source, mention: Span) -> bool:
        """A mention that names no new speaker, after a mention of the same source earlier in its
        sentence: a pronoun inside what the source is already reported as saying ("the trust disputes
        that figure, saying that it had counted fewer", review 32), or a second reporting verb alone
        ("Councillor Farrar said the smoke was ... and urged parents", review 116). The source is
        found, so the second mention is free, not required."""
        first = words_of(reading.blocks[mention.block], (mention.start, mention.start + 1))
        verbs = reading.attribution_hits(mention.block)
        only_a_verb = all(any(s <= i < e for s, e in verbs) for i in range(mention.start, mention.end))
        if not first or (first[0] not in PRONOUNS and not only_a_verb):
            return False
        chain = _relay_chain(reading.article, source)
        return any(
            other.block == mention.block
            and other.end <= mention.start
            and reading.shares_sentence(mention, other)
            for link in chain
            for other in reading.article.source(link).mentions
        )

    def also_right_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """A source's second reporting verb ("and warned that"): it finds that the source said it, so
        the explanation names it (reviews 202 and 205: a student who selected it saw it left out)."""
        return runs(
            i
            for source, mention in reading.mentions_in(block)
            if not self._said_again(reading, source, mention)
            for i in self._verbs_said_again(reading, block, source, mention)
        )

    def _verbs_said_again(
        self, reading: ArticleReading, block: int, source: Source, mention: Span
    ) -> list[int]:
        """The words of the source's later mentions in the mention's sentence that are a second
        reporting verb alone ("The Friends ... said visitor numbers had fallen, and warned that"): they
        show that the source said it as well as the first verb does, so either finds the span (review
        194; "... warned" scored 0.75). Only a verb joined to the first ("and warned", "but also
        urged"): "the company announced, after what it called a sharp rise" reports other words."""
        verbs = reading.attribution_hits(block)
        words = reading.blocks[block]

        def verb_alone(other: Span) -> bool:
            return all(any(s <= i < e for s, e in verbs) for i in range(other.start, other.end)) and bool(
                _JOINING_WORDS & set(words_of(words, (max(0, other.start - 2), other.start)))
            )

        def pronoun_and_verb(other: Span) -> bool:
            # "..., though it warns that": the source's pronoun and a second verb, after a word that
            # joins a clause of its own (review 302); not "what it called", which reports other words.
            first = words_of(words, (other.start, other.start + 1))
            return (
                other.end - other.start >= 2
                and first[0] in PRONOUNS
                and all(any(s <= i < e for s, e in verbs) for i in range(other.start + 1, other.end))
                and bool(_CLAUSE_JOINS & set(words_of(words, (max(0, other.start - 1), other.start))))
            )

        return sorted(
            i
            for other in source.mentions
            if other.block == block
            and other.start >= mention.end
            and reading.shares_sentence(mention, other)
            and (verb_alone(other) or pronoun_and_verb(other))
            and self._said_again(reading, source, other)
            for i in range(other.start, other.end)
        )

    @staticmethod
    def _only_a_name(reading: ArticleReading, block: int, source: Source, mention: Span) -> bool:
        """A mention with no attribution word ("Dr Helen Marsh ... was more cautious"): it names a
        speaker but says nothing of where words come from, so requiring it is arguable, and so is
        showing the teacher's mention as no answer (such a passage is not asked, unless the mention
        is inside a quotation, where it is free); unless it gives a claim of its own sentence its
        source ("A study ..., published last year, found that ..."), where no other attribution in
        that sentence does ("Another parent, Tom Rivers, was less worried, he told the Echo": the
        Echo's "told" does)."""
        hits = reading.attribution_hits(block)
        if any(covered(hit, [(mention.start, mention.end)]) for hit in hits):
            return False
        chain = _relay_chain(reading.article, source)
        if not any(
            claim.source in chain and reading.shares_sentence(mention, claim.span)
            for _, claim in reading.claims_in(block)
        ):
            return True
        return any(
            other is not mention
            and reading.shares_sentence(mention, other)
            and any(covered(hit, [(other.start, other.end)]) for hit in hits)
            for link in chain
            for other in reading.article.source(link).mentions
        )

    def _their_verb_again_unmarked(
        self, reading: ArticleReading, block: int, mentions: Sequence[tuple[int, int]]
    ) -> bool:
        """A reporting verb the vocabulary does not list, at the end of a marked mention, comes again
        outside every mention: "A review ... found that ..., but it found no benefit in English" (review
        115). The teacher's mention shows the word reports here, so a careful student selects it."""
        words = reading.blocks[block]
        hits = reading.attribution_hits(block)
        theirs = set()
        for _, mention in reading.mentions_in(block):
            start, end = self._attribution_part(reading, block, mention)
            if (
                end > start
                and not any(start <= s and e <= end for s, e in hits)
                and words.words[end - 1].islower()
            ):
                theirs.update(words_of(words, (end - 1, end)))
        if not theirs:
            return False
        quoted = reading.quoted(block)
        return any(
            word in theirs and i not in quoted and not covered((i, i + 1), mentions)
            for i, word in enumerate(words_of(words, (0, len(words.words))))
        )

    def free_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """A speaker's name or role set off by commas right beside a mention ("Rovers' owner, the
        property developer Martin Hale, has promised"; "said Dr Okafor, the board's director"):
        part of saying who speaks, so selecting it costs nothing; and a mention inside a quotation
        that only names a speaker (``_only_a_name``)."""
        words = reading.blocks[block]
        said_again = [m for s, m in reading.mentions_in(block) if self._said_again(reading, s, m)]
        free = [
            (mention.start, mention.end)
            for source, mention in reading.mentions_in(block)
            if self._only_a_name(reading, block, source, mention)
            or any(mention is again for again in said_again)
            or gives_nothing(reading, block, mention)
        ]
        # The "that" after a second reporting verb, as after the first ("and warned that", review 205).
        free += [
            (mention.end, mention.end + 1)
            for mention in said_again
            if mention.end < len(words.words) and match_form(words.words[mention.end]).casefold() == "that"
        ]
        # Never a claim's own words: "In an online poll last week, 61 per cent of the 820 readers who
        # voted supported a Saturday ban" is what the poll found, not who it is (review 98).
        claims = [(claim.span.start, claim.span.end) for _, claim in reading.claims_in(block)]
        for _, mention in reading.mentions_in(block):
            before = _clause(words, mention.start, -1) or _role_opening(reading, block, mention.start)
            after = _clause(words, mention.end, +1) or _who_clause(words, mention.end)
            free += [
                span
                for span in (before, after)
                if span is not None and not any(overlaps(span, c) for c in claims)
            ]
            # More descriptions right after the first ("Gary Pike, 52, who has worked here for 20
            # years", review 72; "Leanne Okafor, 34, a shift supervisor at the Market Street branch,
            # who has worked for Bramwell's for nine years", review 152).
            described = after
            for _ in range(_MORE_DESCRIPTIONS):
                then = _clause(words, described[1], +1) if described is not None else None
                if (
                    then is None
                    or words.words[then[0]].casefold() not in _APPOSITIVE_STARTS
                    or any(overlaps(then, c) for c in claims)
                ):
                    # "Denise Okafor, 46, a healthcare assistant who ..." (review 82); not "..., which
                    # has seen demand rise": that is about the body.
                    break
                free.append(then)
                described = then
            # The reporting verb the description holds off ("the Fair Plate Network, a charity that
            # supports 90 food banks, found"): it finishes saying who, so selecting it costs nothing.
            if described is not None and (verb := _word_after_comma(words, described[1])) is not None:
                hits = [hit for hit in reading.attribution_hits(block) if hit[0] == verb]
                if not hits and match_form(words.words[verb]).casefold() in _FINDING_VERBS:
                    hits = [(verb, verb + 1)]  # "found" after a comma is no attribution hit of its own
                free += [hit for hit in hits if not any(overlaps(hit, c) for c in claims)]
        free += [
            span
            for source, mention in reading.mentions_in(block)
            if (span := _about_the_record_after(reading, source, mention)) is not None
            and span not in free
            and not any(overlaps(span, c) for c in claims)
        ]
        free += self._named_before_its_pronoun(reading, block)
        free += [
            span
            for span in self._subject_of_a_bare_verb(reading, block)
            if not any(overlaps(span, c) for c in claims)
        ]
        # A speaker's own second-hand source ("My English teacher thinks ...", inside the quotation):
        # a careful reader may select it; the instruction asks for the article's attributions.
        quoted = reading.quoted(block)
        for first, last in find_words(words, reading.vocabulary.attribution_words):
            if first > 0 and match_form(words.words[first - 1]).casefold() == "to":
                continue  # "too early to say", "hard to tell": an idiom, not a speaker (review 49)
            if set(range(first, last)) <= quoted:
                free.append((max(first - NESTED_SPEAKER_WORDS, 0), last))
        # "reportedly", "it is thought": they say someone unnamed reported it, so a careful reader
        # may select them as telling where the information comes from (reviews 132 and 136).
        free += reading.reporting_hits(block)
        return free

    @staticmethod
    def _subject_of_a_bare_verb(reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """A mention marked from its verb ("said in a statement"), whose speaker opens the sentence
        before a description ("The company, which runs 62 routes outside the county's towns, said in
        a statement"): the speaker and the description say who, so selecting them costs nothing
        (review 284: "The company" cost marks)."""
        words = reading.blocks[block]
        hits = {start for start, _ in reading.attribution_hits(block)}
        free = []
        for source, mention in reading.mentions_in(block):
            said_by = set(words_of(words, mention))
            if mention.start not in hits or said_by & (name_words(source) | PRONOUNS):
                continue
            starts = [start for start, end in reading.sentences(block) if start < mention.start < end]
            if not starts:
                continue
            opening = starts[0]
            commas = [i for i in range(opening + 1, mention.start + 1) if "," in words.gaps[i]]
            if (
                len(commas) < 2  # "The ban, announced in a letter, covers": the mention is the aside
                or (mention.end < len(words.words) and "," in words.gaps[mention.end])
                or commas[0] - opening > MAX_SUBJECT_WORDS
                or commas[-1] != mention.start
                or mention.start - commas[0] > MAX_RELATIVE
            ):
                continue
            free.append((opening, mention.start))
        return free

    @staticmethod
    def _named_before_its_pronoun(reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """A mention that says who only by a pronoun ("what it calls"), whose source is named earlier
        in the same sentence outside any mention ("Harvest Foods opened what it calls"): the name
        tells who the words come from too, so selecting it costs nothing (review 90)."""
        words = reading.blocks[block]
        marked = [(m.start, m.end) for _, m in reading.mentions_in(block)]
        free = []
        for source, mention in reading.mentions_in(block):
            said_by = set(words_of(words, mention))
            wanted = name_words(source)
            if not wanted or said_by & wanted or not said_by & PRONOUNS:
                continue
            for start, _ in reading.sentences_of(mention):
                named = [
                    i
                    for i in range(start, mention.start)
                    if words.words[i][:1].isupper()
                    and words_of(words, (i, i + 1))[0] in wanted
                    and not covered((i, i + 1), marked)
                ]
                if named:
                    first = named[-1]
                    while first - 1 in named:
                        first -= 1
                    free.append((first, named[-1] + 1))
        return free

    def guessed_without_reading(self, reading: ArticleReading, block: int, question: Question) -> bool:
        """Selecting every word outside quotation marks scores at least GUESS_OUTSIDE_QUOTES: in a
        paragraph that is one long quotation and "she said", the marks give the answer away (reviews
        211 and 221), as they do for framing inside them."""
        quoted = reading.quoted(block)
        outside = tuple(i for i in range(len(reading.blocks[block].words)) if i not in quoted)
        return bool(quoted) and score_answer(question, outside).score >= GUESS_OUTSIDE_QUOTES - EPSILON

    def keys_and_cores_in(
        self, reading: ArticleReading, block: int
    ) -> tuple[list[tuple[int, int]], list[tuple[int, list[int]]]]:
        """Who and the reporting verb ("she told", "Briggs said"): titles, first names, where and
        when may be left out (passage.attribution_key_words). Where other words find who as well as
        the key's word does (a record's authors, see _authors; the rest of a body's name or a record
        word of a record's phrase, see _other_words_for_who), a core of one word each instead."""
        words = reading.blocks[block]
        verbs = reading.attribution_hits(block)
        keys: list[tuple[int, int]] = []
        cores: list[tuple[int, list[int]]] = []
        relays = _relays(reading, block)
        for source, mention in reading.mentions_in(block):
            if (
                self._said_again(reading, source, mention)
                or self._inside_another(reading, block, mention)
                or gives_nothing(reading, block, mention)
            ):
                continue
            if mention in relays.values():
                continue  # its verb is the speaker's key, below
            span = self._attribution_part(reading, block, mention)
            relay = relays.get(mention)
            if relay is not None:
                # "One keeper, who asked not to be named, told the Brackenford Echo": the speaker
                # says who, the verb before or in the outlet's mention that it was said; the outlet
                # is right to select but not needed (review 165).
                keys += [hit for hit in verbs if mention.end <= hit[0] and hit[1] <= relay.end][-1:]
            found = attribution_key_words(words, span, source, verbs)
            again = self._verbs_said_again(reading, block, source, mention)
            # Its verbs stand in for the first verb; its pronoun ("it" of "though it warns") names nobody.
            again_verbs = [i for i in again if _within((i, i + 1), verbs)]
            stand_in = find_words(words.slice(*span), reading.vocabulary.stand_in_words)
            if stand_in and reading.stands_in(source, mention):
                # "A Department for Education spokesperson said": who speaks is the spokesperson;
                # the department's name is right to select but not required (review 35).
                first, last = stand_in[0]
                speaker = (span[0] + first, span[0] + last)
                found = [hit for hit in found if _within(hit, verbs) and hit != speaker]
                verb_at = min((hit[0] for hit in found if hit[0] > speaker[0]), default=span[1])
                body = _body_named_after(words, speaker[1] - 1, verb_at - 1)
                if body:
                    # "A spokesperson for Harlow County Council said": the body's name finds who as
                    # well ("Harlow County Council said" scored 0.57, review 178).
                    # Cores, as a span's key words would make its cores count for nothing.
                    cores += [(1, sorted({*range(*hit), *again})) for hit in found]
                    cores.append((1, sorted({*range(*speaker), *body})))
                    continue
                found.append(speaker)
            author = _author_after_the_record(words, span, found) if source.type in RECORD_TYPES else []
            if author:
                # Cores, as a span's key words would make its cores count for nothing.
                for hit in found:
                    a_verb = _within(hit, verbs)
                    stand_ins = [
                        *(author if len(found) == 1 or not a_verb else ()),
                        *(again_verbs if a_verb else ()),
                    ]
                    cores.append((1, sorted({*range(*hit), *stand_ins})))
                continue
            who = [hit for hit in found if not _within(hit, verbs)]
            others = (
                _authors(words, span, who, source.type in RECORD_TYPES)
                + _members_of_the_group(words, span, who)
                + self._other_words_for_who(reading, block, span, source, found)
                + _described_before_the_name(reading, words, span, source, who)
            )
            if others or again:
                # Key words are all required; a core of one word each lets the other words stand in
                # for who speaks, and the source's second verb for its first, while a verb is still
                # required.
                cores += [
                    (1, sorted({*range(*hit), *(again_verbs if _within(hit, verbs) else others)}))
                    for hit in found
                ]
            else:
                keys += found
        return keys, cores

    @staticmethod
    def _other_words_for_who(
        reading: ArticleReading,
        block: int,
        span: tuple[int, int],
        source: Source,
        found: Sequence[tuple[int, int]],
    ) -> list[int]:
        """For a body or a record, every word before the verb that names it as well as the key's word
        does: "Brightfield" of "Brightfield Renewables says" (the key is "Renewables", review 137;
        "Wyvern" of "Wyvern Valley Buses confirmed", review 132), "Figures" of "Figures from the
        council's own footfall counters show" (the key was "footfall", review 135). A person is
        still found by the surname, and an owner ("council's") names no speaker."""
        if source.type in person_types(reading.vocabulary):
            return []
        words = reading.blocks[block]
        verbs = [hit for hit in found if _within(hit, reading.attribution_hits(block))]
        who = [i for hit in found if hit not in verbs for i in range(*hit)]
        if len(who) != 1:
            return []
        (head,) = who
        end = min([hit[0] for hit in verbs if hit[0] > head], default=span[1])
        # Within the words around the key that no comma breaks ("In a statement, the company said":
        # the statement is how it spoke, not who).
        first = head
        while first > span[0] and "," not in words.gaps[first]:
            first -= 1
        last = head
        while last + 1 < end and "," not in words.gaps[last + 1]:
            last += 1
        others: set[int] = set()
        if words.words[head][:1].islower():
            # "The Kelbrook branch of the National Education Union said": the body's name finds who
            # as well as the part that speaks for it ("National Education Union said" scored 0.5,
            # review 183).
            others.update(_body_named_after(words, head, last))
        if words.words[head][:1].isupper() and source.type in reading.vocabulary.named_source_types:
            # The rest of the proper name the key is in: "Brightfield" of "Brightfield Renewables",
            # "All" and "Kettlebrook" of "Access for All Kettlebrook" (review 138).
            name = speaker_words(source)
            for step, stop in ((-1, first - 1), (1, last + 1)):
                index = head + step
                while index != stop and (
                    words.words[index][:1].isupper() or _bare(words.words[index]) in _NAME_JOINS_IN_AUTHORS
                ):
                    if words.words[index][:1].isupper() and words_of(words, (index, index + 1))[0] in name:
                        others.add(index)
                    index += step
                if step < 0:
                    others.update(_part_of_the_body(words, index, first))
        if source.type in RECORD_TYPES:
            # Any record word of the phrase: "Figures" of "Figures from the council's own footfall
            # counters show" (not "families" of "The survey of 2,000 families found": they answered it).
            others |= {
                i
                for start, stop in reading.record_hits(block)
                if first <= start and stop <= last + 1
                for i in range(start, stop)
            }
        owner = _named_owner_before(words, head, first) if source.type in RECORD_TYPES else []
        return sorted({*(i for i in others if i != head and not is_possessive(words.words[i])), *owner})

    def fully_annotated(self, reading: ArticleReading, block: int) -> bool:
        relays = _relays(reading, block)
        mentions = _marked_attributions(reading, block, relays)
        if unmarked_attributions(reading, block, mentions):
            return False  # an attribution word the teacher did not mark as a mention
        if self._their_verb_again_unmarked(reading, block, mentions):
            return False
        for source, mention in reading.mentions_in(block):
            inside_another = any(
                other is not mention and other.contains(mention) for _, other in reading.mentions_in(block)
            )  # "CNN" of "a fighter ... told CNN"
            # "... and then the French said they'd started," a fighter told CNN: free, not required.
            quoted = in_quotation(reading.blocks[block], mention.start, mention.end)
            if not (
                inside_another
                or quoted
                or self._said_again(reading, source, mention)
                or mention in relays
                or mention in relays.values()
            ) and self._only_a_name(reading, block, source, mention):
                return False  # "St Brennan's Hospital advises": marked, with no reporting word we know
        for _, claim in reading.claims_in(block):
            if claim.source is None or in_quotation(reading.blocks[block], claim.span.start, claim.span.end):
                continue
            if not any(
                reading.shares_sentence(claim.span, mention) for _, mention in reading.mentions_in(block)
            ):
                # "Under cross-examination, she agreed that ...": the claim's own sentence says who
                # it comes from in words the teacher did not mark.
                return False
        return reading.every_sentence_annotated(block, reading.annotated_spans(block))


# How many words may stand between a speaker's mention and the mention of whoever passed the words
# on ("Neighbours on Elm Road, who did not want to be named, told the Millbrook Gazette").
RELAY_REACH = 12


def _relay_after(reading: ArticleReading, block: int, source: Source, mention: Span) -> Span | None:
    """The mention of the source that passed ``source``'s words on, later in the same sentence with
    nothing but the speaker's description and the reporting verb between: "One keeper, who asked not
    to be named," then "told the Brackenford Echo" (review 165). Together they are one attribution."""
    if source.via is None:
        return None
    others = [(m.start, m.end) for _, m in reading.mentions_in(block) if m is not mention]
    claims = [(c.span.start, c.span.end) for _, c in reading.claims_in(block)]
    for relay in reading.article.source(source.via).mentions:
        if (
            relay.block != block
            or not mention.end <= relay.start <= mention.end + RELAY_REACH
            or not reading.shares_sentence(mention, relay)
        ):
            continue
        between = (mention.end, relay.start)
        if any(overlaps(between, other) for other in others if other != (relay.start, relay.end)):
            continue
        if any(overlaps((mention.end, relay.end), claim) for claim in claims):
            continue
        if any(mention.end <= hit[0] and hit[1] <= relay.end for hit in reading.attribution_hits(block)):
            return relay
    return None


def unmarked_attributions(
    reading: ArticleReading, block: int, marked: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The attribution words of ``block`` that no mention covers: each keeps "find the sources" off
    it.  "Neighbours on Elm Road, who did not want to be named, told the Millbrook Gazette", marked
    as the neighbours and the Gazette: the "told" between them is part of that attribution.
    ``marked``: the block's ``_marked_attributions``, where the caller has them."""
    if marked is None:
        marked = _marked_attributions(reading, block, _relays(reading, block))
    return [hit for hit in reading.attribution_hits(block) if not covered(hit, marked)]


def _marked_attributions(
    reading: ArticleReading, block: int, relays: dict[Span, Span]
) -> list[tuple[int, int]]:
    """The mentions of ``block``, and each speaker's mention joined to the relay after it."""
    mentions = [(m.start, m.end) for _, m in reading.mentions_in(block)]
    return mentions + [(speaker.start, relay.end) for speaker, relay in relays.items()]


def _relays(reading: ArticleReading, block: int) -> dict[Span, Span]:
    """Each speaker's mention in ``block`` that ``_relay_after`` finds a relay for, with that relay."""
    found = {}
    for source, mention in reading.mentions_in(block):
        relay = _relay_after(reading, block, source, mention)
        if relay is not None:
            found[mention] = relay
    return found


def _within(hit: tuple[int, int], hits: Sequence[tuple[int, int]]) -> bool:
    """``hit`` is one of ``hits`` or part of one: "according" of "according to"."""
    return any(start <= hit[0] and hit[1] <= end for start, end in hits)


_NAME_JOINS_IN_AUTHORS = frozenset({"and", "&", "of", "for"})


# Words of "of 310 people aged 18 to 30, carried out" between a record's noun and its authors' "by".
_ASKED_WORDS = 10
# Participles before "by" that name who made a record (not "paid for by", "commissioned by": who paid).
_MADE_BY = frozenset(
    {"out", "conducted", "run", "led", "written", "compiled", "produced", "published", "done"}
)
# Words of when between a record's noun and its authors' "by": "A report last year by the Rural Shops
# Alliance found" (review 269).
_WHEN_BEFORE_BY = frozenset({"last", "this", "earlier", "in"})
# Words that end who made a record before any name: "by the union in October".
_WHEN_OR_WHERE = frozenset(
    {"in", "on", "at", "during", "last", "this", "over", "since", "from", "for", "and"}
)


def _authors(
    words: Block, span: tuple[int, int], who: Sequence[tuple[int, int]], a_record: bool = False
) -> list[int]:
    """The named authors of a record, where "by" follows its noun, with the noun just before their
    name: "engineers", "Halden" and "Pryor" of "A drainage study by the engineers Halden & Pryor
    found". A student who selects who wrote it has found who the information comes from as surely
    as one who selects "study" (review 130). Nothing without a name ("by his team": the team is
    no clearer than the study), nor for "commissioned by" or "paid for by": those name who paid."""
    if len(who) != 1 or who[0][1] - who[0][0] != 1:
        return []
    after = who[0][1]

    def bare(index: int) -> str:
        return match_form(words.words[index]).casefold()

    if after < span[1] and (bare(after) in ("of", "carried") or bare(after) in _MADE_BY | _WHEN_BEFORE_BY):
        # "A survey of 1,150 members by the Supporters' Trust found": who was asked comes first (review
        # 148); "A survey of 310 people aged 18 to 30, carried out by Saltmouth College" (review 157).
        by = next(
            (i for i in range(after + 1, min(span[1], after + 1 + _ASKED_WORDS)) if bare(i) == "by"), None
        )
        if by is None:
            return []
        made = bare(by - 1) in _MADE_BY
        if any("," in words.gaps[i] for i in range(who[0][1], by + 1)) and not made:
            return []
        after = by
    if a_record and after < span[1] and bare(after) == "from" and words.gaps[after] == " ":
        # "Rainfall figures from the Met Office show": who made the figures, by name (review 217).
        return _named_after(words, after + 1, span[1])
    if after >= span[1] or bare(after) != "by" or words.gaps[after] != " ":
        return []
    names: list[int] = []
    # "by researchers at Kingsmere University": who they are, then where they work (review 168).
    workers = _workers_before_a_name(words, after + 1, span[1])
    if workers is not None:
        return workers
    for index in range(after + 1, span[1]):
        word = words.words[index]
        if "," in words.gaps[index] or (not names and match_form(word).casefold() in _WHEN_OR_WHERE):
            break  # "by the union in October": "October" is no author
        if word[:1].isupper():
            names.append(index)
        elif names and not (
            match_form(word).casefold() in _NAME_JOINS_IN_AUTHORS
            and index + 1 < span[1]
            and words.words[index + 1][:1].isupper()
        ):
            break
    if not names:
        return _owned_body(words, after + 1, span[1])
    before = names[0] - 1
    described = before > after and words.words[before][:1].islower() and _is_meaning_word(words.words[before])
    return ([before] if described else []) + names


# Participles that say how a record came out: "According to the trust's business case, published on
# its website last month, ...".
_RECORD_PARTICIPLES = frozenset(
    {"published", "released", "issued", "posted", "sent", "seen", "obtained", "leaked", "commissioned"}
    | {"written", "produced", "compiled", "presented", "submitted", "shared", "drawn", "carried"}
)


def _about_the_record_after(reading: ArticleReading, source: Source, mention: Span) -> tuple[int, int] | None:
    """Words right after a record's mention that say whose the record is or how it came out, so that
    selecting them costs nothing where the teacher marked only the record:
    - who made it: "from researchers at Northfield University" of "according to a new study from
      researchers at Northfield University", as sure a pointer to who as "study";
    - a participle phrase set off by a comma, to the next comma: ", published on its website last
      month," says what the record is, as "released on Thursday" inside a mention does (it cost
      0.13, review 251)."""
    words = reading.blocks[mention.block]
    end = mention.end
    if source.type not in RECORD_TYPES or end >= len(words.words):
        return None
    after = match_form(words.words[end]).casefold()
    if words.gaps[end] == " " and after in ("from", "by"):
        stop = next((last for first, last in reading.sentences(mention.block) if first <= end < last), end)
        makers = _workers_before_a_name(words, end + 1, stop) or _named_after(words, end + 1, stop)
        return (end, makers[-1] + 1) if makers else None
    if words.gaps[end].strip() == "," and after in _RECORD_PARTICIPLES:
        stop = end + 1
        while stop < len(words.words) and words.gaps[stop] == " ":
            stop += 1
        return (end, stop) if stop - end <= MAX_APPOSITIVE else None
    return None


def _named_owner_before(words: Block, head: int, first: int) -> list[int]:
    """The name that owns a record, just before it: "Swim" and "England's" of "Swim England's guidance
    for pool operators recommends", as clear as "by Swim England" ("Swim England's ... recommends"
    scored 0.75, review 239). Not "the council's": an owner without a name. So too a name before it
    with no "'s": "Met" and "Office" of "Met Office figures show" ("Met Office" scored nothing, review
    312), though not one capitalised word that opens the attribution ("Official figures show")."""
    index = head - 1
    if index < first or not words.words[index][:1].isupper():
        return []
    if not is_possessive(words.words[index]):
        names = []
        while (
            index >= first
            and words.words[index][:1].isupper()
            and _is_meaning_word(words.words[index])
            and words.gaps[index + 1] == " "
        ):
            names.append(index)
            index -= 1
        return sorted(names) if len(names) >= 2 or (names and names[-1] > first) else []
    names = [index]
    while index - 1 >= first and words.words[index - 1][:1].isupper() and words.gaps[index] == " ":
        index -= 1
        names.append(index)
    return sorted(names)


def _past_articles(words: Block, index: int, end: int) -> int:
    """The first word from ``index`` on that is not "a", "an" or "the" (``end`` if none is)."""
    while index < end and match_form(words.words[index]).casefold() in _ARTICLES_BEFORE_AUTHORS:
        index += 1
    return index


def _author_after_the_record(
    words: Block, span: tuple[int, int], found: Sequence[tuple[int, int]]
) -> list[int]:
    """The name after the comma of a record's opening "In a ...": "Brightpage" of "In a press release
    on Monday, Brightpage called". Who wrote the record says who the information comes from as well as
    the record does ("Brightpage called" earned a quarter, review 287). ``found``: the span's key words,
    the record's word first."""
    if not found or _bare(words.words[span[0]]) != "in":
        return []
    comma = next((i for i in range(found[0][1], span[1]) if "," in words.gaps[i]), None)
    if comma is None:
        return []
    names = _named_after(words, comma, span[1])
    return [i for i in names if _is_meaning_word(words.words[i])]


def _named_after(words: Block, first: int, end: int) -> list[int]:
    """The capitalised name that starts at ``first`` (after "the"): "Met" and "Office" of "from the Met
    Office show", "Kelbridge", "Chamber" and "Trade" of "from the Kelbridge Chamber of Trade", up to an
    owner's "'s" ("Harlow County Council's public health team"); nothing where no name follows ("from
    the council's own counters")."""
    index = _past_articles(words, first, end)
    names: list[int] = []
    while index < end and words.words[index][:1].isupper():
        names.append(index)
        index += 1
        if is_possessive(words.words[index - 1]) and not (index < end and words.words[index][:1].isupper()):
            break  # the owner of what follows ("Council's public health team")
        if index < end and "," in words.gaps[index]:
            break  # "from the Met Office, Kent Water said": another name after the comma
        joined = index + 1 < end and words.words[index + 1][:1].isupper() and words.gaps[index + 1] == " "
        if index < end and match_form(words.words[index]).casefold() in _NAME_JOINS_IN_AUTHORS and joined:
            index += 1  # "of" of "Chamber of Trade": not a word to select, but not the end of the name
    return names


def _described_before_the_name(
    reading: ArticleReading,
    words: Block,
    span: tuple[int, int],
    source: Source,
    who: Sequence[tuple[int, int]],
) -> list[int]:
    """ "owners" of "by the centre's owners, Castleway Properties": the noun that describes a body just
    before its name, after a comma, finds it as well as the name does ("announced" and "owners"
    scored 0.5, review 221). Not for a person, whose surname is what finds them."""
    if source.type in person_types(reading.vocabulary) or len(who) != 1:
        return []
    first = who[0][0]
    while first - 1 > span[0] and words.words[first - 1][:1].isupper() and "," not in words.gaps[first]:
        first -= 1  # the start of the name: "Castleway" of "Castleway Properties"
    if first - 1 <= span[0] or "," not in words.gaps[first]:
        return []
    noun = words.words[first - 1]
    if not words.words[first][:1].isupper() or not (noun[:1].islower() and _is_meaning_word(noun)):
        return []
    # "In a statement, Telvane said": how it spoke, not who (as in _other_words_for_who).
    before = {match_form(word).casefold() for word in words.words[max(span[0], first - 4) : first - 1]}
    return [] if before & _HOW_IT_WAS_SAID else [first - 1]


# Words that open a phrase of how or where something was said, not who said it.
_HOW_IT_WAS_SAID = frozenset({"in", "on", "at", "with", "through", "via"})


# Nouns of a group whose members, after "of", say as well who speaks: "a group of parents who say".
_GROUP_NOUNS = frozenset(
    {"group", "groups", "number", "handful", "couple", "crowd", "team", "band", "coalition"}
)
# Words between members and the group they belong to ("Campaigners from the ... group").
_MEMBERS_OF = frozenset({"from", "of", "at", "in", "with"})


def _members_of_the_group(words: Block, span: tuple[int, int], who: Sequence[tuple[int, int]]) -> list[int]:
    """ "parents" of "a group of parents who say", or "Campaigners" of "Campaigners from the ... group
    say": the members find who speaks as well as "group" does ("parents ... say" scored 0.75, review
    215)."""
    if len(who) != 1 or who[0][1] - who[0][0] != 1:
        return []
    head = who[0][0]
    if match_form(words.words[head]).casefold() not in _GROUP_NOUNS:
        return []
    # "Campaigners from the Save Millbank Fields group say": the people who open the attribution
    # find who speaks as well ("Campaigners ... say" scored 0.5, review 224).
    opening = _past_articles(words, span[0], head)
    if (
        opening + 1 < head
        and match_form(words.words[opening + 1]).casefold() in _MEMBERS_OF
        and _is_meaning_word(words.words[opening])
        and match_form(words.words[opening]).casefold().endswith("s")
    ):
        return [opening]
    index = head + 1
    if index >= span[1] or match_form(words.words[index]).casefold() != "of" or words.gaps[index] != " ":
        return []
    index = _past_articles(words, index + 1, span[1])
    if index < span[1] and words.words[index][:1].islower() and _is_meaning_word(words.words[index]):
        return [index]
    return []


def _owned_body(words: Block, first: int, end: int) -> list[int]:
    """The body a possessive names, after "by": "association" of "by the school's parent-teacher
    association" (review 207: only "survey" found it). One body of one owner is as clear as a name;
    "by his team" is not (no owner named)."""
    index = _past_articles(words, first, end)
    if index >= end or not words.words[index].endswith(("'s", "\u2019s")):
        return []
    head = None
    for next_index in range(index + 1, end):
        word = words.words[next_index]
        if "," in words.gaps[next_index] or match_form(word).casefold() in _WHEN_OR_WHERE:
            break
        if not word[:1].islower() or not _is_meaning_word(word):
            break
        head = next_index
    return [head] if head is not None else []


# Words after "by" before the people who made a record ("by a team of", "by the").
_ARTICLES_BEFORE_AUTHORS = frozenset({"a", "an", "the"})
# Words between those people and where they work: "researchers at", "scientists from".
_WORKING_AT = frozenset({"at", "from", "of"})


def _workers_before_a_name(words: Block, first: int, end: int) -> list[int] | None:
    """ "researchers", "Kingsmere" and "University" of "by researchers at Kingsmere University": a
    plain noun for the people, then the capitalised name of where they work; None for any other
    words."""
    index = _past_articles(words, first, end)
    if index + 2 >= end or not words.words[index][:1].islower() or not _is_meaning_word(words.words[index]):
        return None
    people = index
    if match_form(words.words[people + 1]).casefold() not in _WORKING_AT or "," in words.gaps[people + 1]:
        return None
    index = people + 2
    if index < end and match_form(words.words[index]).casefold() == "the":
        index += 1
    names: list[int] = []
    while (
        index < end
        and "," not in words.gaps[index]
        and (
            words.words[index][:1].isupper()
            or (
                names
                and match_form(words.words[index]).casefold() in _NAME_JOINS_IN_AUTHORS
                and index + 1 < end
                and words.words[index + 1][:1].isupper()
            )
        )
    ):
        if words.words[index][:1].isupper():
            names.append(index)
        index += 1
    return [people, *names] if names else None


# A note that points at what backs a claim ("The only support is one unnamed teacher", "The only
# evidence is one shopkeeper in the next sentence").
_NOTE_POINTS_TO_SUPPORT = re.compile(
    r"\bonly (?:support|evidence|source|backing)\b|\b(?:is|are) (?:supported|backed) (?:only )?by\b"
    # "only one parent is quoted", "only one driver, who is not named, is quoted" (reviews 134, 135)
    r"|\bonly (?:one|a single)\b[^.]{0,60}\b(?:is|was) (?:quoted|named)\b"
    # "probably come from the company's announcement", "gives one shop's sales as an example" (review 145)
    r"|\b(?:probably|most likely|likely|may|might) (?:comes?|came) from\b|\bas an example\b"
    # "It is probably from the league" (review 205), "the article gives one example: a café whose owner
    # is not named" (review 198), "One angry visitor is quoted" (review 204)
    r"|\b(?:is|are|was|were) (?:probably|most likely|likely|perhaps) from\b"
    r"|\bgives? (?:one|an|a single) example\b"
    r"|\bone\b[^.]{0,40}\b(?:is|was) quoted\b"
)


def _note_points_to_support(reading: ArticleReading, claim: Claim) -> bool:
    """The teacher's note on a claim with no source points at who backs it ("The only support is
    one unnamed teacher", review 131), or names a source of the article ("it most likely came from
    Joanna Beck", review 140): shown after a "with no source" key, it argues for another choice."""
    if _NOTE_POINTS_TO_SUPPORT.search(match_form(claim.note).casefold()):
        return True
    return bool(sources_the_note_names(reading, claim))


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


def sources_the_note_names(reading: ArticleReading, claim: Claim) -> set[str]:
    """The ids of the sources whose proper names (capitalised words of their names) the claim's note
    uses: "Beck" of "it most likely came from Joanna Beck"."""
    said = {
        match_form(word).casefold().strip("'\u2019")
        for word in Block.from_text(claim.note).words
        if word[:1].isupper()
    }
    return {
        source.id
        for source in reading.article.sources
        if source.type in reading.vocabulary.named_source_types and name_words(source) & said
    }


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


# Months but May, days and feasts, by their names.
_CALENDAR_NAMES = (
    "January February March April June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Christmas Easter"
)
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


def _unverified(claim: Claim) -> bool:
    return claim.status == "unattributed" or (claim.status == "hedged" and claim.source is None)


_COUNT_WORDS = frozenset({"million", "billion", "thousand", "hundred", "per", "percent"})


def _a_figure(words: Sequence[str], index: int) -> bool:
    """A number that counts or measures ("3.2 million", "4,000", "12 per cent"), not a label or an
    age ("Year 10", "Gary Pike, 52,")."""
    word = words[index]
    if not word[:1].isdigit():
        return False
    following = words[index + 1].casefold() if index + 1 < len(words) else ""
    return "," in word or "." in word or sum(c.isdigit() for c in word) >= 3 or following in _COUNT_WORDS


class FindUnverified(FindInPassage):
    name = "find_unverified"
    title = "Find unverified claims"
    asked_for = "unverified claims"
    skill = "claims"
    type = SELECT
    task = (
        "the claims in {where} that are not verified: claims the writer hedges (with words like "
        '"{first}" or "{second}") or states with no source at all. '
        "Do not select claims that come with a source."
    )
    lead = "These claims come with no source, or the writer hedges them: {words}."
    # Hedges the instruction shows as examples: the first two the passage does not hold, so the
    # stem never names the key ("reportedly" of "Around 150 people are reportedly on the waiting
    # list", review 333).
    EXAMPLE_HEDGES = ("reportedly", "may", "allegedly", "might", "apparently", "could")

    def task_in(self, reading: ArticleReading, block: int) -> str:
        held = set(reading.bare_words(block))
        first, second, *_ = [word for word in self.EXAMPLE_HEDGES if word not in held]
        return self.task.replace("{first}", first).replace("{second}", second)

    def gold_in(self, reading: ArticleReading, block: int) -> list[tuple[tuple[int, int], str, str, int]]:
        return [
            ((claim.span.start, claim.span.end), claim.note, f"claim:{index}", claim.line)
            for index, claim in reading.claims_in(block)
            if _unverified(claim)
        ]

    def keys_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        keys = [
            key
            for _, claim in reading.claims_in(block)
            if _unverified(claim)
            for cue in claim.cues
            for key in _key_words(reading, cue)
        ]
        # A word of doubt in an unverified claim the teacher gave no cues ("appears to have grown"):
        # the instruction points at such words, so selecting it finds the claim (review 100).
        approximate = set(reading.approximate_hits(block))
        starts = {start for start, _ in reading.sentences(block)}
        words = reading.blocks[block].words
        keys += [
            hit
            for _, claim in reading.claims_in(block)
            if _unverified(claim) and not claim.cues
            for hit in reading.hedges_in(claim.span)
            # not the month of "Work started in May last year"
            if hit not in approximate and (hit[0] in starts or not words[hit[0]][:1].isupper())
        ]
        return keys

    def fully_annotated(self, reading: ArticleReading, block: int) -> bool:
        claims = reading.claims_in(block)
        gold = [(c.span.start, c.span.end) for _, c in claims if _unverified(c)]
        for _, claim in claims:
            sourced = claim.source is not None
            if sourced and (claim.cues or reading.hedges_in(claim.span)):
                return False  # hedged and sourced at once: a careful student could go either way
        if not all(
            covered(hit, gold) for hit in reading.hedge_hits(block) if not self._quoted(reading, block, hit)
        ):
            return False  # a hedge word outside the marked claims
        for _, claim in claims:
            if _unverified(claim) and not _claim_is_in_writers_words(reading, claim):
                return False  # an unverified claim beside an attribution: is it sourced after all?
        annotated = reading.annotated_spans(block)
        if reading.longest_unannotated_run(block, annotated) >= MAX_UNMARKED_RUN:
            return False  # room for a second claim the teacher did not mark ("..., in what would be ...")
        words = reading.blocks[block].words
        claim_spans = [(c.span.start, c.span.end) for _, c in claims]
        for _, mention in reading.mentions_in(block):
            if gives_nothing(reading, block, mention):
                return False  # "StarPath did not reply to questions": the writer's own unsourced report
            if any(
                _a_figure(words, i) and not any(s <= i < e for s, e in claim_spans)
                for i in range(mention.start, mention.end)
            ):
                # "Storm, who has 3.2 million followers, posted": a figure the teacher marked only as
                # part of who speaks, stated with no source (review 73).
                return False
        return reading.every_sentence_annotated(block, annotated)

    @staticmethod
    def _quoted(reading: ArticleReading, block: int, hit: tuple[int, int]) -> bool:
        return set(range(*hit)) <= reading.quoted(block)


class SpotHedge(QuestionKind):
    name = "spot_hedge"
    title = "Spot the hedge"
    asked_for = "hedge words"
    skill = "claims"
    type = SELECT
    draws_at_random = False  # nothing to shuffle

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for index, claim in enumerate(reading.article.claims):
            span = claim.span
            cues = [cue for cue in claim.cues if span.contains(cue)]
            if not cues:
                continue
            if any(match_form(cue.quote).casefold() in _NOT_KNOWN for cue in cues):
                # "One year of figures is too early to say whether ...": saying it is not known is
                # the claim itself, not a doubt about it (review 37).
                continue
            cue_ranges = [(cue.start, cue.end) for cue in cues]
            if unlisted_hedges(reading, claim):
                continue  # another hedge word in the claim that the teacher did not list as a cue
            if (
                any(
                    word in _CONDITIONS and not covered((i, i + 1), cue_ranges)
                    for i, word in enumerate(words_of(reading.blocks[span.block], span), start=span.start)
                )
                or _CONDITION_PHRASE.search(match_form(span.quote).casefold())
                or any(
                    # "looking at whether Dale Road could be opened": the cue is what is weighed up, not a
                    # doubt about the claim (review 124).
                    word == "whether" and i < min(cue.start for cue in cues)
                    for i, word in enumerate(words_of(reading.blocks[span.block], span), start=span.start)
                )
            ):
                # "could become a burden if the team were relegated", "could come within 10 percent
                # once their readings were corrected" (review 47): the condition doubts it too.
                continue
            block = reading.blocks[span.block]
            shown = block.slice(span.start, span.end)
            if shown.words != block.words[span.start : span.end]:
                continue  # the claim's words cannot be shown on their own without shifting the cues
            # "are thought to take up to ten minutes longer": the doubt is in "thought to"; "up to"
            # only gives a size roughly, so beside a word of doubt it is free, not required, even
            # where the teacher listed it ("could" alone was half marks for "could ... as early as",
            # review 28). Alone they are the hedge of a claim the teacher marked hedged ("Up to 400
            # jobs will go"), but not of a sourced one, nor where a word of doubt stands outside the
            # words shown: "Studies suggest cameras can cut crashes by up to half" (review 28).
            approximate = [cue for cue in cues if _is_approximate(reading, cue)]
            rough_only = len(approximate) == len(cues)
            doubt_outside = any(
                not covered(hit, [(span.start, span.end)])
                and any(overlaps(sentence, hit) for sentence in reading.sentences_of(span))
                for hit in reading.hedge_hits(span.block)
            )
            if rough_only and (claim.status != "hedged" or doubt_outside):
                continue
            demoted = [] if rough_only else approximate
            if not rough_only:
                cues = [cue for cue in cues if cue not in approximate]
            # With what it sizes: "up to £180,000", "an estimated 3,000 people"; listed as a cue or
            # not ("likely to cost about £2.3 million", review 32).
            cue_ranges = [(cue.start, cue.end) for cue in cues]
            sizing = [
                hit
                for hit in reading.approximate_hits(span.block)
                if span.start <= hit[0]
                and hit[1] <= span.end
                and not covered(hit, cue_ranges)
                and (
                    _sizes_an_amount(reading.blocks[span.block], hit[1])
                    # "as early as March" with only "could" listed: the date is as free as an amount
                    # (review 318)
                    or _sizes_a_time(reading.blocks[span.block], hit[1])
                    or reading.blocks[span.block].words[hit[0]][:1].isdigit()  # "30 or 40" is its own amount
                    # a rough size or time the teacher listed, which the explanation calls fine to
                    # select: "could be approved [as early as next month]" (review 151)
                    or any((cue.start, cue.end) == hit for cue in demoted)
                )
            ]
            # The amount it sizes is free with its unit: "as much as [80 per cent]" (review 263).
            free = [
                [s - span.start, min(max(e + NEAR, _amount_end(block, e)), span.end) - span.start]
                for s, e in sizing
            ]
            # The word before a rough size is as free as the words after it ("by" of "could raise
            # results by as much as a grade", review 147), where enough words are left to mark.
            free_around = [[max(0, start - 1), end] for start, end in free]
            # Words the teacher's note shown after the answer calls hedges never cost marks: short
            # phrases only, as a note may also quote the whole claim.
            noted = find_words(
                shown,
                [
                    match_form(q)
                    for q in quoted_phrases(claim.note)
                    if len(q.split()) <= MAX_NOTED_HEDGE_WORDS
                ],
            )
            # "pedestrians may be more likely to be hit": "more likely" compares, but beside "may" a
            # careful reader may take it for a doubt too (review 150).
            compared = [
                [s - span.start, e - span.start]
                for s, e in reading.comparison_hits(span.block)
                if span.start <= s and e <= span.end
            ]
            # "may [also be improving]", "could [be hit]", "could [also turn out]": the verb the
            # hedge doubts finishes its phrase, so a careful reader selects it with the hedge; in a
            # six-word claim one word each side was all that was free, and "may be" scored a third
            # less (reviews 171-174). Where it leaves too few words to mark, nothing is asked.
            verb_groups = [
                [start - span.start, end - span.start]
                for cue in cues
                for start, end in [_doubted_verb(block, cue.end, span.end)]
                if end > start
            ]
            always_free = [[s, e] for s, e in noted] + compared + verb_groups
            free += always_free
            free_around += always_free
            cue_words = ", ".join(f'"{display_form(cue.quote)}"' for cue in cues)
            gold = [(cue.start - span.start, cue.end - span.start) for cue in cues]
            if gold_is_sparse(gold, len(shown.words), [(s, e) for s, e in free_around]):
                free = free_around
            keys = [(s - span.start, e - span.start) for cue in cues for s, e in _key_words(reading, cue)]
            one_word = len(cues) == 1 and cues[0].length == 1
            verb = "The word {} shows" if one_word else "The words {} show"
            # "Aldermoor has about 9,000 voters": a rounded figure is not an unconfirmed one, and a
            # stem saying so would teach that it is (review 48).
            shows = ROUGH_AMOUNT if rough_only else NOT_CONFIRMED
            reason = verb.format(cue_words) + f" {shows}."
            # A cue the teacher listed but the key leaves out is named too, or a note calling it a
            # hedge would argue with the key ("'Could' and 'as early as' show ...", review 58).
            shown_rough = sorted({(s, e) for s, e in sizing} | {(cue.start, cue.end) for cue in demoted})
            if shown_rough:
                rough = [_phrase(reading, span.block, s, e) for s, e in shown_rough]
                named = " and ".join('"' + text + '"' for text in rough)
                gives = "gives" if len(rough) == 1 else "give"
                # Said as "also fine", so a note calling it a hedge too does not read as a contradiction
                # ("it is not needed" beside the note's "'Could' and 'as early as' show ...", reviews 71
                # and 80).
                doubt = (
                    f"the word of doubt is {cue_words}" if one_word else f"the words of doubt are {cue_words}"
                )
                rough_text = f"{named[:2].upper()}{named[2:]} {gives} a size or a time roughly"
                reason += f" {rough_text}: fine to select too, but {doubt}."
            yield self.select(
                prompt=f"Select the word or words that show {shows}.",
                explanation=_notes([reason, claim.note], reason),
                block_index=span.block,
                block=shown,
                gold=gold,
                keys=keys,
                offset=span.start,
                span=span,
                about=claim_subjects(index, claim, reading.note_describes_source(claim)),
                line=claim.line,
                extra={"claim": index, "free": free} if free else {"claim": index},
            )


# Words between a hedge and the verb it doubts; the auxiliaries that carry it are _AUXILIARIES, below.
_VERB_GROUP_ADVERBS = frozenset(
    ["also", "still", "even", "yet", "soon", "well", "already", "eventually", "partly", "only", "just"]
    + ["now", "never", "not", "further", "actually", "really", "easily", "quickly", "finally", "one", "day"]
)
# Hedges after which a verb follows: a modal, or "to" ("likely to", "expected to", "set to").
_BEFORE_A_VERB = frozenset(
    ["may", "might", "could", "would", "can", "will", "should", "must", "to", "probably", "possibly"]
)


def _doubted_verb(block: Block, after: int, limit: int) -> tuple[int, int]:
    """The verb group a hedge ending at ``after`` doubts ("also be improving" after "may", "turn out"
    after "could", "to rise" after "likely"): its "to", adverbs, "be" or "have", the verb and a
    particle; empty where no verb follows the hedge."""
    index = after
    if index <= 0:
        return (after, after)
    last = match_form(block.words[index - 1]).casefold()
    if last not in _BEFORE_A_VERB:
        if index < limit and block.gaps[index] == " " and block.words[index].casefold() == "to":
            index += 1  # "likely [to rise]", "expected [to close]"
        else:
            return (after, after)
    while index < limit and block.gaps[index] == " ":
        word = match_form(block.words[index]).casefold()
        if word in _VERB_GROUP_ADVERBS or word in _AUXILIARIES:
            index += 1
            continue
        if block.words[index][:1].islower() and word not in FUNCTION_WORDS and word.isalpha():
            index += 1  # the verb itself
            particle = index < limit and block.words[index].casefold() in _VERB_PARTICLES
            if particle and block.gaps[index] == " ":
                index += 1
            else:
                index += _fixed_phrase_after(block, index, limit)
        break
    return (after, index)


# Words that finish a verb as one phrase: "may [come into force]", "could [take effect]" (review 330).
_FIXED_AFTER_A_VERB = (("into", "force"), ("into", "effect"), ("into", "operation"), ("effect",), ("place",))


def _fixed_phrase_after(block: Block, index: int, limit: int) -> int:
    """How many words after a verb at ``index`` finish it as a fixed phrase, if any."""
    for phrase in _FIXED_AFTER_A_VERB:
        end = index + len(phrase)
        following = tuple(match_form(word).casefold() for word in block.words[index:end])
        if end <= limit and following == phrase and all(gap == " " for gap in block.gaps[index:end]):
            return len(phrase)
    return 0


NOT_CONFIRMED = "this claim is not confirmed"
ROUGH_AMOUNT = "this amount is only a rough one, not an exact figure"
# Hedge phrases that state that something is not known: the claim, not a word of doubt in it.
_NOT_KNOWN = frozenset(
    ["too early to say", "too early to tell", "not yet known", "remains to be seen", "remain to be seen"]
    + ["unclear", "won't know", "don't know", "do not know", "not sure", "nobody knows", "no one knows"]
)


_AMOUNT_WORDS = frozenset(
    ["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
    + ["twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "half", "third"]
    + ["quarter", "dozen", "double", "twice", "once", "every"]
)


def _sizes_an_amount(block: Block, after: int) -> bool:
    """A number or an amount follows ("about 400", "around a third"), not "about to change"."""
    following = block.words[after : after + 1]
    return bool(following) and (
        any(ch.isdigit() for ch in following[0]) or match_form(following[0]).casefold() in _AMOUNT_WORDS
    )


# Words that name a time on their own after a rough size ("as early as March"; "May" is safe there), and
# words that name one with the word before them ("next month", "this summer", "the spring").
_TIME_NAMES = frozenset(
    (_CALENDAR_NAMES + " May spring summer autumn winter today tomorrow tonight").casefold().split()
)
_TIME_NOUNS = _TIME_NAMES | frozenset(
    ["week", "month", "year", "weekend", "term", "season", "end", "start", "beginning"]
)
_TIME_OPENERS = frozenset({"next", "this", "the", "early", "late", "mid"})


def _sizes_a_time(block: Block, after: int) -> bool:
    """A time follows ("as early as March", "as soon as next month"), not "about this plan"."""
    following = [match_form(word).casefold() for word in block.words[after : after + 2]]
    if not following:
        return False
    return following[0] in _TIME_NAMES or (
        following[0] in _TIME_OPENERS and len(following) > 1 and following[1] in _TIME_NOUNS
    )


def _amount_end(block: Block, start: int) -> int:
    """Where the amount that starts at ``start`` ends, with a unit of two words ("80 per cent"):
    the two words after a rough size were free, and "cent" was not (review 263)."""
    following = [match_form(word).casefold() for word in block.words[start + 1 : start + 3]]
    return start + 3 if following == ["per", "cent"] else start + 1


# The longest phrase of a note that "spot the hedge" takes for a hedge the note names ("as many as").
MAX_NOTED_HEDGE_WORDS = 3


def unlisted_hedges(reading: ArticleReading, claim: Claim) -> list[tuple[int, int]]:
    """The claim's hedge words that no cue covers: each keeps "spot the hedge" off it. Not a rough size
    beside a listed word of doubt ("could cost it up to £30,000", cue "could"): it only sizes the
    amount, which the question leaves free to select (reviews 307, 312, 313)."""
    cues = [cue for cue in claim.cues if claim.span.contains(cue)]
    cue_ranges = [(cue.start, cue.end) for cue in cues]
    doubted = any(not _is_approximate(reading, cue) for cue in cues)
    rough = set(reading.approximate_hits(claim.span.block))
    words = reading.blocks[claim.span.block].words
    return [
        hit
        for hit in reading.hedges_in(claim.span)
        if not covered(hit, cue_ranges)
        and not (doubted and hit in rough)
        and not _meaning_word_listed(words, hit, cue_ranges)
    ]


def _meaning_word_listed(words: Sequence[str], hit: tuple[int, int], cues: Sequence[tuple[int, int]]) -> bool:
    """The cue "expected" for the hedge "expected to": its meaning word listed is the hedge listed, as
    "expected" alone finds the cue "expected to" (review 324)."""
    meaning = [i for i in range(*hit) if match_form(words[i]).casefold() not in FUNCTION_WORDS]
    return bool(meaning) and all(any(s <= i < e for s, e in cues) for i in meaning)


def _is_approximate(reading: ArticleReading, cue: Span) -> bool:
    """The cue is one of the vocabulary's approximate words ("up to", "an estimated")."""
    return (cue.start, cue.end) in reading.approximate_hits(cue.block)


def _framings(reading: ArticleReading) -> Iterator[tuple[int, Framing, VocabularyEntry]]:
    """Each framing span with its index and technique (spans with an unknown technique skipped)."""
    for index, framing in enumerate(reading.article.framing):
        try:
            yield index, framing, reading.vocabulary.technique(framing.technique)
        except KeyError:
            continue


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
MIN_STEM_WORD = 4  # "Out", "Hit": shorter words say too little to be matched


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


# The longest framing span whose sweeping word ("every", "nobody") is its key.
MAX_SWEEPING_SPAN = 4
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


# Words before a participle that make it part of a verb ("were hearing", "not allowed"), not a
# describing word.
_AUXILIARIES = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "not", "to", "will", "would"]
    + ["can", "could", "may", "might", "must", "should", "do", "does", "did", "get", "got", "am"]
)
# The auxiliaries that make a verb of their own: after a reporting verb they start what was said
# ("critics say the plan is wrong"), not to whom or when.
_FINITE_VERBS = _AUXILIARIES - {"not", "to", "being", "get", "got", "am"}


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


_LEANING_ADVERBS = frozenset({"yet", "even", "still", "ever", "really", "truly", "simply", "quite"})


# Words that only say one thing is like another: the simile's image carries it.
_LIKENESS = frozenset({"like", "unlike"})


def _is_meaning_word(word: str) -> bool:
    return any(ch.isalpha() for ch in word) and match_form(word).casefold() not in FUNCTION_WORDS


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


# A note's sentence offering plainer words ("'Rivals' alone would say the same thing"): the words
# it quotes are the plain alternative, not the framing.
# "instead of saying what is wrong with it" offers no plainer word (review 52).
_OFFERS_PLAINER = re.compile(
    r"\b(?:plain\w*|neutral|instead(?! of \w+ing\b)|would say|alone would|would be fairer)\b", re.I
)


def _framing_words_quoted(note: str) -> list[str]:
    """The phrases a framing note quotes, leaving out those it offers as plainer words."""
    return [
        phrase
        for sentence in re.split(r"(?<=[.!?])\s+", note)
        if not _OFFERS_PLAINER.search(sentence)
        for phrase in quoted_phrases(sentence)
    ]


# Words that make a statement depend on a condition: outside a hedge's cues, they doubt it too.
_CONDITIONS = frozenset(["if", "unless", "provided", "assuming", "once", "until", "when", "whenever"])
_CONDITION_PHRASE = re.compile(r"\b(?:as long as|so long as|only after)\b")
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


_VERB_PARTICLES = frozenset(
    ["out", "up", "off", "down", "away", "back", "through", "over", "across", "around"]
)
# A quotation this short around a framing span is one piece of hype; a longer one is a speaker's
# sentence, whose other words are plain.
MAX_FREE_QUOTATION = 12


# Selecting every quoted word of a passage must score less than this in "find the framing".
GUESS_BY_QUOTES = 0.75
# And every word outside quotation marks less than this in "find the sources": there a guess that
# takes some reported speech with the attributions is no giveaway, but one that takes little else
# is (0.86 with four words of reported speech, review 270; at 0.75 the sample articles' quizzes
# shared more than the bound of test_classes_with_different_seeds_get_different_quizzes).
GUESS_OUTSIDE_QUOTES = 0.85


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
            # The note's words and the emotive ones together; where a note quotes the whole span
            # ("fighting a losing battle"), the emotive words alone ("battle"); where every word is
            # emotive ("savage attacks"), the one the note names ('"Savage" makes the dogs sound like
            # wild beasts', review 119).
            # A sweeping opener the note quotes is the core on its own ('"Every single shop" is a huge
            # claim': "every", review 296).
            cores = (
                (emotive, quoted | emotive, quoted) if swept & quoted else (quoted | emotive, emotive, quoted)
            )
            for core in cores:
                # Meaning words only: "of" of the emotive phrase "flood of" finds nothing, nor "like"
                # of a simile the note quotes ("Like wildfire": "wildfire" finds it, review 329).
                core = {
                    i
                    for i in core
                    if match_form(words.words[i]).casefold() not in FUNCTION_WORDS | _LIKENESS
                    or i in swept
                    or i in named
                }
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
