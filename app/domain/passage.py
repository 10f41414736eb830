"""Reading a passage the way a careful student would: sentences, quotations, tell-tale words.

The generator asks a question about a passage only when the teacher's annotations
account for everything a careful student could select there.  These helpers find
what such a student would notice: the sentences, the words inside quotation marks
(a speaker's own words), and words from the vocabulary's lists (attribution words
such as "said", hedge words such as "reportedly", emotive words such as "shocking").
All word positions are indexes into a :class:`~app.domain.text.Block`'s words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from app.domain.article import HEADLINE_BLOCK, Article, Claim, Source, Span, Vocabulary
from app.domain.text import FUNCTION_WORDS, Block, match_form

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "rev",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "approx",
        "est",
        "inc",
        "ltd",
        "co",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s")
_DOUBLE_QUOTES = '"\u201c\u201d'
# Words that stand for a speaker without naming anyone.
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers", "their", "its", "one"]
)
# Small words that may stand beside a reporting verb without saying who speaks.
_FILLER = frozenset(
    [
        "that",
        "further",
        "also",
        "then",
        "later",
        "as",
        "and",
        "but",
        "in",
        "a",
        "an",
        "the",
        "to",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
    ]
)
_NAME_HEAD_END = re.compile(r",(?!\d)|\(|\s[-\u2013\u2014]\s")  # not a thousands comma ("1,200 pupils")


def sentences(block: Block) -> list[tuple[int, int]]:
    """Word ranges [start, end) of the block's sentences."""
    result: list[tuple[int, int]] = []
    start = 0
    for index in range(len(block.words) - 1):
        gap = block.gaps[index + 1]
        if not _SENTENCE_END.search(gap):
            continue
        word = block.words[index].casefold().rstrip(".")
        following = block.words[index + 1]
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue  # "Dr. Okafor", "Nov. 13", initials
        if not (following[:1].isupper() or following[:1].isdigit() or any(q in gap for q in _DOUBLE_QUOTES)):
            continue
        result.append((start, index + 1))
        start = index + 1
    if start < len(block.words):
        result.append((start, len(block.words)))
    return result


def _is_number(word: str) -> bool:
    return bool(word) and word.replace(",", "").replace(".", "").isdigit()


def a_count(word: str) -> bool:
    """A number in figures or in words ("34", "seven")."""
    return _is_number(word) or _bare(word) in _NUMBER_WORDS


def a_number_word(word: str) -> bool:
    """A number in words, "one" and "dozen" too ("one or two", "one in five", "a dozen or so")."""
    return _bare(word) in _NUMBER_WORDS or _bare(word) in ("one", "dozen")


def quoted_words(block: Block) -> frozenset[int]:
    """Indexes of the words inside double quotation marks (a speaker's own words)."""
    inside = False
    quoted: set[int] = set()
    for index in range(len(block.words)):
        for char in block.gaps[index]:
            if char == "\u201c":
                inside = True
            elif char == "\u201d":
                inside = False
            elif char == '"':
                inside = not inside
        if inside:
            quoted.add(index)
    return frozenset(quoted)


def in_quotation(block: Block, start: int, end: int) -> bool:
    """True when the words [start, end) lie inside one pair of quotation marks, single or double."""
    if start >= end:
        return False
    if set(range(start, end)) <= quoted_words(block):
        return True
    # 'Avenge Paris': single quotes open after a space (or at the start) and close before one.
    before = block.gaps[start]
    after = block.gaps[end]
    return before.endswith(("'", "\u2018")) and after.startswith(("'", "\u2019"))


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(Block.from_text(phrase).words)


@lru_cache(maxsize=65536)
def _normal(word: str) -> str:
    return match_form(word).casefold()


