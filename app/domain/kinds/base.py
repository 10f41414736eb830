"""What every question kind shares: the :class:`QuestionKind` base class, which builds a fair
choice or select question, and the small helpers kinds use to name passages, sources and relays,
and to read claims as several kinds do (whether a claim is in the writer's own words, which
types a source's words suggest, the hedge words of a cue).

The kinds themselves live in the other modules of this package, one module per kind (the shared
bases in ``find_in_passage`` and ``name_from_vocabulary``, the teacher's own questions in
``hand_written``); :data:`app.domain.generate.KINDS` registers them all.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from app.domain.article import (
    HEADLINE_BLOCK,
    Article,
    Claim,
    Framing,
    Source,
    Span,
    Vocabulary,
    VocabularyEntry,
)
from app.domain.passage import (
    PRONOUNS,
    ArticleReading,
    _bare,
    covered,
    find_words,
    in_quotation,
    is_possessive,
    is_pronoun_only,
    name_words,
    overlaps,
    trim_attribution,
    words_of,
)
from app.domain.question import CHOICE, SELECT, Question
from app.domain.quiz_rules import SOURCE_KEYED_KINDS, gives_key_away
from app.domain.scoring import MIN_WRONG_WORDS, NEAR, mark_selection
from app.domain.subjects import record_subjects, subjects_of
from app.domain.text import FUNCTION_WORDS, Block, display_form, inflection_base, match_form

_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
# Fewer than three choices makes guessing too cheap to learn anything from the answer.
MIN_CHOICES = 3
# Gold words may be at most 1/MAX_GOLD_SHARE of the words shown (more would ask little), and
# at least this many other words must be left to cost marks, so selecting (nearly) everything never pays.
MAX_GOLD_SHARE = 2
MIN_WRONG_WORDS_SHOWN = MIN_WRONG_WORDS


def _same_text(a: str, b: str) -> bool:
    return match_form(a).casefold() == match_form(b).casefold()


def _distinct(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for text in texts:
        key = match_form(text).casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(text)
    return kept


def where(block: int) -> str:
    return "the headline" if block == HEADLINE_BLOCK else f"paragraph {block}"


def _notes(notes: Iterable[str], fallback: str) -> str:
    kept = _distinct(note.strip() for note in notes)
    return " ".join(kept) if kept else fallback


def _defined(explanation: str, entry: VocabularyEntry | tuple[str, str]) -> str:
    """The explanation, ending with the label and definition of the answer it explains."""
    label, definition = (entry.label, entry.definition) if isinstance(entry, VocabularyEntry) else entry
    return f"{explanation} {label}: {definition}".strip()


def _merge_overlapping(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Overlapping spans become one (the union is what is asked); adjacent ones stay apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def gold_is_sparse(
    gold: Iterable[tuple[int, int]],
    word_count: int,
    free: Iterable[tuple[int, int]] = (),
    min_wrong_words: int = MIN_WRONG_WORDS_SHOWN,
) -> bool:
    """True when there are gold words, at most half the words shown, with enough others left that
    cost marks (words free to select left out)."""
    spans = list(gold)
    gold_words = {i for start, end in spans for i in range(start, end)}
    if not gold_words or MAX_GOLD_SHARE * len(gold_words) > word_count:
        return False
    everything = mark_selection(word_count, spans, (), range(word_count), list(free))
    return everything.wrong_words >= min_wrong_words


def words_subject(text: str) -> str:
    """The same words asked about twice, even in different places ("jab factory" in the headline
    and in a paragraph), make two questions about one thing."""
    return "words:" + " ".join(Block.from_text(match_form(text)).words).casefold()


def _span(span: Span) -> list[int]:
    return [span.block, span.start, span.end]


class QuestionKind:
    """One kind of question: everything the app knows about a kind is on its class.

    A subclass sets the class attributes below and yields questions from ``questions``
    (None where a candidate cannot be asked: ``generate`` drops it); registering an
    instance in :data:`KINDS` is all it takes for the generator, the previews, the
    dashboard and its statistics to know it.
    """

    name: ClassVar[str]  # the id stored in every frozen question
    title: ClassVar[str]  # what teachers see on the dashboard and in previews
    skill: ClassVar[str]  # "" for hand-written kinds: each question carries the teacher's skill
    type: ClassVar[str]
    hand_written: ClassVar[bool] = False
    # For the dashboard's confusions: what a wrong choice confuses (choice kinds whose choices
    # are labels), or what a select question asks to find (every select kind).
    confusion_title: ClassVar[str] = ""
    asked_for: ClassVar[str] = ""
    # A select question over the whole headline needs at least this many words that cost marks,
    # so one word too many costs at most its share.
    min_wrong_words_in_headline: ClassVar[int] = MIN_WRONG_WORDS_SHOWN
    # False for a kind whose ``questions`` never use the random generator (no choices to shuffle):
    # its questions are worked out once per reading.
    draws_at_random: ClassVar[bool] = True
    # A quiz's question on an annotated headline is drawn from the kinds that ask what it claims;
    # False for a kind that asks something else about it (whose words it quotes).
    headline_lesson: ClassVar[bool] = True

    def generate(self, reading: ArticleReading, rng: random.Random) -> list[Question]:
        if self.draws_at_random:
            return self._generate(reading, rng)
        if self.name not in reading.fixed_questions:
            reading.fixed_questions[self.name] = self._generate(reading, rng)
        return list(reading.fixed_questions[self.name])

    def _generate(self, reading: ArticleReading, rng: random.Random) -> list[Question]:
        questions = [q for q in self.questions(reading, rng) if q is not None]
        # A teacher's own question is always asked (the audit tells them what to fix).
        if self.hand_written:
            return questions
        return [
            _with_its_sentence(reading, q)
            for q in questions
            if not gives_key_away(q)
            and not quotes_a_fragment(q)
            and not _about_a_denied_claim(reading, q)
            and not (
                q.kind in SOURCE_KEYED_KINDS
                and (_about_a_groups_view(reading, q) or _holds_its_own_source(reading, q))
            )
        ]

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        raise NotImplementedError

    def choice(
        self,
        rng: random.Random,
        *,
        prompt: str,
        explanation: str,
        right: str,
        wrong: Iterable[str],
        span: Span | None,
        about: Iterable[str],
        line: int,
        definitions: dict[str, str] | None = None,
        skill: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Question | None:
        """A one-choice question, every choice (the key too) in a shuffled place."""
        choices = _distinct([right, *(text for text in wrong if not _same_text(text, right))])
        rng.shuffle(choices)
        if len(choices) < MIN_CHOICES:
            return None
        extra = dict(extra or {})
        if definitions:
            extra["definitions"] = [definitions.get(text, "") for text in choices]
        extra.setdefault("spans", [_span(span)] if span else [])
        words = [words_subject(span.quote)] if span is not None else []
        extra.update(about=sorted({*about, *words}), line=line)
        return Question(
            kind=self.name,
            type=CHOICE,
            skill=skill or self.skill,
            prompt=prompt,
            explanation=explanation,
            choices=tuple(choices),
            answer=(choices.index(right),),
            focus=(span.block, span.start, span.end) if span is not None else None,
            quote=display_form(span.quote) if span is not None else "",
            extra=extra,
        )

    def select(
        self,
        *,
        prompt: str,
        explanation: str,
        block_index: int,
        block: Block,
        gold: Iterable[tuple[int, int]],
        about: Iterable[str],
        line: int,
        keys: Iterable[tuple[int, int]] = (),
        offset: int = 0,
        span: Span | None = None,
        skill: str | None = None,
        require_sparse: bool = True,
        extra: dict[str, Any] | None = None,
    ) -> Question | None:
        """A select-words question over the words of ``block``; ``gold`` are word spans in it.

        ``offset``: where ``block``'s words start in the article's block ``block_index``
        (a question that shows one claim), so the audit can place the gold in the article.
        ``gold``, ``keys`` and ``extra["free"]`` are word spans of ``block``, as students see it.
        """
        spans = _merge_overlapping((s, e) for s, e in gold if 0 <= s < e <= len(block.words))
        if not spans:
            return None
        free = [(int(a), int(b)) for a, b in (extra or {}).get("free", ())]
        least = self.min_wrong_words_in_headline if block_index == HEADLINE_BLOCK else MIN_WRONG_WORDS_SHOWN
        if require_sparse and not gold_is_sparse(spans, len(block.words), free, least):
            return None
        extra = dict(extra or {})
        if offset:
            extra["offset"] = offset
        extra.update(
            about=sorted({*about, *(words_subject(" ".join(block.words[s:e])) for s, e in spans)}),
            spans=[[block_index, s + offset, e + offset] for s, e in spans],
            line=line,
        )
        return Question(
            kind=self.name,
            type=SELECT,
            skill=skill or self.skill,
            prompt=prompt,
            explanation=explanation,
            block=block_index,
            words=block.words,
            gaps=balanced_gaps(block.gaps),
            gold=spans,
            keys=tuple(sorted(set(keys))),
            focus=(span.block, span.start, span.end) if span is not None else None,
            quote=display_form(span.quote) if span is not None else "",
            extra=extra,
        )


def balanced_gaps(gaps: tuple[str, ...]) -> tuple[str, ...]:
    """A passage cut from a paragraph with its quotation marks paired: one that closes a quotation
    opened before the cut gets its opening mark ('300,000 birds or more" could be culled', review 64),
    one left open gets its closing mark."""
    opened = closed_early = 0
    for index, gap in enumerate(gaps):
        for place, char in enumerate(gap):
            # A straight mark right after a word (before any space) closes; one before a word opens.
            closes = char == "\u201d" or (char == '"' and index > 0 and " " not in gap[:place])
            if char == "\u201c" or (char == '"' and not closes):
                opened += 1
            elif closes:
                if opened:
                    opened -= 1
                else:
                    closed_early += 1
    if not (opened or closed_early) or not gaps:
        return gaps
    curly = any("\u201c" in gap or "\u201d" in gap for gap in gaps)
    first = ("\u201c" if curly else '"') * closed_early + gaps[0]
    last = gaps[-1] + ("\u201d" if curly else '"') * opened
    if len(gaps) == 1:
        return (first[: len(first) - len(gaps[0])] + last,)
    return (first, *gaps[1:-1], last)


# A teacher's note that calls a claim a view ("This is his opinion", "one person's point of view").
NOTE_CALLS_OPINION = re.compile(
    r"(?<!not )(?<!not just )(?<!not only )"  # "an expert's reasoning, not just an opinion"
    r"\b(?:his|her|their|its|my|your|an|a|only an?|just an?|personal|own) (?:own )?"
    r"(?:opinion|view|point of view|judgement|judgment|belief)s?\b"
)


# Words that tie a clause of the headline to the rest of it ("... as Council Sells Off Plots",
# "... after Crack Found"), not prepositions that start a phrase of their own ("for Good").
_LINKING_WORDS = frozenset(
    ["as", "after", "amid", "while", "because", "since", "following", "despite", "thanks", "due"]
    + ["before", "when", "once", "until", "unless", "although", "though", "whereas"]
)
# A headline's words that start with one state nothing cut from what they belong to ("for Kelby
# Residents", review 365), though some make a phrase of their own ("for Good").
_PREPOSITIONS = frozenset(["for", "to", "over", "with", "against", "from", "into", "on", "in", "of"])


def starts_with_a_link(quote: str, prepositions: bool = False) -> bool:
    """The words begin with a word that ties them to the rest of the headline (``prepositions``: or
    with a preposition)."""
    first = match_form(quote).casefold().split(maxsplit=1)[:1]
    word = first[0].strip("'\"\u2018\u2019\u201c\u201d") if first else ""
    return word in _LINKING_WORDS or (prepositions and word in _PREPOSITIONS)


def sourced_in_its_sentence(reading: ArticleReading, claim: Claim, source: Source) -> bool:
    """The claim's own sentence mentions its source (or whoever passed it on), or the claim is a
    speaker's quoted words; an attribution in the sentence before may or may not carry over."""
    block = reading.blocks[claim.span.block]
    if in_quotation(block, claim.span.start, claim.span.end):
        return True
    return any(
        reading.shares_sentence(claim.span, mention) and not _in_a_later_clause(block, claim.span, mention)
        for link in _relay_chain(reading.article, source)
        for mention in reading.article.source(link).mentions
    )


