"""How would you check this?  The best first step to verify a claim, where the annotations say
which step that is: read the document the claim comes from, find the report of the outlet this
article took it from, or, for a claim that rests on one unnamed source, look for a source that can
be checked.  The wrong answers are steps that check nothing about any claim ("it was in the news,
so it is true"), so only one answer is defensible.  A claim from a named person or group with no
relay gets no question: whether to ask who gains, or to find a second source, is a judgement the
annotations do not make."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence

from app.domain.article import Claim, Source, Span
from app.domain.kinds.base import (
    FELT,
    INDEFINITE_WORDS,
    RECORD_TYPES,
    UNNAMED_SOURCE_TYPES,
    QuestionKind,
    _notes,
    _phrase,
    attributed_source,
    capitalised_words,
    claims_share_words,
    common_subject_words,
    content_words,
    gives_nothing,
    in_stem,
    plain_stems,
    record_and_body_words,
    record_subject_words,
    relay_order,
    source_label,
    sourced_in_its_sentence,
    unmarked_attribution_beside,
    where,
)
from app.domain.kinds.source_chain import chain_in_sentence
from app.domain.kinds.statement_kind import NOTE_DENIES_CHECK as _NOTE_DENIES_CHECK
from app.domain.kinds.statement_kind import speaks_of_the_future
from app.domain.passage import ArticleReading, is_possessive, names, trim_attribution
from app.domain.question import CHOICE, Question
from app.domain.quiz_rules import claim_subjects
from app.domain.subjects import record_subjects, subjects_of
from app.domain.text import FUNCTION_WORDS, inflection_base, match_form

CHECKABLE_KEY = "Look for a named source or a record that reports the same thing"
# Steps that would not check any claim: what a reader who does not yet know how to check tries.
# Not "look up who wrote the article" (for a claim only this article carries, its reporter is the
# way to the source) nor "count how often the article repeats it" (no reader would try it).
WRONG_STEPS = (
    "Nothing: it is in the news, so it must be true",
    "Read the article again to see whether it sounds sure of itself",
    "Check that the headline says the same thing",
    "See how many people have shared or liked the article",
)
MAX_WRONG_STEPS = 3
_ABOUT_SHARING = re.compile(r"\b(?:shar\w*|likes?|liked|views?|viewed|followers|retweet\w*|reposts?)\b")
# Trusting the outlet or document the key names, without checking: wrong, but what a reader who
# trusts anything official or in the news would pick.
TRUST_WITHOUT_CHECKING = {
    "news_outlet": "Nothing: {label} reported it, so it must be true",
    "document_or_data": "Nothing: it comes from {label}, so it must be true",
}


# Words that say a document is not there for readers to look at ("a leaked internal memo seen by
# this newspaper", "an unpublished study").
_CLOSED = re.compile(
    r"\b(?:internal|leaked|confidential|private|secret|unpublished|not (?:been )?published|"
    r"unsigned|anonymous|"
    r"seen by|obtained by|shown to|released to|"
    # The outlet's own work: "a price check by this newspaper" is not out for readers (review 90).
    r"(?:by|to|for) (?:this|our) (?:newspaper|paper|website|station|programme|reporters?)|"
    r"(?:this|our) (?:newspaper|paper)'s|our own|"
    # a body's working records, with no word that they are out: "the food bank's own records" (review 480)
    r"own (?:\w+ )?(?:records|logs|files|registers?))\b"
)


# Verbs of feeling in an attribution: what follows is a fear or a hope, not a fact to check.
_FEELING = re.compile(r"\b(?:fears?|feared|worr(?:y|ies|ied)|hopes?|hoped|dreads?|dreaded)\b")


# What follows "cannot check" in a note that limits it to this article or to who says it.
_ONLY_HERE = re.compile(
    r"\s+(?:who|whose|where|which)\b|\s+(?:it |this |that )?(?:from|in|using|with) (?:this|the) "
    r"(?:article|story|report|piece)\b|\s+(?:it |this |that )?here\b"
)
# A note that says the evidence is not out for anyone to read.
_UNPUBLISHED = re.compile(
    r"\b(?:did|does|do|has|have|had|would|will) not (?:publish|release|share|show|make public)\w*|"
    r"\b(?:didn't|doesn't|hasn't|haven't|won't|wouldn't) (?:publish|release|share|show)\w*|"
    r"\bunpublished\b|\bnot (?:been )?(?:published|released|made public)\b|"
    # "Only a four-page summary has been made public; the full report is commercially sensitive"
    # (review 105).
    r"\bcommercially sensitive\b|\bwithheld\b|\bonly (?:a|the) (?:short |brief |[\w-]+ )?summary\b"
)


# Words that give a reason or a motive: what someone makes of the facts, not a fact to look up.
_A_REASON = re.compile(
    r"\b(?:reason|reasons|motive|motives|because|in order to|so as to|was driven by|were driven by|"
    r"the aim was|the point was)\b"
)


# Marks that end the words joined to a mention.
_MARKS = ",;:.!?()"


def _closed_to_readers(reading: ArticleReading, source: Source) -> bool:
    texts = [
        source.name,
        *(" ".join(reading.blocks[m.block].words[m.start : m.end]) for m in source.mentions),
        *(_joined_to(reading, m) for m in source.mentions),
    ]
    if any(_CLOSED.search(match_form(text).casefold()) for text in texts):
        return True
    # "The full results ... have not been made public", in a paragraph that names the survey, or the
    # teacher's note saying so (review 97).
    around = [
        " ".join(reading.blocks[m.block].words[start:end])
        for m in source.mentions
        for start, end in reading.sentences(m.block)
    ]
    return any(_UNPUBLISHED.search(match_form(text).casefold()) for text in [source.note, *around])


def _joined_to(reading: ArticleReading, mention: Span) -> str:
    """The words after a mention that still say what it is, up to a mark or a claim: "the company sent
    to store managers and seen by this newspaper" after "according to a briefing document" (review
    279); not "shows that average private rents rose", what it says, nor ", and LabCheck ... for this
    newspaper", about someone else."""
    words, gaps = reading.blocks[mention.block].words, reading.blocks[mention.block].gaps
    claimed = {i for _, c in reading.claims_in(mention.block) for i in range(c.span.start, c.span.end)}

    def up_to_a_mark(stop: int) -> int:
        while stop < len(words) and stop not in claimed and not any(mark in gaps[stop] for mark in _MARKS):
            stop += 1
        return stop

    stop = up_to_a_mark(mention.end)
    if stop == mention.end and stop < len(words) and gaps[stop].strip() == ",":
        # "according to the laboratory's report, a copy of which was sent to this newspaper" (review 445)
        after = [match_form(word).casefold() for word in words[stop : stop + 4]]
        if after[:4] == ["a", "copy", "of", "which"] or after[:1] == ["which"]:
            stop = up_to_a_mark(stop + 1)
    return " ".join(words[mention.end : stop])