def find_words(block: Block, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Word ranges where any of ``phrases`` (lowercase words or phrases) occurs, whole words only."""
    words = [_normal(word) for word in block.words]
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        positions.setdefault(word, []).append(index)
    found: set[tuple[int, int]] = set()
    for phrase in phrases:
        needle = [_normal(word) for word in _phrase_words(phrase)]
        if not needle:
            continue
        size = len(needle)
        for start in positions.get(needle[0], ()):
            if words[start : start + size] == needle and not _broken_by_punctuation(block, start, size):
                found.add((start, start + size))
    return sorted(found)


def _broken_by_punctuation(block: Block, start: int, size: int) -> bool:
    """A phrase of the word lists does not run across a comma or a full stop: "she said, to anyone"
    holds no hedge "said to" (review 385)."""
    return any(mark in gap for gap in block.gaps[start + 1 : start + size] for mark in ",;:.!?()")


@lru_cache(maxsize=64)
def with_plurals(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` and the plural of each single word in them ("miracles" for "miracle", "crashes"
    for "crash"), so a word list need not spell out both forms of every noun."""
    plurals = []
    for word in words:
        if not word.isalpha() or word.endswith("s") and not word.endswith("ss"):
            continue
        plurals.append(word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s"))
    return tuple(dict.fromkeys([*words, *plurals]))


def covered(word_range: tuple[int, int], spans: Iterable[tuple[int, int]], margin: int = 0) -> bool:
    """True when every word of ``word_range`` lies inside one of ``spans`` widened by ``margin``."""
    start, end = word_range
    return all(any(s - margin <= i < e + margin for s, e in spans) for i in range(start, end))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _name_head(source: Source) -> tuple[str, ...]:
    """The words of the part of a source's name before its first comma, bracket or dash."""
    return Block.from_text(_NAME_HEAD_END.split(match_form(source.name), maxsplit=1)[0]).words


@lru_cache(maxsize=4096)
def name_words(source: Source) -> frozenset[str]:
    """The capitalised words of the part of a source's name before its first comma or bracket:
    "Helen Marsh, the office's river inspector" gives {"helen", "marsh"}."""
    return frozenset(_bare(word) for word in _name_head(source) if word[:1].isupper())


# Small words of a source's name that never say who it is ("a spokesperson for the council").
_NAME_SMALL_WORDS = _FILLER | frozenset(
    ["of", "for", "at", "on", "from", "by", "with", "under", "about", "into", "over", "after", "before"]
    + ["near", "inside", "unnamed", "anonymous", "some", "one", "its", "their", "this", "these"]
)


# Words that start a description after the speaker's noun ("sources close to the club", "people
# familiar with the talks"): the speaker is the noun before them.
def _starts_a_postmodifier(word: str) -> bool:
    """ "close" of "sources close to the player", "published" of "figures published by Lexora" (review
    67): what follows says which ones, not who; a capitalised word ("Leeds United") is still the name."""
    bare = _bare(word)
    return (
        bare in _POSTMODIFIER_STARTS
        or bare in _RELATIVE_WORDS  # "Some people who tried it say": the people speak
        or bare in _WHEN_WORDS  # "A council survey last year found": the survey, not the year (review 71)
        or (word[:1].islower() and bare.endswith("ed") and len(bare) > 4)
        or (word[:1].islower() and bare in _IRREGULAR_PARTICIPLES)  # "a log kept by residents" (review 109)
    )


_IRREGULAR_PARTICIPLES = frozenset(
    ["kept", "held", "made", "written", "given", "taken", "shown", "seen", "done", "sent", "drawn", "led"]
    + ["paid", "built", "brought", "found", "run", "set", "put", "known", "read", "sold", "bought", "won"]
)


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# "more likely", "less probable": a comparison, not a doubt.
_COMPARING = frozenset({"more", "less", "as"})  # "twice as likely" compares, too
_APPEAR = frozenset({"appear", "appears", "appeared"})
# After "appeared" these make it "came into view": "first appeared about 20 years ago", "appeared in
# court" (review 86); "appears to", "appears that" and "appears likely" doubt.
_SHOWING_UP_NEXT = frozenset(
    {"in", "on", "at", "about", "around", "before", "after", "from", "for", "with", "when", "last", "this"}
    | {"ago", "again", "online", "here", "there", "outside", "inside", "across", "during", "since", "until"}
    # "comments had appeared under the post" (review 292)
    | {"under", "beneath", "below", "above", "beside", "near", "next", "along", "overnight", "within"}
)


def _compares(words: Sequence[str], index: int) -> bool:
    """The word at ``index`` is the "likely" of a comparison ("more likely", "twice as likely", "the
    most likely to have volunteered", "least likely": review 252); not "most likely" alone, which
    doubts ("was most likely caused by")."""
    if index <= 0 or _bare(words[index]) not in _LIKELY:
        return False
    before = _bare(words[index - 1])
    return (
        before in _COMPARING
        or before == "least"
        or (before == "most" and index > 1 and _bare(words[index - 2]) == "the")
    )


def _the_month_may(words: Sequence[str], start: int, end: int, sentences: Sequence[tuple[int, int]]) -> bool:
    """ "May" with a capital inside a sentence, or before a number, is the month ("in May 2028") or a
    name, not a doubt (review 148)."""
    if end - start != 1 or words[start] != "May":
        return False
    return all(first != start for first, _ in sentences) or (end < len(words) and words[end][:1].isdigit())


# Words before "stressed" that make it a feeling: "can become badly stressed", "felt so stressed".
_FEEL_WORDS = frozenset(
    ["become", "becomes", "became", "get", "gets", "got", "feel", "feels", "felt", "badly", "very", "so"]
    + [
        "too",
        "more",
        "less",
        "really",
        "extremely",
        "quite",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
    ]
)
_PREPOSITIONS = frozenset(
    {"at", "about", "of", "for", "by", "on", "in", "into", "from", "without", "with", "to", "after", "before"}
)
# Verbs that ask for something as well as ask someone a question.
_ASK = frozenset({"ask", "asks", "asked", "asking"})
# Verbs that tell things apart as well as tell someone something.
_TELL = frozenset({"tell", "tells", "told", "telling"})
# "found" is no attribution word ("fish were found"), but what a record found is where the words come
# from: "the survey found", and "it found" or "they found" standing for one (review 156).
_FOUND = frozenset({"found", "finds"})
_FINDERS = frozenset({"it", "they"})
# Words between a record and what it found: "The survey also found".
_BETWEEN_FINDER_AND_FOUND = frozenset({"also", "further", "only", "even", "previously", "recently", "first"})
# "where it found the post": finding a thing, not a finding.
_FOUND_WHERE = frozenset({"where", "how", "when", "whether", "if", "what", "why"})
# Attribution words that are nouns or adjectives after a determiner or a number.
_NOUNS_TOO = frozenset(
    {"reports", "claims", "claim", "estimated", "estimates", "notes", "posts", "statements", "fear", "fears"}
    # "put on a show", "made no promises", "replies to the survey" (review 213)
    | {"show", "shows", "promises", "replies"}
    # "should be treated with caution" (review 287)
    | {"caution", "cautions"}
    # "In the United States, several states have moved" (review 313)
    | {"states"}
    # "the disputed land", "several pay disputes"
    | {"disputed", "disputes"}
)
# Plural quantities: a verb after one agrees with a plural, so "several states", "many reports" are
# nouns (review 313), while "some claim" may be a verb.
_PLURAL_QUANTITIES = frozenset(
    {"several", "many", "some", "most", "all", "both", "few", "other", "these", "those"}
)
# Before a plural noun as these are: "not more promises" (review 395), "most of the new posts" (review
# 393), "its latest reports".
_PLURAL_MODIFIERS = _PLURAL_QUANTITIES | frozenset(
    {"more", "fewer", "such", "further", "new", "latest", "recent", "earlier", "previous", "false"}
)
# After "fear" or "fears", these make it a noun: "fears over safety", "fear of crime".
_AFTER_A_FEAR = frozenset(
    {"of", "for", "over", "about", "among", "and", "as", "are", "is", "were", "was", "grow"}
    # a headline's "Safety Fears Mount", "as Fears Grow" (review 201)
    | {"mount", "grows", "rise", "rises", "spread", "spreads", "ease", "eases", "deepen", "remain", "persist"}
)
_BEFORE_A_FEAR = frozenset(
    {"in", "growing", "real", "genuine", "biggest", "main", "our", "my", "his", "her"}
    | {"amid", "fresh", "new", "mounting", "raise", "raises", "raised", "sparked", "sparks", "allay", "ease"}
    | {"safety", "health", "security", "flood", "crime", "job", "jobs", "cost", "price", "privacy"}
)


def _a_demonstrative(words: Sequence[str], gaps: Sequence[str], index: int) -> bool:
    """ "this claim", "those fears", and "That caution" opening a sentence: a determiner, so the word
    after it is a noun (review 360). A lower-case "that" may be a relative pronoun ("a study that
    claims"), so only one opening a sentence counts."""
    word = _bare(words[index])
    if word in {"this", "these", "those"}:
        return True
    return words[index] == "That" and (index == 0 or any(mark in gaps[index] for mark in ".!?"))


def _asks_for_something(words: Sequence[str], start: int, end: int) -> bool:
    """A form of "ask" that reports no words: a request ("a 'Hub' Nobody Asked For", review 158; "he
    asks students to put phones away", review 173), or the one asked ("when they are asked in
    March", review 159)."""
    if _bare(words[start]) not in _ASK:
        return False
    after = [_bare(word) for word in words[end : end + ASKED_TO_REACH]]
    if after[:1] and after[0] in _QUESTION_WORDS:
        return False  # "asked whether the council planned to close it": a question reported
    return (
        after[:1] in (["for"], ["to"])  # "visitors asked to use her toilet" (review 262)
        # "asked young people aged 14 to 17 to fill in the form" (review 271)
        or "to" in after[1:]
        # "asks anyone who looks under 25 for proof of age", "asked the council for help" (review 368)
        or ("for" in after[1:] and after[0] not in ("them", "him", "her", "us", "me", "you"))
        or (start > 0 and _bare(words[start - 1]) in _PASSIVE_AUXILIARIES)
    )


# Verbs by which a record reports; words that make what it reports a possibility, not a finding.
_RECORD_VERBS = frozenset({"show", "shows", "showed", "find", "finds", "found", "reveal", "reveals"})
_OPEN_CONDITIONS = frozenset({"whether", "if", "unless", "until"})
OPEN_CONDITION_REACH = 5


def _what_a_record_may_show(words: Sequence[str], gaps: Sequence[str], start: int, end: int) -> bool:
    """ "Whether the next survey shows the same picture ... remains to be seen": a record that does
    not exist yet reports nothing (review 271)."""
    if end - start != 1 or _bare(words[start]) not in _RECORD_VERBS:
        return False
    for index in range(start - 1, max(-1, start - 1 - OPEN_CONDITION_REACH), -1):
        if any(mark in gaps[index + 1] for mark in ",;:.!?"):
            return False
        if _bare(words[index]) in _OPEN_CONDITIONS:
            return True
    return False


# How far after "asked" the "to" of a request may stand: "asked young people aged 14 to 17 to".
ASKED_TO_REACH = 7
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where", "which"})


def _not_knowing_a_fact(words: Sequence[str], end: int) -> bool:
    """ "some do not know that the food bank is open": what some people do not know, which is so (review
    480's audit); "do not know whether" still doubts."""
    return end < len(words) and _bare(words[end]) == "that" and _bare(words[end - 1]) == "know"


# Things shown to people, not findings: "to show their friends", "to show him".
_SHOWN_TO = frozenset({"their", "his", "her", "my", "our", "your", "them", "him", "us", "me"})
# Records whose "explaining" tells their subject: "a letter explaining the change".
_TOPIC_RECORDS = frozenset(
    {"letter", "letters", "leaflet", "leaflets", "email", "emails", "notice", "notices", "booklet", "guide"}
    | {"video", "videos", "poster", "posters", "sign", "signs", "message", "messages", "note", "notes"}
)
_TOPIC_AFTER = frozenset({"the", "its", "their", "how", "why", "what", "where", "when"})


def _shown_or_explained_to_someone(words: Sequence[str], start: int, end: int) -> bool:
    """ "bring books from home to show their friends": showing a thing to someone, nobody's finding;
    "sent a letter explaining the change": what a record is about (review 478's audit)."""
    if end - start != 1 or start == 0 or end >= len(words):
        return False
    verb, before, after = _bare(words[start]), _bare(words[start - 1]), _bare(words[end])
    if verb == "show" and before == "to" and after in _SHOWN_TO:
        return True
    return verb == "explaining" and before in _TOPIC_RECORDS and after in _TOPIC_AFTER


def _no_longer_able(words: Sequence[str], start: int, end: int) -> bool:
    """ "the council could no longer afford it": was not able any more, not a doubt (reviews 196 and
    201; the audit asked for it as a hedge cue)."""
    return (
        end - start == 1
        and _bare(words[start]) == "could"
        and end + 1 < len(words)
        and (_bare(words[end]), _bare(words[end + 1])) == ("no", "longer")
    )


# Words after "up to" that make it a size: "up to 400", "up to a week", "up to half".
_SIZE_AFTER_UP_TO = frozenset(
    {"a", "an", "half", "twice", "double", "three", "four", "five", "ten", "hundreds"}
)


# Nouns of an amount after "up to a": "up to a week", "up to a third", "up to a dozen".
_AMOUNT_NOUNS = frozenset(
    {"day", "week", "fortnight", "month", "year", "decade", "hour", "minute", "mile", "metre", "third"}
    | {"quarter", "half", "fifth", "tenth", "dozen", "hundred", "thousand", "million", "billion", "pound"}
    | {"litre", "tonne", "ton", "kilometre", "foot", "yard", "term", "season", "night", "lot"}
)


# Verbs that put someone "at risk": the claim says they are endangered, and doubts nothing.
_PUTTING = frozenset(
    {"put", "puts", "putting", "place", "places", "placed", "placing", "left", "leave", "leaves"}
)
# How many words may stand between the verb and "at risk" ("put mothers' lives at risk").
PUT_AT_RISK_REACH = 4


def _put_at_risk(words: Sequence[str], start: int, end: int) -> bool:
    """ "Will Put Mothers' Lives at Risk", "putting staff at risk": endangering is what the claim says,
    so "at risk" there is no hedge (the audit asked review 254's teacher to list it as a cue)."""
    if [_bare(word) for word in words[start:end]] != ["at", "risk"]:
        return False
    before = [_bare(word) for word in words[max(0, start - PUT_AT_RISK_REACH) : start]]
    return bool(set(before) & _PUTTING)


# Time clauses where "could" says someone was able to, not that it may be so: "ambulances queued for
# hours before crews could hand their patients over" (review 395).
_TIME_CONJUNCTIONS = frozenset({"before", "until", "till", "once"})
_CLAUSE_OPENERS = frozenset({"which", "that", "who", "and", "but", "it", "this"})


def _could_of_a_purpose_or_time(words: Sequence[str], start: int, end: int) -> bool:
    """ "so that its limited supply could keep newly planted trees alive": a purpose, no doubt (review
    353); nor "before crews could hand their patients over", a time (review 395)."""
    if [_bare(word) for word in words[start:end]] not in (["could"], ["can"]):
        return False
    before = [_bare(word) for word in words[max(0, start - 5) : start]]
    if any(a == "so" and b == "that" for a, b in zip(before, before[1:], strict=False)):
        return True
    if _bare(words[start]) != "could":
        return False
    # The conjunction opens the clause "could" is in: "before crews could", not "before winter, which
    # could add £30,000" (review 413), where the gap holds a comma or a relative word.
    for back in range(1, min(4, start) + 1):
        word = _bare(words[start - back])
        if word in _TIME_CONJUNCTIONS:
            return True
        if word in _CLAUSE_OPENERS:
            return False
    return False


_ANSWERING = frozenset({"said", "say", "says", "reported", "report"})
# Words before a plain word and a reporting noun: "thousands of lamp posts", "31 per cent fewer bullying
# reports" (reviews 426, 435).
_BEFORE_A_PLAIN_NOUN = frozenset({"of", "fewer", "more"})
# How many plain words may describe the respondents: "one in four secondary pupils says" (review 435).
_RESPONDENT_WORDS = 3


def _respondents_answer(words: Sequence[str], start: int, end: int) -> bool:
    """What a survey's respondents answered: "46 per cent said they worked for money", "one in five of
    them said", "twice as likely to say" (review 427). The record that found it is the attribution."""
    if end - start != 1 or start < 2 or _bare(words[start]) not in _ANSWERING:
        return False
    # "one in five said" (review 432), "one in four secondary pupils says" (review 435): a share, then
    # plain words for who they are, if any; not "had a stroke at home in 2022, said".
    for first in range(start, max(start - 1 - _RESPONDENT_WORDS, 2), -1):
        if not words[first][:1].islower():
            break
        if (
            _bare(words[first - 2]) == "in"
            and a_count(words[first - 1])
            and (a_count(words[first - 3]) or _bare(words[first - 3]) == "one")
        ):
            return True
    before = [_bare(word) for word in words[start - 2 : start]]
    # "61 of the 84 teachers who replied ..., and 47 said behaviour was worse" (review 451's audit): a
    # bare count right before it, where the sentence has told of people answering.
    answered = {_bare(word) for word in words[max(0, start - _COUNTED_ANSWER_REACH) : start]} & _ANSWERED
    # "81 per cent of the 214 staff who answered a survey said" (review 481's audit): a share of people
    # who answered, however they are described.
    share = any(
        _bare(word) == "cent" or word.endswith("%") for word in words[max(0, start - _SHARE_REACH) : start]
    )
    return (
        before[1] == "cent"
        or words[start - 1].endswith("%")
        or before in (["of", "them"], ["of", "those"], ["likely", "to"])
        or (_bare(words[start - 1]).replace(",", "").isdigit() and bool(answered))
        or (share and bool(answered))
    )


# Words that tell of people answering a survey, before a bare count or a share that "said" something.
_ANSWERED = frozenset({"replied", "responded", "answered", "surveyed", "polled", "questioned", "respondents"})
_COUNTED_ANSWER_REACH = 20
_SHARE_REACH = 12


# Words of a rule before "may": "Under national rules, ... may work no more than 12 hours".
_RULE_WORDS = frozenset({"rules", "rule", "law", "laws", "regulations", "allowed", "permitted", "licence"})
_RULE_REACH = 12


def _may_of_a_limit(words: Sequence[str], start: int, end: int) -> bool:
    """ "14- to 16-year-olds may work no more than 12 hours in a school week": what a rule allows, up to
    a limit, not a doubt (review 427)."""
    if [_bare(word) for word in words[start:end]] != ["may"]:
        return False
    after = [_bare(word) for word in words[end : end + 4]]
    ruled = {_bare(word) for word in words[max(0, start - _RULE_REACH) : start]} & _RULE_WORDS
    return bool(ruled) and after[1:4] in (
        ["no", "more", "than"],
        ["not", "more", "than"],
        ["no", "longer", "than"],
    )


def _could_not(words: Sequence[str], start: int, end: int) -> bool:
    """ "could not refuse", "the figures could not show that the ban caused it": what someone or
    something was unable to do, a fact, not a doubt (review 257); so too "couldn't sleep, and neither
    could I", which says it again of someone else (review 421)."""
    if [_bare(word) for word in words[start:end]] != ["could"]:
        return False
    return (end < len(words) and _bare(words[end]) in _NEGATIONS) or (
        start > 0 and _bare(words[start - 1]) in ("neither", "nor")
    )


def _up_to_do(words: Sequence[str], start: int, end: int) -> bool:
    """ "had signed up to sell tickets", "fed up to the back teeth": a verb's "up" and an infinitive's
    "to", no size given roughly (review 231).  "Up to" gives a size only before a number or an amount."""
    if [_bare(word) for word in words[start:end]] != ["up", "to"] or end >= len(words):
        return False
    after = words[end]
    # "up to a week", not "walk straight up to a fox" (review 347).
    if _bare(after) in ("a", "an"):
        return end + 1 >= len(words) or _bare(words[end + 1]) not in _AMOUNT_NOUNS
    return not (
        _is_number(after.lstrip("£$€"))
        or after[:1] in "£$€"
        or _bare(after) in _NUMBER_WORDS
        or _bare(after) in _SIZE_AFTER_UP_TO
    )


def _as_high_as_possible(words: Sequence[str], start: int, end: int) -> bool:
    """ "the highest possible rating", "as soon as possible": how far, not a doubt (review 215)."""
    if end - start != 1 or start == 0 or _bare(words[start]) != "possible":
        return False
    before = _bare(words[start - 1])
    return (
        before == "as"
        or before in ("best", "most", "least", "worst")
        or (len(before) > 4 and before.endswith("est"))
    )


# Reporting words that also describe a noun: "some reported leaks", "the promised funding" (review 217).
_ADJECTIVES_TOO = frozenset(
    {"reported", "claimed", "promised", "predicted", "stated", "quoted", "shared"}
    # "a growing crisis of stressed, exhausted teenagers" (review 411), "12 confirmed cases"
    | {"stressed", "confirmed", "noted"}
    # "the WHO's recommended limit" (review 477's audit)
    | {"recommended"}
)
# Words before such an adjective besides a determiner or a preposition (_BEFORE_A_NOUN): a quantity.
_QUANTITIES = frozenset(
    {"some", "all", "many", "most", "more", "fewer", "these", "those", "our", "his", "her"}
)
# What a reporting verb may take after it, so that it is no adjective there: "reported that", "said
# to", "reported seeing smoke".
_AFTER_A_VERB = _PREPOSITIONS | frozenset(
    {"that", "it", "this", "he", "she", "they", "we", "him", "her", "them"}
)
# Words before a thing shared ("shared the results with governors"), not words shared with readers.
_THINGS_SHARED_AFTER = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "these", "those"})
_SHARED_HOW = frozenset({"through", "via", "on", "online", "with", "across", "among", "in", "widely"})
# What "shared" may report: "residents shared concerns that", "shared stories of".
_WORDS_SHARED = frozenset(
    {"concerns", "fears", "worries", "views", "thoughts", "stories", "story", "experiences", "details"}
    | {"memories", "news", "messages", "feelings", "hopes", "doubts", "how", "what", "why", "whether"}
)
# Whom a request is made of ("asked it for any money"), and what asking for still reports.
_ASKED_OF = frozenset({"it", "them", "him", "her", "us", "me", "you"})
_ASKED_FOR_WORDS = frozenset({"comment", "comments", "views", "opinions", "details"})


