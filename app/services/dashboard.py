"""The numbers behind the teacher's dashboard and a student's progress page.

Every page loads what it shows in a fixed number of queries (the class's
students, assignments, attempts and submitted answers in bulk, whatever the
class size) and computes the statistics in memory with app.domain.statistics.
Nothing here writes to the database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import joinedload

from app.domain import deadlines
from app.domain import statistics as stats
from app.domain.arrangement import Arrangement
from app.domain.article import SKILLS
from app.domain.article import Article as DomainArticle
from app.domain.question import CHOICE, SELECT, Question
from app.domain.scoring import Result
from app.domain.text import Block
from app.extensions import db
from app.models import (
    ArticleVersion,
    Assignment,
    Attempt,
    Extension,
    Quiz,
    Response,
    SchoolClass,
    Student,
    Teacher,
)
from app.services.content import ContentError, current_vocabulary, parse_version
from app.services.errors import NotFound
from app.services.quizzes import (
    arrangement_of,
    article_blocks,
    attempt_view,
    best_attempt,
    questions_of,
    student_assignments,
    submit_overdue_attempts,
)

# How many confusions of one kind the class page lists (the most frequent first).
TOP_CONFUSIONS = 8

SORT_NAME = "name"
SORT_AVERAGE = "average"


def attempt_skill_items(attempt: Attempt) -> list[tuple[str, float, float]]:
    return [(skill, score, maximum) for skill, (score, maximum) in attempt.skill_scores.items()]


def skills_of(attempts: list[Attempt]) -> dict[str, float | None]:
    """Percent per skill over these (kept, submitted) attempts: sum of scores / sum of maxima."""
    return stats.skill_percentages(item for attempt in attempts for item in attempt_skill_items(attempt))


# --- Loading a class in bulk -----------------------------------------------------------------


@dataclass
class ClassRecords:
    school_class: SchoolClass
    students: list[Student]
    assignments: list[Assignment]
    attempts: dict[tuple[int, int], list[Attempt]]  # (student id, assignment id) -> attempts
    answers: dict[int, dict[int, stats.ScoredAnswer]]  # submitted attempt id -> position -> answer
    # (student id, assignment id) -> the student's own due date, where an extension gives one
    own_due: dict[tuple[int, int], datetime] = field(default_factory=dict)

    def kept(self, student_id: int, assignment_id: int) -> Attempt | None:
        return best_attempt(self.attempts.get((student_id, assignment_id), []))

    def due_for(self, student_id: int, assignment: Assignment) -> datetime | None:
        return deadlines.effective_due(assignment.due_at, self.own_due.get((student_id, assignment.id)))


def extension_dues(*conditions: ColumnElement[bool]) -> dict[tuple[int, int], datetime]:
    """(student id, assignment id) -> due date of every extension that sets one, matching ``conditions``."""
    rows = db.session.execute(
        select(Extension.student_id, Extension.assignment_id, Extension.due_at)
        .join(Assignment, Assignment.id == Extension.assignment_id)
        .where(Extension.due_at.is_not(None), *conditions)
    ).tuples()
    return {(student_id, assignment_id): due for student_id, assignment_id, due in rows if due is not None}


def _submitted_answers(*criteria: ColumnElement[bool]) -> dict[int, dict[int, stats.ScoredAnswer]]:
    """The answers of the submitted attempts that ``criteria`` pick (on Attempt and Assignment),
    by attempt and position: one query."""
    rows = db.session.execute(
        select(
            Response.attempt_id,
            Response.position,
            Response.answer,
            Response.score,
            Response.max_score,
            Response.confidence,
        )
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Attempt.submitted_at.is_not(None), *criteria)
    ).tuples()
    answers: dict[int, dict[int, stats.ScoredAnswer]] = {}
    for attempt_id, position, answer, score, max_score, confidence in rows:
        scored = stats.ScoredAnswer(tuple(answer or ()), score, max_score, confidence)
        answers.setdefault(attempt_id, {})[position] = scored
    return answers


def load_class(school_class: SchoolClass) -> ClassRecords:
    """Students, assignments (with their quizzes), attempts, submitted answers and extensions:
    five queries (after handing in the work of assignments that closed)."""
    submit_overdue_attempts(class_id=school_class.id)
    # Removed students stay in the scores (their attempts were kept on purpose); the
    # pages show them only when they have attempts.
    students = list(
        db.session.scalars(
            select(Student)
            .where(Student.class_id == school_class.id)
            .order_by(func.lower(Student.display_name), Student.id)
        )
    )
    assignments = list(
        db.session.scalars(
            select(Assignment)
            .options(joinedload(Assignment.quiz).joinedload(Quiz.article_version))
            .where(Assignment.class_id == school_class.id)
            .order_by(Assignment.created_at, Assignment.id)
        )
    )
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    for attempt in db.session.scalars(
        select(Attempt)
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Assignment.class_id == school_class.id)
        .order_by(Attempt.number)
    ):
        attempts.setdefault((attempt.student_id, attempt.assignment_id), []).append(attempt)
    return ClassRecords(
        school_class,
        students,
        assignments,
        attempts,
        _submitted_answers(Assignment.class_id == school_class.id),
        extension_dues(Assignment.class_id == school_class.id),
    )


def _article_of(version: ArticleVersion) -> DomainArticle | None:
    """The annotated article behind a quiz (cached by ``parse_version``), or None when it no
    longer validates."""
    try:
        return parse_version(version)
    except ContentError:
        return None


def _regions(question: Question, article: DomainArticle | None) -> list[stats.Region]:
    if article is None or question.type != SELECT:
        return []
    try:
        return stats.annotation_regions(question, article, current_vocabulary())
    except ContentError:
        return []


# --- Item analysis of one assignment ---------------------------------------------------------


@dataclass
class AssignmentAnalysis:
    assignment: Assignment
    questions: list[Question]
    kept: list[Attempt]  # the kept attempt of every student who submitted
    items: list[stats.ItemStatistics]
    # Per question position: its confusions, extra-word groups and heatmap (select questions).
    confusions: dict[int, list[tuple[stats.ChoiceConfusion, int]]] = field(default_factory=dict)
    extra_groups: dict[int, list[stats.ExtraGroup]] = field(default_factory=dict)
    heatmaps: dict[int, stats.Heatmap] = field(default_factory=dict)
    annotations_known: bool = True  # False when the article no longer validates

    @property
    def flagged(self) -> int:
        return sum(1 for item in self.items if item.flags)

    @property
    def facility_mean(self) -> float | None:
        return stats.mean(item.facility for item in self.items if item.facility is not None)


def analyse(
    assignment: Assignment,
    kept: list[Attempt],
    answers: dict[int, dict[int, stats.ScoredAnswer]],
    *,
    detail: bool,
) -> AssignmentAnalysis:
    """Item analysis over the kept attempts; with ``detail`` also confusions, groups and heatmaps."""
    questions = questions_of(assignment.quiz)
    per_attempt = [answers.get(attempt.id, {}) for attempt in kept]
    analysis = AssignmentAnalysis(assignment, questions, kept, stats.item_analysis(questions, per_attempt))
    if not detail:
        return analysis
    article = _article_of(assignment.quiz.article_version)
    analysis.annotations_known = article is not None
    for position, question in enumerate(questions):
        given = [attempt[position].answer for attempt in per_attempt if position in attempt]
        if question.type == CHOICE:
            counted = stats.choice_confusions(question, given)
            analysis.confusions[position] = sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))
        elif question.type == SELECT:
            analysis.extra_groups[position] = stats.extra_word_groups(
                question, given, _regions(question, article)
            )
            analysis.heatmaps[position] = stats.heatmap(question, given)
    return analysis


def kept_attempts(attempts: list[Attempt]) -> list[Attempt]:
    """The kept attempt of each student among ``attempts`` (one assignment's)."""
    by_student: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_student.setdefault(attempt.student_id, []).append(attempt)
    kept = [best_attempt(own) for own in by_student.values()]
    return [attempt for attempt in kept if attempt is not None]


def assignment_analysis(assignment: Assignment) -> AssignmentAnalysis:
    """Everything the statistics page of one assignment shows, in two queries beyond the assignment."""
    submit_overdue_attempts(assignment_id=assignment.id)
    attempts = list(
        db.session.scalars(
            select(Attempt).where(Attempt.assignment_id == assignment.id).order_by(Attempt.number)
        )
    )
    answers = _submitted_answers(Attempt.assignment_id == assignment.id)
    return analyse(assignment, kept_attempts(attempts), answers, detail=True)


# --- The class dashboard ---------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    assignment: Assignment
    state: str
    kept: Attempt | None
    attempts: int
    due: datetime | None = None  # the student's own due date (an extension, or the class's)
    latest: Attempt | None = None  # the last attempt started, handed in or not

    @property
    def extended(self) -> bool:
        return self.due != self.assignment.due_at

    @property
    def percent(self) -> float | None:
        return self.kept.percent if self.kept is not None else None


@dataclass(frozen=True)
class GradebookRow:
    student: Student
    cells: list[Cell]
    average: float | None  # over the assignments this student submitted (and missed, if counted as 0)
    skills: dict[str, float | None]
    calibration: stats.Calibration = field(default_factory=lambda: stats.calibration(()))

    def percent_for(self, assignment_id: int) -> float | None:
        for cell in self.cells:
            if cell.assignment.id == assignment_id:
                return cell.percent
        return None


@dataclass(frozen=True)
class Column:
    assignment: Assignment
    key: str  # the sort key in the query string
    average: float | None  # over the students who submitted (and missed it, if counted as 0)
    submitted: int
    analysis: AssignmentAnalysis
    states: Counter[str] = field(default_factory=Counter)  # how many students are in each state


@dataclass
class ClassDashboard:
    school_class: SchoolClass
    now: datetime
    columns: list[Column]
    rows: list[GradebookRow]
    sort: str
    descending: bool
    class_average: float | None
    class_skills: dict[str, float | None]
    # Choice confusions by question kind title, the most frequent first; select-words confusions.
    choice_confusions: list[tuple[str, list[tuple[stats.ChoiceConfusion, int]], int]]
    select_confusions: list[tuple[stats.SelectConfusion, int]]
    missing_as_zero: bool = False  # averages count missing work as 0%
    # How often answers at each confidence level were right, over the kept attempts.
    calibration: stats.Calibration = field(default_factory=lambda: stats.calibration(()))
    asks_confidence: bool = False  # some assignment asks "How sure are you?"

    @property
    def has_scores(self) -> bool:
        return any(row.average is not None for row in self.rows)


def column_key(assignment: Assignment) -> str:
    return f"a{assignment.id}"


def _sorted_rows(
    rows: list[GradebookRow], columns: list[Column], sort: str, descending: bool
) -> list[GradebookRow]:
    by_name = sorted(rows, key=lambda row: (row.student.display_name.casefold(), row.student.id))
    if sort == SORT_NAME:
        return list(reversed(by_name)) if descending else by_name
    if sort == SORT_AVERAGE:
        return stats.sort_blanks_last(by_name, lambda row: row.average, descending)
    column = next((column for column in columns if column.key == sort), None)
    if column is None:
        return by_name
    assignment_id = column.assignment.id
    return stats.sort_blanks_last(by_name, lambda row: row.percent_for(assignment_id), descending)


def valid_sort(sort: str | None, column_keys: list[str]) -> str:
    """The sort asked for if the page has it, else by name."""
    if sort in (SORT_NAME, SORT_AVERAGE) or sort in column_keys:
        return str(sort)
    return SORT_NAME


def class_dashboard(
    school_class: SchoolClass,
    now: datetime,
    sort: str | None = None,
    descending: bool = False,
    missing_as_zero: bool = False,
) -> ClassDashboard:
    """Gradebook, skills, item analysis summaries and confusions of a class, in five queries.

    States use each student's own due date (an extension, or the class's).  With
    ``missing_as_zero`` the averages count missing work (due date passed, nothing handed
    in) as 0%; otherwise they count handed-in work only.
    """
    records = load_class(school_class)
    rows: list[GradebookRow] = []
    kept_by_assignment: dict[int, list[Attempt]] = {a.id: [] for a in records.assignments}
    for student in records.students:
        cells = []
        own_kept: list[Attempt] = []
        for assignment in records.assignments:
            attempts = records.attempts.get((student.id, assignment.id), [])
            kept = best_attempt(attempts)
            due = records.due_for(student.id, assignment)
            state = stats.assignment_state(due, kept.submitted_at if kept else None, bool(attempts), now)
            latest = attempts[-1] if attempts else None
            cells.append(Cell(assignment, state, kept, len(attempts), due, latest))
            if kept is not None:
                own_kept.append(kept)
                kept_by_assignment[assignment.id].append(kept)
        if student.removed and not any(cell.attempts for cell in cells):
            continue  # removed with nothing to show
        average = stats.gradebook_average(((cell.percent, cell.state) for cell in cells), missing_as_zero)
        own_answers = [answer for kept in own_kept for answer in records.answers.get(kept.id, {}).values()]
        rows.append(
            GradebookRow(student, cells, average, skills_of(own_kept), stats.calibration(own_answers))
        )

    columns = []
    choice_counts: dict[str, Counter[stats.ChoiceConfusion]] = {}
    select_counts: Counter[stats.SelectConfusion] = Counter()
    for index, assignment in enumerate(records.assignments):
        kept_attempts = kept_by_assignment[assignment.id]
        cells = [row.cells[index] for row in rows]
        analysis = analyse(assignment, kept_attempts, records.answers, detail=True)
        for position, pairs in analysis.confusions.items():
            kind = analysis.questions[position].kind
            if kind in stats.CONFUSION_KINDS:
                choice_counts.setdefault(kind, Counter()).update(dict(pairs))
        for position, groups in analysis.extra_groups.items():
            select_counts.update(stats.select_confusions(analysis.questions[position], groups))
        columns.append(
            Column(
                assignment,
                column_key(assignment),
                stats.gradebook_average(((cell.percent, cell.state) for cell in cells), missing_as_zero),
                len(kept_attempts),
                analysis,
                Counter(cell.state for cell in cells),
            )
        )

    sort_key = valid_sort(sort, [column.key for column in columns])
    all_kept = [attempt for kept in kept_by_assignment.values() for attempt in kept]
    choice_confusions = []
    for kind, title in stats.CONFUSION_KINDS.items():
        counted = choice_counts.get(kind)
        if counted:
            ranked = sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))
            choice_confusions.append((title, ranked[:TOP_CONFUSIONS], len(ranked)))
    return ClassDashboard(
        school_class=school_class,
        now=now,
        columns=columns,
        rows=_sorted_rows(rows, columns, sort_key, descending),
        sort=sort_key,
        descending=descending,
        class_average=stats.mean(row.average for row in rows if row.average is not None),
        class_skills=skills_of(all_kept),
        choice_confusions=choice_confusions,
        select_confusions=sorted(select_counts.items(), key=lambda pair: (-pair[1], pair[0])),
        missing_as_zero=missing_as_zero,
        calibration=stats.calibration(
            answer for attempt in all_kept for answer in records.answers.get(attempt.id, {}).values()
        ),
        asks_confidence=any(assignment.ask_confidence for assignment in records.assignments),
    )


