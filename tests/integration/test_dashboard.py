"""The teacher's dashboard, item analysis and heatmap pages, and a student's own progress page."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import timedelta
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import insert

from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.extensions import db
from app.models import Assignment, Attempt, Response, SchoolClass, Student, utcnow
from app.services import quizzes
from tests.factories import (
    count_queries,
    import_sample,
    login_student,
    login_teacher,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
    right_answer,
)

# --- Answering through the real services ------------------------------------------------------


def wrong_answer(question: Question) -> list[str]:
    if question.type == SELECT:
        gold = {i for start, end in question.gold for i in range(start, end)}
        return [str(next(i for i in range(len(question.words)) if i not in gold))]
    if question.type == MULTIPLE:
        wrong = [str(i) for i in range(len(question.choices)) if i not in question.answer]
        return wrong or ["0"]
    return [str((question.answer[0] + 1) % len(question.choices))]


def take(
    student: Student,
    assignment: Assignment,
    answer: Callable[[Question], list[str]],
    submit: bool = True,
    count: int | None = None,
) -> Attempt:
    """Answer ``count`` questions (all by default) with ``answer`` and hand in the attempt."""
    attempt = quizzes.start_attempt(student, assignment)
    for position, question in enumerate(quizzes.attempt_view(attempt).questions[:count]):
        quizzes.record_answer(attempt, position, answer(question))
    if submit:
        attempt = quizzes.submit_attempt(attempt)
    return attempt


class World:
    """A class of four students and one assignment of the sample article.

    Ann answers everything right, Bob everything wrong, Cat has started without
    submitting, Dan has not started.  Another teacher has a class of their own.
    """

    def __init__(self, app: Flask, due_in: timedelta | None = None) -> None:
        with app.app_context():
            self.teacher = make_teacher("owner@school.example")
            self.other_teacher = make_teacher("other@school.example")
            self.school_class = make_class(self.teacher, "Year 9 English")
            self.other_class = make_class(self.other_teacher, "Other class")
            ann, bob, cat, dan = (make_student(self.school_class, n) for n in ("Ann", "Bob", "Cat", "Dan"))
            self.stranger = make_student(self.other_class, "Stranger")
            version = import_sample()
            due = utcnow() + due_in if due_in is not None else None
            self.assignment = make_assignment(self.school_class, version, title="Raqqa quiz", due_at=due)
            self.other_assignment = make_assignment(self.other_class, version, title="Their quiz")
            take(ann, self.assignment, right_answer)
            take(bob, self.assignment, wrong_answer)
            take(cat, self.assignment, right_answer, submit=False, count=2)
            take(self.stranger, self.other_assignment, right_answer)
            self.questions = quizzes.questions_of(self.assignment.quiz)
            self.class_id = self.school_class.id
            self.other_class_id = self.other_class.id
            self.assignment_id = self.assignment.id
            self.other_assignment_id = self.other_assignment.id
            self.ann, self.bob, self.cat, self.dan = ann, bob, cat, dan
            self.ids = {s.display_name: s.id for s in (ann, bob, cat, dan)}
            self.stranger_id = self.stranger.id
            db.session.expunge_all()

    def login_student(self, client: FlaskClient, student: Student, app: Flask) -> None:
        with app.app_context():
            login_student(client, db.session.merge(student))


@pytest.fixture
def world(app: Flask) -> World:
    return World(app)


@pytest.fixture
def teacher_client(client: FlaskClient, world: World) -> FlaskClient:
    login_teacher(client, "owner@school.example")
    return client


def text_of(html: str) -> str:
    """The page's text with tags removed and white space folded, for reading assertions."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def dashboard_url(class_id: int, **query: str) -> str:
    suffix = "&".join(f"{key}={value}" for key, value in query.items())
    return f"/teacher/classes/{class_id}/dashboard" + (f"?{suffix}" if suffix else "")


def body_rows(html: str) -> list[str]:
    tbody = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [text_of(row) for row in tbody.split("<tr>")[1:]]


def assert_no_inline_code(html: str) -> None:
    # The CSP forbids inline styles and scripts, so the page must not rely on them.
    assert " style=" not in html
    assert "<script>" not in html and " onclick=" not in html


# --- The class dashboard ---------------------------------------------------------------------