# Reporting nouns that are counted: "Reports of potholes", "insurance claims are rising".
_COUNTED_NOUNS = frozenset({"reports", "claims"})
_VERBS_AFTER_A_NOUN = frozenset(
    {"are", "were", "have", "has", "had", "rose", "fell", "doubled", "rising", "falling"}
)
# What is claimed as one's due, not said: "claiming compensation".
_THINGS_CLAIMED = frozenset(
    {"compensation", "benefits", "benefit", "money", "refunds", "refund", "expenses", "damages", "payouts"}
    | {"credit", "victory", "responsibility", "asylum", "allowance", "allowances", "back"}
)
# What asks the questions of a survey: "the questions asked about books".
_RECORD_PARTS = frozenset({"question", "questions", "questionnaire", "survey", "poll", "form"})


def _not_reporting_here(words: Sequence[str], start: int, end: int, gaps_after: str = "") -> bool:
    """A reporting word that reports nothing where it stands: an adjective before a noun ("95 per cent
    of reported leaks"), the respondents of a survey ("the 312 parents who replied"), or sharing a
    thing ("had shared the results with governors"); reviews 215 to 217.  Nor one that adds an amount
    or names a cause after a passive ("added ten minutes", "be explained by")."""
    if end - start != 1:
        return False
    word = _bare(words[start])
    before = _bare(words[start - 1]) if start > 0 else ""
    after = _bare(words[end]) if end < len(words) else ""
    # "too afraid of eviction to complain", "too embarrassed to admit it", "less able than adults to
    # tell when": what someone dares or can do, nothing reported (reviews 354, 356, 357).
    if before == "to" and _DARING & {_bare(w) for w in words[max(0, start - 6) : start - 1]}:
        return True
    # "the questions it asked": a survey's questions, nobody's words reported (review 343).
    if word in ("asked", "asks") and "questions" in {_bare(w) for w in words[max(0, start - 3) : start]}:
        return True
    # "Reports of potholes have risen", "pothole claims are rising": things counted (review 232).
    if word in _COUNTED_NOUNS and (after == "of" or after in _VERBS_AFTER_A_NOUN):
        return True
    # "lanes patched when they are reported": a fault reported to the council, nobody's words here;
    # "since the plans were announced." names no one who announced them (review 265).
    # "it is being unfairly blamed.": an adverb may stand between (review 311).
    passive = before in _PASSIVE_AUXILIARIES or (
        before.endswith("ly") and start > 1 and _bare(words[start - 2]) in _PASSIVE_AUXILIARIES
    )
    if word in _PASSIVE_WITH_NOBODY and passive and any(mark in gaps_after for mark in ".,;:!?"):
        return True
    # "a hosepipe ban could be announced as early as next week": when, and by nobody (review 353).
    if word in _PASSIVE_WITH_NOBODY and passive and after in _WHEN_AFTER_A_PASSIVE:
        return "by" not in {_bare(w) for w in words[end : end + 8]}
    # "Families have not been told what happens", "were never told how long": nobody told anyone
    # anything (review 263); "were told that ..." still reports what they heard.
    around = {_bare(w) for w in words[max(0, start - NEGATED_PASSIVE_REACH) : start]}
    if around & _PASSIVE_AUXILIARIES and around & _NEGATIONS and after != "that":
        return True
    if start == 0 or end >= len(words):
        return False
    # "the WHO's recommended limit", "the council's promised funding" (review 477's audit)
    described = (
        before in _BEFORE_A_NOUN
        or before in _QUANTITIES
        or _is_number(words[start - 1])
        or is_possessive(words[start - 1])
    )
    noun_after = words[end][:1].islower() and after.isalpha() and after not in _AFTER_A_VERB
    # "Some reported seeing smoke": "some" may be who reported.
    seeing = after.endswith("ing") and before in _QUANTITIES
    if word in _ADJECTIVES_TOO and described and noun_after and not seeing:
        return True
    # "staff have been told not to speak to the press": an order, not something said (review 316).
    if (
        word in ("told", "asked")
        and after == "not"
        and end + 1 < len(words)
        and _bare(words[end + 1]) == "to"
    ):
        return True
    # "2,100 people responded and": counted respondents (review 302).
    counted = start > 1 and a_count(words[start - 2])
    if (
        word in ("replied", "responded")
        and (before in ("who", "that", "which") or counted)
        and after != "that"
    ):
        return True
    # "had added ten minutes to his run", "adds £3 to every bill": made more, not said more (review 223).
    if word in ("add", "adds", "added", "adding") and (
        _is_number(after)
        or after in _NUMBER_WORDS
        or after in ("another", "extra")
        or words[end][:1] in "£$€"
    ):
        return True
    # "the number of drivers claiming compensation": asking for money, not saying (review 232).
    if word in ("claim", "claims", "claiming", "claimed") and after in _THINGS_CLAIMED:
        return True
    # "the questions only asked about books": what a survey's questions were about (review 233).
    if (
        word == "asked"
        and after == "about"
        and _RECORD_PARTS & {_bare(w) for w in words[max(0, start - 3) : start]}
    ):
        return True
    # "could be explained by better record-keeping": a cause, not a speaker (review 225).
    if word in ("explained", "explains") and before in _PASSIVE_AUXILIARIES and after == "by":
        return True
    # "to have their say", "a say in the decision": a noun (review 273).
    if word == "say" and before in _BEFORE_A_NOUN:
        return True
    # "The sauna suite, which was added when the centre was refurbished": built, not said (review 266).
    if word == "added" and before in _PASSIVE_AUXILIARIES and after != "that" and ":" not in gaps_after:
        return True
    # "The form was shared through schools": a thing passed round, nobody's words (review 271).
    if word == "shared" and before in _PASSIVE_AUXILIARIES and after in _SHARED_HOW:
        return True
    # "had asked disabled residents before it made the change": people consulted, nothing they said
    # reported (review 346).
    if word in _ASK and _consulted(words, end):
        return True
    # "had not asked it for any money": a request for something, not words reported (review 335).
    if (
        word in _ASK
        and after in _ASKED_OF
        and end + 2 < len(words)
        and _bare(words[end + 1]) == "for"
        and _bare(words[end + 2]) not in _ASKED_FOR_WORDS
    ):
        return True
    # "bosses shared bonuses worth £1.2 million": a thing shared out, not words (review 334).
    shared_a_thing = (
        words[end][:1].islower()
        and after.isalpha()
        and after not in _AFTER_A_VERB
        and after not in _WORDS_SHARED
        and not after.endswith("ly")
    )
    return word == "shared" and (after in _THINGS_SHARED_AFTER or shared_a_thing)