# --- One student's progress ------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressRow:
    assignment: Assignment
    state: str
    kept: Attempt | None
    attempts: int

    @property
    def percent(self) -> float | None:
        return self.kept.percent if self.kept is not None else None

    @property
    def skills(self) -> dict[str, float | None]:
        return skills_of([self.kept]) if self.kept is not None else dict.fromkeys(SKILLS)


@dataclass(frozen=True)
class Progress:
    student: Student
    rows: list[ProgressRow]
    average: float | None
    skills: dict[str, float | None]

    @property
    def submitted(self) -> list[ProgressRow]:
        return [row for row in self.rows if row.kept is not None]


def student_progress(student: Student, now: datetime) -> Progress:
    """One student's assignments, kept scores and skills across quizzes: their own data only."""
    rows = []
    own_due = extension_dues(Extension.student_id == student.id)
    for item in student_assignments(student):
        kept = item.kept
        due = deadlines.effective_due(item.assignment.due_at, own_due.get((student.id, item.assignment.id)))
        state = stats.assignment_state(due, kept.submitted_at if kept else None, item.attempts_used > 0, now)
        rows.append(ProgressRow(item.assignment, state, kept, item.attempts_used))
    kept_attempts_ = [row.kept for row in rows if row.kept is not None]
    return Progress(
        student,
        rows,
        stats.mean(attempt.percent for attempt in kept_attempts_),
        skills_of(kept_attempts_),
    )