def _in_a_later_clause(block: Block, claim: Span, mention: Span) -> bool:
    """The mention comes after the claim, in a clause of its own: "The detectors cost £4,000, money
    Mr Delaney says should have gone on books" gives him the clause about books, not the cost
    (review 60); "..., the figures show" right after the comma gives the claim."""
    if mention.block != claim.block or mention.start < claim.end or "," in block.gaps[mention.start]:
        # Set off by a comma of its own ("..., after the council drew up plans, according to the
        # budget papers"), the attribution gives the whole sentence.
        return False
    return any("," in block.gaps[i] for i in range(claim.end, mention.start))


def relay_order(article: Article, source: Source) -> list[Source]:
    """The source, then whoever passed its words on, and so on to the one this article took them
    from (the validator rules out circles; a missing id ends the chain)."""
    chain = [source]
    while chain[-1].via is not None:
        try:
            relay = article.source(chain[-1].via)
        except KeyError:
            break
        if relay in chain:
            break
        chain.append(relay)
    return chain


def _relay_chain(article: Article, source: Source) -> set[str]:
    """The source's id and every source that relayed it (its ``via`` chain)."""
    return {link.id for link in relay_order(article, source)}


def source_label(source: Source) -> str:
    """A source's name as a choice: without a teacher's remark in brackets at its end."""
    return _REMARK.sub("", source.name).strip() or source.name


def attributed_source(article: Article, claim: Claim) -> Source | None:
    """The source the article gives for a claim; an unattributed claim has none whatever its annotation."""
    if claim.source is None or claim.status == "unattributed":
        return None
    try:
        return article.source(claim.source)
    except KeyError:
        return None


def _phrase(reading: ArticleReading, block: int, start: int, end: int) -> str:
    words = reading.blocks[block]
    first = words.starts[start]
    # A currency sign stands outside the word it prices: "£1,000 a Year", not "1,000 a Year" (review 297).
    while first > 0 and words.text[first - 1] in "£$€¥":
        first -= 1
    return display_form(words.text[first : words.ends[end - 1]]).strip("\"'\u201c\u201d\u2018\u2019")


# A claim quoted in a stem in fewer words than this ("might help") is a fragment: the student cannot
# tell what is claimed (review 29).
MIN_CLAIM_WORDS_IN_STEM = 3


def quotes_a_fragment(question: Question) -> bool:
    """A choice question about a claim whose stem quotes it in too few words to read as a claim."""
    return (
        question.type == CHOICE
        and "claim" in question.extra
        and 0 < len(question.quote.split()) < MIN_CLAIM_WORDS_IN_STEM
    )


