"""Demo data: a teacher and a class whose simulated students have answered quizzes.

So a new user sees a full dashboard at once, and benchmarks have data.  The
teacher, the class and the assignments are made by the real services (join codes,
frozen quizzes); the students' work is then simulated and stored in one
transaction, in bulk, because thousands of answers one request at a time would
take minutes.  Every answer is parsed and scored by the same domain functions as a
real one (``scoring.ANSWER_TYPES`` and ``score_answer``), and attempt totals are
sums of their answers, as ``quizzes`` computes them.

Randomness comes from ``random.Random(seed)`` and time from ``now``: the same seed
gives the same answers.  Only the secrets (password, student ids, codes that must
not be guessable) come from the system's random source.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, insert, select

from app.domain.article import SKILLS
from app.domain.codes import generate_code
from app.domain.names import name_key
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.scoring import ANSWER_TYPES, NEAR, score_answer
from app.extensions import db
from app.models import (
    ATTEMPTS_ONE,
    ATTEMPTS_UNLIMITED,
    FEEDBACK_PRACTICE,
    FEEDBACK_TEST,
    ArticleVersion,
    Assignment,
    Attempt,
    Response,
    SchoolClass,
    Student,
    Teacher,
)
from app.services import accounts, classes, content, quizzes
from app.services.errors import ServiceError

DEMO_EMAIL = "demo@sourcewise.example"
DEMO_TEACHER_NAME = "Demo Teacher"
DAYS_PER_ASSIGNMENT = 4  # assignments are set every few days, the last one still open


class DemoError(ServiceError, RuntimeError):
    """The demo cannot be made; the message says why."""


@dataclass(frozen=True)
class Profile:
    """A kind of student: how often they get each skill right, and how they work.

    ``right`` is the chance of a right answer per skill; None means the student
    guesses at random.  The other chances are per assignment.
    """

    name: str
    right: Mapping[str, float] | None
    skip: float  # never starts the assignment
    abandon: float  # starts, never hands in
    late: float  # hands in after the due date
    retry: float  # tries again when the assignment allows it
    weight: int  # how common the profile is in a class


PROFILES: tuple[Profile, ...] = (
    Profile("strong on sources, weak on framing", {"sources": 0.9, "claims": 0.7, "framing": 0.3},
            skip=0.05, abandon=0.05, late=0.1, retry=0.3, weight=3),
    Profile("careful", {"sources": 0.92, "claims": 0.9, "framing": 0.88},
            skip=0.02, abandon=0.02, late=0.03, retry=0.5, weight=2),
    Profile("misses hedged claims", {"sources": 0.8, "claims": 0.35, "framing": 0.6},
            skip=0.05, abandon=0.08, late=0.15, retry=0.2, weight=2),
    Profile("average", {"sources": 0.65, "claims": 0.55, "framing": 0.5},
            skip=0.1, abandon=0.1, late=0.2, retry=0.2, weight=3),
    Profile("guessing", None, skip=0.2, abandon=0.15, late=0.35, retry=0.05, weight=1),
)  # fmt: skip
PROFILE_BY_NAME = {profile.name: profile for profile in PROFILES}

FIRST_NAMES = (
    "Amira", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Gabriel", "Hana", "Ibrahim", "Jonas", "Kai",
    "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quentin", "Rosa", "Sami", "Tomás", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoë", "李娜", "Aroha", "Siobhán", "Björn", "Leilani", "Mei", "Nikolai",
    "Olu", "Paula", "Rahul", "Sofia", "Theo", "Valentina", "Yara",
)  # fmt: skip
LAST_INITIALS = "ABCDEFGHJKLMNOPRSTVWZ"


@dataclass
class DemoResult:
    teacher_email: str
    password: str
    teacher_created: bool
    class_id: int
    class_name: str
    join_code: str
    seed: int
    students: int = 0
    assignments: int = 0
    attempts: int = 0
    responses: int = 0
    profiles: dict[int, str] = field(default_factory=dict)  # student key -> profile name


def create_demo(*, students: int, assignments: int, seed: int, now: datetime) -> DemoResult:
    """A new demo class (and the demo teacher, made once) with ``students`` who worked on ``assignments``."""
    if students < 1 or assignments < 1:
        raise DemoError("A demo needs at least one student and one assignment.")
    rng = random.Random(seed)
    versions = _article_versions()
    teacher, password, created = _demo_teacher()
    class_count = db.session.scalar(
        select(func.count()).select_from(SchoolClass).where(SchoolClass.teacher_id == teacher.id)
    )
    school_class = classes.create_class(teacher, f"Demo class {(class_count or 0) + 1}")
    result = DemoResult(
        teacher_email=teacher.email,
        password=password,
        teacher_created=created,
        class_id=school_class.id,
        class_name=school_class.name,
        join_code=school_class.join_code,
        seed=seed,
    )
    made = _assign(school_class, versions, assignments, rng, now)
    try:
        _simulate_class(result, school_class, made, students, rng, now)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def _article_versions() -> list[ArticleVersion]:
    versions = content.latest_versions()
    if not versions:
        # A fresh install: import the sample questions first.
        folder = current_app.config["QUESTIONS_DIR"]
        try:
            content.import_paths([folder])
        except content.ContentError as exc:
            raise DemoError(f"Could not import the questions in {folder}: {exc}") from exc
        versions = content.latest_versions()
    if not versions:
        raise DemoError(f"No article in {current_app.config['QUESTIONS_DIR']} could be imported.")
    return versions


def _demo_teacher() -> tuple[Teacher, str, bool]:
    """The demo teacher with a fresh password: only its hash is stored, so only a new one can be printed."""
    password = secrets.token_urlsafe(12)
    teacher = db.session.scalar(select(Teacher).where(Teacher.email == DEMO_EMAIL))
    if teacher is None:
        return accounts.create_teacher(DEMO_EMAIL, password, DEMO_TEACHER_NAME), password, True
    teacher.password_hash = accounts.hash_password(password)
    teacher.session_epoch += 1  # as after any password change: older sessions end
    db.session.commit()
    return teacher, password, False


@dataclass(frozen=True)
class _Made:
    assignment: Assignment
    questions: list[Question]
    opens_at: datetime


def _assign(
    school_class: SchoolClass,
    versions: Sequence[ArticleVersion],
    count: int,
    rng: random.Random,
    now: datetime,
) -> list[_Made]:
    """``count`` assignments cycling through the articles, each with its own seed, a few days apart.

    The last one is still open (due tomorrow); every third allows unlimited
    attempts; every other one shows feedback only at the end (test mode).
    """
    made = []
    for index in range(count):
        version = versions[index % len(versions)]
        round_number = index // len(versions) + 1
        opens_at = now - timedelta(days=DAYS_PER_ASSIGNMENT * (count - 1 - index) + DAYS_PER_ASSIGNMENT - 1)
        assignment = quizzes.assign_quiz(
            school_class,
            version,
            title=version.title if round_number == 1 else f"{version.title} · round {round_number}",
            due_at=opens_at + timedelta(days=DAYS_PER_ASSIGNMENT),
            attempts_policy=ATTEMPTS_UNLIMITED if index % 3 == 2 else ATTEMPTS_ONE,
            feedback_mode=FEEDBACK_TEST if index % 2 else FEEDBACK_PRACTICE,
            seed=rng.randrange(2**31),
        )
        made.append(_Made(assignment, quizzes.questions_of(assignment.quiz), opens_at))
    return made


# --- Simulated students ---------------------------------------------------------------------


def pick_profiles(count: int, rng: random.Random) -> list[Profile]:
    """Every profile at least once when the class is big enough, the rest by weight, shuffled."""
    picked = list(PROFILES[:count])
    weights = [profile.weight for profile in PROFILES]
    picked += rng.choices(PROFILES, weights=weights, k=count - len(picked))
    rng.shuffle(picked)
    return picked


def _unused_name(taken: set[str], rng: random.Random) -> str:
    """A first name and surname initial nobody in the class has yet (names are unique in a class)."""
    for _ in range(200):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_INITIALS)}."
        if name_key(name) not in taken:
            taken.add(name_key(name))
            return name
    name = f"{rng.choice(FIRST_NAMES)} {len(taken) + 1}"
    taken.add(name_key(name))
    return name


def _simulate_class(
    result: DemoResult,
    school_class: SchoolClass,
    made: Sequence[_Made],
    count: int,
    rng: random.Random,
    now: datetime,
) -> None:
    profiles = pick_profiles(count, rng)
    joined_at = made[0].opens_at - timedelta(days=1)
    rejoin_codes: set[str] = set()
    names: set[str] = set()
    student_rows = []
    for _ in profiles:
        code = generate_code(rng)
        while code in rejoin_codes:
            code = generate_code(rng)
        rejoin_codes.add(code)
        name = _unused_name(names, rng)
        student_rows.append(
            {
                "class_id": school_class.id,
                "display_name": name,
                "name_key": name_key(name),
                "rejoin_code": code,
                "public_id": secrets.token_hex(6),
                "created_at": joined_at + timedelta(minutes=rng.randint(0, 600)),
            }
        )
    student_ids = list(
        db.session.scalars(insert(Student).returning(Student.id, sort_by_parameter_order=True), student_rows)
    )
    # Each student's own level around their profile, so two "careful" students differ.
    abilities = [rng.gauss(0.0, 0.05) for _ in profiles]
    result.students = len(student_ids)
    result.profiles = {key: profile.name for key, profile in zip(student_ids, profiles, strict=True)}
    for item in made:
        item.assignment.created_at = item.opens_at
        attempts: list[dict[str, Any]] = []
        answers: list[list[dict[str, Any]]] = []
        for student_id, profile, ability in zip(student_ids, profiles, abilities, strict=True):
            for attempt, responses in simulate_work(item, profile, ability, rng, now):
                attempts.append({**attempt, "student_id": student_id, "assignment_id": item.assignment.id})
                answers.append(responses)
        if not attempts:
            continue
        attempt_ids = db.session.scalars(
            insert(Attempt).returning(Attempt.id, sort_by_parameter_order=True), attempts
        ).all()
        rows = [
            {**response, "attempt_id": attempt_id}
            for attempt_id, responses in zip(attempt_ids, answers, strict=True)
            for response in responses
        ]
        if rows:
            db.session.execute(insert(Response), rows)
        result.attempts += len(attempts)
        result.responses += len(rows)
    result.assignments = len(made)


def simulate_work(
    item: _Made, profile: Profile, ability: float, rng: random.Random, now: datetime
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """One student's attempts at one assignment: (attempt columns, its responses), possibly none."""
    assignment = item.assignment
    due_at = assignment.due_at
    assert due_at is not None
    still_open = due_at > now
    # An assignment that is still open has fewer students done yet.
    skip = profile.skip + (0.25 if still_open else 0.0)
    abandon = profile.abandon + (0.15 if still_open else 0.0)
    draw = rng.random()
    if draw < skip:
        return []
    questions = item.questions
    if draw < skip + abandon:
        answered = rng.randint(1, max(1, len(questions) - 1))
        start = _start_time(item.opens_at, min(now, due_at), answered, rng)
        return [_attempt(1, questions, answered, profile, ability, start, False, rng)]
    late = not still_open and rng.random() < profile.late and now - due_at > timedelta(hours=2)
    if late:
        latest = min(now, due_at + timedelta(days=2))
        start = _start_time(due_at + timedelta(minutes=30), latest, len(questions), rng)
    else:
        start = _start_time(item.opens_at, min(now, due_at), len(questions), rng)
    first = _attempt(1, questions, len(questions), profile, ability, start, True, rng)
    work = [first]
    submitted_at = first[0]["submitted_at"]
    if assignment.attempts_policy == ATTEMPTS_UNLIMITED and rng.random() < profile.retry:
        again = submitted_at + timedelta(hours=rng.uniform(1, 20))
        if again + _duration(len(questions)) < now:
            # A second go after seeing the feedback: a little better.
            work.append(_attempt(2, questions, len(questions), profile, ability + 0.1, again, True, rng))
    return work