# Words of daring or being able before "to" and a reporting verb: "too afraid to complain".
_DARING = frozenset(
    {"afraid", "scared", "frightened", "embarrassed", "ashamed", "reluctant", "able", "unable", "too"}
)
# People asked, as a survey or a council consults them.
_ASKED_PEOPLE = frozenset(
    {"residents", "parents", "pupils", "students", "people", "families", "members", "staff", "customers"}
    | {"traders", "shopkeepers", "locals", "neighbours", "users", "passengers", "patients", "voters"}
    | {"resident", "parent", "pupil", "student", "person", "family", "member", "customer", "trader"}
)
# What ends a consulting "asked residents": a full stop or comma, or a time or reason after them.
_AFTER_CONSULTED = frozenset({"before", "first", "again", "beforehand", "properly", "at", "in", "last"})


# Before whom was asked: "had not asked a single resident", "asked any of the traders".
_ASKED_HOW_MANY = frozenset({"a", "an", "any", "every", "each", "one", "no", "the", "single", "of", "all"})


# Before "reported" as a describing word: "every reported bump", "the reported figure".
_BEFORE_REPORTED_THINGS = frozenset(
    ["every", "each", "all", "the", "a", "an", "any", "no", "of", "many", "most", "some", "few"]
    + ["fewer", "more"]
)


def _reported_things(words: Sequence[str], start: int, end: int) -> bool:
    """ "Reported accidents on Kingsway", "every reported bump", "19 collisions reported on the stretch"
    (review 364): things reported, with nobody reporting them here."""
    if end - start != 1 or _bare(words[start]) != "reported" or end >= len(words):
        return False
    before = _bare(words[start - 1]) if start > 0 else ""
    if words[start] == "Reported" or before in _BEFORE_REPORTED_THINGS:
        return words[end][:1].islower()  # a noun follows: "Reported accidents"
    # "19 collisions reported on": counted things, not people, and no "by" naming who reported them.
    counted = start > 1 and (_is_number(words[start - 2]) or _bare(words[start - 2]) in _PLURAL_QUANTITIES)
    return (
        counted
        and before.endswith("s")
        and before not in _ASKED_PEOPLE
        and "by" not in map(_bare, words[end : end + 4])
    )


def _consulted(words: Sequence[str], end: int) -> bool:
    """ "had asked disabled residents before it made the change", "had not asked a single resident
    before the vote" (review 358): asked whom, and nothing more."""
    index = end
    while index < len(words) and index < end + 3 and _bare(words[index]) in _ASKED_HOW_MANY:
        index += 1
    if index < len(words) and _bare(words[index]) not in _ASKED_PEOPLE and words[index][:1].islower():
        index += 1  # one describing word: "disabled residents", "local traders"
    if index >= len(words) or _bare(words[index]) not in _ASKED_PEOPLE:
        return False
    if index + 1 >= len(words):
        return True
    return _bare(words[index + 1]) in _AFTER_CONSULTED


# Words that only describe a noun after them: "the Lantern's final show", "its latest report".
_DESCRIBING = frozenset(
    ["final", "first", "last", "latest", "new", "own", "recent", "annual", "previous", "next", "main"]
    + ["weekly", "monthly", "daily", "yearly", "full", "short", "long", "big", "special", "opening"]
)
# Verbs whose reported words may hold an idiom of telling ("says its own samples tell a different story").
_SAYING = frozenset({"says", "said", "say", "claims", "claimed", "argues", "argued", "insists", "insisted"})


def _no_sign(words: Sequence[str], start: int, end: int) -> bool:
    """ "shows no sign of shrinking": an idiom, nobody reporting (review 209); so is "rarely show up in
    surveys", which means appear (review 280)."""
    if _bare(words[start]) not in ("show", "shows", "showed", "showing", "shown") or end >= len(words):
        return False
    if _bare(words[end]) == "up":
        return True
    return end + 1 < len(words) and _bare(words[end]) == "no" and _bare(words[end + 1]) in ("sign", "signs")


def _a_fear(words: Sequence[str], start: int, end: int) -> bool:
    """ "fears over safety", "living in fear as": a noun, not someone fearing ("residents fear it will
    get worse" is, review 194)."""
    return _bare(words[start]) in ("fear", "fears") and (
        (end < len(words) and _bare(words[end]) in _AFTER_A_FEAR)
        or (start > 0 and _bare(words[start - 1]) in _BEFORE_A_FEAR)
    )


def _let_in(words: Sequence[str], start: int, end: int) -> bool:
    """ "patients admitted through A&E", "were admitted overnight": let in, not owning up (review
    181); "it was admitted that ..." still reports."""
    if end - start != 1 or end >= len(words):
        return False
    if _bare(words[start]) in ("admit", "admits", "admitting"):
        return _bare(words[end]) in _LET_IN_AFTER
    if _bare(words[start]) != "admitted":
        return False
    after = _bare(words[end])
    return after in _LET_IN_AFTER or (
        start > 0 and _bare(words[start - 1]) in _PASSIVE_AUXILIARIES and after != "that"
    )


# "have to", "need to": before a verb, they say what someone must do.
_OBLIGED = frozenset({"have", "has", "had", "having", "need", "needs", "needed"})


# Modals before "have" that make a reporting verb what someone ought to or might have done.
_UNDONE = frozenset({"should", "shouldn't", "ought", "could", "would", "must"})


def _must_do(words: Sequence[str], start: int) -> bool:
    """What someone must do ("would not have to show its weight", review 197), was asked not to do
    ("were asked not to tell families") or should have done ("the school should have warned
    families"): nobody there reports anything (review 259)."""
    if start < 2:
        return False
    before, earlier = _bare(words[start - 1]), _bare(words[start - 2])
    return (
        (before == "to" and (earlier in _OBLIGED or earlier == "not"))
        or (before == "have" and earlier in _UNDONE)
        or (before == "have" and earlier == "to" and start >= 3 and _bare(words[start - 3]) == "ought")
    )


# Modals after which a record's verb tells what it is expected to show, not what it reported.
_FORECASTING = frozenset({"will", "would", "may", "might", "could", "should", "can"})
# Shares after "explains" that make it "accounts for" ("explains most of the rise").
_SHARES = frozenset({"most", "much", "part", "some", "all", "half", "little"})


def _not_reported_yet(words: Sequence[str], start: int, end: int) -> bool:
    """ "will show its last film", "may show whether the new form works", "the trial might tell us
    little": a record that is still to come, or a cinema showing a film, reports nothing (reviews 314,
    315, 327)."""
    if end - start != 1 or start == 0:
        return False
    verb, before = _bare(words[start]), _bare(words[start - 1])
    if not (verb in _RECORD_VERBS or verb in ("tell", "tells")):
        return False
    # "it expects them to show shorter waits": figures it hopes for, not yet out (review 395)
    expecting = before == "to" and any(
        _bare(word) in _EXPECTING for word in words[max(0, start - 4) : start - 1]
    )
    # "it could not show whether ...": what it is unable to show (review 432's audit)
    unable = before in _NEGATIONS and start >= 2 and _bare(words[start - 2]) in ("could", "can")
    return before in _FORECASTING or expecting or unable


_EXPECTING = frozenset(
    {"expect", "expects", "expected", "expecting", "hope", "hopes", "hoped", "hoping"}
    | {"want", "wants", "wanted", "plan", "plans", "planned", "aim", "aims", "intend", "intends"}
)


# Whom nobody tells anything: "never told anyone", "told nobody".
_NOBODY_TOLD = frozenset({"anyone", "anybody", "nobody", "no-one"})


def _denied_just_before(words: Sequence[str], start: int) -> bool:
    """ "never told", "did not tell", "didn't tell": the telling did not happen."""
    before = [_bare(word) for word in words[max(0, start - 2) : start]]
    return bool(set(before) & _NEGATIONS) or any(word.endswith("n't") for word in before)


def _a_story_idiom(words: Sequence[str], start: int, end: int) -> bool:
    """ "the figures do not tell the whole story", "tells only half the story": a judgement of what they
    leave out (reviews 326 and 462); and "its own samples tell a different story" in what a speaker
    says (review 445)."""
    following = [_bare(word) for word in words[end : end + 4]]
    if (
        _bare(words[start]) in _TELL
        and (following[:3] == ["a", "different", "story"] or following[:2] == ["another", "story"])
        # inside what a speaker says, not a record's own telling ("figures in the council's review
        # tell a different story", which the teacher marked, review 132)
        and {_bare(word) for word in words[max(0, start - 6) : start]} & _SAYING
    ):
        return True
    if following[:1] == ["only"]:
        following = following[1:]  # "the 40 per cent figure tells only half the story" (review 462)
    return (
        end - start == 1
        and _bare(words[start]) in ("tell", "tells", "told")
        and (following[:3] in (["the", "whole", "story"], ["the", "full", "story"], ["half", "the", "story"]))
    )


# Words before "reporting" or "reports" that make it a noun: "simply reflect better reporting" (review 328).
_QUALITIES = frozenset(
    {"better", "worse", "poor", "poorer", "more", "less", "improved", "accurate", "fuller"}
)


def _a_quality_of_reporting(words: Sequence[str], start: int, end: int) -> bool:
    return (
        end - start == 1
        and start > 0
        and _bare(words[start]) in ("reporting", "reports")
        and _bare(words[start - 1]) in _QUALITIES
    )


