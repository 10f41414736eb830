"""A teacher can switch generated question kinds off per assignment: build_quiz's ``kinds_off``."""

from __future__ import annotations

import random
from collections import Counter

from app.domain.article import Article, Vocabulary
from app.domain.generate import KINDS, all_questions, build_quiz
from app.domain.validation import validate_article
from tests.unit.article_factory import QUESTIONS_DIR, library_article, project_vocabulary, vocabulary

VOCABULARY = vocabulary()
HAND_KINDS = {name for name, kind in KINDS.items() if kind.hand_written}


def project_article(name: str) -> tuple[Article, Vocabulary]:
    vocabulary_of_project = project_vocabulary()
    result = validate_article((QUESTIONS_DIR / name).read_bytes(), name, vocabulary_of_project)
    assert result.article is not None, result.problems
    return result.article, vocabulary_of_project


def test_no_kinds_off_is_the_quiz_as_before() -> None:
    article = library_article()
    for seed in (1, 7, 23):
        assert build_quiz(article, VOCABULARY, seed, kinds_off=frozenset()) == build_quiz(
            article, VOCABULARY, seed
        )


def test_a_kind_switched_off_is_never_asked_and_hand_written_questions_stay() -> None:
    article = library_article()
    pool_kinds = Counter(q.kind for q in all_questions(article, VOCABULARY, random.Random(7)))
    generated = sorted(kind for kind in pool_kinds if kind not in HAND_KINDS)
    assert len(generated) >= 3, pool_kinds  # the test needs an article with several kinds
    full = build_quiz(article, VOCABULARY, 7)
    hand_prompts = sorted(q.prompt for q in full if q.kind in HAND_KINDS)
    assert hand_prompts  # the library article has questions of the teacher's own
    for off in (frozenset(generated[:1]), frozenset(generated[:2]), frozenset(HAND_KINDS | {generated[0]})):
        for seed in (1, 7, 23):
            quiz = build_quiz(article, VOCABULARY, seed, kinds_off=off)
            assert not any(q.kind in off and q.kind not in HAND_KINDS for q in quiz)
            assert sorted(q.prompt for q in quiz if q.kind in HAND_KINDS) == hand_prompts
            assert quiz == build_quiz(article, VOCABULARY, seed, kinds_off=off)  # still one quiz per seed


def test_the_quiz_stays_full_when_other_kinds_can_fill_it() -> None:
    # The project's longest article allows far more questions than one quiz holds.
    article, vocabulary_of_project = project_article("raqqa-assault-2015.yaml")
    full = build_quiz(article, vocabulary_of_project, 7)
    # Of the sources and claims kinds: its framing is marked in few passages, so with "find the
    # framing" off the other framing kinds and the even-skills rule leave 11 questions.
    most_common = Counter(
        q.kind for q in full if q.kind not in HAND_KINDS and q.skill != "framing"
    ).most_common(1)[0][0]
    quiz = build_quiz(article, vocabulary_of_project, 7, kinds_off=frozenset({most_common}))
    assert most_common not in {q.kind for q in quiz}
    assert len(quiz) == len(full)


def test_every_generated_kind_off_leaves_only_the_teachers_questions() -> None:
    article = library_article()
    generated = frozenset(name for name in KINDS if name not in HAND_KINDS)
    quiz = build_quiz(article, VOCABULARY, 3, kinds_off=generated)
    assert quiz
    assert {q.kind for q in quiz} <= HAND_KINDS
