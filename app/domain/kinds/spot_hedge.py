"""Spot the hedge: select the words that make a claim less certain ("could", "is expected to").
Also the hedge words of a claim the teacher did not list as its cues (:func:`unlisted_hedges`,
read by the audit too)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

from app.domain.article import Claim, Span
from app.domain.kinds.base import (
    _AUXILIARIES,
    _CALENDAR_NAMES,
    _VERB_PARTICLES,
    QuestionKind,
    _key_words,
    _notes,
    _phrase,
    _sizes_an_amount,
    gold_is_sparse,
)
from app.domain.passage import ArticleReading, a_number_word, covered, find_words, overlaps, words_of
from app.domain.question import SELECT, Question
from app.domain.quiz_rules import claim_subjects, quoted_phrases
from app.domain.scoring import NEAR
from app.domain.text import FUNCTION_WORDS, Block, display_form, match_form


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
            always_free = [[s, e] for s, e in noted] + compared + verb_groups + _estimate_ranges(shown)
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
# "could [break even] by Christmas" too (review 475).
_FIXED_AFTER_A_VERB = (
    ("into", "force"),
    ("into", "effect"),
    ("into", "operation"),
    ("effect",),
    ("place",),
    ("even",),
)


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
    following = [match_form(word).casefold().strip(".,;:") for word in block.words[start + 1 : start + 3]]
    if following == ["per", "cent"]:
        return start + 3
    # "as much as £80,000 [a year]" (review 358)
    if len(following) == 2 and following[0] in _RATE_WORDS and following[1] in _RATE_NOUNS:
        return start + 3
    return start + 1


def _estimate_ranges(block: Block) -> list[list[int]]:
    """An amount given as a range, "between £400,000 and £1 million" or "two or three years": a size
    given roughly, free beside the word of doubt ("possible" with the range scored nothing, review
    416; "or three" cost marks, review 419); "8 to 10 per cent" with its unit (review 461), but not
    "aged 13 to 16", an exact band."""
    words = [match_form(word).casefold() for word in block.words]
    found = []
    for start, word in enumerate(words):
        if start + 1 >= len(words):
            continue
        if word == "between" and _amount_like(words[start + 1]):
            joined = next(
                (i for i in range(start + 2, min(len(words), start + 6)) if words[i] == "and"), None
            )
        elif _amount_like(word) and words[start + 1] in ("or", "to"):
            joined = start + 1
        else:
            continue
        if joined is None or joined + 1 >= len(words) or not _amount_like(words[joined + 1]):
            continue
        end = joined + 2
        if words[end : end + 2] == ["per", "cent"]:
            end += 2
        elif end < len(words) and words[end] in _AMOUNT_UNITS:
            end += 1
        if words[joined] == "to" and (end == joined + 2 or (start > 0 and words[start - 1] in _BAND_WORDS)):
            continue  # "aged 13 to 16", "Years 7 to 9": an exact band, or no amount's unit after it
        # "could rise by another 8 to 10 per cent" (review 461): how much more, roughly
        if start > 0 and words[start - 1] == "another":
            start -= 1
        elif words[max(0, start - 2) : start] == ["a", "further"]:
            start -= 2
        found.append([start, end])
    return found


# Words before "N to M" that make it an exact band, not a rough amount.
_BAND_WORDS = frozenset({"aged", "ages", "year", "years", "grades", "grade", "levels", "level"})


def _amount_like(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or a_number_word(word)


_AMOUNT_UNITS = frozenset(
    {"million", "billion", "thousand", "hundred", "pounds", "euros", "dollars"}
    | {"years", "months", "weeks", "days", "hours", "minutes", "miles", "metres", "times"}
)


_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_RATE_NOUNS = frozenset({"year", "month", "week", "day", "hour", "night", "term", "season", "minute"})


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


# Words that make a statement depend on a condition: outside a hedge's cues, they doubt it too.
_CONDITIONS = frozenset(
    ["if", "unless", "provided", "assuming", "once", "until", "when", "whenever", "wherever"]
)
# "could be switched back on in any street where crime rises" (review 358): "any ... where" is a condition.
# "could be reversed on streets where crime rises" (review 482, a fail): a place where something happens.
_CONDITION_PHRASE = re.compile(
    r"\b(?:as long as|so long as|only after|any \w+ where|anywhere that|(?:in|on|at) \w+s where)\b"
)