def _duration(question_count: int) -> timedelta:
    return timedelta(seconds=150 * question_count)  # the longest an attempt takes (see _attempt)


def _start_time(earliest: datetime, latest: datetime, question_count: int, rng: random.Random) -> datetime:
    """A start that leaves time to finish before ``latest`` (the due date, or now)."""
    room = (latest - earliest - _duration(question_count)).total_seconds()
    return earliest + timedelta(seconds=rng.uniform(0, max(0.0, room)))


def _attempt(
    number: int,
    questions: Sequence[Question],
    answered: int,
    profile: Profile,
    ability: float,
    start: datetime,
    submitted: bool,
    rng: random.Random,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An attempt that answered the first ``answered`` questions; maxima count every question."""
    maxima = Counter(question.skill for question in questions)
    responses = []
    moment = start
    totals: defaultdict[str, float] = defaultdict(float)
    for position, question in enumerate(questions[:answered]):
        moment += timedelta(seconds=rng.uniform(20, 140))
        chance = None if profile.right is None else _clamp(profile.right[question.skill] + ability)
        raw_values = [str(index) for index in simulate_answer(question, chance, rng)]  # as a form sends them
        answer = ANSWER_TYPES[question.type].parse(raw_values, question)
        if not answer:  # cannot happen with the answers simulate_answer makes; a real form would refuse it
            raise DemoError(f"simulated an invalid answer to a {question.type} question")
        scored = score_answer(question, answer)
        totals[question.skill] += scored.score
        responses.append(
            {
                "position": position,
                "skill": question.skill,
                "answer": list(answer),
                "score": scored.score,
                "max_score": 1.0,
                "verdict": scored.verdict,
                "answered_at": moment,
            }
        )
    attempt = {
        "number": number,
        "started_at": start,
        "submitted_at": moment + timedelta(seconds=rng.uniform(5, 9)) if submitted else None,
        "score": sum(totals[skill] for skill in SKILLS),
        "max_score": float(len(questions)),
        **{f"{skill}_score": float(totals[skill]) for skill in SKILLS},
        **{f"{skill}_max": float(maxima[skill]) for skill in SKILLS},
    }
    return attempt, responses


def _clamp(chance: float) -> float:
    return min(0.98, max(0.02, chance))


# --- Answers ----------------------------------------------------------------------------------


def simulate_answer(question: Question, chance: float | None, rng: random.Random) -> list[int]:
    """The indexes a student sends: right with probability ``chance``, else a plausible mistake.

    ``chance`` None is a student guessing: any choice, or a few words anywhere.
    """
    if chance is None:
        return _guess(question, rng)
    if rng.random() < chance:
        return _right(question, rng)
    return _mistake(question, rng)


def _gold_words(question: Question) -> list[int]:
    return sorted({i for start, end in question.gold for i in range(start, end)})


def _right(question: Question, rng: random.Random) -> list[int]:
    if question.type != SELECT:
        return list(question.answer)
    words = _gold_words(question)
    if len(words) > 2 and rng.random() < 0.2:
        # Nearly right: one word short at an edge of the passage.
        return words[1:] if rng.random() < 0.5 else words[:-1]
    return words


def _mistake(question: Question, rng: random.Random) -> list[int]:
    if question.type == CHOICE:
        wrong = [i for i in range(len(question.choices)) if i not in question.answer]
        return [rng.choice(wrong)] if wrong else list(question.answer)
    if question.type == MULTIPLE:
        return _multiple_mistake(question, rng)
    return _select_mistake(question, rng)


def _multiple_mistake(question: Question, rng: random.Random) -> list[int]:
    right = set(question.answer)
    wrong = [i for i in range(len(question.choices)) if i not in right]
    picked = set(right)
    if len(right) > 1 and (not wrong or rng.random() < 0.5):
        picked.discard(rng.choice(sorted(right)))  # missed one of the right choices
    if wrong and (picked == right or rng.random() < 0.5):
        picked.add(rng.choice(wrong))  # and/or took a wrong one for right
    return sorted(picked)


def _select_mistake(question: Question, rng: random.Random) -> list[int]:
    """The right passage (or half of it) with a wrong word further away, or a passage elsewhere."""
    word_count = len(question.words)
    gold = [(start, end) for start, end in question.gold if end > start]
    if not gold:
        return [rng.randrange(word_count)]
    start, end = rng.choice(gold)
    length = end - start
    gold_words = set(_gold_words(question))
    # Words further from every right passage than the free margin: each one costs marks.
    far = [i for i in range(word_count) if all(i < s - NEAR or i >= e + NEAR for s, e in gold)]
    if far and rng.random() < 0.6:
        # The right passage, or the first half of it, with a wrong word further away.
        picked = set(range(start, end) if rng.random() < 0.5 else range(start, start + max(1, length // 2)))
        picked.add(rng.choice(far))
        return sorted(picked)
    elsewhere = [
        first
        for first in range(0, max(1, word_count - length + 1))
        if not gold_words.intersection(range(first, first + length))
    ]
    if not elsewhere:
        return list(range(start, max(start + 1, end - 1)))
    first = rng.choice(elsewhere)
    return list(range(first, min(word_count, first + length)))


def _guess(question: Question, rng: random.Random) -> list[int]:
    if question.type == CHOICE:
        return [rng.randrange(len(question.choices))]
    if question.type == MULTIPLE:
        count = rng.randint(1, len(question.choices))
        return sorted(rng.sample(range(len(question.choices)), count))
    length = rng.randint(1, 5)
    first = rng.randrange(max(1, len(question.words) - length + 1))
    return list(range(first, min(len(question.words), first + length)))