# First words of a record's name that point at no particular one ("a separate study").
_ANY_ONE = INDEFINITE_WORDS | {"another"}


# Words before a place's name: "in Scotland" says where a study looked, not whose it is.
_WHERE = frozenset({"in", "near", "across", "around", "throughout"})


def _unidentified(source: Source, owners: Iterable[str]) -> bool:
    """A record named by no owner, title or author ("a separate study published last year", "a 2022
    study of house sales in Scotland", review 322): there is no original to look at.  "A survey by the
    Parent-Teacher Council" or "a 2022 study by the National Reading Trust" says whose it is; a year,
    a count or a place does not; an owner's word does ("a council report published in October")."""
    words = source.name.split()
    if not words or words[0].casefold() not in _ANY_ONE:
        return False
    said = {word.casefold() for word in words}
    if {"by", "from", "for"} & said or said.intersection(owners) or any(map(is_possessive, words)):
        return False
    place = False
    for before, word in zip(words, words[1:], strict=False):
        capital = word[:1].isupper()
        place = capital and (before.casefold() in _WHERE or place)
        if capital and not place:
            return False
    return True


def _short(label: str) -> str:
    """A source's label without the description after its first comma, to fit a sentence:
    "the Harbridge Echo, a local newspaper" gives "the Harbridge Echo"."""
    # Not at a thousands comma: "Dr Adeyemi's study of 1,200 pupils" (review 39).
    return re.split(r",(?!\d)", label, maxsplit=1)[0].strip() or label