def _a_bodys_job(words: Sequence[str], start: int, end: int) -> bool:
    """ "a government body that advises on radiation safety": what the body is for, nothing it said
    (review 329)."""
    return (
        end - start == 1
        and start > 0
        and end < len(words)
        and _bare(words[start]) in ("advises", "advise")
        and _bare(words[start - 1]) in (*_RELATIVE_WORDS, "that")
        # "which advises councils on flood risk": whom it advises, then on what (review 410)
        and "on" in [_bare(word) for word in words[end : end + 3]]
    )


def _accounts_for(words: Sequence[str], start: int, end: int) -> bool:
    """ "the new online form explains most of the rise": a cause accounting for something, not
    someone explaining (review 315)."""
    return (
        end - start == 1
        and end + 1 < len(words)
        and _bare(words[start]).startswith("explain")
        and _bare(words[end]) in _SHARES
        and _bare(words[end + 1]) == "of"
    )


# Verbs after which "she would ..." is what the speaker said of themselves.
_SAID_OF_ONESELF = frozenset({"said", "says", "told", "added", "admitted", "admits", "insisted", "insists"})


def _what_one_would_do(words: Sequence[str], gaps: Sequence[str], start: int, end: int) -> bool:
    """ "said she would believe the pool was safe when she saw it": what the speaker said they would
    do, inside the words the first verb reports (review 321)."""
    if (
        end - start != 1
        or start < 3
        or any(mark in gap for gap in gaps[start - 2 : start + 1] for mark in ",;:.!?")
    ):
        return False
    said, pronoun, modal = (_bare(word) for word in words[start - 3 : start])
    return said in _SAID_OF_ONESELF and pronoun in _SUBJECT_PRONOUNS and modal in _FORECASTING


_KNOW_WHAT = frozenset({"whether", "if", "how", "which", "what", "when", "who", "why"})
_JUDGING = frozenset(
    {
        "hard",
        "harder",
        "easy",
        "easier",
        "difficult",
        "impossible",
        "early",
        "soon",
        "possible",
        "able",
        "unable",
    }
)


def _knowing_whether(words: Sequence[str], start: int, end: int) -> bool:
    """ "hard to tell whether", "too soon to say how": knowing or judging, not telling anyone (review
    293)."""
    return (
        end - start == 1
        and start > 1
        and end < len(words)
        and _bare(words[start]) in ("tell", "say")
        and _bare(words[start - 1]) == "to"
        and _bare(words[start - 2]) in _JUDGING  # not "declined to say whether": a refusal reported
        and _bare(words[end]) in _KNOW_WHAT
    )


_PASSED_ROUND = frozenset({"shared", "posted", "reposted", "retweeted"})


def _passed_round(words: Sequence[str], start: int, end: int) -> bool:
    """ "was shared more than 12,000 times": a thing passed round, with nobody said to share it; not
    "was shared by the council", which names who (review 292)."""
    if end - start != 1 or start == 0 or _bare(words[start]) not in _PASSED_ROUND:
        return False
    before = _bare(words[start - 1])
    # "is weighed and posted on a league table": the passive goes on past "and" (review 323)
    passive = before in _PASSIVE_AUXILIARIES or (
        before == "and"
        and bool(_PASSIVE_AUXILIARIES & {_bare(w) for w in words[max(0, start - 4) : start - 1]})
    )
    return passive and "by" not in map(_bare, words[end : end + 3])


def _shows_up(words: Sequence[str], start: int, end: int) -> bool:
    """A form of "appear" that says something came into view, not that it only seems so."""
    if end - start != 1 or _bare(words[start]) not in _APPEAR:
        return False
    if start > 0 and _bare(words[start - 1]) == "first":
        return True
    return end == len(words) or _bare(words[end]) in _SHOWING_UP_NEXT