def own_progress(student_id: int, now: datetime) -> Progress:
    """``student_progress`` of the signed-in student (whose session is not an ORM row)."""
    return student_progress(db.session.get_one(Student, student_id), now)


def student_of_class(school_class: SchoolClass, student_id: int) -> Student:
    """A student of this class, removed ones included (their scores stay); 404 otherwise."""
    if not 0 < student_id <= MAX_ROW_ID:
        raise NotFound
    student = db.session.get(Student, student_id)
    if student is None or student.class_id != school_class.id:
        raise NotFound
    return student


def question_at(analysis: AssignmentAnalysis, number: int) -> stats.ItemStatistics:
    """The item statistics of question ``number`` (1-based), or 404."""
    if not 1 <= number <= len(analysis.items):
        raise NotFound
    return analysis.items[number - 1]


# --- The class's quiz, one attempt's answers, the printable quiz -----------------------------

# The largest id a database row can have: bigger ids in a URL are simply not found.
MAX_ROW_ID = 2**63 - 1


def attempt_for_teacher(teacher: Teacher, attempt_id: int) -> Attempt:
    """An attempt at one of the teacher's own assignments, with its student; 404 otherwise."""
    if not 0 < attempt_id <= MAX_ROW_ID:
        raise NotFound
    attempt = db.session.get(
        Attempt,
        attempt_id,
        options=[
            joinedload(Attempt.student),
            joinedload(Attempt.assignment).joinedload(Assignment.school_class),
        ],
    )
    if attempt is None or attempt.assignment.school_class.teacher_id != teacher.id:
        raise NotFound
    return attempt