def test_gradebook_shows_kept_scores_states_and_averages(teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.get(dashboard_url(world.class_id))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert_no_inline_code(html)
    assert html.count("<h1") == 1
    rows = body_rows(html)
    # Sorted by name by default; every cell has a score and a state in words.
    assert [row.split()[0] for row in rows] == ["Ann", "Bob", "Cat", "Dan"]
    # A kept score links to the student's answers; the state has its word and its own symbol.
    assert "100% : Ann’s answers to Raqqa quiz ✓ submitted" in rows[0]
    assert "0% : Bob’s answers to Raqqa quiz ✓ submitted" in rows[1]
    assert "– … in progress" in rows[2]
    assert "– ○ not started" in rows[3]
    footer = text_of(html.split("<tfoot>", 1)[1].split("</tfoot>", 1)[0])
    # Class average over the students who submitted: (100 + 0) / 2.
    assert "Class average 50% 2 submitted 50%" in footer
    assert 'aria-sort="ascending"' in html


def test_gradebook_sorts_by_assignment_with_blanks_last(teacher_client: FlaskClient, world: World) -> None:
    key = f"a{world.assignment_id}"
    html = teacher_client.get(dashboard_url(world.class_id, sort=key, dir="desc")).get_data(as_text=True)
    assert [row.split()[0] for row in body_rows(html)] == ["Ann", "Bob", "Cat", "Dan"]
    html = teacher_client.get(dashboard_url(world.class_id, sort=key, dir="asc")).get_data(as_text=True)
    # Students without a score stay last in either direction.
    assert [row.split()[0] for row in body_rows(html)] == ["Bob", "Ann", "Cat", "Dan"]
    header = re.search(r'<th scope="col" aria-sort="ascending">\s*<a[^>]*sort=(\w+)&amp;dir=(\w+)', html)
    assert header is not None
    # The sorted column's link sorts the other way next time.
    assert header.groups() == (key, "desc")
    html = teacher_client.get(dashboard_url(world.class_id, sort="name", dir="desc")).get_data(as_text=True)
    assert [row.split()[0] for row in body_rows(html)] == ["Dan", "Cat", "Bob", "Ann"]
    assert 'aria-sort="descending"' in html


def test_an_unknown_sort_falls_back_to_names(teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.get(dashboard_url(world.class_id, sort="a999999", dir="sideways"))
    assert response.status_code == 200
    assert [row.split()[0] for row in body_rows(response.get_data(as_text=True))] == [
        "Ann",
        "Bob",
        "Cat",
        "Dan",
    ]


def test_dashboard_shows_skills_and_confusions(teacher_client: FlaskClient, world: World) -> None:
    html = teacher_client.get(dashboard_url(world.class_id)).get_data(as_text=True)
    page = text_of(html)
    # Ann has every point and Bob none, so each skill the quiz asks about is at 50%.
    asked = {q.skill for q in world.questions}
    class_skills = text_of(html.split('id="class-skills"', 1)[1].split("</table>", 1)[0])
    for skill in asked:
        assert f"{skill.capitalize()} 50%" in class_skills
    assert 'role="img"' in html and '<title id="class-skills-chart-title">' in html
    # Bob's wrong picks of the one-choice questions show up as confusions.
    picked = [
        (q.choices[q.answer[0]], q.choices[(q.answer[0] + 1) % len(q.choices)])
        for q in world.questions
        if q.type == CHOICE and q.kind in ("name_technique", "source_type", "who_said_it", "support")
    ]
    assert picked, "the sample quiz has technique or source questions"
    for right, wrong in picked:
        assert f"{right} {wrong}" in page
    assert "Select-words questions: words marked outside the right answer" in page


def test_removed_students_with_work_stay_in_the_gradebook(
    app: Flask, teacher_client: FlaskClient, world: World
) -> None:
    with app.app_context():
        for name in ("Bob", "Dan"):
            student = db.session.get(Student, world.ids[name])
            student.removed_at = utcnow()
        db.session.commit()
    rows = body_rows(teacher_client.get(dashboard_url(world.class_id)).get_data(as_text=True))
    # Bob's submitted work still counts; Dan had none, so he is gone.
    assert [row.split()[0] for row in rows] == ["Ann", "Bob", "Cat"]
    assert "(removed)" in rows[1]


def test_late_and_missing_work_are_told_apart(app: Flask, client: FlaskClient) -> None:
    world = World(app, due_in=timedelta(seconds=-5))  # due five seconds before anyone answered
    login_teacher(client, "owner@school.example")
    rows = body_rows(client.get(dashboard_url(world.class_id)).get_data(as_text=True))
    # Handed in after the due date: late.  Started but not handed in, or not started: missing.
    assert "100% : Ann’s answers to Raqqa quiz ⏰ late" in rows[0]
    assert "0% : Bob’s answers to Raqqa quiz ⏰ late" in rows[1]
    assert "– ✗ missing" in rows[2] and "– ✗ missing" in rows[3]
    assert all(" on time" not in row for row in rows)


def test_work_before_a_future_due_date_is_not_late(app: Flask, client: FlaskClient) -> None:
    world = World(app, due_in=timedelta(days=2))
    login_teacher(client, "owner@school.example")
    html = client.get(dashboard_url(world.class_id)).get_data(as_text=True)
    assert " late" not in text_of(html.split("<tbody>", 1)[1].split("</tbody>", 1)[0])
    assert "due " in html


def test_empty_class(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher("lonely@school.example")
        class_id = make_class(teacher, "Empty class").id
    login_teacher(client, "lonely@school.example")
    response = client.get(dashboard_url(class_id))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "No students have joined this class yet" in page
    assert "This class has no assignments yet" in page
    assert "<table" not in response.get_data(as_text=True)


def test_class_with_students_but_no_submissions(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher("new@school.example")
        school_class = make_class(teacher, "New class")
        make_student(school_class, "Eve")
        assignment_id = make_assignment(school_class).id
        class_id = school_class.id
    login_teacher(client, "new@school.example")
    html = client.get(dashboard_url(class_id)).get_data(as_text=True)
    assert "– ○ not started" in body_rows(html)[0]
    assert "No confusions to show yet" in text_of(html)
    stats_page = client.get(f"/teacher/assignments/{assignment_id}/statistics")
    assert stats_page.status_code == 200
    assert "Nobody has submitted this assignment yet" in text_of(stats_page.get_data(as_text=True))


def test_names_are_escaped(app: Flask, teacher_client: FlaskClient, world: World) -> None:
    with app.app_context():
        student = db.session.get(Student, world.ids["Ann"])
        student.display_name = '<script>alert("x")</script>'
        db.session.commit()
    html = teacher_client.get(dashboard_url(world.class_id)).get_data(as_text=True)
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


# --- Item analysis, question details and the heatmap -------------------------------------------


def test_item_analysis_page(teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.get(f"/teacher/assignments/{world.assignment_id}/statistics")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert_no_inline_code(html)
    rows = body_rows(html)
    assert len(rows) == len(world.questions)
    # Two kept attempts, Ann all right and Bob all wrong: every question has facility 0.50 and,
    # with the rest of the quiz scoring n-1 for Ann and 0 for Bob, discrimination 1.00.
    for row in rows:
        assert "2 of 2 0.50 1.00" in row
    # Cat's unsubmitted answers are not counted: the facility would not be exactly 0.50.
    assert 'id="facility-chart"' in html and 'id="discrimination-chart"' in html
    assert "0.3 review line" in html and "0.2 review line" in html


def test_question_page_for_a_choice_question(teacher_client: FlaskClient, world: World) -> None:
    number, question = next((i + 1, q) for i, q in enumerate(world.questions) if q.type == CHOICE)
    response = teacher_client.get(f"/teacher/assignments/{world.assignment_id}/statistics/questions/{number}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = text_of(html)
    right = question.choices[question.answer[0]]
    wrong = question.choices[(question.answer[0] + 1) % len(question.choices)]
    assert f"{right} yes 1 of 2" in page
    assert f"{wrong} no 1 of 2" in page
    assert f"Wrong choices picked instead of “{right}” Picked instead Times {wrong} 1" in page
    assert 'id="choices-chart"' in html


def test_question_page_heatmap_for_a_select_question(teacher_client: FlaskClient, world: World) -> None:
    number, question = next((i + 1, q) for i, q in enumerate(world.questions) if q.type == SELECT)
    response = teacher_client.get(f"/teacher/assignments/{world.assignment_id}/statistics/questions/{number}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert_no_inline_code(html)
    heatmap = html.split('<p class="heatmap">', 1)[1].split("</p>", 1)[0]
    # Gold words were selected by Ann only (1 of 2 = 50%, level 5); Bob's one wrong word too.
    first_gold = question.words[question.gold[0][0]]
    assert re.search(
        rf'class="heat-word heat-5" title="{re.escape(first_gold)}: selected by 50% \(1 of 2\)"', heatmap
    )
    assert heatmap.count('class="gold-span"') == len(question.gold)
    assert "visually-hidden" in heatmap
    # The heatmap keeps the passage's own text: every word in order, with its gaps.
    passage = "".join(g + w for g, w in zip(question.gaps, question.words, strict=False)) + question.gaps[-1]
    visible = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", heatmap)
    assert unescape(re.sub(r"<[^>]+>", "", visible)) == passage
    page = text_of(html)
    gold_text = " ".join(question.words[question.gold[0][0] : question.gold[0][1]])
    assert f"{gold_text} 1 of 2 (50%)" in page
    assert "Extra words, by what the article's annotations say they are" in page


def test_question_number_out_of_range_is_404(teacher_client: FlaskClient, world: World) -> None:
    base = f"/teacher/assignments/{world.assignment_id}/statistics/questions"
    assert teacher_client.get(f"{base}/0").status_code == 404
    assert teacher_client.get(f"{base}/{len(world.questions) + 1}").status_code == 404


def test_teacher_sees_one_students_progress(teacher_client: FlaskClient, world: World) -> None:
    response = teacher_client.get(f"/teacher/classes/{world.class_id}/dashboard/students/{world.ids['Ann']}")
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "Progress: Ann" in page
    assert "Raqqa quiz" in page and "submitted 100%" in page


# --- Access ----------------------------------------------------------------------------------


# Placeholders: {c} the class, {ann} Ann's student id, {a} the assignment.
TEACHER_PAGES = [
    "/teacher/classes/{c}/dashboard",
    "/teacher/classes/{c}/dashboard/students/{ann}",
    "/teacher/assignments/{a}/statistics",
    "/teacher/assignments/{a}/statistics/questions/1",
]


def teacher_page(template: str, world: World) -> str:
    return template.format(c=world.class_id, ann=world.ids["Ann"], a=world.assignment_id)


@pytest.mark.parametrize("template", TEACHER_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client: FlaskClient, world: World, template: str) -> None:
    url = teacher_page(template, world)
    response = client.get(url)
    assert response.status_code == 302, url
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("template", TEACHER_PAGES)
def test_another_teachers_pages_do_not_exist(client: FlaskClient, world: World, template: str) -> None:
    login_teacher(client, "other@school.example")
    url = teacher_page(template, world)
    assert client.get(url).status_code == 404, url
    # And their own class's dashboard cannot show a student of this class.
    url = f"/teacher/classes/{world.other_class_id}/dashboard/students/{world.ids['Ann']}"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("template", TEACHER_PAGES)
def test_students_are_refused_teacher_pages(
    app: Flask, client: FlaskClient, world: World, template: str
) -> None:
    world.login_student(client, world.ann, app)
    url = teacher_page(template, world)
    assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("template", TEACHER_PAGES)
def test_dashboard_pages_are_read_only(teacher_client: FlaskClient, world: World, template: str) -> None:
    # No page here changes anything, so none accepts a POST (and none needs a CSRF token).
    url = teacher_page(template, world)
    assert teacher_client.post(url).status_code == 405, url


# --- The student's own progress ----------------------------------------------------------------


def test_student_sees_own_progress_only(app: Flask, client: FlaskClient, world: World) -> None:
    world.login_student(client, world.bob, app)
    response = client.get("/progress")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert_no_inline_code(html)
    page = text_of(html)
    assert "My progress" in page
    assert "Raqqa quiz" in page and "submitted 0%" in page
    # Bob got nothing right; nothing of Ann's or of another class is on the page.
    skills = text_of(html.split('id="skills"', 1)[1].split("</table>", 1)[0])
    assert "0%" in skills and "50%" not in skills and "100%" not in skills
    assert "Ann" not in page and "Their quiz" not in page
    assert 'id="skills-chart"' in html and 'id="history-chart"' in html


def test_student_progress_before_any_submission(app: Flask, client: FlaskClient, world: World) -> None:
    world.login_student(client, world.cat, app)
    page = text_of(client.get("/progress").get_data(as_text=True))
    assert "0 of 1 quizzes submitted" in page
    assert "in progress" in page
    assert "skills appear once a quiz is handed in" in page


def test_progress_is_for_students_only(client: FlaskClient, world: World) -> None:
    response = client.get("/progress")
    assert response.status_code == 302 and "/join" in response.headers["Location"]
    login_teacher(client, "owner@school.example")
    assert client.get("/progress").status_code == 403


# --- Query counts ----------------------------------------------------------------------------


def fill_class(school_class: SchoolClass, students: int, assignments: int) -> tuple[int, int]:
    """A class with every student's submitted attempt on every assignment, inserted in bulk.

    Answers vary with the student and question so every statistic has something to chew on:
    some right, some wrong (a wrong choice, or a word outside gold), some unanswered.
    Returns the class id and one assignment id.
    """
    version = import_sample()
    made = [
        quizzes.assign_quiz(
            school_class, version, title=f"Quiz {n + 1}", seed=n, due_at=utcnow() + timedelta(days=n - 5)
        )
        for n in range(assignments)
    ]
    db.session.add_all(
        Student(
            class_id=school_class.id,
            display_name=f"Student {n:02d}",
            rejoin_code=f"R{n:05d}",
            public_id=secrets.token_hex(6),
        )
        for n in range(students)
    )
    db.session.flush()
    roster = list(db.session.scalars(db.select(Student).where(Student.class_id == school_class.id)))
    now = utcnow()
    attempts = []
    plans = []
    for assignment in made:
        questions = quizzes.questions_of(assignment.quiz)
        for index, student in enumerate(roster):
            attempt = Attempt(
                assignment_id=assignment.id,
                student_id=student.id,
                number=1,
                started_at=now,
                submitted_at=now if index % 7 else None,  # every seventh student still working
                max_score=float(len(questions)),
            )
            attempts.append(attempt)
            plans.append((attempt, questions, index))
    db.session.add_all(attempts)
    db.session.flush()
    rows = []
    for attempt, questions, index in plans:
        total = 0.0
        for position, question in enumerate(questions):
            if (index + position) % 5 == 0:
                continue  # unanswered
            right = (index * 3 + position) % 4 != 0
            answer = [int(v) for v in (right_answer(question) if right else wrong_answer(question))]
            score = 1.0 if right else 0.0
            total += score
            rows.append(
                {
                    "attempt_id": attempt.id,
                    "position": position,
                    "skill": question.skill,
                    "answer": answer,
                    "score": score,
                    "max_score": 1.0,
                    "verdict": "right" if right else "wrong",
                    "answered_at": now,
                }
            )
        attempt.score = total
    db.session.execute(insert(Response), rows)
    db.session.commit()
    return school_class.id, made[0].id


def test_dashboard_queries_do_not_grow_with_the_class(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher("counting@school.example")
        small_class, small_assignment = fill_class(make_class(teacher, "Small"), students=2, assignments=2)
        large_class, large_assignment = fill_class(make_class(teacher, "Large"), students=40, assignments=20)
    login_teacher(client, "counting@school.example")
    # Warm up: first-request work (such as the setup check) is not the page's.
    assert client.get(dashboard_url(small_class)).status_code == 200

    def queries(url: str) -> int:
        with count_queries(app) as statements:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(statements)

    small = queries(dashboard_url(small_class))
    large = queries(dashboard_url(large_class))
    assert small == large
    assert large <= 8  # the user, the class, then four bulk loads

    # The large gradebook really is 40 x 20.
    html = client.get(dashboard_url(large_class)).get_data(as_text=True)
    assert len(body_rows(html)) == 40
    assert html.count('class="score-cell"') == 40 * 20 + 20 + 1

    assert queries(f"/teacher/assignments/{small_assignment}/statistics") == queries(
        f"/teacher/assignments/{large_assignment}/statistics"
    )
    assert queries(f"/teacher/assignments/{small_assignment}/statistics/questions/1") == queries(
        f"/teacher/assignments/{large_assignment}/statistics/questions/1"
    )
