"""The question audit: automatic checks of the questions an article makes, for teachers and CI.

Each check is a plain function that returns :class:`Finding` objects pointing at the
annotation (or hand-written question) that causes the problem, so ``questions audit``
can print ``FILE:LINE: message``.  The generator already avoids what it can see; the
audit is the second pair of eyes, and the only one for questions teachers write.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.article import HEADLINE_BLOCK, SKILL_NAMES, SKILLS, Article, Vocabulary
from app.domain.generate import KINDS, all_questions, build_quiz, headline_annotated
from app.domain.kinds.base import headline_asks, where
from app.domain.kinds.find_in_passage import FindInPassage
from app.domain.kinds.find_sources import unmarked_attributions
from app.domain.kinds.headline_check import body_sentence_saying, headline_takes_for_granted
from app.domain.kinds.spot_hedge import unlisted_hedges
from app.domain.passage import ArticleReading, covered
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.quiz_rules import conflicts, footprint, gives_key_away, touches_headline
from app.domain.scoring import NEAR

# A key position may be right at most this many times its fair share, across seeds; and, so that
# chance alone in a few quizzes is not reported, by more than three standard deviations.
MAX_POSITION_BIAS = 1.25
CHANCE_DEVIATIONS = 3
# A skill with fewer questions than this share of a quiz is too thin to practise or to grade.
MIN_SKILL_SHARE = 1 / 6
# A quiz with fewer questions than this share of the length the teacher asked for is short.
MIN_QUIZ_SHARE = 3 / 4
# Below this many keys per position the share says nothing.
MIN_KEYS_FOR_BIAS = 40
_POSITION_WORDS = re.compile(
    r"\b(?:(?:the\s+)?(?:first|second|third|fourth|fifth|last|top|bottom|final)\s+"
    r"(?:two|three|four|one|choice|choices|answer|answers|option|options)"
    r"|(?:choice|option|answer)\s+[a-e1-5]\b"
    r"|(?:all|none|both)\s+of\s+the\s+above)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class Finding:
    line: int
    message: str


def _line(question: Question) -> int:
    return int(question.extra.get("line", 0) or 0)


def _name(question: Question) -> str:
    return f'{question.kind.replace("_", " ")} question "{_short(question.prompt)}"'


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def key_in_stem(question: Question) -> list[Finding]:
    """The stem contains the words of the right answer."""
    if not gives_key_away(question):
        return []
    keys = ", ".join(f'"{question.choices[i]}"' for i in question.answer)
    return [
        Finding(_line(question), f"{_name(question)}: the prompt contains the right answer {keys}; reword it")
    ]


def too_close_choices(question: Question, vocabulary: Vocabulary, in_headline: bool) -> list[Finding]:
    """A wrong choice the vocabulary marks as too close to the right one, or a headline-only
    technique offered for words in a paragraph."""
    if question.type not in (CHOICE, MULTIPLE):
        return []
    by_label = {e.label.casefold(): e.id for e in (*vocabulary.source_types, *vocabulary.techniques)}
    ids = [by_label.get(choice.casefold()) for choice in question.choices]
    right = {ids[i] for i in question.answer if ids[i] is not None}
    findings = []
    for index, choice_id in enumerate(ids):
        if choice_id is None or index in question.answer:
            continue
        close = sorted(r for r in right if r is not None and vocabulary.are_too_close(choice_id, r))
        if close and choice_id not in vocabulary.needs_quotation_marks:
            findings.append(
                Finding(
                    _line(question),
                    f'{_name(question)}: wrong choice "{question.choices[index]}" is too close to the right '
                    f"answer ({', '.join(close)}) to be clearly wrong; see too_close in vocabulary.yaml",
                )
            )
        if choice_id in vocabulary.headline_only and not in_headline:
            findings.append(
                Finding(
                    _line(question),
                    f'{_name(question)}: "{question.choices[index]}" is only for the headline, '
                    "but the words asked about are in a paragraph",
                )
            )
    return findings


def position_words(question: Question) -> list[Finding]:
    """A hand-written prompt or note that names a choice by its place; choices are shuffled."""
    if question.type not in (CHOICE, MULTIPLE):
        return []
    findings = []
    for field, text in (("prompt", question.prompt), ("note", question.explanation)):
        match = _POSITION_WORDS.search(text)
        if match:
            findings.append(
                Finding(
                    _line(question),
                    f'{_name(question)}: the {field} says "{match.group(0)}", but choices are shuffled for '
                    "every class; name the choices by what they say",
                )
            )
    return findings


# A right choice this many times as long as every wrong one, and this many words longer, is the
# one a test-wise student picks without reading ("Lumora Health, the company that makes the app").
KEY_LENGTH_RATIO = 2
KEY_EXTRA_WORDS = 4
# A description added to a name: ", the company that ...", "; ...", "(...)".
_EXPLAINED = re.compile(r"[,;(]| - ")


def key_stands_out(question: Question) -> list[Finding]:
    """A hand-written question whose right choice is much longer than all the wrong ones."""
    if question.type != CHOICE or len(question.answer) != 1 or len(question.choices) < 2:
        return []
    (key,) = question.answer
    key_words = len(question.choices[key].split())
    wrong = [c for i, c in enumerate(question.choices) if i != key]
    longest_wrong = max(len(c.split()) for c in wrong)
    much_longer = (
        key_words >= KEY_LENGTH_RATIO * longest_wrong and key_words - longest_wrong >= KEY_EXTRA_WORDS
    )
    # "Lumora Health, the company that makes the app" among bare names: the only one explained.
    only_explained = (
        key_words - longest_wrong >= KEY_EXTRA_WORDS - 1
        and _EXPLAINED.search(question.choices[key]) is not None
        and not any(_EXPLAINED.search(c) for c in wrong)
    )
    if not (much_longer or only_explained):
        return []
    return [
        Finding(
            _line(question),
            f'{_name(question)}: the right choice "{_short(question.choices[key])}" has {key_words} '
            f"words and no wrong one more than {longest_wrong}; a student can pick it for its length "
            "alone, so give the wrong choices as much detail or shorten the right one",
        )
    ]


def passage_not_fully_annotated(question: Question, reading: ArticleReading) -> list[Finding]:
    """A generated select question on a passage whose annotations leave something out."""
    kind = KINDS.get(question.kind)
    if question.type != SELECT or not isinstance(kind, FindInPassage) or question.block is None:
        return []
    if kind.fully_annotated(reading, question.block):
        return []
    return [
        Finding(
            _line(question),
            f"{_name(question)}: {question.block and f'paragraph {question.block}' or 'the headline'} "
            "has words a careful student would select that are not annotated",
        )
    ]


# Words shown either side of an unmarked word, so the teacher can find it in the paragraph.
_CONTEXT_WORDS = 3


def unmarked_words(reading: ArticleReading) -> tuple[str, ...]:
    """Words in an annotated paragraph that read as an attribution, a hedge or (where the teacher
    says every framing word is marked) a loaded word, but that no annotation covers: the engine then
    asks no "find the ..." question about that paragraph (or, for a hedge inside a sourced claim, no
    "spot the hedge" about the claim) rather than mark a careful student wrong.
    Not a fault (the word may mean something else there), so the profile names each with what it
    costs (reviews 275, 280: one cost was said for all of them): one more annotation may add a question."""
    notes = []
    article = reading.article
    for block in range(1, len(article.paragraphs) + 1):
        mentions = [(m.start, m.end) for _, m in reading.mentions_in(block)]
        claims = [(c.span.start, c.span.end) for _, c in reading.claims_in(block)]
        if not mentions and not claims:
            # A paragraph the teacher left alone: no question is lost there, but its source or doubt may
            # have been forgotten ("Dev Sharma ... said", "appears to have started", reviews 418, 426 and
            # 433 each left one there on purpose), so one note names them.
            quoted = reading.quoted(block)
            unmarked = sorted(
                [*unmarked_attributions(reading, block), *reading.hedge_hits(block)],
            )
            shown = [_in_context(reading, block, hit) for hit in unmarked if not set(range(*hit)) <= quoted]
            if shown:
                notes.append(
                    f"paragraph {block} has no annotations, but {', '.join(shown)} read as an attribution "
                    "or a hedge: it may hold a source or a claim"
                )
            continue
        notes += [
            f"{_in_context(reading, block, hit)} (paragraph {block}) reads as an attribution but is in "
            f"no source's mentions: no 'find the attributions' question is asked about paragraph {block}"
            for hit in unmarked_attributions(reading, block)
        ]
        quoted = reading.quoted(block)
        # "Some studies [suggest]" inside a mention: a hedge of the source's own, which no claim can
        # take as a cue without holding its attribution; said so, not "annotate it" (reviews 248, 251).
        notes += [
            f"{_in_context(reading, block, hit)} (paragraph {block}) "
            + "reads as a hedge but is "
            + ("in a source's mention and in no claim" if covered(hit, mentions) else "in no claim")
            + f": no 'find unverified claims' question is asked about paragraph {block}"
            for hit in reading.hedge_hits(block)
            if not covered(hit, claims) and not set(range(*hit)) <= quoted
        ]
        # "other shops may close within a year", marked attributed with no cues: the speaker's doubt
        # keeps "spot the hedge" off the claim (reviews 146, 147, 148).  Not "how well supported":
        # a sourced claim with a hedge gets none, cue or not, and a hedged one gets one either way.
        for _, claim in reading.claims_in(block):
            if claim.status == "unattributed":
                continue  # doubted_facts names those, as a fault
            notes += [
                f"{_in_context(reading, block, hit)} (paragraph {block}) reads as a hedge in the claim "
                f"'{_short(claim.span.quote, 40)}' but not among its cues: no 'spot the hedge' question "
                "is asked about this claim"
                for hit in unlisted_hedges(reading, claim)
            ]
        if block in article.framing_complete:
            framing = [(f.span.start, f.span.end) for f in article.framing if f.span.block == block]
            notes += [
                f"{_in_context(reading, block, hit)} (paragraph {block}) reads as framing but is not marked: "
                f"no 'find the framing' question is asked about paragraph {block}"
                for hit in reading.loaded_hits(block)
                if not covered(hit, framing, margin=NEAR)
            ]
    return tuple(notes)


def _in_context(reading: ArticleReading, block: int, hit: tuple[int, int]) -> str:
    # The text as written, punctuation included: a quotation mark tells the teacher the word is a
    # speaker's (review 338).
    words = reading.blocks[block]
    start, end = hit
    first = words.starts[max(0, start - _CONTEXT_WORDS)]
    last = words.ends[min(len(words.words), end + _CONTEXT_WORDS) - 1]
    text = words.text
    shown = (
        f"{text[first : words.starts[start]]}[{text[words.starts[start] : words.ends[end - 1]]}]"
        f"{text[words.ends[end - 1] : last]}"
    )
    return f"'{shown}'"


def overlapping_questions(quiz: Sequence[Question], seed: int) -> list[Finding]:
    """Two questions of one quiz about the same words, claim, source or framing."""
    findings = []
    for later_index, later in enumerate(quiz):
        for earlier in quiz[:later_index]:
            if conflicts(earlier, later):
                findings.append(
                    Finding(
                        _line(later),
                        f"quiz for seed {seed}: {_name(later)} is about the same words or annotation as "
                        f"{_name(earlier)}",
                    )
                )
    return findings


def key_position_bias(quizzes: Iterable[Sequence[Question]]) -> list[str]:
    """Choice positions that are the key more than MAX_POSITION_BIAS times their fair share."""
    keys: Counter[int] = Counter()
    fair: Counter[int] = Counter()
    for quiz in quizzes:
        for question in quiz:
            if question.type != CHOICE or not question.choices:
                continue
            count = len(question.choices)
            for position in range(count):
                fair[position] += 1 / count  # type: ignore[assignment]
            keys[question.answer[0]] += 1
    problems = []
    for position, expected in sorted(fair.items()):
        beyond_chance = keys[position] > expected + CHANCE_DEVIATIONS * math.sqrt(expected)
        if (
            expected >= MIN_KEYS_FOR_BIAS / 4
            and keys[position] > MAX_POSITION_BIAS * expected
            and beyond_chance
        ):
            problems.append(
                f"choice {position + 1} is the right answer {keys[position]} times, "
                f"{keys[position] / expected:.2f} times its fair share ({expected:.0f})"
            )
    return problems


def doubted_facts(reading: ArticleReading) -> list[Finding]:
    """A claim marked ``unattributed`` (stated as a fact) whose own words doubt it ("The true number
    is probably far higher"): the teacher likely missed a hedge, and the questions that need the
    status are left out (review 140)."""
    findings = []
    for claim in reading.article.claims:
        if claim.status != "unattributed":
            continue
        rough = set(reading.approximate_hits(claim.span.block))
        doubts = [hit for hit in reading.hedges_in(claim.span) if hit not in rough]
        if not doubts:
            continue
        words = reading.blocks[claim.span.block]
        cue = " ".join(words.words[doubts[0][0] : doubts[0][1]])
        findings.append(
            Finding(
                claim.line,
                f"the claim '{claim.span.quote}' is marked unattributed (stated as a fact) but holds the "
                f"hedge word '{cue}': if the writer doubts it, mark it hedged with cues: [{cue}]",
            )
        )
    return findings


def claims_cutting_mentions(reading: ArticleReading) -> list[Finding]:
    """A claim and a source's mention that share only a reporting word, neither holding the other ("...
    guidance, published in 2021, tells" and "tells schools to keep branded items to a minimum"): the
    questions cut it out of one of them, so an answer shows less than the teacher marked (review 470)."""
    findings = []
    for claim in reading.article.claims:
        for source in reading.article.sources:
            for mention in source.mentions:
                if mention.block != claim.span.block or not mention.overlaps(claim.span):
                    continue
                if mention.contains(claim.span) or claim.span.contains(mention):
                    continue
                start, end = max(mention.start, claim.span.start), min(mention.end, claim.span.end)
                block = reading.blocks[mention.block]
                if not covered((start, end), reading.attribution_hits(mention.block)):
                    continue  # "Le Drian suggested on Sunday that ...": a claim that holds who says it
                shared = " ".join(block.words[start:end])
                findings.append(
                    Finding(
                        claim.line,
                        f"the claim '{_short(claim.span.quote)}' and the mention "
                        f"'{_short(mention.quote)}' of {source.id} share the words '{shared}': end the "
                        "mention with its reporting word and start the claim after it",
                    )
                )
    return findings


def headline_not_asked(
    article: Article,
    quizzes: Sequence[Sequence[Question]],
    id_line: int = 1,
    reading: ArticleReading | None = None,
) -> list[Finding]:
    """The headline is annotated (usually the article's main lesson) yet some quiz asks nothing
    about it.  With the article's ``reading``, the advice says why each way is closed where it can
    (a sentence that says the same) and offers a fix only where it would work (reviews 284, 285:
    "framing_complete: [title]" was offered where it could add no question)."""
    if not headline_annotated(article):
        return []
    missing = sum(1 for quiz in quizzes if not any(touches_headline(q) for q in quiz))
    if not missing:
        return []
    lines = [f.line for f in article.framing if f.span.block == HEADLINE_BLOCK]
    lines += [c.line for c in article.claims if c.span.block == HEADLINE_BLOCK]
    # Only the advice that can still help: a headline already marked complete is too short to select
    # in (review 136).
    ways = []
    # "How Has X Boosted Results?" takes its words as true, so it is asked about like a statement.
    asks = headline_asks(article) and not headline_takes_for_granted(article)
    mismatch_marked = any(
        f.span.block == HEADLINE_BLOCK and f.technique == "headline_body_mismatch" for f in article.framing
    )
    if reading is not None:
        for framing in article.framing:
            if framing.span.block != HEADLINE_BLOCK or framing.technique != "headline_body_mismatch":
                continue
            said = body_sentence_saying(reading, framing.span)
            if said is not None:
                ways.append(
                    f"{_quoted(_short(framing.span.quote, 40))} is not asked about because the article "
                    f'says the same in "{_short(said, 80)}"; if that sentence says less, reword the note '
                    "or mark different words"
                )
    if asks and not mismatch_marked:
        ways.append(
            "a headline that asks a question is asked about where you mark the words it suggests and "
            "the article does not back up (headline_body_mismatch)"
        )
    elif not mismatch_marked:
        ways.append(
            "if it says anything the article does not back up, mark those words with a headline "
            "technique (headline_body_mismatch)"
        )
        if any(c.span.block == HEADLINE_BLOCK for c in article.claims):
            # A headline the article backs up is no mismatch: the advice must not lead a teacher
            # to mark it as one (review 245).
            ways.append("a claim in a headline the article backs up is asked about by no generated question")
    if HEADLINE_BLOCK not in article.framing_complete:
        if reading is None or _complete_headline_asks(reading):
            ways.append("mark all of its framing (framing_complete: [title])")
        else:
            ways.append("its marked words leave too few others to select among")
    elif asks or not ways:
        ways.append("its marked words leave too few others to select among")
    return [
        Finding(
            min(lines, default=id_line),
            f"{missing} of {len(quizzes)} quizzes ask nothing about the headline: "
            + "; ".join(ways)
            + "; write a question about it",
        )
    ]


def _complete_headline_asks(reading: ArticleReading) -> bool:
    """Whether "find the framing" would ask about the headline once it is marked complete."""
    import random
    from dataclasses import replace

    article = replace(reading.article, framing_complete=reading.article.framing_complete | {HEADLINE_BLOCK})
    complete = ArticleReading(article, reading.vocabulary)
    return any(
        question.block == HEADLINE_BLOCK
        for question in KINDS["find_framing"].generate(complete, random.Random(0))
    )


def thin_skills(quizzes: Sequence[Sequence[Question]], id_line: int = 1) -> list[Finding]:
    """A skill that has fewer than MIN_SKILL_SHARE of the questions in some quiz: the article's
    annotations cannot give it its share, and the class practises it on one question."""
    findings = []
    for skill in SKILLS:
        thin = [q for q in quizzes if q and sum(x.skill == skill for x in q) < MIN_SKILL_SHARE * len(q)]
        if not thin:
            continue
        fewest = min(sum(x.skill == skill for x in q) for q in thin)
        findings.append(
            Finding(
                id_line,
                f"{len(thin)} of {len(quizzes)} quizzes have only {fewest} {SKILL_NAMES[skill]} "
                f"question(s): {_MORE_OF[skill]}, or write a question of your own",
            )
        )
    return findings


def short_quizzes(article: Article, quizzes: Sequence[Sequence[Question]], id_line: int = 1) -> list[Finding]:
    """Quizzes well short of the article's quiz length: the annotations allow too few fair questions."""
    short = [len(q) for q in quizzes if len(q) < MIN_QUIZ_SHARE * article.quiz_length]
    if not short:
        return []
    sizes = f"{min(short)}" if min(short) == max(short) else f"{min(short)} to {max(short)}"
    return [
        Finding(
            id_line,
            f"{len(short)} of {len(quizzes)} quizzes have only {sizes} of the "
            f"{article.quiz_length} questions asked for: annotate more sources, claims and framing "
            "(`questions preview --all` shows what the file allows), or set a shorter `quiz: length:`",
        )
    ]


# What gives a skill more questions, for the thin-skill finding.
_MORE_OF = {
    "sources": "annotate more sources with every mention",
    "claims": "annotate more claims, with their sources and hedges",
    "framing": "mark every framing word of more paragraphs (framing_complete)",
}


@dataclass(frozen=True)
class QuizProfile:
    """What a class's quiz of this article looks like, over many seeds: not a fault to fix but what
    a teacher weighs before assigning it (reviewers asked why quizzes came out short or alike)."""

    asked_for: int
    shortest: int
    longest: int
    per_skill: dict[str, float]  # questions per quiz, on average
    shared: float  # the share of questions two quizzes have in common, on average (0 to 1)
    # Framing the teacher marked that no generated question asks about ("'a gimmick' (paragraph 9)"):
    # a question of the teacher's own is the only way students meet it (review 90).
    unasked_framing: tuple[str, ...] = ()
    # Words that read as an attribution, a hedge or a loaded word that no annotation covers (see
    # unmarked_words): each keeps a "find the ..." question off its paragraph.
    unmarked: tuple[str, ...] = ()
    # Passages framing_complete lists with no framing marked in them ("paragraph 8"): maybe meant,
    # but most often numbers shifted by a paragraph added above (review 294).
    complete_without_framing: tuple[str, ...] = ()

    def describe(self) -> str:
        """What the quizzes look like, in one line; the notes (see ``notes``) come apart from it."""
        sizes = f"{self.shortest}" if self.shortest == self.longest else f"{self.shortest} to {self.longest}"
        skills = ", ".join(f"{SKILL_NAMES[skill].lower()} {self.per_skill[skill]:.1f}" for skill in SKILLS)
        return (
            f"quizzes have {sizes} of the {self.asked_for} questions asked for (per quiz: {skills}); "
            f"two classes' quizzes share {round(100 * self.shared)} % of their questions"
        )

    def notes(self) -> list[str]:
        """One line each, apart from the findings: not faults, but what one more annotation or a
        question of the teacher's own would add (reviews 275, 276, 281 read them as findings when
        they ran on in one line with the quizzes' profile)."""
        return [
            *(
                f"note: no generated question asks about the framing {item}: write a question of your "
                "own to teach it"
                for item in self.unasked_framing
            ),
            *(f"note: {item}; annotate it where it does what it seems to" for item in self.unmarked),
            *(
                f"note: framing_complete lists {item}, which has no framing marked: if a passage was "
                "added above it, its number has shifted; fix framing_complete"
                for item in self.complete_without_framing
            ),
        ]


# Pairs of quizzes compared for the profile's overlap: enough for a steady average, few enough to be quick.
PROFILE_PAIRS = 45


def unasked_framing(
    article: Article, questions: Iterable[Question], vocabulary: Vocabulary | None = None
) -> tuple[str, ...]:
    """The framing no question is about, as "'words' (where)", in the article's order; with the
    vocabulary, "'words' (where, technique)", so the teacher knows what a question would teach."""
    asked = {subject for question in questions for subject in question.extra.get("about", ())}
    labels = {entry.id: entry.label for entry in vocabulary.techniques} if vocabulary is not None else {}
    return tuple(
        f"{_quoted(_short(item.span.quote, 40))} ({where(item.span.block)}"
        + (f", {labels[item.technique]}" if item.technique in labels else "")
        + ")"
        for index, item in enumerate(article.framing)
        if f"framing:{index}" not in asked
    )


def _quoted(text: str) -> str:
    return text if text[:1] in "'\"\u2018\u201c" else f"'{text}'"


def quiz_profile(
    article: Article,
    quizzes: Sequence[Sequence[Question]],
    unasked: tuple[str, ...] = (),
    unmarked: tuple[str, ...] = (),
) -> QuizProfile:
    lengths = [len(q) for q in quizzes] or [0]
    per_skill = {
        skill: sum(sum(x.skill == skill for x in q) for q in quizzes) / max(1, len(quizzes))
        for skill in SKILLS
    }
    prompts = [{(q.kind, q.prompt) for q in quiz} for quiz in quizzes]
    pairs = [(a, b) for i, a in enumerate(prompts) for b in prompts[i + 1 :]][:PROFILE_PAIRS]
    shares = [len(a & b) / max(1, min(len(a), len(b))) for a, b in pairs]
    return QuizProfile(
        asked_for=article.quiz_length,
        shortest=min(lengths),
        longest=max(lengths),
        per_skill=per_skill,
        shared=sum(shares) / len(shares) if shares else 1.0,
        unasked_framing=unasked,
        unmarked=unmarked,
        complete_without_framing=complete_without_framing(article),
    )


def complete_without_framing(article: Article) -> tuple[str, ...]:
    """The paragraphs framing_complete lists, where none of them has framing marked and a paragraph
    it does not list has some: most likely numbers shifted by a paragraph added above (review 294).
    Listing plain paragraphs beside framed ones is common and meant: their words are then plainly
    no framing."""
    listed = sorted(article.framing_complete - {HEADLINE_BLOCK})  # a headline cannot shift
    framed = {item.span.block for item in article.framing} - {HEADLINE_BLOCK}
    if not listed or framed & set(listed) or not framed - set(listed):
        return ()
    return tuple(where(block) for block in listed)


def audit_article(
    article: Article, vocabulary: Vocabulary, seeds: int = 50, id_line: int = 1
) -> list[Finding]:
    """Every automatic finding about the questions and quizzes this article makes."""
    return audit_with_profile(article, vocabulary, seeds, id_line)[0]


def audit_with_profile(
    article: Article, vocabulary: Vocabulary, seeds: int = 50, id_line: int = 1
) -> tuple[list[Finding], QuizProfile]:
    """The findings, and the profile of the quizzes they were found in."""
    import random

    reading = ArticleReading(article, vocabulary)
    findings: set[Finding] = set()
    questions = all_questions(article, vocabulary, random.Random(0), reading)
    for question in questions:
        _, spans = footprint(question)
        blocks = {block for block, _, _ in spans} | {question.block}
        in_headline = HEADLINE_BLOCK in blocks
        findings.update(key_in_stem(question))
        findings.update(too_close_choices(question, vocabulary, in_headline))
        findings.update(passage_not_fully_annotated(question, reading))
        if KINDS[question.kind].hand_written:
            findings.update(position_words(question))
            findings.update(key_stands_out(question))
    quizzes = []
    for seed in range(1, seeds + 1):
        quiz = build_quiz(article, vocabulary, seed, reading=reading)
        quizzes.append(quiz)
        for finding in overlapping_questions(quiz, seed):
            # One line per pair of annotations, not one per seed.
            findings.add(
                Finding(finding.line, re.sub(r"^quiz for seed \d+: ", "in some quizzes: ", finding.message))
            )
    for problem in key_position_bias(quizzes):
        findings.add(Finding(id_line, f"over {seeds} quizzes, {problem}"))
    findings.update(doubted_facts(reading))
    findings.update(claims_cutting_mentions(reading))
    findings.update(headline_not_asked(article, quizzes, id_line, reading))
    findings.update(thin_skills(quizzes, id_line))
    findings.update(short_quizzes(article, quizzes, id_line))
    profile = quiz_profile(
        article, quizzes, unasked_framing(article, questions, vocabulary), unmarked_words(reading)
    )
    return sorted(findings), profile