# How a label says the person has no name ("an unnamed bus driver", "one nurse").
_UNNAMED_OPENING = re.compile(r"^(?:(?:an?|the) )?(?:unnamed |anonymous )?(?:one )?", re.IGNORECASE)
# Words that make a label something other than a person ("one post on the parents' Facebook group").
_NOT_A_PERSON = frozenset(
    {"post", "message", "comment", "video", "leaflet", "website", "page", "account", "email", "letter"}
    | {"rumour", "report", "sign", "notice", "poster", "review", "document", "note", "memo", "source"}
)


# Words after a person's noun that say where they are: "a nurse at the unit".
_AFTER_THE_PERSON = frozenset({"of", "at", "on", "in", "from", "for", "with", "who", "near"})


def _ask_the_unnamed(source: Source) -> str | None:
    """A real step the reader cannot take, as a wrong answer beside "look for a named source": asking
    the one unnamed person who said it ("Ask the bus driver who said it ..."). Beside the stock steps
    that check nothing, the key was the only real step (reviews 204 to 216). Not for a loose group:
    asking some residents yourself does check what residents say."""
    if source.type != "anonymous":
        return None
    person = _UNNAMED_OPENING.sub("", _short(source_label(source)).strip("\"“”' ")).strip()
    words = person.split()
    if not words or not person[:1].islower() or {w.casefold() for w in words[:3]} & _NOT_A_PERSON:
        return None
    head = next((i for i, word in enumerate(words) if word in _AFTER_THE_PERSON), len(words))
    if head == 0 or (words[head - 1].endswith("s") and not words[head - 1].endswith("ss")):
        return None  # "residents of Mill Lane": asking some of them yourself checks what they say
    return f"Ask the {person} who said it whether it is true"


def _possessive(label: str) -> str:
    """ "CNN's", "ARA News's": the apostrophe and s even after an s, as a name is read aloud."""
    return f"{label}'s"


# The first step for a record or an outlet's report: the key, or aimed at another one, a wrong answer.
_STEP_FOR = {
    "document_or_data": "Look at the original yourself: {label}",
    "news_outlet": "Find {owner} own report of it",
}


def _check_elsewhere(
    claim: Claim,
    source: Source,
    candidates: list[Source],
    rng: random.Random,
    ignored: frozenset[str],
    groups: Sequence[frozenset[str]],
    records: frozenset[str] = frozenset(),
) -> list[tuple[str, Source]]:
    """A real check aimed at the wrong place: the original of another record (or the report of
    another outlet) the article names, so that only a student who found where the claim comes from
    picks the key; the other wrong steps check nothing, and without it the key is the one sensible
    action, found without reading (review 94).  ``candidates``: see ``_elsewhere``."""
    alike = _wrong_places(claim, source, candidates)
    if source.type not in _STEP_FOR or not alike:
        return []
    # One of the key's kind, where there is one; and of those, one that shares a word with the
    # claim: "the minutes of the council meeting" for a council's figures, not a "leak report" for
    # rainfall, ruled out by its name (review 102).
    about = content_words(claim.span.quote)
    # Never one whose subject the claim speaks of: "Westshire Police's crime figures" for "no rise in
    # night-time crime in Kelsey", "the council's flood risk assessment" for "the risk can be managed"
    # could each hold the claim, a second defensible key (reviews 282, 288).
    claimed = plain_stems(claim.span.quote, ignored)
    alike = [other for other in alike if not record_subject_words(source_label(other), ignored) & claimed]
    # Nor one whose name speaks of the claim's subject in other words: "Kelbrook Borough Council's
    # transport report" for when the last bus leaves (review 338), its owner's name too ("Severnbrook
    # Water's daily supply figures" for reservoir levels, review 353).
    spoken_of = subjects_of(claim.span.quote, groups)
    alike = [other for other in alike if not subjects_of(source_label(other), groups) & spoken_of]
    # Nor one named by what the claim speaks of, though the word names records too: "Kelmoor Academy's
    # published results" for "results improved across the county" (review 422).
    records_spoken_of = about & content_words(" ".join(records))
    alike = [other for other in alike if not content_words(source_label(other)) & records_spoken_of]
    if not alike:
        return []
    shared = {other.id: len(content_words(source_label(other)) & about) for other in alike}
    most = max(shared.values())
    other = rng.choice([other for other in alike if shared[other.id] == most])
    label = _short(source_label(other))
    return [(_STEP_FOR[other.type].format(label=label, owner=_possessive(label)), other)]


