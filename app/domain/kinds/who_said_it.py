"""Who said it: which source the article gives a claim to, or "The article does not say" where
the claim stands in the writer's own words.  The wrong answers are other sources of the article
that could not be defended as where the words come from."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

from app.domain.article import Claim, Source, Span, Vocabulary
from app.domain.kinds.base import (
    _VIEW_HOLDERS,
    BODY_TYPE,
    RECORD_TYPES,
    UNNAMED_SOURCE_TYPES,
    QuestionKind,
    _called_an_opinion,
    _claim_is_in_writers_words,
    _distinct,
    _first_person,
    _mention_near,
    _note_points_to_support,
    _notes,
    _relay_chain,
    _relays_of,
    _same_text,
    _source_features,
    _tells_of_themself,
    a_source_may_be_given,
    attributed_source,
    by_their_names,
    capitalised_words,
    claims_share_words,
    common_subject_words,
    content_words,
    in_stem,
    only_passes_words_on,
    person_types,
    plain_stems,
    record_and_body_words,
    sentences_around,
    setting_words,
    source_family,
    source_label,
    sourced_in_its_sentence,
    speaks_for_a_body,
    subjects_shown,
    unmarked_attribution_beside,
    where,
)
from app.domain.kinds.source_type import SourceType
from app.domain.kinds.statement_kind import speaks_of_what_may_happen
from app.domain.passage import (
    PRONOUNS,
    ArticleReading,
    _bare,
    find_words,
    in_quotation,
    is_possessive,
    is_pronoun_only,
    names,
    speaker_words,
    words_of,
)
from app.domain.question import CHOICE, Question
from app.domain.subjects import subjects_of
from app.domain.text import Block, figures, match_form

NOT_SAID = "The article does not say"
# Verbs that grant someone else's point, just before the words ("accepted that").
_CONCEDING = frozenset(
    ["accepted", "accepts", "agreed", "agrees", "conceded", "concedes", "admitted", "admits"]
    + ["acknowledged", "acknowledges", "granted", "grants"]
)
# Words that open a claim about one person's own doings.
_ONE_PERSON = frozenset(["he", "she", "his", "her"])

MAX_SOURCE_CHOICES = 4


# Words that count people: "two teenagers", "several parents", "a group of".
_COUNTS_OF_PEOPLE = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some"]
    + ["few", "dozens", "hundreds", "group", "groups", "both", "other", "most", "all"]
)
_PLURAL_PEOPLE = frozenset({"people", "children", "men", "women", "staff", "police"})


def _many_people(source: Source) -> bool:
    """An unnamed source that is more than one person: "two teenagers interviewed outside the
    centre", "residents of Mill Lane", "several parents"; not "one 15-year-old boy" nor "the boy's
    14-year-old friend"."""
    if source.type not in UNNAMED_SOURCE_TYPES:
        return False
    words = [match_form(word).casefold().strip(".,;:\"'") for word in source_label(source).split()]
    words = [word for word in words if word not in ("the", "a", "an")][:3]
    if not words or words[0] in ("one", "single"):
        return False
    if words[0] in _COUNTS_OF_PEOPLE:
        return True
    for word in words:
        if is_possessive(word) or word[:1].isdigit():
            continue
        return word in _PLURAL_PEOPLE or (word.endswith("s") and not word.endswith("ss"))
    return False


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


# What follows "it" when it stands for no one ("it is too early", "it would be wrong", "it has been").
_IT_STANDS_FOR_NO_ONE = frozenset(
    {"is", "was", "'s", "isn't", "wasn't", "seems", "seemed", "appears", "appeared", "remains", "looks"}
)
_AUXILIARIES = frozenset(
    {"will", "would", "could", "may", "might", "should", "can", "must", "has", "had", "have", "does", "did"}
)
_NO_ONES_VERBS = frozenset({"be", "been", "not", "seem", "appear", "take", "make", "cost", "costs"})


# Words after which "it" or "its" opens a clause: "since it cut", "that its staff".
_CLAUSE_OPENERS = frozenset(
    {"that", "since", "because", "as", "when", "after", "before", "and", "but", "so", "until", "while"}
)