def attempts_at(assignment: Assignment, student_id: int | None = None) -> list[Attempt]:
    """The attempts at an assignment (one student's, or everybody's), by student name and number."""
    statement = (
        select(Attempt)
        .options(joinedload(Attempt.student))
        .join(Student, Student.id == Attempt.student_id)
        .where(Attempt.assignment_id == assignment.id)
        .order_by(func.lower(Student.display_name), Student.id, Attempt.number)
    )
    if student_id is not None:
        statement = statement.where(Attempt.student_id == student_id)
    return list(db.session.scalars(statement))


@dataclass(frozen=True)
class ClassQuiz:
    """The quiz a class gets, in the order the class's quiz has it or one attempt showed it."""

    assignment: Assignment
    questions: list[Question]  # in the order shown
    stored_positions: list[int]  # per shown question: its number in the class's quiz (0-based)
    blocks: tuple[Block, ...]
    attempts: list[Attempt]  # every attempt so far
    attempt: Attempt | None  # the attempt whose order is shown, or None for the class's order

    @property
    def started(self) -> bool:
        """Whether any student has started: then the quiz can no longer be drawn again."""
        return bool(self.attempts)

    @property
    def reordered(self) -> bool:
        return self.stored_positions != list(range(len(self.stored_positions)))


def class_quiz(assignment: Assignment, attempt_id: int | None = None) -> ClassQuiz:
    """The assignment's own frozen quiz with the article; with ``attempt_id``, in that attempt's order.

    An attempt of another assignment is not found (404).
    """
    stored = questions_of(assignment.quiz)
    attempts = attempts_at(assignment)
    attempt = None
    arrangement = Arrangement.identity(stored)
    if attempt_id is not None:
        attempt = next((a for a in attempts if a.id == attempt_id), None)
        if attempt is None:
            raise NotFound
        arrangement = arrangement_of(attempt, stored)
    return ClassQuiz(
        assignment=assignment,
        questions=arrangement.questions(stored),
        stored_positions=[arrangement.stored_position(shown) for shown in range(len(stored))],
        blocks=article_blocks(assignment.quiz.article_version),
        attempts=attempts,
        attempt=attempt,
    )