# Words that deny what follows in their clause ("The report does not say the building is in danger",
# "there is no evidence that", "denies that").
_DENYING = frozenset(
    ["not", "never", "no", "nor", "cannot", "denies", "denied", "deny", "denying", "without"]
    + ["doesn't", "didn't", "don't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't"]
    + ["hadn't", "won't", "wouldn't", "can't", "couldn't", "nobody", "neither", "rejects", "rejected"]
)
# How far back in its clause a denial reaches the claim.
DENIAL_REACH = 8
# Words that start a new clause, beyond which a denial is about something else.
_CLAUSE_STARTS = frozenset(["but", "and", "while", "whereas", "although", "though", "yet", "so"])


# How many words a denial reaches over to the words it denies without a verb that makes them its
# complement: "Nobody's actually starving", "not a cash grab".
DENIAL_NEAR = 2
# Verbs that make what follows them what the denial is about: "does not say the building is in
# danger", "I would never call it a cash grab", "I don't think this is a crisis".
_DENIED_THROUGH = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became", "seem", "seems"]
    + ["say", "says", "said", "call", "calls", "called", "think", "thinks", "thought", "believe"]
    + ["believes", "mean", "means", "show", "shows", "showed", "prove", "proves", "proved", "find"]
    + ["found", "see", "sees", "describe", "describes", "described", "accept", "accepts", "agree"]
    + ["agrees", "feel", "feels", "look", "looks", "claim", "claims", "suggest", "suggests", "know"]
    # "Nobody is talking about closing the unit for good" (review 278)
    + ["talking", "planning", "considering", "proposing", "suggesting"]
)


# A frame that calls the words a pretence: "dressed up as a rescue", "so-called 'improvements'".
_PRETENDED = re.compile(
    r"(?:(?:dressed up|disguised|passed off|masquerading|posing) as|so-called|pretending to be)"
    r"(?: an?| the)?$"
)


def denied_before(block: Block, span: Span) -> bool:
    """A word of denial stands just before the words, in their own clause: the sentence says the
    opposite of the claim ("The report itself does not say the building is in immediate danger").
    Further off than DENIAL_NEAR words, only through a verb that makes the words what is denied:
    "We simply cannot keep pouring money into a crumbling building" denies the spending, and the
    speaker still calls the building crumbling (review 262)."""
    before = " ".join(
        match_form(word).casefold() for word in block.words[max(0, span.start - 5) : span.start]
    )
    if _PRETENDED.search(before) and not any(
        mark in gap for gap in block.gaps[max(1, span.start - 2) : span.start + 1] for mark in ",;:.!?()"
    ):
        return True  # "a quick profit dressed up as a rescue": the speaker mocks the word (review 386)
    index = span.start - 1
    while index >= 0 and span.start - index <= DENIAL_REACH:
        if any(mark in block.gaps[index + 1] for mark in ",;:.!?()"):
            return False
        word = match_form(block.words[index]).casefold().strip("\"'")
        word = word.removesuffix("'s")  # "Nobody's actually starving" (review 215)
        if word in _CLAUSE_STARTS:
            return False
        if word in _DENYING or word.endswith("n't"):
            between = [match_form(w).casefold() for w in block.words[index + 1 : span.start]]
            return len(between) <= DENIAL_NEAR or any(
                w in _DENIED_THROUGH or w.endswith(("'s", "'re", "'m")) for w in between
            )
        index -= 1
    return False


def _claim_asked(reading: ArticleReading, question: Question) -> Claim | None:
    """The one claim a generated question is about (``extra["claim"]``), if any."""
    index = question.extra.get("claim")
    if not isinstance(index, int) or not 0 <= index < len(reading.article.claims):
        return None
    return reading.article.claims[index]


def _with_its_sentence(reading: ArticleReading, question: Question) -> Question:
    """A question about one claim records its sentence: two questions of one kind on two claims of
    one sentence ("children are scouted at eight, and families spend thousands", both "how well
    supported") answer each other (review 41)."""
    claim = _claim_asked(reading, question)
    if claim is None:
        return question
    span = claim.span
    first = reading.sentences_of(span)[:1]
    if not first:
        return question
    start, end = first[0]
    extra = {
        **question.extra,
        "sentence": [span.block, start, end],
        "sentence_text": reading.blocks[span.block].text_of(start, end),
    }
    return replace(question, extra=extra)


# Feelings a claim may tell of ("relieved", "frightened": review 253).
_FEELINGS = (
    r"(?:relieved|worried|delighted|angry|upset|furious|pleased|happy|scared|anxious|frustrated|afraid|"
    r"glad|disappointed|thrilled|overwhelmed|shocked|proud|heartbroken|devastated|excited|nervous|sad|"
    r"stressed|exhausted|grateful|frightened|terrified|horrified|distraught|embarrassed|ashamed|lonely|"
    r"shaken|gutted|distressed|traumatised|traumatized|humiliated|panicked|petrified)"  # "shaken": review 369
)
# "are so worried", "were really frightened".
_BEING = r"(?:am|is|are|was|were|be|been|being) (?:so |very |really |quite |completely |totally )?"


# What a group of people feel or believe, said by someone else ("several other mothers at the club
# felt the same way"): a quantifier or a plural, at most a few words, then a verb of feeling or belief.
# ("her late-night customers were already nervous", review 482: a describing word joined by a hyphen)
_A_GROUP = (
    r"^(?:(?:several|many|most|some|other|others|few|dozens|hundreds|thousands|all|lots|people)\b|(?:(?:the|his|her|their|its)\s+(?:[a-z]+-[a-z]+\s+)?)?(?!this\b|thus\b|less\b|unless\b|always\b|perhaps\b|across\b)[a-z]{3,}s\b)"
    r"(?:\W+\w+){0,5}?"
)
_GROUPS_VIEW = re.compile(
    _A_GROUP + r"\W+(?:felt|feel|feels|believe|believes|believed|think|thinks|thought|agree|agrees|agreed|"
    r"fear|fears|feared|worry|worries|worried)\b"
)
# What the group wants ("most of his classmates just wanted decent food", review 348), not those who want
# something named by it ("Residents who want to keep their brown bin will be charged").
_GROUPS_WISH = re.compile(_A_GROUP + r"\W+(?:want|wants|wanted|wish|wishes|wished)\b")
_RELATIVE = re.compile(r"\b(?:who|that|which|whose|than)\b")
# The same group said to be in a state of feeling ("families were frightened", review 253; "his
# customers were already worried", review 267); not "should be proud", which urges a feeling
# (review 229).
_GROUPS_FEELING = re.compile(
    # a group described at more length: "Families who owed a couple of pounds were too embarrassed to come
    # back" (review 466)
    _A_GROUP.replace("{0,5}", "{0,7}")
    # in the speaker's quotation marks too: "residents of Grange Road were 'already furious'" (review 443)
    + r"\W+(?:is|are|was|were|been) ['\"]?(?:so |very |really |already |still |now |increasingly |too )?"
    + r"['\"]?"
    # and a mood with its manner: 'members were "cautiously positive"' (review 481)
    + r"(?:\w+ly )?(?:"
    + _FEELINGS
    + r"|positive|optimistic|pessimistic|hopeful|enthusiastic|sceptical|skeptical|unconvinced|divided)"
    + r"\b"
)

# A group left or made to feel something ("the decision had left families 'heartbroken'", review 301).
_LEFT_A_GROUP_FEELING = re.compile(
    r"\b(?:left|leaves|leaving|made|makes|making)\s+(?:\w+\s+){0,3}?[a-z]{3,}s\W+(?:feel\s+)?"
    + _FEELINGS
    + r"\b"
)