# Words that end who owns or made a record: what comes after them names its maker, not its subject.
def _subject_gives_the_key(reading: ArticleReading, claim: Claim, source: Source) -> bool:
    """The claim speaks of what the right record's name says it is about, in other words of one
    subject group: "the last bus ... leaves at 7.15pm" beside "the timetable on Vantage Buses'
    website", "142 people for e-scooter injuries" beside "the infirmary's annual trauma report"
    (reviews 338 to 340).  No wrong place may be about it too, so the subject picks the key."""
    groups = reading.vocabulary.subject_groups
    if source.type not in _STEP_FOR:
        return False
    if record_subjects(_short(source_label(source)), groups) & subjects_of(claim.span.quote, groups):
        return True
    # The record's kind in the claim's words, in any form: "most of the councils they studied" beside
    # "the Bramford University study" (review 482, a fail).
    kinds = {word for word in reading.vocabulary.record_words if " " not in word}
    named_kinds = {_root(word) for word in _short(source_label(source)).casefold().split() if word in kinds}
    return bool(named_kinds & {_root(word) for word in match_form(claim.span.quote).casefold().split()})


def _root(word: str) -> str:
    """A word without its ending, "y" and "i" alike: "study", "studies" and "studied" meet."""
    base = inflection_base(word.strip(".,;:'\""))
    return base[:-1] + "i" if base.endswith("y") else base


def _wrong_places(claim: Claim, source: Source, candidates: list[Source]) -> list[Source]:
    """The candidates a wrong step may aim at: those of the key's own kind, where there are any;
    else those of the other kind whose names share no word with the claim ("the centre's security
    figures" could hold "officers had been called to the centre 23 times", which the key says the
    Echo reported)."""
    alike = [other for other in candidates if other.type == source.type]
    if alike:
        return alike
    about = content_words(claim.span.quote)
    return [other for other in candidates if not content_words(source_label(other)) & about]


def _claim_points_at_the_key(claim: Claim, source: Source, candidates: list[Source], right: str) -> bool:
    """The claim's words meet the key's record and no other record's name: "the council's bill for
    street lighting" beside "the council finance department's report" and a university's crime
    study, answered without finding the claim (review 186)."""
    template = _STEP_FOR.get(source.type)
    if template is None:
        return False
    about = content_words(claim.span.quote)
    named = content_words(right) - content_words(template)
    wrong_places = _wrong_places(claim, source, candidates)
    return bool(wrong_places) and len(named & about) > max(
        len(content_words(source_label(other)) & about) for other in wrong_places
    )


def _elsewhere(reading: ArticleReading, claim: Claim, source: Source) -> list[Source]:
    """Other records and outlets that a check could wrongly aim at: none that relays the claim's
    source, is named in its sentence, or shares a name with the key's source; none where the key is
    no record or outlet.  A record where the key is an outlet's report, and the other way round, is
    as real a step in the wrong place (reviews 224 and 225)."""
    if source.type not in _STEP_FOR:
        return []
    chain = {link.id for link in relay_order(reading.article, source)}
    key_names = capitalised_words(source_label(source))
    candidates = [
        other
        for other in reading.article.sources
        if other.type in _STEP_FOR
        and other.id not in chain
        and source.id not in {link.id for link in relay_order(reading.article, other)}
        and reading.naming_mentions(other)
        and not any(reading.shares_sentence(claim.span, m) for m in other.mentions)
        and not _may_share_an_owner(capitalised_words(source_label(other)), key_names)
        and _short(source_label(other)).casefold() != _short(source_label(source)).casefold()
        and not _namesakes(reading, other, source)
        # Nor one the article gives a claim on the same thing: "the county council's Young People's
        # Health Survey", which "found 41 per cent got their vapes from a friend", for "children were
        # buying vapes online or from older friends" (review 408, a fail): it could hold the claim.
        and not claims_share_words(reading, other, claim, topic_counts=False, at_least=2)
    ]
    return candidates


def _namesakes(reading: ArticleReading, other: Source, source: Source) -> bool:
    """Two records of one owner: "the charity's published accounts" beside "the charity's business
    plan", where the accounts may be the better check of money the charity set aside (review 231);
    "the council report on the library changes" beside "the council's figures from the January
    trial", which the report may hold (review 235); "the council's draft allotment rules" beside
    "Ashcombe Town Council's waiting-list figures" (review 238).  Two names ("NHS England's figures",
    "Swim England's guidance") are for _may_share_an_owner."""
    kinds = frozenset(word for word in reading.vocabulary.record_words if " " not in word)
    owners, other_owners = _owners_said(reading, source, kinds), _owners_said(reading, other, kinds)
    return any(
        word == other_word and not (named and other_named)
        for word, named in owners
        for other_word, other_named in other_owners
    )