def _it_acts(words: Sequence[str]) -> bool:
    """The words tell what "it" does or owns, as a clause's subject ("since it cut the top speed", "it
    will decide", "its shareholders were paid"), not what "it" is ("it is too early to say", "it would
    be wrong"), nor "it" as an object ("rushed it through") or another thing's "its" ("turning its
    back")."""
    for index, word in enumerate(words):
        if index > 0 and words[index - 1] not in _CLAUSE_OPENERS:
            continue
        if word == "its":
            return True
        if word != "it" or index + 1 >= len(words):
            continue
        after = words[index + 1]
        if after in _AUXILIARIES:
            if index + 2 < len(words) and words[index + 2] not in _NO_ONES_VERBS:
                return True
        elif after not in _IT_STANDS_FOR_NO_ONE and after not in _NO_ONES_VERBS:
            return True
    return False


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
    singular = {_singular(word) for word in staff}
    shown = Block.from_text(source_label(source)).words
    label = {match_form(word).casefold() for word in shown}
    if label & (staff | singular):
        return True
    # "an unnamed Valemoor driver" for "staff had raised worries about the tyres": an unnamed person
    # the label ties to a body by its name is one of its people, whatever their job (review 359).
    return (
        source.type == "anonymous"
        and bool(set(words) & _ANY_BODYS_PEOPLE)
        and any(word[:1].isupper() for word in shown[1:])
    )


def _singular(plural: str) -> str:
    """ "nurse" of "nurses", "coach" of "coaches"."""
    return plural[:-2] if plural.endswith(("ches", "shes")) else plural.removesuffix("s")


# Words for the people of any body, whatever they do.
_ANY_BODYS_PEOPLE = frozenset({"staff", "workers", "employees", "colleagues"})


