"""Rules about questions that hold whatever their kind: what a question is about, whether two
questions of one quiz are about the same thing, and whether a stem gives its key away.

Every question records what it is about in ``extra``: ``about`` (subjects such as
"claim:3", "source:le-drian", "framing:0") and ``spans`` (the article words it points
at or asks for, as [block, start, end]).  The quiz builder and the audit both read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from app.domain.article import HEADLINE_BLOCK, Claim
from app.domain.question import SELECT, Question
from app.domain.text import FUNCTION_WORDS, Block, figures, match_form

# Quoted phrases in a teacher's prompt or choices: "…", “…”, or '…' around words.
_QUOTED = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]|(?<![\w])['\u2018]([^'\u2018\u2019]+)['\u2019](?![\w])"
)
# Words that carry no meaning of their own in a choice such as "A named official".
_ARTICLES = frozenset({"a", "an", "the"})
_WORD = re.compile(r"[\w'-]+")
# Words every choice of a kind shares, which tell nothing about which one is right.
_GENERIC = frozenset({"source", "article", "with", "from", "more", "than", "that", "says", "what"})
# What a stem quotes from the article: between double quotes.  Capitalised words (names) aside.
_QUOTED_IN_STEM = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


def claim_subjects(index: int, claim: Claim, note_describes_source: bool) -> list[str]:
    """What a question about a claim is about: the claim, and its source when the teacher's note
    (shown in the explanation) describes who makes it, which would answer a question about them."""
    return [f"claim:{index}", *([f"source:{claim.source}"] if claim.source and note_describes_source else [])]


def quoted_phrases(text: str) -> list[str]:
    """The phrases a teacher's note or prompt quotes, in double or single quotation marks."""
    found = (m.group(1) or m.group(2) or "" for m in _QUOTED.finditer(text))
    return [phrase.strip(" .,;:!?") for phrase in found if phrase.strip(" .,;:!?")]


def footprint(question: Question) -> tuple[frozenset[str], list[tuple[int, int, int]]]:
    about = frozenset(str(subject) for subject in question.extra.get("about", ()))
    spans = [(int(b), int(s), int(e)) for b, s, e in question.extra.get("spans", ())]
    if question.focus is not None and not spans:
        spans = [question.focus]
    return about, spans