def _about_a_groups_view(reading: ArticleReading, question: Question) -> bool:
    """A claim that says what a group feels or believes ("several other mothers at the club felt the
    same way", from one mother): it comes from those people through the speaker, so "a named
    source" and who said it could each be argued (review 52)."""
    claim = _claim_asked(reading, question)
    if claim is None:
        return False
    words = match_form(claim.span.quote).casefold()
    # A feeling the writer states ("Regulars are furious", no source) is still the writer's claim.
    wish = _GROUPS_WISH.search(words)
    return bool(_GROUPS_VIEW.search(words) or (wish and not _RELATIVE.search(wish.group(0)))) or (
        claim.source is not None
        and bool(_GROUPS_FEELING.search(words) or _LEFT_A_GROUP_FEELING.search(words))
    )


# Verbs by which a record or a body's people give what they found ("larger studies had found",
# "the trust's own volunteers recorded").
_FINDING_VERB = re.compile(
    r"^(?:found|find|finds|show|shows|showed|shown|recorded|record|records|counted|count|suggest|"
    r"suggests|suggested|revealed|reveals|reported|measured|logged)$"
)
# Far enough for what the record covers between: "studies of modern incinerators in Britain had found
# 'no clear link'" (review 447).
FINDING_VERB_REACH = 8


# Words only one person says of themselves ("Now I feel sharp again", "people like me").
FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"})


# A feeling the claim itself tells of ("they feel safer", "they were relieved"): no record settles it
# (review 211), and naming who feels it supports nothing (review 242).
FELT = re.compile(r"\b(?:feel|feels|felt|" + _BEING + _FEELINGS + r")\b")


def only_passes_words_on(article: Article, source: Source) -> bool:
    """An outlet or a body the article names only as the way others' words came ("told the
    Castlebridge Echo"): no claim is its own.  Your `via` says so, or every mention of an outlet
    follows "told" (a company that also spoke in a statement could not be given a `via`: review
    240)."""
    if any(claim.source == source.id for claim in article.claims):
        return False
    return any(other.via == source.id for other in article.sources) or (
        source.type == "news_outlet"
        and bool(source.mentions)
        and all(_after_told(article, mention) for mention in source.mentions)
    )


def _after_told(article: Article, mention: Span) -> bool:
    words = article.block(mention.block).words
    return mention.start > 0 and match_form(words[mention.start - 1]).casefold() == "told"


def subjects_shown(reading: ArticleReading, source: Source) -> set[int]:
    """What a source's name shows it speaks of (the vocabulary's subject groups): a record's plain words
    ("rainfall" of "the Met Office rainfall figures"), a body's or an unnamed person's whole name
    ("Northern Weather Service", "an unnamed nurse at the hospital"). A person's name shows nothing."""
    groups = reading.vocabulary.subject_groups
    if source.type in RECORD_TYPES:
        return record_subjects(source_label(source), groups)
    if source.type in person_types(reading.vocabulary):
        return set()
    return subjects_of(source_label(source), groups)


def person_types(vocabulary: Vocabulary) -> frozenset[str]:
    """The source types that are one person, named or not."""
    return vocabulary.person_source_types | {"anonymous"}


# Words before a name that two different sources share ("Dr Lee", "Dr Shah", "The Echo").
TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "professor", "sir", "the", "a", "an"})


# Titles before a person's name that say what they do ("Dr", "Professor", "Councillor", "Inspector").
HONORIFICS = frozenset(
    ["dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady", "councillor", "cllr", "inspector"]
    + ["sergeant", "sgt", "detective", "constable", "superintendent", "chief", "judge", "mayor", "minister"]
    + ["reverend", "rev", "father", "nurse", "coach", "captain", "headteacher", "head"]
)


def by_their_names(vocabulary: Vocabulary, labels: list[str], by_label: dict[str, Source]) -> list[str]:
    """Named sources as their names alone ("Dave Price", not "Dave Price, who runs the Harwood
    Astronomy Club"): a description beside a claim about the night sky matches the key at a glance,
    where a name must be looked up in the article (review 91).  Full labels where two names would
    read alike, and for unnamed sources and records, whose description is all they have."""
    roles = {word.casefold() for word in vocabulary.role_words} - HONORIFICS
    shown = []
    for label in labels:
        source = by_label.get(label)
        name = label.split(",", 1)[0].strip()
        if source is not None and source.type in vocabulary.person_source_types:
            # "Dr Priya Malhotra" beside a claim about algae: the only title gives her away (review 99).
            words = name.split()
            # A role that is no title ("Principal Ana Ruiz") only before a whole name: "Dean Whitlow"
            # is a first name and a surname (reviews 229 and 239).
            while (len(words) > 1 and words[0].casefold().rstrip(".") in HONORIFICS) or (
                len(words) > 2 and words[0].casefold() in roles
            ):
                words = words[1:]
            name = " ".join(words)
        if source is not None and source.type in vocabulary.named_source_types and capitalised_words(name):
            shown.append(name)
        elif source is not None and source.type in RECORD_TYPES:
            shown.append(_record_by_its_name(vocabulary, label))
        else:
            shown.append(label)
    if len(_distinct(shown)) < len(shown):
        return labels
    return shown


def vague_people(vocabulary: Vocabulary, source: Source) -> bool:
    """A loose group of people ("critics", "some parents"), not a thing of unknown author ("the
    viral post, whose author is unknown"): anyone else on offer beside it may be one of them."""
    return source.type == "vague" and not find_words(
        Block.from_text(source_label(source)), vocabulary.record_words
    )


def _record_by_its_name(vocabulary: Vocabulary, label: str) -> str:
    """A record without what its "of" says it covers: "the Chamber of Trade's survey", not "...
    survey of 212 shoppers" beside "four in ten would visit less often" (review 179). Who made it
    ("by", "from") stays: that is its name."""
    block = Block.from_text(label)
    for _, end in find_words(block, vocabulary.record_words):
        # "the minutes of the council meeting": with nothing before the record word, the "of"
        # says whose it is.
        if 3 <= end < len(block.words) and block.words[end] == "of" and block.gaps[end] == " ":
            return display_form(block.text[: block.ends[end - 1]])
    return label


@functools.lru_cache(maxsize=4096)
def capitalised_words(label: str) -> frozenset[str]:
    """The capitalised words of a source's label, lowercase, titles aside."""
    words = Block.from_text(label).words
    return frozenset(w.casefold() for w in words if w[:1].isupper() and w.casefold() not in TITLES)


# A possessive ending: "Lexora's", "the Rovers'".
POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def name_runs(label: str) -> list[tuple[str, ...]]:
    """The runs of capitalised words in a source's label, lowercase, titles and possessive endings
    aside: "Mark Olusegun, chair of the Eastmere Rivers Trust" gives (mark, olusegun) and (eastmere,
    rivers, trust)."""
    block = Block.from_text(label)
    runs: list[tuple[str, ...]] = []
    run: list[str] = []
    for index, word in enumerate(block.words):
        if run and any(mark in block.gaps[index] for mark in ",;:()"):
            runs.append(tuple(run))  # a comma or a mark between: "Olusegun, chair"
            run = []
        bare = POSSESSIVE_END.sub("", word).casefold()
        if word[:1].isupper() and bare not in TITLES:
            run.append(bare)
        elif run:
            runs.append(tuple(run))
            run = []
    if run:
        runs.append(tuple(run))
    return runs


def setting_words(article: Article) -> frozenset[str]:
    """Capitalised words that open two or more different names among the sources' labels: the place the
    story is set in ("Eastmere" of "the Eastmere Rivers Trust", "Eastmere University" and "an unnamed
    Eastmere Water engineer"), which ties none of them to another (review 474)."""
    opened: dict[str, set[tuple[str, ...]]] = {}
    for source in article.sources:
        for run in name_runs(source_label(source)):
            if len(run) >= 2:
                opened.setdefault(run[0], set()).add(run)
    return frozenset(word for word, runs in opened.items() if len(runs) >= 2)


