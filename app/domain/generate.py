"""Quiz questions generated from an annotated article, and the choice of a quiz.

Each question kind is a small class registered in :data:`KINDS`; a kind turns an
article's annotations into questions.  The rule every kind follows is the careful
item writer's: one defensible key, wrong answers that are clearly wrong, nothing in
the stem that gives the key away, and a passage asked about only where the teacher
annotated everything a careful student could select there.  Where that cannot be
told from the annotations, the kind asks nothing.  Randomness comes only from the
``random.Random`` passed in, so a seed fixes a quiz.

The kinds themselves live in :mod:`app.domain.kinds`, one module per kind; this module registers
them and chooses a quiz from their questions.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from app.domain.article import HEADLINE_BLOCK, SKILLS, Article, Vocabulary
from app.domain.kinds.base import QuestionKind, content_words
from app.domain.kinds.find_framing import FindFraming
from app.domain.kinds.find_sources import FindSources
from app.domain.kinds.find_unverified import FindUnverified
from app.domain.kinds.hand_written import HandChoice, HandMultiple, HandSelect
from app.domain.kinds.headline_check import HeadlineCheck, body_sentence_saying
from app.domain.kinds.headline_evidence import HeadlineEvidence
from app.domain.kinds.headline_quote import HeadlineQuote
from app.domain.kinds.headline_word import HeadlineWord
from app.domain.kinds.how_to_check import HowToCheck
from app.domain.kinds.name_technique import NameTechnique
from app.domain.kinds.source_chain import SourceChain
from app.domain.kinds.source_type import SourceType
from app.domain.kinds.spot_hedge import SpotHedge
from app.domain.kinds.spot_technique import SpotTechnique
from app.domain.kinds.statement_kind import StatementKind
from app.domain.kinds.support import Support
from app.domain.kinds.who_said_it import WhoSaidIt
from app.domain.kinds.whose_words import WhoseWords
from app.domain.passage import ArticleReading
from app.domain.question import CHOICE, SELECT, Question
from app.domain.quiz_rules import clash_sets, conflicts, footprint, touches_headline

# A quiz asks about one paragraph at most this many times while others are left to ask about.
MAX_PER_PASSAGE = 2


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