def _owners_said(reading: ArticleReading, source: Source, kinds: frozenset[str]) -> set[tuple[str, bool]]:
    """The owners a record's label and the article's words for it name: "A report by the council's
    planning officers" is the council's, whatever its label, "the planning officers' report", says
    (review 438)."""
    return _owners(source_label(source), kinds).union(
        *(_owners(mention.quote, kinds) for mention in reading.naming_mentions(source))
    )


def _owners(label: str, kinds: frozenset[str]) -> set[tuple[str, bool]]:
    """The owners a label names, lower-case, each with whether it is written as a name: a possessive
    ("charity" of "the charity's business plan"), a noun before a kind of record ("council" of "the
    council report") or the first after it and "of" or "by" ("council" of "the minutes of the council
    meeting")."""
    owners = set()
    originals = label.split()
    words = [match_form(word).casefold().strip(".,;:") for word in originals]
    for index, word in enumerate(words):
        named = not originals[index][:1].islower()
        if is_possessive(word):
            owners.add((word.removesuffix("'s").removesuffix("'"), named))
        elif index + 1 < len(words) and words[index + 1] in kinds and word not in FUNCTION_WORDS:
            owners.add((word, named))
        elif word in kinds and words[index + 1 : index + 2] in (["of"], ["by"]):
            after = index + 2 + (words[index + 2 : index + 3] == ["the"])
            if after < len(words) and words[after] not in FUNCTION_WORDS:
                owners.add((words[after], not originals[after][:1].islower()))
    return owners


_NOT_NAME_WORDS = frozenset({"the", "a", "an", "of", "and", "for", "on", "in"})


def _may_share_an_owner(names: frozenset[str], other_names: frozenset[str]) -> bool:
    """Two records whose names could be one body's ("Westmarsh Police figures" and "the Westmarsh
    Police annual report", "Ofsted's report" and "Ofsted figures"): two name words in common, or
    all of one's.  One shared word that is only a place ("the Age Friends Westmarsh survey" and
    "figures released by Westmarsh Police") is two owners (review 149)."""
    names, other_names = names - _NOT_NAME_WORDS, other_names - _NOT_NAME_WORDS
    shared = names & other_names
    return len(shared) >= 2 or bool(shared) and shared in (names, other_names)


