"""How well supported: whether the article states a claim as a fact, hedges it, or gives it to an
unnamed or a named source (:func:`support_level`)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from app.domain.article import HEADLINE_BLOCK, SOURCED_STATUSES, Claim, Source, Span
from app.domain.kinds.base import (
    _FEELINGS,
    CARRYING_ON_A_PLAN,
    FELT,
    INDEFINITE_WORDS,
    RECORD_TYPES,
    RUN_ON_WORDS,
    UNNAMED_SOURCE_TYPES,
    QuestionKind,
    _a_persons_quotation_opens,
    _called_an_opinion,
    _claim_is_in_writers_words,
    _defined,
    _first_person,
    _mention_near,
    _note_points_to_support,
    _notes,
    _phrase,
    _relay_chain,
    _sizes_an_amount,
    _speaks_of,
    _tells_of_themself,
    _types_suggested_by_words,
    a_source_may_be_given,
    attributed_source,
    carries_on_an_attribution,
    described_as_one_of_its_subjects,
    in_stem,
    person_types,
    source_label,
    sourced_in_its_sentence,
    sources_named_in,
    unmarked_attribution_after,
    unmarked_attribution_beside,
)
from app.domain.kinds.statement_kind import speaks_of_the_future
from app.domain.passage import (
    ArticleReading,
    _bare,
    find_words,
    in_quotation,
    is_possessive,
    overlaps,
    words_of,
)
from app.domain.question import CHOICE, Question
from app.domain.text import Block, match_form

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


# Who speaks of their own feeling: "I", "we".
_FIRST_PERSON_SUBJECTS = frozenset({"i", "we", "i'm", "we're", "i've", "we've"})


# A speaker's own reasons, doubts, beliefs or feelings, told as "she": only she can know them, so
# naming her supports nothing ("she had 'no reason to doubt it' at the time", review 292).
_OWN_MIND = re.compile(
    r"\b(?:reason to|doubt\w*|believed?|thought|knew|had no idea|was sure|wanted|hoped|wished|regrett?\w*)\b|"
    # "she was sceptical at first but now finds it easier to concentrate" (review 396)
    r"\b(?:sceptical|skeptical|unsure|unconvinced|convinced|prefers?|preferred|(?:finds?|found) it "
    r"(?:easier|harder|easy|hard|difficult))\b|"
    # "we can't be sure it was the dogs that made the difference" (review 404)
    # "I can't prove the four-day week caused it" (review 463)
    r"\b(?:can't|cannot|can not|couldn't|could not) (?:be sure|be certain|say|tell|prove|show)\b|"
    r"\b(?:not sure|not certain|don't know|do not know|didn't know|did not know)\b|"
    # what they have seen and make of it: "I have never seen children so keen to pick up a book" (review 448)
    r"\b(?:never|ever) (?:seen|known|heard|met|had)\b|" + FELT.pattern
)


# The speaker's own hopes or expectations set beside what happened: "These figures are better than we
# had hoped" (review 471), "worse than I expected".
_FIRST_PERSON_MIND = re.compile(
    r"\b(?:than|as) (?:i|we) (?:had |have |would have |'d )?"
    r"(?:hoped|expected|feared|thought|imagined|dared|planned|predicted)\b"
)


def _own_feeling(claim: Claim) -> bool:
    """The claim tells of the speaker's own feeling ("We were overwhelmed", "I feel let down")."""
    text = match_form(claim.span.quote).casefold()
    words = [word.strip("\"'.,;:!?") for word in text.split()]
    if not words or FELT.search(text) is None:
        return False
    # "it feels like they don't trust us" (review 362): a feeling with the speaker in it.
    return _opens_with_the_speaker(claim) or bool(set(words) & _SPEAKER_IN_IT)


_SPEAKER_IN_IT = frozenset({"i", "me", "we", "us"})


def _opens_with_the_speaker(claim: Claim) -> bool:
    """The claim's subject is the speaker: "we can't be sure ...", "I don't know whether ..."."""
    words = match_form(claim.span.quote).casefold().split()
    return bool(words) and words[0].strip("\"'.,;:!?") in _FIRST_PERSON_SUBJECTS