# First words of a name that point at no particular one ("an internal memo", "several studies").
INDEFINITE_WORDS = frozenset({"a", "an", "one", "some", "several", "many", "various", "unnamed"})
# The source types that are a record, written or recorded.
RECORD_TYPES = frozenset({"document_or_data"})
# The source types that name nobody: one unnamed person, or a vague group.
UNNAMED_SOURCE_TYPES = frozenset({"anonymous", "vague"})
# The type a person's role in a body could be taken for.
BODY_TYPE = "named_organisation"


def source_family(vocabulary: Vocabulary, type_id: str) -> str:
    """People, records or bodies (organisations and outlets): a wrong answer of another family than
    the key's can be ruled out by what the claim is about alone."""
    if type_id in person_types(vocabulary) | {"vague"}:
        return "people"
    return "records" if type_id in RECORD_TYPES else "bodies"


def _holds_its_own_source(reading: ArticleReading, question: Question) -> bool:
    """The claim names, inside its own words, where it comes from: a record or a body's people and
    what they found ("larger studies had found only small effects" from Dr Petrakis, review 55;
    "The trust's own volunteers recorded three breeding pairs", review 56). "A source the article
    names" and "an unnamed source" could each be argued, and so could who said it."""
    claim = _claim_asked(reading, question)
    source = reading.article.source(claim.source) if claim is not None and claim.source else None
    # From a record, what its people found is the record's ("engineers found a crack", in a report).
    if claim is None or source is None or source.type not in person_types(reading.vocabulary):
        return False
    span = claim.span
    block = reading.blocks[span.block]
    starts = [s for s, e in reading.record_hits(span.block) if span.start <= s and e <= span.end]
    staff = set(reading.vocabulary.staff_words)
    starts += [i for i in range(span.start, span.end) if match_form(block.words[i]).casefold() in staff]
    for start in starts:
        reach = min(span.end, start + 1 + FINDING_VERB_REACH)
        for index in range(start + 1, reach):
            plain = match_form(block.words[index]).casefold()
            if plain in ("not", "never", "cannot") or plain.endswith("n't"):
                break  # "the figures could not show that": a view of the figures, not a finding
            if any(mark in block.gaps[index] for mark in ",;:"):
                break  # its own clause only
            after = match_form(block.words[index + 1]).casefold() if index + 1 < span.end else ""
            if _FINDING_VERB.match(plain) and after != "to":  # not "shown to all the candidates"
                return True
    return False


def _about_a_denied_claim(reading: ArticleReading, question: Question) -> bool:
    """A question about one claim that its sentence denies: who said it, how well it is supported
    or how to check it would all teach the opposite of what the article says (review 32)."""
    claim = _claim_asked(reading, question)
    return claim is not None and denied_before(reading.blocks[claim.span.block], claim.span)


def in_stem(quote: str) -> str:
    """A quote as a stem shows it between double quotation marks: its own double quotation marks
    become single ones ('the bridge was "finished"' reads "the bridge was 'finished'"), and one the
    teacher's quote opens or closes without its partner gets it ('was "panic dressed up' reads
    "was 'panic dressed up'", review 47)."""
    text = balanced_quotes(display_form(quote))
    return text.replace("\u201c", "\u2018").replace("\u201d", "\u2019").replace('"', "'")


def balanced_quotes(text: str) -> str:
    """``text`` with a double quotation mark added for each one left open or closed without its
    partner: at the end for one that opens, at the start for one that closes, in the same style."""
    open_marks: list[str] = []
    missing_openers = ""
    for index, mark in enumerate(text):
        if mark not in _DOUBLE_MARKS:
            continue
        # A straight mark opens at the start or after a space ('said "no"'), and closes otherwise.
        straight_opens = mark == '"' and not open_marks and (index == 0 or text[index - 1] in " (\u2014")
        if mark == "\u201c" or straight_opens:
            open_marks.append(mark)
        elif open_marks:
            open_marks.pop()
        else:
            missing_openers += "\u201c" if mark == "\u201d" else '"'
    closers = "".join("\u201d" if mark == "\u201c" else '"' for mark in reversed(open_marks))
    return missing_openers + text + closers


_DOUBLE_MARKS = frozenset('"\u201c\u201d')
_PAIRED_MARKS = "'\"\u2018\u2019\u201c\u201d"


def without_outer_quotes(text: str) -> str:
    """The words without quotation marks that enclose all of them ("'Safe'" reads "Safe"); marks
    around only some words stay ("Families 'Priced Out'", review 46)."""
    while len(text) >= 2 and text[0] in _PAIRED_MARKS and text[-1] in _PAIRED_MARKS:
        text = text[1:-1]
    return text


_LETTERS = re.compile(r"[^\W\d_]+")
# Compared by their first letters, so "study" meets "studies"; a word too many only drops a choice.
ROOT_LETTERS = 4


# Three-letter words that say too little to give a choice away; other three-letter words ("cap", "tax",
# "bus") carry the meaning of a claim as much as longer ones do (review 117).
_PLAIN_SHORT_WORDS_TEXT = (
    "new old big two one six ten day say out off now per yet too how why let see saw far lot get got "
    "put set way use did own few"
)
_PLAIN_SHORT_WORDS = frozenset(_PLAIN_SHORT_WORDS_TEXT.split())


def content_words(text: str, letters: int = ROOT_LETTERS) -> set[str]:
    """The words of ``text`` that carry meaning, by their first ``letters`` letters, lowercase; a
    shorter word of three letters or more is kept whole ("the cap" meets "price-cap list")."""
    words = (w.casefold() for w in _LETTERS.findall(match_form(text)))
    return {
        word[:letters]
        for word in words
        if len(word) >= 3 and word not in FUNCTION_WORDS and word not in _PLAIN_SHORT_WORDS
    }


# Words after a reporting verb that make it mean something else ("Asked For", "Called For").
_PREPOSITIONS_AFTER_VERB = frozenset(["for", "of", "off", "out", "up", "in", "into", "on"])
# A headline span this short holding a reporting word is an attribution ("Scientists Say").
MAX_ATTRIBUTION_WORDS = 3


# A note that counts who speaks: "the article quotes only one expert" beside the headline's "Experts".
_ONLY_ONE_SPEAKS = re.compile(r"\b(?:only|just) (?:one|a single)\b|\ba single\b")


def headline_asks(article: Article) -> bool:
    """The headline is a question ("Is Hartwell University About to Throw Away Its Library?")."""
    return article.title.rstrip().endswith("?")


def says_who_only(reading: ArticleReading, span: Span, note: str = "") -> bool:
    """A short headline span that only says who speaks ("Scientists Say"): the article may well match
    it, and the overstatement is in what they are said to say.  Unless the note says the article
    has only one of them ("Experts Warn" where it quotes one expert: review 241)."""
    if span.length > MAX_ATTRIBUTION_WORDS or _ONLY_ONE_SPEAKS.search(match_form(note).casefold()):
        return False
    words = reading.blocks[span.block].words
    # "Nobody Asked For": a claim about everyone, or a reporting verb with a preposition after it
    # ("asked for", "called for"), says more than who speaks.
    if any(span.start <= s and e <= span.end for s, e in reading.loaded_hits(span.block)):
        return False
    hits = find_words(reading.blocks[span.block], reading.vocabulary.attribution_words)
    return any(
        span.start <= s
        and e <= span.end
        and (s, e) != (span.start, span.end)  # "Revealed:" alone names no speaker: it claims certainty
        and not (e < span.end and words[e].casefold() in _PREPOSITIONS_AFTER_VERB)
        for s, e in hits
    )