_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
    ]
)
_BEFORE_A_NOUN = frozenset(
    ["a", "an", "the", "any", "no", "with", "without", "of", "for"]
    + ["its", "their", "his", "our", "your", "my"]  # "to have their say" (review 273)
)
_PASSIVE_AUXILIARIES = frozenset({"be", "being", "been", "is", "are", "was", "were", "get", "gets", "got"})
_PASSIVE_ADVERBS = frozenset({"only", "just", "already", "finally", "also", "first", "recently"})
# Reporting verbs that, in the passive with nothing after them, say that something was made known
# and by nobody in particular.
_PASSIVE_WITH_NOBODY = frozenset({"reported", "announced", "confirmed", "revealed", "blamed"})
_NEGATIONS = frozenset({"not", "never"})
# Words after a passive reporting verb that say when: "could be announced as early as next week".
_WHEN_AFTER_A_PASSIVE = frozenset(
    {"as", "next", "last", "this", "within", "soon", "later", "today", "tomorrow"}
)
# How far back from a reporting verb a negated passive ("have not been told") is read.
NEGATED_PASSIVE_REACH = 3
# What follows a passive reporting verb that makes its subject the one told, not a source: "asked to
# bid", "told about their appointments", "was blamed for the flooding" ("told that ..." still reports
# something).
_TOLD_TO_DO = frozenset({"to", "about", "for"})
# Words after "admitted" that say where someone was let in.
_LET_IN_AFTER = frozenset(
    {"through", "into", "via", "at", "from", "overnight", "last", "each", "every"}
    # "will stop admitting women at night": people let in (review 349).
    | {"women", "men", "patients", "pupils", "children", "people", "visitors", "mothers", "babies"}
)
_LIKELY = frozenset({"likely", "probable", "possible"})
# Words that join two parts of one name ("Kettleby and District Junior Football League"); not "of",
# after which comes what the speaker is of ("Residents of Larkspur Road", "a father of two", review 109).
_NAME_JOINS = frozenset({"and", "&"})
_WHEN_WORDS = frozenset(
    [
        "last", "next", "earlier", "yesterday", "today", "tonight", "tomorrow", "ago",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
)  # fmt: skip
_POSTMODIFIER_STARTS = frozenset(
    ["close", "near", "familiar", "linked", "connected", "loyal", "opposed", "involved", "inside", "within"]
    # "teachers across the country report": the teachers speak, not "across" (review 168)
    + ["across", "around", "throughout", "from", "in", "at", "on", "outside", "beyond", "along"]
    # "Residents living beside the new skate park say": the residents speak (the key was "beside",
    # review 276).
    + ["beside", "behind", "opposite", "alongside", "next", "among", "between", "below", "above"]
    + ["living", "working", "waiting", "using", "attending", "visiting", "staying", "studying"]
)
# First words of attribution phrases that say how, not who spoke ("in a statement", "in a press
# release", "press release").
# Attribution words that name a speaker's job, not the saying; relative pronouns that open a clause
# about the speaker.
_TITLE_NOUNS = frozenset(["spokesperson", "spokesman", "spokeswoman", "spokespeople", "sources"])
_RELATIVE_WORDS = frozenset(["who", "which", "whom"])
_HOW_FIRST_WORDS = frozenset(["in", "on", "at", "during", "via", "through", "by", "with", "from", "press"])


@lru_cache(maxsize=4096)
def speaker_words(source: Source) -> frozenset[str]:
    """Every word of the head of a source's name that says who it is, capitalised or not:
    "an unnamed café owner" gives {"café", "owner"}, "Dr Priya Nair, an economist" {"dr", "priya",
    "nair"}."""
    words = []
    for word in (_bare(word) for word in _name_head(source)):
        if word in _WHERE_IN_A_NAME:
            # "an unnamed landowner near Fellside": where they are, not who ("Fellside ... told" was
            # the key of "One, who owns a stretch of the track near Fellside ..., told", review 460)
            break
        words.append(word)
    return frozenset(word for word in words if word and word not in _NAME_SMALL_WORDS)


# Words in a source's name after which it says where the source is, not who.
_WHERE_IN_A_NAME = frozenset({"near", "in", "outside", "around"})


def _noun_after_a_describing_word(
    block: Block,
    bare: Sequence[str],
    start: int,
    index: int,
    source: Source,
    verb_hits: Sequence[tuple[int, int]],
) -> int:
    """Where the word of the source's name found in the mention only describes the speaker, the noun
    it describes: "figure" of "a senior figure in local youth football has told", for "an unnamed
    senior league official" (the key was "senior", review 244).  The name's own last word ("owner"
    of "an unnamed café owner") is who speaks."""
    head = [word for word in (_bare(w) for w in _name_head(source)) if word and word not in _NAME_SMALL_WORDS]
    if not head or bare[index] == head[-1] or block.words[start + index][:1].isupper():
        return index
    verbs = {i for hit in verb_hits for i in range(*hit)}
    following = index + 1
    while (
        following < len(bare)
        and block.gaps[start + following] == " "
        and block.words[start + following][:1].islower()
        and bare[following].isalpha()
        and bare[following] not in FUNCTION_WORDS
        and bare[following] not in _NAME_SMALL_WORDS
        and start + following not in verbs
        and not _starts_a_postmodifier(block.words[start + following])
        # "Several mothers waiting at the school gates": a participle starts what describes them.
        and not bare[following].endswith(("ing", "ed"))
    ):
        index = following
        following += 1
    return index


def _tells_what_was_felt(block: Block, said: tuple[int, int], felt: tuple[int, int]) -> bool:
    """ "said she feared", "said that he believed": the second verb is what the speaker said
    they felt, the first says that they spoke (the key was "feared", review 288)."""
    between = [_bare(word) for word in block.words[said[1] : felt[0]]]
    if between[:1] == ["that"]:
        between = between[1:]
    return (
        len(between) == 1
        and between[0] in _SUBJECT_PRONOUNS
        and not any("," in gap for gap in block.gaps[said[1] : felt[0] + 1])
    )


def attribution_key_words(
    block: Block, span: tuple[int, int], source: Source, verb_hits: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The words of an attribution that must be selected for it to count as found: who speaks and
    the reporting verb.  Who is the last word of the first run of the source's name in it (the
    surname of "said Dr Priya Nair", "owner" of "One café owner said"), else a pronoun ("she said"),
    else the word beside the verb ("the company said").  The verb is the last reporting word that
    says who spoke, not how ("In a statement, Dunmore said": "said").  Titles, first names and
    "how" phrases stay right to select but are not required."""
    start, end = span
    bare = [_bare(word) for word in block.words[start:end]]
    wanted = speaker_words(source)
    who: list[int] = []
    run = [i for i, word in enumerate(bare) if word in wanted]
    # "The water company Alder Water said": where the name stands capitalised in the mention, the
    # same word in lower case away from it is a common noun, not the name (the key was "water",
    # review 198); beside it, it is the name's own noun ("the NHS trust that runs it said").
    named = [i for i in run if block.words[start + i][:1].isupper() and bare[i] in name_words(source)]
    if named:
        beside = {i + step for i in named for step in (-1, 0, 1)}
        run = [i for i in run if i in beside or bare[i] not in name_words(source)]
    if run:
        first_run_end = run[0]
        # "sources close to the player": the speaker is "sources"; "close" starts what follows it.
        while True:
            following = first_run_end + 1
            if following in run and not _starts_a_postmodifier(block.words[start + following]):
                first_run_end = following
            elif first_run_end + 2 in run and bare[first_run_end + 1] in _NAME_JOINS:
                # "the Kettleby and District Junior Football League": the league speaks (review 100).
                first_run_end += 2
            else:
                break
        # "The club's latest annual report shows": the owner is not who speaks, the report is.
        later = [i for i in run if i > first_run_end + 1]
        while _owns(block, start + first_run_end) and later:
            first_run_end = later[0]
            while first_run_end + 1 in run:
                first_run_end += 1
            later = [i for i in run if i > first_run_end + 1]
        who = [start + _noun_after_a_describing_word(block, bare, start, first_run_end, source, verb_hits)]
    verbs = [hit for hit in verb_hits if start <= hit[0] and hit[1] <= end]
    saying = [hit for hit in verbs if _bare(block.words[hit[0]]) not in _HOW_FIRST_WORDS] or verbs
    # Not a word of a relative clause ("who asked not to be named") nor a speaker's title ("said
    # Dana Mensah, a spokesperson for Trundl"): they do not say that anything was said.
    saying = (
        [
            hit
            for hit in saying
            if _bare(block.words[hit[0]]) not in _TITLE_NOUNS
            # "Ms Lang rejected claims": after a verb or an article, "claims" is a noun (review 102)
            and not (
                hit[0] > start and block.gaps[hit[0]] == " " and _is_noun_position(block.words[hit[0] - 1])
            )
            and not any(_bare(w) in _RELATIVE_WORDS for w in block.words[max(start, hit[0] - 2) : hit[0]])
        ]
        or [
            # "older residents, many of whom say": the verb of the relative clause is the only one, and it
            # ends the attribution (review 138).
            hit
            for hit in saying
            if hit[1] == end
            and any(_bare(w) in _RELATIVE_WORDS for w in block.words[max(start, hit[0] - 2) : hit[0]])
        ]
    )
    if not who and saying:
        # "the company that supplies it insists": the speaker is the word before the relative
        # clause, not the "it" inside it.
        relative = [
            i
            for i, word in enumerate(bare)
            if 0 < i < saying[-1][0] - start and word in (*_RELATIVE_WORDS, "that")
        ]
        if relative:
            index = relative[0] - 1
            while index > 0 and bare[index] in _NAME_SMALL_WORDS:
                index -= 1
            who = [start + index]
    if not who:
        pronouns = [i for i, word in enumerate(bare) if word in PRONOUNS and word != "one"]
        who = [start + i for i in pronouns[:1]]
        # "Its authors argued": the authors speak, "its" owns them (review 87).
        if (
            who
            and bare[who[0] - start] in _POSSESSIVE_PRONOUNS
            and who[0] + 1 < start + len(bare)
            and block.words[who[0] + 1][:1].islower()
            and _bare(block.words[who[0] + 1]) not in PRONOUNS
        ):
            owned = who[0] + 1
            # "Her own research found": "own" stresses whose it is; the research speaks (review 207).
            if _bare(block.words[owned]) == "own" and owned + 1 < start + len(bare):
                owned += 1
            who = [owned]
    if not who and saying:
        who = _word_beside(block, bare, start, saying[-1])
    # The last reporting word: "a worker, who asked not to be named, told Harwick FM": "told".
    # "Mrs Morris denied this, saying": the verb that says she spoke is "denied"; the participle
    # after the comma adds how (review 87).
    if (
        len(saying) > 1
        and _bare(block.words[saying[-1][0]]).endswith("ing")
        and "," in "".join(block.gaps[saying[-2][1] : saying[-1][0] + 1])
    ):
        saying = saying[:-1]
    if len(saying) > 1 and _tells_what_was_felt(block, saying[-2], saying[-1]):
        saying = saying[:-1]
    if len(saying) > 1 and _bare(block.words[saying[0][0]]) == "according":
        # "according to a notice posted by the council", "according to a company statement released on
        # Thursday": the words after the record say who made it or when; the attribution is "according
        # to" (the keys were "posted" and "released", reviews 198 and 209).
        saying = saying[:1]
    verb = saying[-1:]
    if verb and verb[0][1] - verb[0][0] > 1:
        # A reporting phrase counts as one word, its first that means something: "according" of
        # "according to", which alone must not outweigh "the trust's board papers" (review 118);
        # "calls" of "what it calls", whose "it" says who (review 90).
        meaning = [
            i
            for i in range(*verb[0])
            if _bare(block.words[i]) not in _VERB_PHRASE_FILLER and _bare(block.words[i]) not in PRONOUNS
        ]
        verb = [(meaning[0], meaning[0] + 1)] if meaning else verb
    if who and verb and _owns(block, who[0]) and who[0] + 1 < verb[0][0]:
        # "the league's board announced": the board speaks, the league owns it (review 52); "The
        # engineers' report, published on the council's website, warns": the report (review 66).
        head = who[0] + 1
        if (
            block.gaps[head].strip() in ("", "'", "\u2019")
            and block.words[head][:1].islower()
            and (_bare(block.words[head]) not in PRONOUNS)
            # "The Teachers' and Lecturers' Union": "and" joins two owners, it is owned by neither
            # (review 97).
            and _bare(block.words[head]) not in _NAME_SMALL_WORDS
        ):
            # The last word of the owned noun phrase, before a comma or the verb: "press release".
            while (
                head + 1 < verb[0][0]
                and block.gaps[head + 1] == " "
                and block.words[head + 1][:1].islower()
                and _bare(block.words[head + 1]) not in _NAME_SMALL_WORDS
            ):
                head += 1
            who = [head]
    return sorted({(i, i + 1) for i in who} | set(verb))


_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "such", "his", "her", "its", "their", "our"})
# The words of a reporting phrase that do not report: "to" of "according to", "what" of "what it calls".
_VERB_PHRASE_FILLER = frozenset({"to", "that", "what", "as", "in", "a", "an", "the", "out", "on", "by"})


def _is_noun_position(before: str) -> bool:
    """The word before a reporting word makes it a noun: an article ("the claims") or a verb in the
    past ("rejected claims"), not "had"/"was" before a participle."""
    word = _bare(before)
    return word in _DETERMINERS or (word.endswith("ed") and word not in ("said", "added"))


def _owns(block: Block, index: int) -> bool:
    """The word is a possessive: "the club's", or a plural whose apostrophe stands in the gap after it
    ("the engineers' report")."""
    return is_possessive(block.words[index]) or (
        index + 1 < len(block.words) and block.gaps[index + 1].startswith(("'", "\u2019"))
    )


def is_possessive(word: str) -> bool:
    """ "The club's", "the Rovers'"."""
    return match_form(word).endswith(("'s", "s'"))


def _word_beside(block: Block, bare: list[str], start: int, verb: tuple[int, int]) -> list[int]:
    """The nearest word before the reporting verb that can say who speaks ("the company said"),
    without crossing a comma; else the last word of the words right after it ("according to new
    research", "said the spokesperson for the council")."""
    end = start + len(bare)
    index = verb[0] - 1
    while index >= start and bare[index - start] in _NAME_SMALL_WORDS:
        index -= 1
    if index >= start and "," not in block.gaps[index + 1]:
        return [index]
    index = verb[1]
    while index < end and bare[index - start] in _NAME_SMALL_WORDS:
        index += 1
    if index >= end:
        return []
    while (
        index + 1 < end
        and bare[index + 1 - start] not in _NAME_SMALL_WORDS
        and "," not in block.gaps[index + 1]
        # "according to a company statement released on Thursday": "statement", not "released"
        # (review 209)
        and not _starts_a_postmodifier(block.words[index + 1])
    ):
        index += 1
    return [index]


# Words at the edge of a framing span that carry none of its push ("the latest blow").
_ARTICLES = frozenset(["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our"])


def without_edge_articles(
    block: Block, span: tuple[int, int], keep: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """``span`` without articles at either end, so "blow" is half of "the latest blow"; never empty.
    ``keep``: words kept at the start all the same ("our" of "our kids and our game", whose "our"
    is the flag waving)."""
    start, end = span
    while end - start > 1 and _bare(block.words[start]) in _ARTICLES - keep:
        start += 1
    # At the end only an article that needs a noun after it: "this", "her" end a phrase as pronouns
    # ("Would you bath your baby in this?").
    while end - start > 1 and _bare(block.words[end - 1]) in ("the", "a", "an"):
        end -= 1
    return start, end


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def words_of(block: Block, span: Span | tuple[int, int]) -> list[str]:
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    return [_bare(word) for word in block.words[start:end]]


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    return _strip_possessive(_normal(word))


def names(block: Block, span: Span | tuple[int, int], source: Source, *, capitalised: bool = False) -> bool:
    """True when the words of ``span`` include a word of the source's name (written with a capital
    letter there too, when ``capitalised``)."""
    wanted = name_words(source)
    if not wanted:
        return False
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    return any(
        _bare(word) in wanted and (not capitalised or word[:1].isupper()) for word in block.words[start:end]
    )


def is_pronoun_only(block: Block, span: Span, attribution_words: Sequence[str]) -> bool:
    """True for mentions like "he added" or "she said that": no word says who is speaking."""
    verbs = {word for phrase in attribution_words for word in _phrase_words(phrase)}
    rest = [w for w in words_of(block, span) if w not in verbs and w not in _FILLER]
    return all(word in PRONOUNS for word in rest)


def trim_attribution(block: Block, span: Span, attribution_words: Sequence[str]) -> tuple[int, int]:
    """A mention without a trailing "that" after its reporting verb ("Le Drian said that" -> "... said")."""
    start, end = span.start, span.end
    verbs = {word for phrase in attribution_words for word in _phrase_words(phrase)}
    if (
        end - start >= 2
        and _normal(block.words[end - 1]) == "that"
        and _normal(block.words[end - 2]) in verbs
    ):
        end -= 1
    return start, end


class ArticleReading:
    """One article read once for the generator and the audit: per block, its sentences, its
    quoted words, and where the vocabulary's attribution, hedge and emotive words stand."""

    def __init__(self, article: Article, vocabulary: Vocabulary) -> None:
        self.article = article
        self.vocabulary = vocabulary
        self.blocks = article.blocks
        self._sentences = [sentences(block) for block in self.blocks]
        self._quoted = [quoted_words(block) for block in self.blocks]
        self._naming: dict[str, list[Span]] = {}
        self._counts: Counter[str] | None = None
        self._hit_cache: dict[tuple[int, int | str, bool], list[tuple[int, int]]] = {}
        self._bare_words: dict[int, tuple[str, ...]] = {}
        self._possessives: dict[int, frozenset[int]] = {}
        self._lower_case: frozenset[str] | None = None
        # Words a reporting verb's subject ends with ("the report notes"), for telling a noun "notes" apart.
        self._subject_words = frozenset(
            [
                *PRONOUNS,
                *vocabulary.record_words,
                *vocabulary.institution_words,
                *vocabulary.staff_words,
                *vocabulary.role_words,
                *vocabulary.vague_authority_words,
                *_FEEL_WORDS,
                "also",
            ]
        )
        # The questions of kinds that draw nothing at random, by kind: the same for every quiz of
        # the article, so read once when many quizzes are made from one reading (the audit).
        self.fixed_questions: dict[str, list[Any]] = {}

    def written_in_lower_case(self) -> frozenset[str]:
        """The words the article writes in lower case somewhere: none is only a name."""
        if self._lower_case is None:
            self._lower_case = frozenset(
                word.casefold() for block in self.blocks for word in block.words if word[:1].islower()
            )
        return self._lower_case

    def sentences(self, block: int) -> list[tuple[int, int]]:
        return self._sentences[block]

    def quoted(self, block: int) -> frozenset[int]:
        return self._quoted[block]

    def sentence_quoted(self, block: int, sentence: tuple[int, int]) -> bool:
        """A sentence wholly inside quotation marks: a speaker's words, sourced by the attribution."""
        return set(range(*sentence)) <= self._quoted[block]

    def sentences_of(self, span: Span) -> list[tuple[int, int]]:
        return [s for s in self._sentences[span.block] if overlaps(s, (span.start, span.end))]

    def shares_sentence(self, span: Span, other: Span) -> bool:
        """``other`` stands in a sentence of ``span`` (in the same paragraph)."""
        return other.block == span.block and any(
            overlaps(sentence, (other.start, other.end)) for sentence in self.sentences_of(span)
        )

    def _hits(self, block: int, words: Sequence[str], outside_quotes: bool) -> list[tuple[int, int]]:
        key = (block, id(words), outside_quotes)
        found = self._hit_cache.get(key)
        if found is None:
            found = find_words(self.blocks[block], words)
            if outside_quotes:
                quoted = self._quoted[block]
                found = [hit for hit in found if not set(range(*hit)) <= quoted]
            self._hit_cache[key] = found
        return found

    def record_hits(self, block: int) -> list[tuple[int, int]]:
        """Record words anywhere in the block ("study", "in a statement")."""
        return self._hits(block, self.vocabulary.record_words, outside_quotes=False)

    def attribution_hits(self, block: int) -> list[tuple[int, int]]:
        """Attribution words in the writer's own words (a speaker's "they said" inside a quote is not one),
        but not a verb whose subject is told or asked to do something ("being asked to bid", "patients
        will be told about their appointments", review 133): nobody there is a source."""
        key = (block, "attributions", True)
        found = self._hit_cache.get(key)
        if found is None:
            words, gaps = self.blocks[block].words, self.blocks[block].gaps
            found = [
                (start, end)
                for start, end in self._hits(block, self.vocabulary.attribution_words, outside_quotes=True)
                if not (
                    end - start == 1
                    and start > 0
                    and end < len(words)
                    and (
                        _bare(words[start - 1]) in _PASSIVE_AUXILIARIES
                        # "Staff were only told about the move" (review 409's audit)
                        or (
                            start > 1
                            and _bare(words[start - 1]) in _PASSIVE_ADVERBS
                            and _bare(words[start - 2]) in _PASSIVE_AUXILIARIES
                        )
                    )
                    and _bare(words[end]) in _TOLD_TO_DO
                )
                # "any drink with added caffeine": after a determiner or a preposition, an adjective
                # (review 139)
                and not (
                    start > 0 and _bare(words[start]) == "added" and _bare(words[start - 1]) in _BEFORE_A_NOUN
                )
                and not _asks_for_something(words, start, end)
                and not _what_a_record_may_show(words, gaps, start, end)
                and not _a_fear(words, start, end)
                # "other sources of air pollution": where it comes from, not who says (review 447)
                and not (
                    _bare(words[start]) in ("source", "sources")
                    and end < len(words)
                    and _bare(words[end]) == "of"
                )
                and not _must_do(words, start)
                and not _not_reported_yet(words, start, end)
                and not _a_story_idiom(words, start, end)
                and not _shown_or_explained_to_someone(words, start, end)
                and not _a_quality_of_reporting(words, start, end)
                and not _a_bodys_job(words, start, end)
                and not _accounts_for(words, start, end)
                and not _what_one_would_do(words, gaps, start, end)
                # "in the United States": a capitalised word after another inside a paragraph's
                # sentence is part of a name (review 183); headlines capitalise every word.
                and not (
                    block != 0
                    and start > 0
                    and words[start][:1].isupper()
                    and words[start - 1][:1].isupper()
                    and gaps[start] == " "
                )
                and not _let_in(words, start, end)
                and not _knowing_whether(words, start, end)
                and not _passed_round(words, start, end)
                and not _reported_things(words, start, end)
                # "could not tell school-run cars apart": telling things apart, not telling anyone
                # anything (review 146)
                and not (_bare(words[start]) in _TELL and "apart" in map(_bare, words[end : end + 5]))
                # "found land somewhere else and never told anyone": nobody told, nothing reported
                # (review 467's audit)
                and not (
                    _bare(words[start]) in _TELL
                    and end < len(words)
                    and _bare(words[end]) in _NOBODY_TOLD
                    and (_bare(words[end]) in ("nobody", "no-one") or _denied_just_before(words, start))
                )
                # "recorded 412 reports", "with reports to police", "an estimated £640,000": a noun
                # or an adjective there, not a verb (review 149)
                and not (
                    end - start == 1
                    and start > 0
                    and _bare(words[start]) in _NOUNS_TOO
                    and (
                        _bare(words[start - 1]) in _BEFORE_A_NOUN
                        or _a_demonstrative(words, gaps, start - 1)
                        or (gaps[start] == " " and _is_number(words[start - 1]))
                        or (
                            gaps[start] == " "
                            and _bare(words[start - 1]) in _PLURAL_MODIFIERS
                            and _bare(words[start]).endswith("s")
                        )
                        # "the Lantern's final show", "its latest report": a possessive or an article,
                        # a word that only describes, then the noun (review 455's audit)
                        or (
                            start > 1
                            and gaps[start] == gaps[start - 1] == " "
                            and _bare(words[start - 1]) in _DESCRIBING
                            and (is_possessive(words[start - 2]) or _bare(words[start - 2]) in _BEFORE_A_NOUN)
                        )
                        # "the trust's promises" (review 278); not where the teacher marked it as a
                        # mention: "Ms Tarrant's claim" gives her words
                        or (
                            gaps[start] == " "
                            and is_possessive(words[start - 1])
                            and not any(m.start <= start < m.end for _, m in self.mentions_in(block))
                        )
                        # "34 midwife posts": a number, a plain word, then the noun (review 278); so
                        # too after "of", "fewer" or "more": "thousands of lamp posts" (review 426)
                        or (
                            start > 1
                            and gaps[start] == gaps[start - 1] == " "
                            and words[start - 1][:1].islower()
                            and (a_count(words[start - 2]) or _bare(words[start - 2]) in _BEFORE_A_PLAIN_NOUN)
                        )
                    )
                )
                # "reading chemistry notes on a watch", "her revision notes.": a noun after a plain
                # word that no speaker or record is, before a preposition or the sentence's end (review 163)
                and not (
                    end - start == 1 and _bare(words[start]) in _NOUNS_TOO and self._a_noun_here(block, start)
                )
                and not _no_sign(words, start, end)
                # where the teacher marked them as a source's mention, they are one (review 157)
                and not (
                    _respondents_answer(words, start, end)
                    and not any(m.start <= start < m.end for _, m in self.mentions_in(block))
                )
                and not _not_reporting_here(words, start, end, gaps[end] if end < len(gaps) else ".")
                # "can become badly stressed": how someone feels, not what they stressed (review 165)
                and not (
                    _bare(words[start]) == "stressed" and start > 0 and _bare(words[start - 1]) in _FEEL_WORDS
                )
                # "look at adding loading bays": a gerund after a preposition, not "..., adding that"
                and not (
                    _bare(words[start]) == "adding" and start > 0 and _bare(words[start - 1]) in _PREPOSITIONS
                )
                # "four points out either way": a phrase right after a number is a noun there (review
                # 136's "points out"); not "Carol Pennick, 61, said" nor "Some 40 said".
                and not (end - start > 1 and start > 0 and gaps[start] == " " and a_count(words[start - 1]))
            ]
            # "too early to say": inside a hedge of the vocabulary, after "to", "say" reports nobody
            # (reviews 199, 208); "some say" still names who says.
            hedges = [hit for hit in self.hedge_hits(block) if hit[1] - hit[0] > 1]
            found = [
                hit
                for hit in found
                if not (
                    hit[0] > 0
                    and _bare(words[hit[0] - 1]) == "to"
                    and any(s <= hit[0] and hit[1] <= e and (s, e) != hit for s, e in hedges)
                )
            ]
            # "fear that", "agreed that": the phrase finds the verb, whose "that" is no part of who
            # says it; a mention "Some shopkeepers fear" covers it (reviews 226 and 227).
            trimmed = {
                (start, end - 1) if end - start > 1 and _bare(words[end - 1]) == "that" else (start, end)
                for start, end in found
            }
            found = sorted(trimmed | set(self.finding_hits(block)))
            self._hit_cache[key] = found
        return found

    def _a_noun_here(self, block: int, index: int) -> bool:
        """ "notes" of "chemistry notes on a watch": the word before it no speaker's or record's word
        (not "the report notes in its summary"), and a preposition or the sentence's end after it."""
        words, gaps = self.blocks[block].words, self.blocks[block].gaps
        if index == 0 or not words[index - 1][:1].islower():
            return False
        before = _bare(words[index - 1])
        if before in self._subject_words or before.endswith("ly"):
            return False
        at_the_end = index + 1 == len(words) or any(mark in gaps[index + 1] for mark in ".;:!?")
        return at_the_end or _bare(words[index + 1]) in _PREPOSITIONS

    def finding_hits(self, block: int) -> list[tuple[int, int]]:
        """ "found" after a record word or after "it" or "they", in the writer's own words; also with
        "also" or the like between ("The survey also found": review 244)."""
        words, quoted = self.blocks[block].words, self._quoted[block]
        finders = _FINDERS | {word for word in self.vocabulary.record_words if " " not in word}
        hits = []
        for index in range(1, len(words)):
            if _bare(words[index]) not in _FOUND or index in quoted or self.blocks[block].gaps[index] != " ":
                continue
            finder = index - 1
            if finder > 0 and _bare(words[finder]) in _BETWEEN_FINDER_AND_FOUND:
                finder -= 1
            if _bare(words[finder]) in finders and not (
                finder > 0 and _bare(words[finder - 1]) in _FOUND_WHERE
            ):
                hits.append((index, index + 1))
        return hits

    def reporting_hits(self, block: int) -> list[tuple[int, int]]:
        return self._hits(block, self.vocabulary.reporting_hedges, outside_quotes=False)

    def hedge_hits(self, block: int) -> list[tuple[int, int]]:
        # "made a harmful bloom more likely": a comparison is what the claim says, not a doubt about
        # it (review 99).  Worked out once per paragraph, as the other hits are.
        key = (block, "hedges", False)
        found = self._hit_cache.get(key)
        if found is None:
            words = self.blocks[block].words
            found = [
                (start, end)
                for start, end in self._hits(block, self.vocabulary.hedge_words, outside_quotes=False)
                if not _compares(words, start)
                and not _shows_up(words, start, end)
                and not _the_month_may(words, start, end, self.sentences(block))
                and not _no_longer_able(words, start, end)
                and not _as_high_as_possible(words, start, end)
                and not _up_to_do(words, start, end)
                and not _put_at_risk(words, start, end)
                and not _could_not(words, start, end)
                and not _may_of_a_limit(words, start, end)
                and not _could_of_a_purpose_or_time(words, start, end)
                and not _not_knowing_a_fact(words, end)
            ]
            self._hit_cache[key] = found
        return found

    def comparison_hits(self, block: int) -> list[tuple[int, int]]:
        """ "more likely", "twice as likely": a comparison, which ``hedge_hits`` leaves out (review 99),
        though a careful reader may take it for a doubt beside one (review 150)."""
        words = self.blocks[block].words
        return [(i - 1, i + 1) for i in range(1, len(words)) if _compares(words, i)]

    def approximate_hits(self, block: int) -> list[tuple[int, int]]:
        """Words that give a size roughly: the vocabulary's ("about", "up to"), and two numbers either
        way ("30 or 40"), which is a guess as plainly (review 73)."""
        words = self.blocks[block].words
        ranges = [
            (i, i + 3)
            for i in range(len(words) - 2)
            # "or" only: "aged 13 to 16" is an exact band, "30 or 40" a guess (review 85)
            if _is_number(words[i]) and words[i + 1].casefold() == "or" and _is_number(words[i + 2])
        ]
        # "have signed up to a 'screen-free summer' challenge" gives no size (review 351).
        listed = [
            hit
            for hit in self._hits(block, self.vocabulary.approximate_words, outside_quotes=False)
            if not _up_to_do(words, *hit)
        ]
        return sorted({*listed, *ranges})

    def hedges_in(self, span: Span) -> list[tuple[int, int]]:
        """The hedge words inside ``span`` ("may" of "they may have to cut their hours")."""
        return [hit for hit in self.hedge_hits(span.block) if span.start <= hit[0] and hit[1] <= span.end]

    def note_describes_source(self, claim: Claim) -> bool:
        """The teacher's note on a claim says who makes it, or what kind of source that is ("Only one
        unnamed staffer says this"): shown after a question, it would answer one about that source."""
        source = next((s for s in self.article.sources if s.id == claim.source), None)
        if source is None or not claim.note:
            return False
        type_words = (
            {
                _bare(word)
                for entry in self.vocabulary.source_types
                for word in Block.from_text(entry.label).words
            }
            - _FILLER
            - {"or", "source"}
        )
        note_words = {_bare(word) for word in Block.from_text(claim.note).words}
        return bool(note_words & (speaker_words(source) | name_words(source) | type_words))

    def starts_of(self, wanted: Sequence[str], block: int) -> list[int]:
        """Where the bare words ``wanted`` stand, in this order, in ``block``: the first word's index."""
        bare, count = self.bare_words(block), len(wanted)
        return [
            first
            for first in range(len(bare) - count + 1)
            if list(bare[first : first + count]) == list(wanted)
        ]

    def bare_words(self, block: int) -> tuple[str, ...]:
        """The block's words in match form, lowercase, without a possessive "'s", worked out once."""
        found = self._bare_words.get(block)
        if found is None:
            found = self._bare_words[block] = tuple(_bare(word) for word in self.blocks[block].words)
        return found

    def possessives(self, block: int) -> frozenset[int]:
        """Where the block's possessive words stand ("the agency's")."""
        found = self._possessives.get(block)
        if found is None:
            words = self.blocks[block].words
            found = self._possessives[block] = frozenset(i for i, w in enumerate(words) if is_possessive(w))
        return found

    def headline_overstates(self, span: Span) -> bool:
        """``span`` holds headline words the teacher marked as saying more than the article (a
        headline-only technique): a question on who backs its words would teach that they are backed."""
        return span.block == HEADLINE_BLOCK and any(
            f.span.overlaps(span) and f.technique in self.vocabulary.headline_only
            for f in self.article.framing
        )

    def loaded_hits(self, block: int) -> list[tuple[int, int]]:
        """Loaded words of the block; not a sweeping word after "not" ("Not everyone is convinced"
        holds back, review 263)."""
        key = (block, "loaded", False)
        found = self._hit_cache.get(key)
        if found is None:
            words = self.blocks[block].words
            sweeping = frozenset(self.vocabulary.sweeping_words)
            hits = self._hits(block, with_plurals(self.vocabulary.loaded_words), outside_quotes=False)
            found = [
                (start, end)
                for start, end in hits
                if not (
                    end - start == 1
                    and start > 0
                    and _bare(words[start]) in sweeping
                    and _bare(words[start - 1]) in _NEGATIONS
                )
            ]
            self._hit_cache[key] = found
        return found

    def mentions_in(self, block: int) -> list[tuple[Source, Span]]:
        return [
            (source, mention)
            for source in self.article.sources
            for mention in source.mentions
            if mention.block == block
        ]

    def claims_in(self, block: int) -> list[tuple[int, Claim]]:
        return [
            (index, claim) for index, claim in enumerate(self.article.claims) if claim.span.block == block
        ]

    def every_sentence_annotated(self, block: int, spans: Iterable[tuple[int, int]]) -> bool:
        """Every sentence of the block that is not a speaker's own words overlaps one of ``spans``."""
        spans = list(spans)
        return all(
            self.sentence_quoted(block, sentence) or any(overlaps(sentence, span) for span in spans)
            for sentence in self._sentences[block]
        )

    def longest_unannotated_run(self, block: int, spans: Sequence[tuple[int, int]]) -> int:
        """The most words in a row outside ``spans`` within a sentence that overlaps one of them
        (a speaker's quoted words aside)."""
        quoted = self._quoted[block]
        longest = 0
        for sentence in self._sentences[block]:
            if not any(overlaps(sentence, span) for span in spans):
                continue
            run = 0
            for index in range(*sentence):
                inside = any(s <= index < e for s, e in spans) or index in quoted
                run = 0 if inside else run + 1
                longest = max(longest, run)
        return longest

    def short_quotations(self, block: int, limit: int = 3) -> list[tuple[int, int]]:
        """Runs of at most ``limit`` words inside quotation marks: possible scare quotes."""
        quoted = sorted(self._quoted[block])
        runs: list[tuple[int, int]] = []
        for index in quoted:
            if runs and runs[-1][1] == index:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
        return [(s, e) for s, e in runs if e - s <= limit]

    def annotated_spans(self, block: int) -> list[tuple[int, int]]:
        """Every source mention and claim in the block, as word ranges."""
        return [(m.start, m.end) for _, m in self.mentions_in(block)] + [
            (c.span.start, c.span.end) for _, c in self.claims_in(block)
        ]

    def names_source(self, source: Source, mention: Span) -> bool:
        """A mention a student can read the source's kind from: it names a named source, it is
        more than a pronoun ("he said"), and nobody in it merely speaks for someone else ("a
        spokesperson for the fire service": unnamed person or named organisation?)."""
        block = self.blocks[mention.block]
        if is_pronoun_only(block, mention, self.vocabulary.attribution_words):
            return False
        if self.stands_in(source, mention):
            return False
        if source.type in self.vocabulary.named_source_types:
            # "police said" does not name Kenton Police: a common noun of the name is not the name.
            return names(block, mention, source, capitalised=True)
        return True

    def stands_in(self, source: Source, mention: Span) -> bool:
        """Someone in the mention merely speaks for the source ("a spokesperson for the fire service");
        a named spokesperson ("spokesperson Maria Lopez said") is a person, named."""
        block = self.blocks[mention.block]
        stand_in = find_words(block.slice(mention.start, mention.end), self.vocabulary.stand_in_words)
        return bool(stand_in) and source.type not in self.vocabulary.person_source_types

    def naming_mentions(self, source: Source) -> list[Span]:
        cached = self._naming.get(source.id)
        if cached is None:
            cached = self._naming[source.id] = [m for m in source.mentions if self.names_source(source, m)]
        return cached

    def has_quotation_marks(self, span: Span) -> bool:
        """Quotation marks in or right around the words (a speaker's words, or scare quotes)."""
        block = self.blocks[span.block]
        if (
            in_quotation(block, span.start, span.end)
            or set(range(span.start, span.end)) & self._quoted[span.block]
        ):
            return True
        inner = "".join(block.gaps[span.start : span.end + 1])
        return (
            any(mark in inner for mark in '"\u201c\u201d\u2018\u2019') or "'" in block.gaps[span.start][-1:]
        )

    def word_counts(self) -> Counter[str]:
        """How often each word (lowercase) occurs in the article."""
        if self._counts is None:
            self._counts = Counter(w for b in self.blocks for w in words_of(b, (0, len(b.words))))
        return self._counts

    def recurs(self, span: Span) -> bool:
        """A word of ``span`` that carries meaning (four letters or more) occurs again in the article:
        a student could then defend "repetition" for it."""
        block = self.blocks[span.block]
        words = {w for w in words_of(block, span) if len(w) >= 4}
        counts = Counter(w for b in self.blocks for w in words_of(b, (0, len(b.words))) if w in words)
        return any(count > 1 for count in counts.values())