class HowToCheck(QuestionKind):
    name = "how_to_check"
    title = "How would you check it"
    skill = "claims"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        claims = reading.article.claims
        for index, claim in enumerate(claims):
            step = self.step(reading, claim)
            if step is None:
                continue
            same_words = [other for other in claims if other.span.overlaps(claim.span)]
            if any(
                (found := self.step(reading, other)) is None or found[0] != step[0] for other in same_words
            ):
                continue  # the same words with another source: no single first step
            right, reason, revealed = step
            source = reading.article.source(revealed)
            elsewhere = _elsewhere(reading, claim, source)
            ignored = record_and_body_words(reading)
            if (
                _claim_points_at_the_key(claim, source, elsewhere, right)
                or (
                    # "1,140 crimes in Kelmoor" beside "Westshire Police's recorded crime figures": the
                    # claim speaks of what the key's record is about, and no wrong place offered may
                    # (it could hold the claim), so its subject picks the key (review 332).
                    source.type in _STEP_FOR
                    and common_subject_words(_short(source_label(source)), ignored)
                    & plain_stems(claim.span.quote, ignored)
                )
                or _subject_gives_the_key(reading, claim, source)
            ):
                continue
            # The key's sentence with its names left out: two alike in one quiz show the pattern.
            template = right.split(":", 1)[0] if ":" in right else right.split(" ", 1)[0]
            wrong, offered = self.wrong_steps(reading, claim, revealed, elsewhere, rng)
            if not wrong:
                # Only steps that check nothing to put beside the key: it would be found without the
                # article (reviews 214 to 219).
                continue
            if offered is not None and _claim_points_at_the_key(claim, source, [offered], right):
                # "planning officers have recommended ..." beside "the planning officers' report" and
                # "the council's housing waiting-list figures": the claim's words pick the key among
                # the places on offer (review 373, a fail), whatever other places the article has.
                continue
            # The claims of a record (or outlet) offered as the wrong place to look: a question on one of
            # them ("How well supported: 'Riders have made 1.2 million trips'") is answered by seeing the
            # record named here ("Look at the original yourself: Zoomly's trip figures", review 201),
            # whether or not their words share one with its name (review 228).
            their_claims = []
            if offered is not None:
                their_claims = [i for i, other in enumerate(claims) if other.source == offered.id]
            yield self.choice(
                rng,
                prompt=(
                    f"What is the best first step to check this claim, in {where(claim.span.block)}: "
                    f'"{in_stem(claim.span.quote)}"?'
                ),
                explanation=_notes([reason, claim.note], reason),
                right=right,
                wrong=wrong,
                span=claim.span,
                # Its key tells what kind of source that is (an outlet, a document, an unnamed source);
                # a note that describes who makes the claim tells that too ("This comes from one keeper
                # with no name", beside "who said it" on the keeper's other claim, review 165).
                about=sorted(
                    {
                        *claim_subjects(index, claim, reading.note_describes_source(claim)),
                        f"source:{revealed}",
                    }
                ),
                line=claim.line,
                extra={
                    "claim": index,
                    "template": template,
                    **({"offered_claims": their_claims} if their_claims else {}),
                    **({"offered_place": offered.id} if offered is not None else {}),
                },
            )

    @staticmethod
    def wrong_steps(
        reading: ArticleReading, claim: Claim, revealed: str, elsewhere: list[Source], rng: random.Random
    ) -> tuple[list[str], Source | None]:
        """Where the key names an outlet or a document, one wrong answer names it too, as a reason to
        check nothing ("Nothing: CNN reported it, ..."), so the key is not the only choice that
        names something from the article, and another may aim at one of ``elsewhere`` (see
        ``_check_elsewhere``).  No "count the shares" for a claim about shares or views (the key
        "the post's share count" beside it, review 36)."""
        source = reading.article.source(revealed)
        label = _short(source_label(source))
        steps = list(WRONG_STEPS)
        if claim.span.block == 0:
            # The headline's own claim: "check that the headline says the same thing" points back at
            # the words asked about, a choice no reader would take (review 404).
            steps = [step for step in steps if "headline" not in step]
        if _ABOUT_SHARING.search(match_form(f"{claim.span.quote} {source.name}").casefold()):
            steps = [step for step in steps if not _ABOUT_SHARING.search(step.casefold())]
        trust = TRUST_WITHOUT_CHECKING.get(source.type)
        if trust is None:
            ask = _ask_the_unnamed(source)
            if ask is None:
                return [], None
            return [ask, *rng.sample(steps, MAX_WRONG_STEPS - 1)], None
        others = [step for step in steps if not step.startswith("Nothing:")]
        ignored = record_and_body_words(reading)
        wrong_place = _check_elsewhere(
            claim,
            source,
            elsewhere,
            rng,
            ignored,
            reading.vocabulary.subject_groups,
            frozenset(reading.vocabulary.record_words),
        )
        if not wrong_place:
            # Beside "Nothing: ... reported it" and steps that check nothing, the key is the only
            # real step, found without the article (reviews 224 and 225).
            return [], None
        generic = rng.sample(others, MAX_WRONG_STEPS - 1 - len(wrong_place))
        return [trust.format(label=label), *(step for step, _ in wrong_place), *generic], wrong_place[0][1]

    @staticmethod
    def step(reading: ArticleReading, claim: Claim) -> tuple[str, str, str] | None:
        """The best first step to check the claim, why, and the id of the source whose kind the step
        tells; None where the annotations do not settle it."""
        if claim.kind in ("opinion", "prediction") or any(
            f.span.overlaps(claim.span) for f in reading.article.framing
        ):
            # Reading where a view, a forecast or framing comes from only checks who said it, not
            # whether it is so (review 44).
            return None
        if claim.status == "disputed":
            return None  # checking the source settles what it says, not the dispute
        note = match_form(claim.note).casefold()
        if any(not _ONLY_HERE.match(note[m.end() :]) for m in _NOTE_DENIES_CHECK.finditer(note)):
            # "you cannot check it": a key that checks it argues with the note (review 31); "you
            # cannot check who says this", or "it from this article", is the reason to look for a
            # source that can be checked.
            return None
        if _UNPUBLISHED.search(note):
            # "the company did not publish the figures": reading its release only shows it said so
            return None
        source = attributed_source(reading.article, claim)
        if source is None:
            return None  # no source: where to start is a judgement
        if source.type not in RECORD_TYPES and _A_REASON.search(match_form(claim.span.quote).casefold()):
            # "the real reason was money", told to a paper: a motive is someone's reading of the facts,
            # which any record on the matter could be defended as checking (review 234, a fail). A
            # survey's "because of the cost of parking" is what the survey found.
            return None
        if any(
            reading.shares_sentence(claim.span, m) and _FEELING.search(match_form(m.quote).casefold())
            for m in source.mentions
        ):
            # "Some in the valley fear the cut is only the beginning": a fear, a hope or a worry is
            # not settled by a record or a second source (review 112).
            return None
        if source.type in UNNAMED_SOURCE_TYPES and FELT.search(match_form(claim.span.quote).casefold()):
            # "Some shoppers say they feel safer", "they already feel forgotten": what unnamed people
            # feel is no fact a record or a second source settles (reviews 132 and 135).
            return None
        if source.type in UNNAMED_SOURCE_TYPES and _about_the_speaker(claim.span.quote):
            # What happened to one unnamed person ("she had been fined twice on her way to visit her
            # mother"): no record or outlet's report can settle it (reviews 49 and 54).
            return None
        if unmarked_attribution_beside(reading, claim.span, before=True):
            # "He pointed out that a 2021 review found ...", "pointed out" left unmarked: the review
            # reached the article through him, so which to check first is a judgement (review 93).
            return None
        if not sourced_in_its_sentence(reading, claim, source):
            # Named in another sentence: whether it carries over is a guess (review 33), as in
            # "who said it" and "how well supported".
            return None
        chain = relay_order(reading.article, source)
        # Every source involved must be readable where the claim is, or the step rests on a guess.
        said = {link.id: _named_here(reading, link, claim.span) for link in chain}
        if any(words is None for words in said.values()):
            return None
        if len(chain) > 2:
            # Two hands or more between the speaker and this article (a press release, then a
            # paper): which one to check first is a judgement, not a key.
            return None
        if len(chain) > 1 and chain_in_sentence(reading, chain, claim.span) is None:
            # The relay is named for the source, not in this claim's sentence: maybe not these words.
            return None
        # An opinion ("a disaster for children") or a forecast ("they may have to cut their hours")
        # is not settled by a second source.
        judged = (
            claim.kind in ("opinion", "prediction")
            or any(f.span.overlaps(claim.span) for f in reading.article.framing)
            or bool(reading.hedges_in(claim.span))
            # "the new stadium would finally give Rovers a chance": a forecast, not checkable yet
            or speaks_of_the_future(claim.span.quote)
        )
        if judged and (
            source.type in UNNAMED_SOURCE_TYPES or (len(chain) > 1 and source.type not in RECORD_TYPES)
        ):
            # "some rounds may be cut", from an unnamed crew member through the Echo: the Echo's report
            # shows only that someone said it, so the key would teach that it checks a forecast
            # (reviews 266, 270 and 273); so too a named expert's guess passed on by a paper ("schools
            # with breakfast clubs might simply be better organised"), where reading the study the
            # guess is about could be defended (review 277). A record's forecast is what the record
            # says: reading it checks that it says so.
            return None
        label = source_label(source)
        if source.type == "document_or_data" and len(chain) == 1 and _closed_to_readers(reading, source):
            return None  # "an internal memo seen by this newspaper": nobody else can read it
        if (
            source.type in RECORD_TYPES
            and len(chain) == 1
            and _unidentified(source, reading.vocabulary.institution_words)
        ):
            # "a separate study published last year": which one to look at, nobody says (review 147).
            return None
        if source.type == "document_or_data" and len(chain) == 1:
            return (
                _STEP_FOR["document_or_data"].format(label=_short(label)),
                f'The claim comes from {label} ("{said[source.id]}"). A document or data can be looked '
                "for and read: find it and see whether it really says this.",
                source.id,
            )
        if len(chain) > 1:
            origin = chain[-1]
            origin_label = source_label(origin)
            # Quote the words that show the relay where the claim is: "One parent told the Gazette".
            shown = _relay_words(reading, source, origin, claim.span) or said[origin.id] or origin_label
            shown_words = "" if shown.casefold() == origin_label.casefold() else f' ("{shown}")'
            passed = (
                "The writer did not hear this first-hand: it reached this article through "
                f"{origin_label}{shown_words}."
            )
            if origin.type == "news_outlet":
                # What the outlet's report may add depends on what it reported: a person's words or
                # a document it saw.
                more = (
                    "more of the document and say how the outlet saw it"
                    if source.type == "document_or_data"
                    else "the full words, when they were said and who else was there"
                )
                return (
                    _STEP_FOR["news_outlet"].format(owner=_possessive(_short(origin_label))),
                    f"{passed} Its own report is closer to the original, so find it first: it may give "
                    f"{more}.",
                    origin.id,
                )
            if origin.type == "document_or_data":
                return (
                    _STEP_FOR["document_or_data"].format(label=_short(origin_label)),
                    f"{passed} Read it yourself to see exactly what it says.",
                    origin.id,
                )
            return None
        if source.type in UNNAMED_SOURCE_TYPES and claim.status == "attributed":
            if unmarked_attribution_beside(reading, claim.span):
                # '"Some of them come in before school and again at lunch," he said', "he said" left
                # unmarked: who the words come from is a guess, as in "who said it" (review 360).
                return None
            return (
                CHECKABLE_KEY,
                f'The article gives this only to {label} ("{said[source.id]}"), and nobody can ask a '
                "source without a name. So look for a source you can check, such as a named person or a "
                "document, that says the same.",
                source.id,
            )
        return None