# What someone hopes or promises to do ("the zoo hopes to release 20 birds a year", review 347): naming
# who hopes it supports nothing, since it has not happened. Not a plan ("the council plans to close two
# libraries": that the plan exists is a fact its source gives), nor what people want ("48 per cent wanted
# to keep the five-day week", a poll's finding).
_INTENT = re.compile(
    r"\b(?:hopes?|hoped|hoping|aims?|aimed|wishes|wished|promises?|promised|pledges?|pledged|vows?|vowed)"
    r" to\b"
)
# What a speaker wants, demands or advises: "it wants FreshFare to keep two staffed tills open" (review
# 442); not a survey's count of what people want ("61 per cent wanted longer Saturday opening"), which it
# found.
_WANTS = re.compile(
    r"\b(?:wants?|wanted|demanded|demanding|(?:is|are|was|were) calling for|calls? for|called for|"
    # advice: "The study recommends [leaving the tunnel unlit]" (review 460)
    r"recommends?|recommended|advises?|advised|urges?|urged)\b"
)
_A_COUNT = re.compile(r"\d|\bper ?cent\b|\b(?:in|out of) (?:three|four|five|ten)\b|\bmajority\b|\bhalf\b")
# How many words before a claim may say it is intended.
INTENT_REACH = 4
# A promise told in reported speech: "said the council would [look at the evidence honestly]".
_WILL_BEFORE = frozenset({"would", "will", "shall", "won't", "wouldn't"})
# A speaker's own feeling told as "her" or "him" ("the news had left her feeling guilty", review 351).
_LEFT_FEELING = re.compile(
    r"\b(?:left|leaves|leaving|made|makes|making) (?:her|him) (?:feel(?:ing)? \w+|" + _FEELINGS + r")\b"
)


# Before "hopes to": a relative clause ("women who hope to walk home"), a noun ("no promises to", "the
# aim to"), or a passive ("the money was already promised to pay off debts"): nobody's hope is the claim.
_NOT_AN_INTENT = frozenset(
    {"who", "that", "which", "whose", "no", "the", "a", "its", "their", "his", "her", "any"}
    | {"is", "are", "was", "were", "been", "being", "be"}
)


_QUOTE_MARKS = "\"'\u2018\u2019\u201c\u201d(),;:"
# Words that may stand between a hope's subject and "hopes to": "women who no longer hope to".
_ADVERBS_BEFORE_AN_INTENT = frozenset(
    {"now", "also", "still", "had", "has", "have", "already", "once", "longer"}
)


def _intended(reading: ArticleReading, claim: Claim) -> bool:
    """The claim is what someone hopes or promises to do: "the zoo hopes to release ...", or "would"
    just before its words."""
    block = reading.blocks[claim.span.block]
    before = [
        w.strip(_QUOTE_MARKS)
        for w in words_of(block, (max(0, claim.span.start - INTENT_REACH), claim.span.start))
    ]
    if before and before[-1] in _WILL_BEFORE:
        return True
    claimed = [w.strip(_QUOTE_MARKS) for w in words_of(block, claim.span)]
    text = " ".join([*before, *claimed])
    # Wants in the claim's words or right before them ("it wants [FreshFare to keep ...]"), not earlier
    # in the sentence: "Nobody wanted this, but we were not willing to gamble" (review 340).
    near = " ".join([*before[-2:], *claimed])
    wants = [] if _A_COUNT.search(near) else list(_WANTS.finditer(near))
    if any(_word_before(near, found.start()) not in _NOT_AN_INTENT for found in wants):
        return True  # not "Residents who want to keep their brown bin"
    for found in _INTENT.finditer(text):
        ahead = text[: found.start()].split()
        ahead = [w for w in ahead if w not in _ADVERBS_BEFORE_AN_INTENT]
        if not ahead or ahead[-1] not in _NOT_AN_INTENT:
            return True
    return False