def unmarked_attribution_beside(reading: ArticleReading, span: Span, *, before: bool = False) -> bool:
    """An attribution word in the claim's own sentence that no mention covers ("Zipp says", left
    unmarked): the words may come from someone other than the source the teacher gave, and the
    explanation would quote an attribution from another sentence.  ``before``: only one before the
    claim's words ("He pointed out that a review found ..."), not the "said" of "38 per cent said
    they skip lunch" or a later "it does not say where they went"."""
    sentences = reading.sentences_of(span)
    # Mentions of the same sentences only: '"... is plenty," Mr Mehta added. He said ...' has the next
    # sentence's "He said" within reach of "added" (review 77).
    mentions = [
        (m.start, m.end) for _, m in reading.mentions_in(span.block) if covered((m.start, m.end), sentences)
    ]
    return any(
        covered(hit, sentences)
        and not covered(hit, mentions, margin=NEAR)  # "a former worker [told] the Gazette": marked around it
        and not (before and hit[1] > span.start)
        for hit in reading.attribution_hits(span.block)
    )


def unmarked_attribution_after(reading: ArticleReading, span: Span) -> bool:
    """An attribution word that no mention covers closing a clause in the sentence after the claim's
    own, in its paragraph: "The change affects around 1,100 pupils aged 11 to 18. Lessons will also
    finish 35 minutes later, at 3.50pm, the letter said, ..." (review 417, a fail): what the teacher
    left unmarked may reach back to the claim, so no "no source" answer is safe."""
    sentences = reading.sentences(span.block)
    own = [i for i, sentence in enumerate(sentences) if overlaps(sentence, (span.start, span.end))]
    if not own or own[-1] + 1 >= len(sentences):
        return False
    after = sentences[own[-1] + 1]
    block = reading.blocks[span.block]
    mentions = [(m.start, m.end) for _, m in reading.mentions_in(span.block)]

    def closes_a_clause(hit: tuple[int, int]) -> bool:
        # set off by commas after what it reports: ", the letter said," or ", he added."; one that opens
        # its sentence ("Critics say ...") speaks for what follows (review 64)
        comma_before = any("," in block.gaps[i] for i in range(max(after[0], hit[0] - 3), hit[0] + 1))
        return comma_before and any(mark in block.gaps[hit[1]] for mark in ",.;")

    return any(
        covered(hit, [after]) and not covered(hit, mentions, margin=NEAR) and closes_a_clause(hit)
        for hit in reading.attribution_hits(span.block)
    )


def a_source_may_be_given(reading: ArticleReading, claim: Claim) -> bool:
    """The article may give a claim with no source of its own one after all, so no "no source"
    answer is safe: it names a body doing what it reports ("Ofsted rated it", reviews 314, 372), it
    carries on what the paragraph before attributes ("Under the new timetable, the library will also
    open ...", review 381), or the next sentence closes with an attribution left unmarked (review 417)."""
    return (
        names_its_doer(reading, claim)
        or carries_on_an_attribution(reading, claim)
        or unmarked_attribution_after(reading, claim.span)
    )


# A description that ties a person to a body: "the club's", "the engineers' report", "director of".
TIED_BY = re.compile(r"\w's\b|\w'\s|\b(?:of|at|for|from)\s")


def speaks_for_a_body(vocabulary: Vocabulary, source: Source) -> bool:
    """An organisation, an official, or a person the teacher's name ties to a body."""
    if source.type not in person_types(vocabulary) | UNNAMED_SOURCE_TYPES:
        return True
    if source.type in vocabulary.person_source_types - {"named_person"}:
        return True
    if source.type in UNNAMED_SOURCE_TYPES:
        description = source.name  # "an unnamed Halvey's store manager": the name is all description
    else:
        description = source.name.split(",", 1)[1] if "," in source.name else ""
    return bool(TIED_BY.search(match_form(description)))


# Words of a mention that says its source gave nothing: "declined to say", "did not comment".
_REFUSAL_WORDS = frozenset({"declined", "declines", "refused", "refuses", "not", "never"})
# What a source that gave nothing did not do: "did not reply when asked", "could not be reached".
_NO_ANSWER = frozenset({"reply", "replied", "respond", "responded", "comment", "answer", "be", "return"})
# How near the end of a mention its refusal stands: "declined to say", "would not comment".
REFUSAL_REACH = 3


def gives_nothing(reading: ArticleReading, block: int, mention: Span) -> bool:
    """A mention that says a source gave nothing ("A police spokesperson declined to say", "It did
    not say"): it tells who was asked, not where information comes from (review 59), and it never
    links a claim to that source (review 135)."""
    # Only in the verb at its end: "One student, who asked not to be named, said" speaks.
    words = [match_form(w).casefold() for w in reading.blocks[block].words[mention.start : mention.end]]
    last = words[-REFUSAL_REACH:]
    if bool(set(last) & _REFUSAL_WORDS) or any(w.endswith(("n't", "n\u2019t")) for w in last):
        return True
    # "The company did not reply when asked about the plans" (review 113).
    return any(
        word in ("not", "never") and following in _NO_ANSWER
        for word, following in zip(words, words[1:], strict=False)
    )


MAX_APPOSITIVE = 8

# Gaps between the words of one phrase: a space, or a plural possessive's apostrophe and a space.
_IN_PHRASE_GAPS = frozenset({" ", "' ", "\u2019 "})


def _first_person(block: Block, span: Span) -> bool:
    """A claim in a speaker's own voice ("Now I feel sharp again")."""
    return any(word in FIRST_PERSON for word in words_of(block, span))


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


def _relays_of(article: Article, source: Source) -> list[Source]:
    """Every source that relayed this one's words, or whose words this one relayed."""
    related = _relay_chain(article, source)
    for other in article.sources:
        if source.id in _relay_chain(article, other):
            related.add(other.id)
    related.discard(source.id)
    return [other for other in article.sources if other.id in related]


def _called_an_opinion(claim: Claim) -> bool:
    """The teacher marked the claim an opinion, or its note calls it one ("his opinion")."""
    return claim.kind == "opinion" or NOTE_CALLS_OPINION.search(match_form(claim.note).casefold()) is not None


def _paragraph_indexes(article: Article) -> range:
    return range(1, len(article.paragraphs) + 1)


def _who_says_in(reading: ArticleReading, block: int) -> list[tuple[int, int]]:
    """Where the block says who says something: its attribution words and its sources' mentions."""
    return reading.attribution_hits(block) + [(m.start, m.end) for _, m in reading.mentions_in(block)]


def _claim_is_in_writers_words(reading: ArticleReading, claim: Claim) -> bool:
    """No source could be read into the claim: no attribution word or source in its sentences or
    earlier in its paragraph (an attribution often carries over to the sentences after it: "...,
    TruthTrail found. It sells ..."), and the claim is not inside a speaker's quotation."""
    span = claim.span
    block = reading.blocks[span.block]
    if in_quotation(block, span.start, span.end):
        return False
    sentences = reading.sentences_of(span)
    hits = _who_says_in(reading, span.block)
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
    """The sentence holds a meaning word of the quote's (by its root), other than a word of time, or
    a word of one of its subject groups ("the higher prices" beside "a loaf now costs £4.80", review
    363)."""
    text = reading.blocks[block].text_of(*sentence)
    shared = content_words(text) & content_words(quote)
    if shared - _TIME_ROOTS:
        return True
    groups = reading.vocabulary.subject_groups
    return bool(subjects_of(text, groups) & subjects_of(quote, groups))


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