# Words with which a claim tells what happened to the speaker ("she had not slept properly for four
# days", "I felt sick"): nobody else saw it, so no record or second source can report the same.
# One person's pronoun only: "we saw 14 airstrikes" tells of something others could report too.
_SPEAKER_PRONOUN = re.compile(r"^(?:i|i'm|i've|i'd|my|me|he|she|his|her)\b|\b(?:my|me|him|his|her)\b")


def _about_the_speaker(quote: str) -> bool:
    """The claim is in the speaker's own "I", or holds one person's pronoun that is most likely the
    speaker ("she had not slept", review 49; "nobody had asked her opinion", review 56)."""
    return bool(_SPEAKER_PRONOUN.search(match_form(quote).casefold()))


def _named_here(reading: ArticleReading, source: Source, span: Span) -> str | None:
    """The words that name the source in the span's paragraph (in its own sentence if they can),
    or None when it is not named there."""
    here = [m for m in reading.naming_mentions(source) if m.block == span.block]
    if not here:
        return None
    sentences = reading.sentences_of(span)
    # In its own sentence first, and never "The report does not say" for what it does say (review 135).
    here.sort(
        key=lambda m: (
            gives_nothing(reading, m.block, m),
            not any(s <= m.start and m.end <= e for s, e in sentences),
        )
    )
    block = reading.blocks[here[0].block]
    start, end = trim_attribution(block, here[0], reading.vocabulary.attribution_words)
    return _phrase(reading, here[0].block, start, end)