def _word_before(text: str, index: int) -> str:
    words = text[:index].split()
    return words[-1] if words else ""


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
        if (
            _reported_by_someone(reading, claim)
            or carries_on_an_attribution(reading, claim, CARRYING_ON_A_PLAN)
            or unmarked_attribution_after(reading, claim.span)
        ):
            # "..., according to a consultation document the council published on Monday." then
            # "Under the plan, ... The merged sixth form could open as early as September 2026": the
            # document may say so too, so "a source the article names" could be defended (review 392).
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
        if a_source_may_be_given(reading, claim) or described_as_one_of_its_subjects(reading, claim):
            # "Its art deco front was listed by Historic England in 1998": "a source the article names"
            # could be defended (see a_source_may_be_given); so too where the next sentence quotes a
            # person the claim speaks of: "For many people on the Canal Street estate, that meant a
            # walk of 25 minutes", then "... said Doreen Walsh, who lives on Canal Street" (review 405).
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
        if _intended(reading, claim):
            # "hopes to release 20 birds a year by 2028", "would 'look at the evidence honestly'": a hope or
            # a promise, which naming who made it does not support (reviews 347 and 354).
            return None
        if _LEFT_FEELING.search(match_form(claim.span.quote).casefold()):
            return None  # "the news had left her feeling guilty": her own feeling (review 351)
        if (
            _own_feeling(claim)
            or _FIRST_PERSON_MIND.search(match_form(claim.span.quote).casefold())
            or (
                (_tells_of_themself(reading, claim.span) or _opens_with_the_speaker(claim))
                and _OWN_MIND.search(match_form(claim.span.quote).casefold())
            )
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
        if level == SUPPORT_NAMED and _record_the_notes_call_untraceable(source, claim):
            return None  # "Research from the United States found": a note saying it cannot be traced
        if level == SUPPORT_NAMED and _posted_by_someone_unnamed(reading, source):
            return None  # "photos posted to the Noticeboard group": the group is named, not who took them
        # An unnamed firefighter who "told Channel 7": named and unnamed could both be defended.
        chain = _relay_chain(reading.article, source) - {source.id}
        relays = [s for s in reading.article.sources if s.id in chain]
        if any((r.type in UNNAMED_SOURCE_TYPES) != (level == SUPPORT_UNNAMED) for r in relays):
            return None
        if level == SUPPORT_UNNAMED and (
            sources_named_in(reading, " ".join(note for note in (claim.note, source.note) if note))
            - {source.id}
        ):
            # "Which experts? ... Compare this with Mr Okoro, a named engineer who says something
            # similar": shown after the key, the note points at a named source (review 449).
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
        mention.start == sentence[0]
        and (source.type in named or _a_named_record(source, mention))
        and _speaks_of(reading, block, sentence, said)
        for sentence in after
        for source, mention in reading.mentions_in(block)
    ):
        return True
    # Or a named person's quotation opens it: 'parents who say portions have shrunk. "My son comes home
    # and goes straight to the fridge. ...," said Claire Dunmore' gives the example (review 215).
    named_people = frozenset(named & person_types(reading.vocabulary))
    return _a_persons_quotation_opens(reading, block, later, named_people)


def _a_named_record(source: Source, mention: Span) -> bool:
    """A record whose mention names its maker: "A study published last year by researchers at the
    University of Northbridge found" (review 362), which "a source the article names" counts."""
    return source.type in RECORD_TYPES and any(word[:1].isupper() for word in mention.quote.split()[1:])


# A claim whose own first words make an unnamed group its witnesses: "some of its members have seen",
# "many parents had noticed", "several residents reported".
_GROUP_WITNESSES = re.compile(
    r"^(?:some|many|most|several|few|a few|a number|dozens|hundreds|thousands|others|"
    # "his staff had noticed more pupils arriving with cans", from a headteacher (review 360)
    r"(?:his|her|their|its|our|my) (?:\w+ )?(?:staff|colleagues|workers|employees|members|officers|"
    r"volunteers|crews|nurses|teachers|drivers|engineers|customers|pupils|students|players|patients))"
    r"\b(?:\W+\w+){0,4}?"
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
# A note that says a record's maker is not given or that it cannot be found: "the article does not
# say who did the research", "research we cannot identify", "hard to look up" (review 431, a fail).
_NOTE_CALLS_UNTRACEABLE = re.compile(
    r"\b(?:does not|doesn't|do not|don't|did not|never) (?:say|tell us|tell you) who\b"
    r"|\bnot name (?:the|its|an?) (?:study|report|survey|research|authors?|researchers|laboratory|lab|"
    r"company|firm|maker|makers|organisation|group|charity|university)\b"
    r"|\bhard to (?:find|look up|trace)\b"
    r"|\b(?:cannot|can't|could not|couldn't) (?:be )?(?:identif(?:y|ied)|traced?|look(?:ed)? up)\b"
)


def _record_the_notes_call_untraceable(source: Source, claim: Claim) -> bool:
    """A record whose teacher's note, or the claim's, says nobody can tell who made it: shown after
    the key "A source the article names", it would argue for "An unnamed or vague source"."""
    return source.type in RECORD_TYPES and any(
        _NOTE_CALLS_UNTRACEABLE.search(match_form(note).casefold())
        for note in (source.note, claim.note)
        if note
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


# A note that already says the writer gives the claim as a fact.
_STATES_AS_FACT = re.compile(
    r"\b(?:states?|stated|presents?|presented|gives?|given|reports?|written) (?:this |it )?as (?:a )?fact\b"
)