def _spans_overlap(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def conflicts(a: Question, b: Question) -> bool:
    """Two questions about the same claim, source or framing, or about overlapping words, or one
    whose explanation gives the other's answer, or two that share their wrong answers."""
    about_a, spans_a = footprint(a)
    about_b, spans_b = footprint(b)
    if about_a & about_b:
        return True
    if any(_spans_overlap(x, y) for x in spans_a for y in spans_b):
        return True
    return reveals(a, b) or reveals(b, a) or choices_give_keys_away(a, b)


# Two questions naming words with a vocabulary entry ("Which technique is used in …") that offer
# the same wrong entries around different keys show a guesser the keys: the choices that are not in
# both.  With this many shared wrong choices, the other question leaves at most a coin toss.
MAX_SHARED_WRONG_CHOICES = 1


# Kinds whose key is the same answer by construction ("headline against the article" is asked only
# where the teacher marked the headline as saying more, so its key always says the headline says
# more, whichever way round it is asked): a second one in a quiz would be answered by the first.
ONE_A_QUIZ = frozenset({"headline_check"})


# Kinds whose choices are drawn from a longer list (techniques, source types), so that two of them
# with the same choices and the same key read as one question asked twice.
DRAWN_CHOICE_KINDS = frozenset({"name_technique", "source_type"})


# Kinds whose key says how the article compares with its headline: any other question's
# explanation that speaks of the headline ("much smaller than the headline makes it sound") gives it.
HEADLINE_COMPARISON_KINDS = frozenset({"headline_check", "headline_evidence"})
_HEADLINE_WORD = re.compile(r"\bheadlines?\b", re.IGNORECASE)
# Words that compare ("surer than", "makes it sound bigger", "does not back up", "very different from
# the headline's 'Drought Crisis'", review 379), not a place ("in the headline") or a plain report
# ("the headline repeats the post's claim").
_COMPARING = re.compile(
    r"\b(?:than|more|less|bigger|smaller|surer|stronger|weaker|overstat\w*|exaggerat\w*|differ\w*|"
    r"back(?:s|ed)? (?:it |this |that )?up|leaves? out|match\w*)\b",
    re.IGNORECASE,
)


def compares_with_headline(a: Question, b: Question) -> bool:
    """``a``'s explanation compares the article with its headline and ``b`` asks how they compare;
    or compares with the words ``b`` asks about, without saying "headline" ("it is much smaller than
    'thousands'" beside 'The headline says "Thousands"', review 242)."""
    return b.kind in HEADLINE_COMPARISON_KINDS and (
        _compares_with_headline(a.explanation)
        or _compares_with(a.explanation, b.quote)
        or _headline_and_its_words(a.explanation, b.quote)
    )


@lru_cache(maxsize=4096)
def _headline_and_its_words(explanation: str, quote: str) -> bool:
    """A sentence of ``explanation`` speaks of the headline and of a word of the marked ``quote``: "the
    headline talks about Britain, but the numbers come from one school" beside "Britain's Teens"
    (review 368)."""
    marked = _word_stems(quote)
    return bool(marked) and any(
        _HEADLINE_WORD.search(sentence) is not None and marked & _word_stems(sentence)
        for sentence in re.split(r"(?<=[.!?])\s+", explanation)
    )


@lru_cache(maxsize=4096)
def _compares_with(explanation: str, quote: str) -> bool:
    marked = _word_stems(quote)
    return bool(marked) and any(
        _COMPARING.search(sentence) is not None and marked <= _word_stems(sentence)
        for sentence in re.split(r"(?<=[.!?])\s+", explanation)
    )


# A question that shows where the article says what the marked headline words say ("some of the thefts
# may be the work of organised gangs" beside "Organised Gangs Behind ...") lets a student compare the
# two without reading further: it answers how the headline compares (review 140).
HEADLINE_WORDS_SHOWN = 2
_DOUBT = re.compile(
    r" (?:may|might|could|possibly|probably|perhaps|likely|unlikely|appears?|seems?|suggests?|reportedly) "
)
_ENDINGS = ("ing", "ed", "es", "s")


@lru_cache(maxsize=8192)
def _word_stems(text: str) -> frozenset[str]:
    """The longer words of ``text``, lowercase, without a common ending ("gangs" -> "gang")."""
    stems = set()
    for word in _spaced_words(text).split():
        if len(word) < 4:
            continue
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        stems.add(word)
    return frozenset(stems)


def gives_the_headlines_word_to_its_speaker(a: Question, b: Question) -> bool:
    """``a`` asks about the headline's marked words and ``b`` asks who said (or how well supported is)
    a claim that holds them: the headline question's explanation tells whose word it is ("'Triumph' is
    the word of the councillor who backed the scheme" beside "Who does the article say this comes
    from: 'the first year had been a triumph for Brackenford'", review 382)."""
    if a.kind not in HEADLINE_COMPARISON_KINDS | {"headline_quote"} or b.kind not in SOURCE_KEYED_KINDS:
        return False
    marked = _word_stems(a.quote)
    return bool(marked) and marked <= _word_stems(b.quote)


def shows_the_headlines_words(a: Question, b: Question) -> bool:
    """``a`` asks how the headline compares with the article, and ``b`` shows the body's words for
    what its marked words say (two of their longer words, or their only one)."""
    if a.kind not in HEADLINE_COMPARISON_KINDS or b.kind in HEADLINE_COMPARISON_KINDS or not a.quote:
        return False
    if b.block == HEADLINE_BLOCK or "claim" not in b.extra or not b.quote:
        return False
    marked_figures = figures(a.quote)
    if marked_figures and marked_figures <= figures(b.quote):
        # "Nurses Face £1,100 Parking Bill" beside "A full-time nurse paying the full rate for every
        # shift would pay about £1,100 a year": the body's words for the headline's figure show what
        # it leaves out (review 374: in 9 of 12 quizzes).
        return True
    if not _DOUBT.search(_spaced_words(b.quote)):
        return False  # the same words said plainly: no question is asked where the body says the same
    marked = _word_stems(a.quote)
    if not marked:
        return False
    return len(marked & _word_stems(b.quote)) >= min(HEADLINE_WORDS_SHOWN, len(marked))


@lru_cache(maxsize=4096)
def _compares_with_headline(explanation: str) -> bool:
    """Some sentence of ``explanation`` speaks of the headline and compares (worked out once per
    explanation: a quiz compares every pair of its candidates)."""
    return any(
        _HEADLINE_WORD.search(sentence) is not None and _COMPARING.search(sentence) is not None
        for sentence in re.split(r"(?<=[.!?])\s+", explanation)
    )


# Kinds whose keys a guesser reads off by contrast when two of them ask about one paragraph: "an
# opinion" beside "observed" on two claims of one speaker's paragraph (review 23).
# Two "who said it" on one paragraph read as one question asked twice ("The article does not say"
# for two figures side by side, review 27).
# Two "how well supported" on one paragraph: neighbouring sentences of one speaker share their key
# ("Stated as a fact, with no source" twice, review 51).
# Two "whose framing" on one paragraph: the writer's key's explanation ("no quotation marks and no
# 'said' in the paragraph") answers the other (review 380).
# Two "spot the hedge" on one paragraph: "may" and "could" in neighbouring sentences ask one thing twice
# where other claims were there to ask about (review 457).
ONE_A_PARAGRAPH = frozenset({"statement_kind", "who_said_it", "support", "whose_words", "spot_hedge"})


def _paragraph(question: Question) -> int | None:
    return question.focus[0] if question.focus is not None else question.block


def _same_paragraph(a: Question, b: Question) -> bool:
    return _paragraph(a) is not None and _paragraph(a) == _paragraph(b)


# Keys that say a claim has no source: beside a question on another claim of the same sentence they
# answer it ("Stated as a fact" for one half, "The article does not say" for the other).
_UNSOURCED_KEYS = frozenset({"The article does not say", "Stated as a fact, with no source"})


def _unsourced_key(question: Question) -> bool:
    return bool(set(question.answer_text) & _UNSOURCED_KEYS)


# An explanation that tells a claim has no source: "the article never says who counted it".
_TELLS_NO_SOURCE = re.compile(
    r"\b(?:no source|(?:does not|doesn't|never|not) says? (?:who|where|how)"
    r"|no one is named|nobody is named)\b"
)


def _tells_no_source(question: Question) -> bool:
    return _unsourced_key(question) or _says_no_source(question.explanation)


# Worked out once per text: a quiz compares every pair of its candidates.
@lru_cache(maxsize=4096)
def _says_no_source(explanation: str) -> bool:
    return bool(_TELLS_NO_SOURCE.search(match_form(explanation).casefold()))


def choices_give_keys_away(a: Question, b: Question) -> bool:
    """Two questions that, side by side in a quiz, show a guesser their keys."""
    return (
        (a.kind == b.kind and a.kind in ONE_A_QUIZ)
        or (a.kind == b.kind and a.kind in ONE_A_PARAGRAPH and _same_paragraph(a, b))
        or compares_with_headline(a, b)
        or compares_with_headline(b, a)
        or shows_the_headlines_words(a, b)
        or shows_the_headlines_words(b, a)
        or gives_the_headlines_word_to_its_speaker(a, b)
        or gives_the_headlines_word_to_its_speaker(b, a)
        or share_wrong_answers(a, b)
        or asked_twice(a, b)
        or same_key_template(a, b)
        or passage_marks_choices(a, b)
        or passage_marks_choices(b, a)
        or quotes_the_claim_of(a, b)
        or quotes_the_claim_of(b, a)
        or names_the_speaker_of(a, b)
        or names_the_speaker_of(b, a)
        or offers_the_record_of(a, b)
        or offers_the_record_of(b, a)
        or speaks_of_the_source_of(a, b)
        or speaks_of_the_source_of(b, a)
        or offer_the_same_wrong_place(a, b)
        or (
            (a.kind == b.kind or _unsourced_key(a) or _unsourced_key(b))
            and a.extra.get("sentence") is not None
            and a.extra.get("sentence") == b.extra.get("sentence")
        )  # "Stated as a fact, with no source" on half a sentence answers who said the rest (review 78),
        # and so does a note on the other half's kind of statement: "The writer gives no source" (review 114)
        or (
            (_unsourced_key(a) or _unsourced_key(b))
            and _tells_no_source(a)
            and _tells_no_source(b)
            and a.extra.get("sentence") is not None
            and b.extra.get("sentence") is not None
            and a.extra["sentence"][0] == b.extra["sentence"][0]
        )  # "The article does not say" and "Stated as a fact, with no source" on two claims of one
        # paragraph: either answer tells the paragraph has no source (review 158), and so does an
        # explanation saying so ("the article never says who counted it", review 178)
    )


# Words without the quotation marks around them ("'may" of "'may find cover'").
_WORD_ONLY = re.compile(r"\w+")
# A run of this many words of a claim in another question's explanation quotes that claim.
QUOTED_CLAIM_WORDS = 5


# Worked out once per text: a quiz compares every pair of its candidates.
@lru_cache(maxsize=4096)
def _spaced_words(text: str) -> str:
    """The words of ``text``, lowercase, one space apart and one at each end."""
    return " " + " ".join(_WORD_ONLY.findall(match_form(text).casefold())) + " "


@lru_cache(maxsize=4096)
def _claim_runs(quote: str) -> frozenset[tuple[str, ...]]:
    """Every run of QUOTED_CLAIM_WORDS words of a claim (all of a shorter one), lowercase; none for a
    claim so short its words turn up anywhere."""
    words = _spaced_words(quote).split()
    run = min(len(words), QUOTED_CLAIM_WORDS)
    if run < QUOTED_CLAIM_WORDS - 1:
        return frozenset()
    return _word_runs(quote, run)


@lru_cache(maxsize=8192)
def _word_runs(text: str, length: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``length`` words of ``text``, lowercase (one set per text: a quiz compares each
    explanation with every other candidate's claim)."""
    words = _spaced_words(text).split()
    return frozenset(tuple(words[i : i + length]) for i in range(len(words) - length + 1))


# Kinds whose key is where a claim comes from: an explanation quoting the claim's sentence, with its
# attribution, shows it ("the article says 'Whitlock said the volunteers' devices were ...'" beside
# "how well supported" on the rest of that sentence, review 47).
SOURCE_KEYED_KINDS = frozenset({"who_said_it", "support", "how_to_check", "source_chain"})


def quotes_the_claim_of(a: Question, b: Question) -> bool:
    """``a``'s explanation quotes the claim ``b`` asks about ("Even the insurer only says households
    'may find cover very hard to get'" beside "who said it" on those words, review 40), or, where
    ``b``'s key is the claim's source, the claim's sentence."""
    if b.type == SELECT and b.kind != a.kind:
        # A "find" question's answer is its passages: "appears to have grown since the pandemic", six
        # words of one, in a headline question's explanation shows it (review 100).
        # A passage that is one claim ("spot the hedge") is about that claim as a whole: quoting five
        # words of it elsewhere puts the two questions on the same claim (review 126).
        texts = [*b.answer_text, *([b.quote] if "claim" in b.extra and b.quote else [])]
        if b.kind == "find_sources" and _tells_who_says(a.explanation, " ".join(b.words)):
            return True
        return any(
            runs and not runs.isdisjoint(_word_runs(a.explanation, len(next(iter(runs)))))
            for runs in map(_claim_runs, texts)
        )
    if "claim" not in b.extra or not b.quote or a.extra.get("claim") == b.extra["claim"]:
        return False
    sentence = b.extra.get("sentence_text")
    quoted = sentence if b.kind in SOURCE_KEYED_KINDS and isinstance(sentence, str) else b.quote
    runs = _claim_runs(quoted)
    if not runs:
        return False
    length = len(next(iter(runs)))
    return not runs.isdisjoint(_word_runs(a.explanation, length))


# A source saying something, not "the article says" or "the headline says" ("one unnamed walker
# saying ...", review 194).
_SAYS = re.compile(
    r"(?<!article )(?<!headline )(?<!writer )(?<!words )(?<!only )"
    r"\b(?:says?|said|saying|according|told|tells)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _tells_who_says(explanation: str, passage: str) -> bool:
    """A sentence of ``explanation`` quotes ``passage`` and says who says it ("a council officer says the
    letters were 'roughly as many in favour as against'", review 137): beside "find the sources" on that
    passage, it shows an answer."""
    runs = _claim_runs(passage)
    if not runs:
        return False
    length = len(next(iter(runs)))
    return any(
        _SAYS.search(sentence) is not None and not runs.isdisjoint(_word_runs(sentence, length))
        for sentence in re.split(r"(?<=[.!?])\s+", explanation)
    )


# Kinds whose wrong answers are phrases of the article that are not framing: a "find the framing"
# question on their passage marks every framing word there, so it shows which phrase is the key.
_PHRASE_CHOICE_KINDS = frozenset({"spot_technique"})


def passage_marks_choices(find: Question, other: Question) -> bool:
    """``find`` is a select question over a whole passage from which ``other`` takes its phrases."""
    if find.type != SELECT or find.block is None or other.kind not in _PHRASE_CHOICE_KINDS:
        return False
    _, spans = footprint(other)
    return any(block == find.block for block, _, _ in spans)


def same_key_template(a: Question, b: Question) -> bool:
    """Two questions of one kind whose keys are one sentence with different names filled in ("Look
    at the original yourself: ..."): having answered the first, a student answers the second from
    its pattern (review 30). A kind names its key's template in ``extra["template"]``."""
    template = a.extra.get("template")
    return a.kind == b.kind and template is not None and template == b.extra.get("template")


def asked_twice(a: Question, b: Question) -> bool:
    """Two questions of a kind with drawn choices and the same key ("Spy" and "Rushes Through";
    "A named person" twice, review 51): the second teaches little the first did not, and a guesser
    who took the first's key has the second's."""
    return a.kind == b.kind and a.kind in DRAWN_CHOICE_KINDS and set(a.answer_text) == set(b.answer_text)


def share_wrong_answers(a: Question, b: Question) -> bool:
    """Two questions of one kind whose keys each appear only in their own question, while two or
    more wrong answers appear in both.  A fixed scale (every choice in every question, as in
    "how well does the article support it") shows nothing this way, and is not counted."""
    if a.kind != b.kind or a.type == SELECT or b.type == SELECT:
        return False
    keys_a, keys_b = set(a.answer_text), set(b.answer_text)
    if keys_a & set(b.choices) or keys_b & set(a.choices):
        return False
    shared_wrong = (set(a.choices) - keys_a) & (set(b.choices) - keys_b)
    return len(shared_wrong) > MAX_SHARED_WRONG_CHOICES


# The kinds whose right choice is words of the article (or a source's name), which another
# question's explanation could quote.
_QUOTED_KEYS = frozenset({"who_said_it", "spot_technique", "headline_quote", "whose_words"})
# Kinds about one or two quoted words whose every use elsewhere says who uses them: an explanation
# that quotes the company's "total detox" answers whose word the headline's 'Detox' is (review 73).
_WORD_OWNER_KINDS = frozenset({"headline_quote", "whose_words"})


# The kinds whose key is where the quoted words come from: another question's explanation that
# quotes those words with their attribution ("The release calls the results 'clear evidence'")
# gives the key away.
_SOURCE_OF_QUOTE_KINDS = frozenset({"who_said_it", "support", "how_to_check", "source_chain"})
MIN_REVEALING_QUOTE_WORDS = 2


def answer_phrases(question: Question) -> list[str]:
    """The words of a question's answer that another question's explanation could give away."""
    if question.type == SELECT:
        return [_in_its_context(question.words, span) for span in question.gold]
    phrases = []
    if question.kind in _SOURCE_OF_QUOTE_KINDS and len(question.quote.split()) >= MIN_REVEALING_QUOTE_WORDS:
        phrases.append(question.quote)
    if question.kind in _WORD_OWNER_KINDS:
        phrases.append(question.quote.strip("'\"\u2018\u2019\u201c\u201d"))
    if question.kind not in _QUOTED_KEYS:
        return phrases
    for text in question.answer_text:
        head = re.split(r",|\(", text, maxsplit=1)[0].strip(' "\u201c\u201d')
        if head and head.casefold() != "the article does not say":
            phrases.append(head)
    return phrases


# A right span of select-words this short is one common word or two ("could", "said"): another
# question's explanation gives it away only where it quotes it beside the passage's words.
SHORT_SPAN_WORDS = 2


def _in_its_context(words: Sequence[str], span: tuple[int, int]) -> str:
    """The words of a right span, a short one with the passage's words up to the nearest meaning
    word on one side: "it could be checked" in an explanation gives away no "could" of "The drop could
    be even steeper", but "the drop could" does. The side with fewer words (the earlier on a tie), so
    the phrase is the shortest that is still the passage's own."""
    start, end = span
    if end - start > SHORT_SPAN_WORDS:
        return " ".join(words[start:end])

    def reach(index: int, step: int) -> int | None:
        while 0 <= index < len(words):
            if match_form(words[index]).casefold() not in FUNCTION_WORDS:
                return index
            index += step
        return None

    before, after = reach(start - 1, -1), reach(end, 1)
    if before is None and after is None:
        return " ".join(words[start:end])
    if after is None or (before is not None and start - before <= after - end + 1):
        return " ".join(words[before:end])
    return " ".join(words[start : after + 1])


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """The answer phrase as whole words, lowercase; None for one too short to tell anything."""
    text = match_form(phrase).casefold()
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)") if len(text) >= 4 else None


def _answer_patterns(question: Question) -> list[re.Pattern[str]]:
    return [p for p in map(_phrase_pattern, answer_phrases(question)) if p is not None]


def reveals(a: Question, b: Question) -> bool:
    """``a``'s explanation (seen after answering it) contains ``b``'s answer."""
    explanation = match_form(a.explanation).casefold()
    return any(p.search(explanation) for p in _answer_patterns(b)) or _quotes_short_answer_there(
        a, explanation, b
    )


def _quotes_short_answer_there(a: Question, explanation: str, b: Question) -> bool:
    """``a``'s explanation (``explanation``: in match form, lowercase) quotes a short right span of
    ``b``'s ('"she said"') and is about ``b``'s paragraph (or about no place it says, as a teacher's
    own question may be), or names it ('("she said" in paragraph 3)'): there the quoted words point at
    the passage's own. About another paragraph, '"could" shows it is a guess' says what a hedge word
    is, as the definitions do, not which of the passage's words it is."""
    if b.type != SELECT or b.block is None:
        return False
    places = {block for block, _, _ in footprint(a)[1]} | ({a.block} if a.block is not None else set())
    about_there = not places or b.block in places
    # The key words of a longer span too: '"mayhem" and "gangs"' in a note on the paragraph's sources
    # beside "find the framing" there, whose answer is "weeks of mayhem", "gangs of teenagers" (review
    # 376).
    short = [(start, end) for start, end in b.gold if end - start <= SHORT_SPAN_WORDS]
    for start, end in [*short, *b.keys]:
        quoted = '"' + match_form(" ".join(b.words[start:end])).casefold() + '"'
        if quoted in explanation and (about_there or f"{quoted} in paragraph {b.block})" in explanation):
            return True
    return False


# A run of this many words of a claim beside its speaker's noun tells who said it: "Only one
# unnamed nurse describes people struggling to breathe" (review 116).
SPEAKER_BESIDE_WORDS = 3
# Or this many of the claim's longer meaning words anywhere in the explanation that names its speaker.
RETOLD_STEMS = 2
# Words of a source's label that say nothing of who it is ("an unnamed nurse at ...").
_LABEL_FILLER = frozenset(
    {"a", "an", "the", "one", "unnamed", "anonymous", "some", "of", "at", "for", "from"}
)


def names_the_speaker_of(a: Question, b: Question) -> bool:
    """``a``'s explanation retells some of the claim "who said it" asks about in ``b`` and names its
    speaker by a word of the key's label, though not by the whole label that ``reveals`` looks for."""
    if b.kind != "who_said_it" or "claim" not in b.extra or a.extra.get("claim") == b.extra["claim"]:
        return False
    speaker = _speaker_words(tuple(b.answer_text))
    if not speaker or speaker.isdisjoint(_spaced_words(a.explanation).split()):
        return False
    shared = _word_runs(b.quote, SPEAKER_BESIDE_WORDS) & _word_runs(a.explanation, SPEAKER_BESIDE_WORDS)
    # Not "of the town": at least two words of meaning in the run.
    if any(sum(len(word) >= 4 for word in run) >= 2 for run in shared):
        return True
    # Or the claim told in other words: "Dr Nandra says the report's rainfall records stop before the
    # last flood" beside "the assessment used rainfall records that stopped before the flood" (review
    # 224: in 15 of 40 quizzes).
    return len(_meaning_stems(b.quote) & _meaning_stems(a.explanation)) >= RETOLD_STEMS


@lru_cache(maxsize=8192)
def _meaning_stems(text: str) -> frozenset[str]:
    """``_word_stems`` of the words that mean something of their own (not "about", "would")."""
    return _word_stems(" ".join(word for word in _spaced_words(text).split() if word not in FUNCTION_WORDS))


def offers_the_record_of(a: Question, b: Question) -> bool:
    """``a`` offers, as the wrong place to check its claim, the record that ``b``'s claim comes from
    ("Look at the original yourself: Zoomly's trip figures" beside "How well supported: 'Riders have
    made more than 1.2 million trips'", review 201): seeing it named tells where ``b``'s claim is from."""
    claim = b.extra.get("claim")
    # Only where ``b``'s key is where the claim comes from: what kind of statement it is, or its hedge,
    # no record's name tells.
    return b.kind in SOURCE_KEYED_KINDS and claim is not None and claim in a.extra.get("offered_claims", ())


def speaks_of_the_source_of(a: Question, b: Question) -> bool:
    """``a``'s explanation speaks of where ``b``'s claim comes from (``extra["speaks_of_claims"]``:
    "Mr Hale's word 'free-for-all'" beside "who said it" on Mr Hale's other words in the paragraph,
    "the writer cheering" beside "how well supported" on the writer's own claim there), and ``b``'s
    key is that."""
    claim = b.extra.get("claim")
    return b.kind in SOURCE_KEYED_KINDS and claim is not None and claim in a.extra.get("speaks_of_claims", ())


def offer_the_same_wrong_place(a: Question, b: Question) -> bool:
    """Two questions that offer the same record or outlet as the wrong place to check their claims
    ("Look at the original yourself: the centre's new price list" twice, review 278): the second
    time a student sees it, it reads as the decoy, and the choice left is found without the claim."""
    place = a.extra.get("offered_place")
    return place is not None and a.kind == b.kind and place == b.extra.get("offered_place")


@lru_cache(maxsize=4096)
def _speaker_words(keys: tuple[str, ...]) -> frozenset[str]:
    """The words of a "who said it" key that say who ("nurse" of "an unnamed nurse at the hospital"),
    worked out once per key: a quiz compares every pair of its candidates."""
    return frozenset(
        word
        for text in keys
        if text.casefold() != "the article does not say"
        for word in _spaced_words(re.split(r",| who | at | of ", text, maxsplit=1)[0]).split()
        if len(word) >= 3 and word not in _LABEL_FILLER
    )


def clash_sets(questions: Sequence[Question]) -> list[set[int]]:
    """For each question, the indexes of the others it conflicts with: ``conflicts`` for every pair,
    with each question's footprint, explanation and answer phrases worked out once."""
    prints = [footprint(q) for q in questions]
    explanations = [match_form(q.explanation).casefold() for q in questions]
    patterns = [_answer_patterns(q) for q in questions]
    clashes: list[set[int]] = [set() for _ in questions]
    for i in range(len(questions)):
        about_i, spans_i = prints[i]
        for j in range(i + 1, len(questions)):
            about_j, spans_j = prints[j]
            if (
                about_i & about_j
                or any(_spans_overlap(x, y) for x in spans_i for y in spans_j)
                or any(p.search(explanations[i]) for p in patterns[j])
                or any(p.search(explanations[j]) for p in patterns[i])
                or _quotes_short_answer_there(questions[i], explanations[i], questions[j])
                or _quotes_short_answer_there(questions[j], explanations[j], questions[i])
                or choices_give_keys_away(questions[i], questions[j])
            ):
                clashes[i].add(j)
                clashes[j].add(i)
    return clashes


def touches_headline(question: Question) -> bool:
    _, spans = footprint(question)
    if any(block == HEADLINE_BLOCK for block, _, _ in spans):
        return True
    # The prompt's own words, not the article's it quotes: "chasing headlines" in paragraph 10 is no
    # question about the headline (review 448, where it hid that no quiz asked about the headline).
    own_words = _QUOTED_IN_PROMPT.sub("", question.prompt)
    return question.type == SELECT and question.block == HEADLINE_BLOCK or "headline" in own_words.casefold()


_QUOTED_IN_PROMPT = re.compile('"[^"]*"|\u201c[^\u201d]*\u201d')


def hand_footprint(blocks: Sequence[Block], texts: Iterable[str]) -> list[list[int]]:
    """Where the phrases a teacher quoted in a question stand in the article (every occurrence)."""
    spans: list[list[int]] = []
    for text in texts:
        for phrase in quoted_phrases(text):
            for index, block in enumerate(blocks):
                for start, end in block.find_all(phrase):
                    first, last = block.word_range(start, end)
                    if first < last:
                        spans.append([index, first, last])
    return spans


def _content(text: str) -> str:
    words = match_form(text).casefold().split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _plain_words(text: str) -> str:
    return " ".join(_WORD.findall(match_form(text).casefold()))


def gives_key_away(question: Question) -> bool:
    """The stem contains the right choice's words (beyond "a", "an", "the"), or a quotation in the
    stem uses a word of a short right choice ("who asked not to be named" beside "An unnamed
    source", "a council official" beside "A named official")."""
    if question.type == SELECT:
        return False
    prompt = f" {_plain_words(question.prompt)} "
    quoted = {
        _stem(word)
        for text in _QUOTED_IN_STEM.findall(question.prompt)
        for word in _WORD.findall(text)
        if word.islower()  # "Channel 7 News" is a name, not the word "news"
    }
    for index in question.answer:
        if not 0 <= index < len(question.choices):
            continue
        key = _plain_words(_content(question.choices[index]))
        if key and f" {key} " in prompt:
            return True
        words = _WORD.findall(_content(question.choices[index]))
        telling = [w for w in words if len(w) >= 4 and w.islower() and w not in _GENERIC]
        if len(words) <= 4 and any(_stem(w) in quoted for w in telling):
            return True
    return False


def _stem(word: str) -> str:
    """A word without "un"/"non" and a plural "s", lowercase: "unnamed" and "named" meet."""
    word = word.casefold()
    for prefix in ("non", "un"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix) :]
    return word[:-1] if word.endswith("s") and len(word) > 4 else word