def _relay_words(reading: ArticleReading, source: Source, origin: Source, span: Span) -> str | None:
    """The words in the claim's sentence that show the relay: the source's mention holding the
    outlet ("A driver told the Daily Post"), else the outlet's own ("according to ARA News")."""
    sentences = reading.sentences_of(span)

    def in_sentence(mention: Span) -> bool:
        return mention.block == span.block and any(
            s <= mention.start and mention.end <= e for s, e in sentences
        )

    origin_mentions = [m for m in reading.naming_mentions(origin) if in_sentence(m)]
    # The outlet's whole name, not a word it shares with the speaker's: "Dave Pritchard, chairman of the
    # Elmhurst Motorists' Forum," shows no relay through "the Elmhurst Echo" (review 471).
    outlet = capitalised_words(source_label(origin))
    holding = [
        m
        for m in reading.naming_mentions(source)
        if in_sentence(m)
        and (
            any(m.overlaps(o) for o in origin_mentions)
            or (
                names(reading.blocks[m.block], m, origin)
                and outlet <= capitalised_words(reading.blocks[m.block].text_of(m.start, m.end))
            )
        )
    ]
    for mention in [*holding, *origin_mentions]:
        block = reading.blocks[mention.block]
        start, end = trim_attribution(block, mention, reading.vocabulary.attribution_words)
        return _phrase(reading, mention.block, start, end)
    return None