@dataclass(frozen=True)
class AnswerReview:
    """One question of an attempt as the teacher reviews it."""

    number: int  # 1-based, as the attempt showed it
    stored_number: int  # 1-based, in the class's quiz
    question: Question  # with its choices in the order the attempt showed them
    answer: list[int]  # the student's answer (shown choice indexes, or word indexes); empty if none
    result: Result | None  # None when not answered


@dataclass(frozen=True)
class AttemptReview:
    attempt: Attempt
    items: list[AnswerReview]
    blocks: tuple[Block, ...]
    others: list[Attempt]  # all this student's attempts at the assignment, this one included
    kept: Attempt | None
    state: str

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.result is not None)


def attempt_review(attempt: Attempt, now: datetime) -> AttemptReview:
    """Every question of one attempt with the student's answer, the key and the score."""
    view = attempt_view(attempt)
    items = [
        AnswerReview(
            number=position + 1,
            stored_number=view.arrangement.stored_position(position) + 1,
            question=question,
            answer=view.answer_of(position),
            result=view.result(position),
        )
        for position, question in enumerate(view.questions)
    ]
    others = attempts_at(attempt.assignment, attempt.student_id)
    kept = best_attempt(others)
    own_due = extension_dues(
        Extension.student_id == attempt.student_id, Extension.assignment_id == attempt.assignment_id
    )
    due = deadlines.effective_due(
        attempt.assignment.due_at, own_due.get((attempt.student_id, attempt.assignment_id))
    )
    state = stats.assignment_state(due, kept.submitted_at if kept else None, bool(others), now)
    return AttemptReview(attempt, items, view.blocks, others, kept, state)