def _mention_near(reading: ArticleReading, source: Source, span: Span) -> str:
    """The source's mention in the same paragraph as ``span`` (the closest one), as text."""
    same = [m for m in source.mentions if m.block == span.block] or list(source.mentions)
    sentences = reading.sentences_of(span)

    verbs = {word for word in reading.vocabulary.attribution_words if " " not in word} - set(
        reading.vocabulary.stand_in_words
    )

    def distance(m: Span) -> tuple[bool, bool, bool, bool, bool, int]:
        in_sentence = any(overlaps(s, (m.start, m.end)) for s in sentences) and m.block == span.block
        gap = max(m.start - span.end, span.start - m.end, 0)
        # The attribution of the claim's own sentence (a later one attributes other words, review
        # 34), one that names the source before "he said" there (review 32), else the closest one
        # before it.
        pronoun = is_pronoun_only(reading.blocks[m.block], m, reading.vocabulary.attribution_words)
        # Never "The report does not say" for what the report says: it tells what is missing (review 135).
        refuses = gives_nothing(reading, m.block, m)
        # A verb alone ("but added that") shows nobody: "A spokesperson said" before it does (review 442).
        verb_alone = set(words_of(reading.blocks[m.block], m)) <= verbs
        return (refuses, not in_sentence, pronoun, verb_alone, m.start > span.start, gap)

    mention = min(same, key=distance)
    block = reading.blocks[mention.block]
    start, end = trim_attribution(block, mention, reading.vocabulary.attribution_words)
    said = _phrase(reading, mention.block, start, end)

    def names_nobody(m: Span) -> bool:
        words = words_of(reading.blocks[m.block], m)
        # "she told this newspaper" too: a pronoun and its verb, then whom she told (review 470)
        return set(words) <= verbs | PRONOUNS | {"that"} or (
            len(words) >= 2 and words[0] in PRONOUNS and words[1] in verbs
        )

    if names_nobody(mention):
        # "He added" shows nobody: quote the mention before it in the paragraph that names the
        # speaker too ("Sam Okoro, a structural engineer, said ... He added", review 449).
        named = [
            m
            for m in same
            if m.block == mention.block
            and m.end <= mention.start
            and not names_nobody(m)
            and not gives_nothing(reading, m.block, m)  # never "The report does not say ... it notes"
        ]
        if named:
            first = named[-1]
            first_start, first_end = trim_attribution(
                reading.blocks[first.block], first, reading.vocabulary.attribution_words
            )
            return f"{_phrase(reading, first.block, first_start, first_end)} ... {said}"
    return said


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


def _source_features(vocabulary: Vocabulary, type_id: str) -> tuple[bool, bool]:
    """What a mention shows of its source at a glance: whether it is named, and whether it is
    people ("Dana Mensah", "critics", "one worker") rather than a group or a record."""
    return (
        type_id in vocabulary.named_source_types,
        type_id in person_types(vocabulary) | UNNAMED_SOURCE_TYPES,
    )


# A note that points at what backs a claim ("The only support is one unnamed teacher", "The only
# evidence is one shopkeeper in the next sentence").
_NOTE_POINTS_TO_SUPPORT = re.compile(
    r"\bonly (?:support|evidence|source|backing)\b|\b(?:is|are) (?:supported|backed) (?:only )?by\b"
    # "only one parent is quoted", "only one driver, who is not named, is quoted" (reviews 134, 135)
    r"|\bonly (?:one|a single)\b[^.]{0,60}\b(?:is|was) (?:quoted|named)\b"
    # "probably come from the company's announcement", "gives one shop's sales as an example" (review 145)
    r"|\b(?:probably|most likely|likely|may|might) (?:comes?|came) from\b|\bas an example\b"
    # "It is probably from the league" (review 205), "This detail is probably in the council's plan"
    # (review 366), "the article gives one example: a café whose owner
    # is not named" (review 198), "One angry visitor is quoted" (review 204)
    r"|\b(?:is|are|was|were) (?:probably|most likely|likely|perhaps) (?:from|in)\b"
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


def sources_the_note_names(reading: ArticleReading, claim: Claim) -> set[str]:
    """The ids of the sources whose proper names (capitalised words of their names) the claim's note
    uses: "Beck" of "it most likely came from Joanna Beck"."""
    return sources_named_in(reading, claim.note)


def sources_named_in(reading: ArticleReading, text: str) -> set[str]:
    """The ids of the named sources whose proper names ``text`` uses."""
    said = {
        match_form(word).casefold().strip("'\u2019")
        for word in Block.from_text(text).words
        if word[:1].isupper()
    }
    return {
        source.id
        for source in reading.article.sources
        if source.type in reading.vocabulary.named_source_types and name_words(source) & said
    }


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
# Acts by which a body makes a fact itself: what it rated, fined or approved is on its own record.
_ACTS_OF_A_BODY = frozenset(
    ["rated", "ranked", "graded", "inspected", "judged", "fined", "approved", "rejected", "ruled"]
    + ["listed", "awarded", "certified", "banned", "condemned", "cleared", "sanctioned", "accredited"]
)


# What a body says it means to do: "wants", "aims", "intends".
_ITS_OWN_AIMS = frozenset(["wants", "aims", "intends", "hopes", "plans"])


def names_its_doer(reading: ArticleReading, claim: Claim) -> bool:
    """The claim names a body or person as doing what it reports, who may be where the fact comes
    from, so "no source" could be argued: "listed by Historic England" (review 314), "Ofsted rated
    it as requiring improvement", review 372)."""
    quote = match_form(claim.span.quote)
    if _DONE_BY_A_NAME.search(quote):
        return True
    words = reading.blocks[claim.span.block].words[claim.span.start : claim.span.end]
    for index in range(1, len(words)):
        if _bare(words[index]) in _ACTS_OF_A_BODY and words[index - 1][:1].isupper():
            return True  # "Ofsted rated", "Historic England listed"
        if _bare(words[index]) in _ITS_OWN_AIMS and (
            _bare(words[index - 1]) in reading.vocabulary.institution_words
            or (index >= 2 and words[index - 1][:1].isupper())
        ):
            # "The government wants offshore wind farms to produce half ...": only the body knows its
            # own aim, so it may be where the words come from (review 423).
            return True
    return False


# Words of a paragraph's first sentence that carry on what the paragraph before reported: "Under the
# new timetable, the library will also open at 10am".
_CARRYING_ON = frozenset({"also", "too", "under"})
# Only "Under the plan, ..." carries a source on to a hedged claim: "The closures could also hit older
# residents hardest" adds the writer's own doubt to what the paragraph before reported (reviews 326,
# 174 and 300 beside review 392's "Under the plan, ... could open as early as September 2026").
CARRYING_ON_A_PLAN = frozenset({"under"})


def _carrying_on_words(block: Block, start: int, end: int) -> set[str]:
    """The carrying-on words among the block's words [start, end); "too" only where it ends its clause
    ("Parents, too, say"), not "too late" or "too proud" (reviews 135, 285)."""
    found = set()
    for index in range(start, end):
        bare = _bare(block.words[index])
        if bare in _CARRYING_ON and (bare != "too" or any(ch in ",.;:" for ch in block.gaps[index + 1])):
            found.add(bare)
    return found


def carries_on_an_attribution(
    reading: ArticleReading, claim: Claim, openers: frozenset[str] = _CARRYING_ON
) -> bool:
    """The claim's paragraph goes on with what the paragraph before attributes, with no attribution of
    its own before the claim: "..., Westmere County Council has announced." then "Under the new
    timetable, the library will also open at 10am ... In total, the library will be open for 44 hours
    a week" (review 381, a fail: "no source" and the council as a wrong choice were both arguable)."""
    block = claim.span.block
    if block < 2 or not reading.sentences(block) or not reading.sentences(block - 1):
        return False
    first = reading.sentences(block)[0]
    if not _carrying_on_words(reading.blocks[block], first[0], first[1]) & openers:
        return False
    own = _who_says_in(reading, block)
    if any(start < claim.span.start for start, _ in own):
        return False
    last = reading.sentences(block - 1)[-1]
    return any(overlaps(hit, last) for hit in _who_says_in(reading, block - 1))


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


def _framings(reading: ArticleReading) -> Iterator[tuple[int, Framing, VocabularyEntry]]:
    """Each framing span with its index and technique (spans with an unknown technique skipped)."""
    for index, framing in enumerate(reading.article.framing):
        try:
            yield index, framing, reading.vocabulary.technique(framing.technique)
        except KeyError:
            continue


MIN_STEM_WORD = 4  # "Out", "Hit": shorter words say too little to be matched

# Words before a participle that make it part of a verb ("were hearing", "not allowed"), not a
# describing word.
_AUXILIARIES = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "not", "to", "will", "would"]
    + ["can", "could", "may", "might", "must", "should", "do", "does", "did", "get", "got", "am"]
)
# The auxiliaries that make a verb of their own: after a reporting verb they start what was said
# ("critics say the plan is wrong"), not to whom or when.
_FINITE_VERBS = _AUXILIARIES - {"not", "to", "being", "get", "got", "am"}