def _every_type(vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(entry.id for entry in vocabulary.source_types)


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
            if a_source_may_be_given(reading, claim):
                # "Ofsted rated it as requiring improvement": "the article does not say" could be
                # argued (see a_source_may_be_given).
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
        # The place the story is set in ties nobody: "Eastmere" of "an unnamed Eastmere Water engineer"
        # beside "Eastmere University" (review 474).
        setting = setting_words(article)
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
        it_acts = _it_acts(words_of(block, claim.span))
        if source is not None and source.type not in RECORD_TYPES and it_acts:
            # "it pays for free eye tests in 200 schools", from a charity: a study on offer pays for
            # nothing (review 351).
            speakers -= RECORD_TYPES
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
        if source is None and first and first[0] in _ONE_PERSON:
            # "she spent her savings on a second-hand microscope", with no source: only someone who
            # knows her could have told it, so a report, a company or "experts" on offer is no real
            # choice, and "does not say" is found without reading (review 440, a fail).
            speakers &= person_types(reading.vocabulary)
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
        if source is not None and _names_its_own_record(reading, source, claim):
            # "it had no plans to change the guidance" from the Department for Education, whose
            # guidance the article quotes: the stem's "guidance" points at its owner (review 419).
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
        around = sentences_around(reading, claim.span) if source is None else []
        people = person_types(reading.vocabulary)
        said_by_a_person = source is not None and source.type in people
        # "injuries had fallen every month since it cut the scooters' top speed": "it" later in the
        # words too (review 339).
        # "The school has promised [to refund every penny]": a body's words opening with "to" tell what it
        # will do itself (review 359).
        # 'Vale Water said its water "meets every legal standard"': "its" just before the words is the
        # body's own thing too (review 371).
        before = words_of(block, (claim.span.start - 2, claim.span.start)) if claim.span.start >= 2 else []
        speaks_of_itself = source is not None and (
            (bool(first) and first[0] in ("it", "its"))
            or it_acts
            or (first[:1] == ["to"] and not said_by_a_person)
            or (not said_by_a_person and "its" in before)
        )
        conceded = bool(set(before) & _CONCEDING)
        candidates = [
            s
            for s in article.sources
            if s.id not in also_right
            and s.type in speakers
            and reading.naming_mentions(s)  # "he added": a source nobody can pin down
            # "Le Drian or Barzani" beside "Le Drian"; "a member of Parents for Choice" beside the group
            and not (_label_names(s) & taken_names) - setting
            and not names(block, claim.span, s)  # a name the stem shows is a trap, not a distractor
            and not any(_same_text(source_label(s), source_label(r)) for r in right_sources)
            and not ((content_words(source_label(s)) - _DESCRIPTOR_ROOTS) & shown_words) - setting
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
            # Nor a group of people in the paragraph beside an unnamed key, who may be one of them:
            # "two teenagers interviewed outside the centre" beside "the boy's 14-year-old friend"
            # (review 376, a fail).
            and not (
                source is not None
                and source.type == "anonymous"
                and _many_people(s)
                and any(m.block == claim.span.block for m in s.mentions)
            )
            # An outlet that only passed on others' words is no one whose view a person's words could
            # be: "the Wyre Valley Echo" for a customer's "still tastes exactly the same" (review
            # 197), a radio station for a father's quip (review 195); nor does it act as a body does
            # ("it expected to sell the first houses in 2027", from the developer, review 257).
            and not ((said_by_a_person or speaks_of_itself) and only_passes_words_on(article, s))
            # Nor an outlet that passed on the words of someone speaking before them in the paragraph:
            # "Studies of phone bans elsewhere have been mixed, he added. A 2023 review ... found",
            # beside "the Westbridge Echo" that the professor told (review 422).
            and not (
                only_passes_words_on(article, s)
                and any(
                    other.id != s.id
                    and s.id in _relay_chain(article, other)
                    and any(m.block == claim.span.block and m.end <= claim.span.start for m in other.mentions)
                    for other in article.sources
                )
            )
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
            # Nor one those sentences name in another's mention: "the Fenmoor Integrated Care Board" of
            # "according to figures from the Fenmoor Integrated Care Board" (review 488, a fail).
            and not (source is None and any(names(reading.blocks[b.block], b, s) for b in around))
            # Nor a source whose own claims share a meaning word with the words ("without reducing
            # visits", from the council report, for "evening visits went up", review 361): the writer may
            # have taken them from it too.
            and not (source is None and claims_share_words(reading, s, claim))
            # Nor, for words the key concedes ("Mrs Price accepted that the new phonics lessons had
            # played a part"), anyone speaking before them in that paragraph or the one before: the
            # point conceded may be theirs (review 448).
            and not (
                conceded
                and any(
                    claim.span.block - 1 <= m.block <= claim.span.block
                    and (m.block < claim.span.block or m.end <= claim.span.start)
                    for m in s.mentions
                )
            )
        ]
        # A source whose name speaks of another subject than the words could not have said them: "the
        # Met Office rainfall figures" for bosses' bonuses (review 334), "Northern Weather Service" for
        # a race's entry fees (review 340). A name of no listed subject may fit anything.
        claimed = subjects_of(claim.span.quote, reading.vocabulary.subject_groups)
        name_subjects = {
            s.id: subjects_shown(reading, s) for s in [*candidates, *([source] if source else [])]
        }
        candidates = [s for s in candidates if not name_subjects[s.id] or name_subjects[s.id] & claimed]
        # Nor a record whose plain words say what it holds, of no listed subject, when the words share
        # none of them: "the club's booking records" for how crumb rubber uses up old tyres (review 380,
        # a fail), "the council's planning records" for how swifts nest (review 375).
        # Only for words with no figure that no record is the key of: a count may come from any record.
        ignored = record_and_body_words(reading)
        said_stems = plain_stems(claim.span.quote, ignored)
        no_record_needed = (source is None or source.type not in RECORD_TYPES) and not figures(
            claim.span.quote
        )
        candidates = [
            s
            for s in candidates
            if not no_record_needed
            or s.type not in RECORD_TYPES
            or name_subjects[s.id]
            or not (held := common_subject_words(source_label(s), ignored))
            or held & said_stems
        ]
        if (
            source is not None
            and name_subjects[source.id] & claimed
            and not any(name_subjects[s.id] & claimed for s in candidates)
        ):
            # "the site had low wildlife value" from "an ecology survey paid for by Kestrel Homes": the
            # one name that speaks of the words' subject is the key at a glance (review 345).
            return None
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
        at_work = source is not None and source.type == "anonymous" and _at_work(reading, source)
        if (
            source is not None
            and source.type == "anonymous"
            and not any(
                s.type == "anonymous" and (not at_work or _at_work(reading, s))
                for s in kept
                if source_label(s) in wrong
            )
        ):
            # "an unnamed nurse at the hospital" beside two names, for "patients were being treated in
            # corridors": the one source shown by what it is fits the words, and is found without
            # reading (reviews 305 to 308). Another unnamed person on offer makes the student read; beside
            # one known by a job ("an unnamed council officer" for "the money would come from the parks
            # budget"), another known by one: "an unnamed tenant at the Brook Road site" could not know
            # the budget (review 467, a fail).
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
            return _apart(reading.vocabulary, wrong, labels, {source_label(s): s for s in kept})
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
        return _apart(reading.vocabulary, wrong, labels, {source_label(s): s for s in kept})

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


def _names_its_own_record(reading: ArticleReading, source: Source, claim: Claim) -> bool:
    """The words speak of a record the article names after the key ("the guidance" beside "the
    Department for Education's guidance", from the department)."""
    key = content_words(source_label(source))
    said = content_words(claim.span.quote)
    return bool(key) and any(
        other is not source
        and other.type in RECORD_TYPES
        and key < (named := content_words(source_label(other)))
        and bool((named - key - _DESCRIPTOR_ROOTS) & said)
        for other in reading.article.sources
    )


def _apart(
    vocabulary: Vocabulary, wrong: list[str], labels: list[str], by_label: dict[str, Source]
) -> list[str]:
    """The wrong choices with none that stands or falls with another (see _together): the later one
    gives way to the next label that stands apart, where there is one."""
    chosen: list[str] = []
    for label in [*wrong, *(label for label in labels if label not in wrong)]:
        if len(chosen) == len(wrong):
            break
        if not any(_together(vocabulary, by_label[label], by_label[other]) for other in chosen):
            chosen.append(label)
    return chosen


# Source types of people who speak for nobody but themselves.
_PRIVATE_PEOPLE = frozenset({"named_person", "anonymous"})


def _together(vocabulary: Vocabulary, one: Source, other: Source) -> bool:
    """Two wrong choices of which, were one right, the other would be too, so a student rules both out
    at once: a loose group and a person, who may be one of them ('"other farmers in the valley"' beside
    "an unnamed farmer downstream"), or a body and a person its name ties to it ("the Wenndale Farmers'
    Group" beside "Ruth Kendal, chair of the Wenndale Farmers' Group", review 472)."""
    people = person_types(vocabulary)
    for group, member in ((one, other), (other, one)):
        # A private person may be one of a loose group: '"some regulars"' beside Jean Pollard, "who has
        # walked her two spaniels at Larkhill every morning for 15 years" (review 476, a fail); an
        # official speaking for a body is not one of "critics".
        if group.type == "vague" and member.type in _PRIVATE_PEOPLE:
            return True
        named = capitalised_words(source_label(group))
        if (
            group.type not in people | UNNAMED_SOURCE_TYPES
            and named
            and named <= capitalised_words(member.name)
        ):
            return True
    return False


def _at_work(reading: ArticleReading, source: Source) -> bool:
    """A person known by a job: tied to a body ("a council officer, who asked not to be named"), or
    called by a role or a staff word ("an unnamed porter", "an unnamed coach at the club"); not "an
    unnamed tenant at the Brook Road site"."""
    if _tied_to_a_body(reading, source):
        return True
    jobs = set(reading.vocabulary.role_words) | {_singular(word) for word in reading.vocabulary.staff_words}
    return bool({_bare(word) for word in Block.from_text(source_label(source)).words} & jobs)


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