def _is_meaning_word(word: str) -> bool:
    return any(ch.isalpha() for ch in word) and match_form(word).casefold() not in FUNCTION_WORDS


_VERB_PARTICLES = frozenset(
    ["out", "up", "off", "down", "away", "back", "through", "over", "across", "around"]
)


def record_and_body_words(reading: ArticleReading) -> frozenset[str]:
    """Words that name a kind of record or body ("figures", "council"): no record's subject."""
    return frozenset({*reading.vocabulary.record_words, *reading.vocabulary.institution_words})


_MAKER_WORDS = frozenset({"from", "by", "for", "of", "at", "on"})


def record_subject_words(label: str, ignored: frozenset[str]) -> set[str]:
    """The meaning words of a record's name that say what it is about, not whose it is: "crime" of
    "Westshire Police's crime figures", "flood" and "risk" of "the council's flood risk assessment";
    none of "figures from Porthallow Town Council" or "a council report" (``ignored``: record and
    body words)."""
    words = label.split()
    owned = [i for i, word in enumerate(words) if word.endswith(("'s", "s'", "\u2019s", "s\u2019"))]
    start = owned[-1] + 1 if owned else 0
    end = next((i for i in range(start, len(words)) if words[i].casefold() in _MAKER_WORDS), len(words))
    return plain_stems(" ".join(words[start:end]), ignored)


def common_subject_words(label: str, ignored: frozenset[str]) -> set[str]:
    """The subject words of a record's name that are no part of a name: "crime" of "Westshire
    Police's recorded crime figures", none of "the Fairstart Families Trust report"."""
    return record_subject_words(" ".join(word for word in label.split() if not word[:1].isupper()), ignored)


def plain_stems(text: str, ignored: frozenset[str]) -> set[str]:
    """Whole meaning words without their endings ("crimes" and "crime" meet; "Centre" and "cent",
    "council" and "councillors" do not, as four-letter roots would)."""
    stems = set()
    for word in re.findall(r"[^\W\d_]+", match_form(text).casefold()):
        if len(word) < 4 or word in FUNCTION_WORDS or word in ignored:
            continue
        stems.add(inflection_base(word, min_root=4, undouble=False))
    return stems


def claims_share_words(
    reading: ArticleReading,
    source: Source,
    claim: Claim,
    *,
    topic_counts: bool | None = None,
    at_least: int = 1,
) -> bool:
    """``source`` is the source of another claim that shares a meaning word with ``claim`` (names,
    words of time and number, and the headline's words aside), so it could be defended as where
    ``claim`` comes from too: the council report whose "without reducing visits" is beside "evening
    visits went up", for who said it where the article does not say (review 361)."""
    ignored = record_and_body_words(reading) | _ANY_SUBJECT
    claimed = plain_stems(_common_words(claim.span.quote), ignored)
    first = claim.span.quote.split()[:1]
    if first and first[0][:1].isupper() and first[0].casefold() in reading.written_in_lower_case():
        # "Vaping among teenagers has risen": a sentence's capital, not a name (review 408)
        claimed |= plain_stems(first[0], ignored)
    if not (source.type in RECORD_TYPES if topic_counts is None else topic_counts):
        # What the headline names is what the whole story is about ("Reservoir"): every person speaks
        # of it. A record on it may be where the writer found any fact of it: "the Continence Care
        # Alliance's 2023 survey" of toilets beside "Public toilets have been vanishing" (review 397).
        claimed -= plain_stems(reading.article.title, ignored)
    return any(
        len(plain_stems(_common_words(theirs.span.quote), ignored) & claimed) >= at_least
        for theirs in reading.article.claims
        if theirs is not claim and theirs.source == source.id
    )


# Words of time, number and place that any two claims of a story may share ("a year", "per cent",
# "the town"): sharing them is no sign that one source holds both.
_ANY_SUBJECT = frozenset(
    ["year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "night"]
    + ["nights", "time", "times", "last", "first", "next", "cent", "percent", "half", "number"]
    + ["numbers", "more", "most", "many", "even", "town", "city", "people"]
)


def _common_words(text: str) -> str:
    """The words of ``text`` that are no names: a town's name in two claims ties them to no source."""
    return " ".join(word for word in text.split() if not word[:1].isupper())


def sentences_around(reading: ArticleReading, span: Span) -> list[Span]:
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


def described_as_one_of_its_subjects(reading: ArticleReading, claim: Claim) -> bool:
    """A source mentioned in the sentence just after the claim's own (across a paragraph break too) is
    described in words of the claim: '"It took me two buses to get there," said Doreen Walsh, who
    lives on Canal Street' right after "For many people on the Canal Street estate, that meant a walk
    of 25 minutes" (review 405): a person there could be defended as where the claim comes from."""
    ignored = record_and_body_words(reading) | _ANY_SUBJECT
    claimed = plain_stems(claim.span.quote, ignored)
    after = [
        sentence
        for sentence in sentences_around(reading, claim.span)
        if (sentence.block, sentence.start) > (claim.span.block, claim.span.start)
    ]
    people = person_types(reading.vocabulary)
    for sentence in after:
        block = reading.blocks[sentence.block]
        quoted = reading.quoted(sentence.block)
        # How the sentence describes who speaks: its words outside quotation marks ("said Doreen Walsh,
        # 79, who lives on Canal Street").
        described = " ".join(block.words[i] for i in range(sentence.start, sentence.end) if i not in quoted)
        for source in reading.article.sources:
            # A person who lives or works where the claim speaks of; a body or a record described by
            # the story's subject ("Kelder Valley Water", "the trust") is no witness to it.
            here = any(
                m.block == sentence.block and overlaps((m.start, m.end), (sentence.start, sentence.end))
                for m in source.mentions
            )
            if (
                source.type in people
                and here
                and plain_stems(f"{source.name} {described}", ignored) & claimed
            ):
                return True
    return False
