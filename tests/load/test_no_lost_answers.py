"""No lost answers: 200 students from 5 classes take a quiz at once, against gunicorn with 4 workers.

Each simulated student is a thread with its own keep-alive connection and cookie
jar that does what a browser does: join with the class code, start the quiz,
read each question page, post an answer (with the page's CSRF token), follow
the redirect, and submit at the end.  Some of them double-click (the same form
posted twice at the same instant), resend a form, reload mid-quiz, change an
answer before submitting (test mode) or submit twice.  Every answer sent is
recorded; afterwards the database must hold each exactly once, with scores that
match a recomputation, and the server must never have answered with a 5xx.
"""

from __future__ import annotations

import http.client
import itertools
import random
import re
import threading
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import func, select

from app import create_app
from app.domain.question import CHOICE, MULTIPLE, Question
from app.domain.scoring import score_answer
from app.extensions import db
from app.models import FEEDBACK_PRACTICE, FEEDBACK_TEST, Assignment, Attempt, Response, Student
from tests.conftest import make_config
from tests.factories import import_sample, make_assignment, make_class, make_teacher

if TYPE_CHECKING:
    from tests.load.conftest import GunicornServer

pytestmark = pytest.mark.load

CLASSES = 5
STUDENTS_PER_CLASS = 40
TEST_MODE_CLASSES = frozenset({3, 4})  # feedback after submitting: answers can change until then
SEED = 2015
# Bounds: the whole run must end well inside the CI's patience, on 2 shared cores.
DEADLINE_SECONDS = 150
REQUEST_TIMEOUT_SECONDS = 30
MAX_PAGES_PER_STUDENT = 120
EXPECTED_STATUSES = {200, 302}

QUESTION_PATH = re.compile(r"/attempts/(\d+)/questions/(\d+)")
FEEDBACK_PATH = re.compile(r"/attempts/(\d+)/questions/(\d+)/feedback")
REVIEW_PATH = re.compile(r"/attempts/(\d+)/review")
RESULTS_PATH = re.compile(r"/attempts/(\d+)/results")


# --- A browser, as far as these pages need one ---------------------------------------------


@dataclass(frozen=True)
class Exchange:
    student: str
    method: str
    path: str
    status: int


@dataclass(frozen=True)
class Page:
    path: str
    status: int
    location: str | None
    body: str


class Browser:
    """One keep-alive connection and a cookie jar (shared with its twin, like two tabs)."""

    def __init__(self, server: GunicornServer, name: str, log: list[Exchange], cookies: dict[str, str]):
        self.server = server
        self.name = name
        self.log = log
        self.cookies = cookies
        self.retries = 0
        self._connection: http.client.HTTPConnection | None = None

    def twin(self) -> Browser:
        """A second connection with the same cookies: a double click or a second tab."""
        return Browser(self.server, self.name, self.log, self.cookies)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(self, method: str, path: str, fields: list[tuple[str, str]] | None = None) -> Page:
        body = urlencode(fields).encode() if fields is not None else None
        headers = {"User-Agent": "sourcewise-load-test", "Accept": "text/html"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in list(self.cookies.items()))
        for attempt in (1, 2):
            reused = self._connection is not None
            if self._connection is None:
                self._connection = http.client.HTTPConnection(
                    self.server.host, self.server.port, timeout=REQUEST_TIMEOUT_SECONDS
                )
            try:
                self._connection.request(method, path, body=body, headers=headers)
                response = self._connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                # gunicorn closed an idle keep-alive connection (a worker restarting after
                # max_requests) before reading the request: browsers resend it on a new one.
                if reused and attempt == 1:
                    self.retries += 1
                    continue
                raise
        if response.will_close:
            self.close()
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        self.log.append(Exchange(self.name, method, path, response.status))
        location = response.getheader("Location")
        if location is not None:
            parts = urlsplit(location)
            location = parts.path + (f"?{parts.query}" if parts.query else "")
        return Page(path, response.status, location, data.decode("utf-8"))

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value

    def get(self, path: str) -> Page:
        return self.follow(self.request("GET", path))

    def follow(self, page: Page) -> Page:
        """Follow redirects with GET, as a browser does after a POST (Post/Redirect/Get)."""
        for _ in range(5):
            if page.status not in (301, 302, 303) or page.location is None:
                return page
            page = self.request("GET", page.location)
        raise AssertionError(f"{self.name}: too many redirects at {page.path}")


def form_fields(html: str, action: str) -> list[tuple[str, str]]:
    """The hidden fields (the CSRF token) of the form that posts to ``action``."""
    match = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S)
    assert match, f"no form posting to {action}"
    fields = []
    for tag in re.findall(r"<input[^>]*>", match.group(1)):
        if 'type="hidden"' in tag:
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            assert name and value, tag
            fields.append((name.group(1), value.group(1)))
    assert any(name == "csrf_token" for name, _ in fields), f"no CSRF token in the form for {action}"
    return fields


def offered_answers(html: str) -> set[int]:
    return {int(value) for value in re.findall(r'name="answer" value="(\d+)"', html)}


def submit_action(html: str) -> str | None:
    match = re.search(r'action="(/attempts/\d+/submit)"', html)
    return match.group(1) if match else None


# --- What each student does ----------------------------------------------------------------

_order = itertools.count()  # global order of answers sent (next() is atomic under the GIL)


@dataclass(frozen=True)
class SentAnswer:
    attempt_id: int
    position: int
    answer: tuple[int, ...]
    order: int


@dataclass
class Plan:
    """A student's habits, drawn from a seeded generator so a failure can be replayed."""

    answers: list[tuple[int, ...]]
    resend: dict[int, str]  # position -> "double-click" (concurrent) or "resend" (after the first)
    double_start: bool
    reload_after: int | None  # reload the attempt page after this many answers
    refresh_question: int | None  # reload this question's page before answering it
    changes: dict[int, tuple[int, ...]]  # test mode: positions answered again before submitting
    submit: str  # "once", "twice" (one after the other) or "double-click"


@dataclass
class StudentRun:
    name: str
    class_index: int
    assignment_id: int
    questions: list[Question]
    feedback_mode: str
    plan: Plan
    attempt_id: int | None = None
    sent: list[SentAnswer] = field(default_factory=list)
    first_submit_answered_at: datetime | None = None
    submit_posts: int = 0
    pages: int = 0
    retries: int = 0
    error: str | None = None


def choose_answer(question: Question, rng: random.Random) -> tuple[int, ...]:
    """A right, partly right or wrong answer, worked out from the quiz's own JSON."""
    kind = rng.choice(["right", "right", "partial", "wrong"])
    if question.type == CHOICE:
        right = question.answer[0]
        if kind == "right":
            return (right,)
        return (rng.choice([i for i in range(len(question.choices)) if i != right]),)
    if question.type == MULTIPLE:
        right = sorted(question.answer)
        wrong = [i for i in range(len(question.choices)) if i not in right]
        if kind == "partial" and len(right) > 1:
            return tuple(right[:-1])
        if kind == "wrong" and wrong:
            return tuple(sorted({right[0], rng.choice(wrong)})) if right else (rng.choice(wrong),)
        return tuple(right) or (wrong[0],)
    gold = sorted({i for start, end in question.gold for i in range(start, end)})
    outside = [i for i in range(len(question.words)) if i not in gold]
    if kind == "right" or not outside:
        return tuple(gold)
    if kind == "partial":
        start, end = question.gold[0]
        return tuple(sorted({*range(start, end), rng.choice(outside)}))
    return tuple(sorted(rng.sample(outside, min(2, len(outside)))))


def make_plan(questions: list[Question], test_mode: bool, rng: random.Random) -> Plan:
    answers = [choose_answer(q, rng) for q in questions]
    resend = {p: rng.choice(["double-click", "resend"]) for p in range(len(questions)) if rng.random() < 0.12}
    changes: dict[int, tuple[int, ...]] = {}
    if test_mode and rng.random() < 0.4:
        for position in rng.sample(range(len(questions)), 2):
            changed = choose_answer(questions[position], rng)
            if changed != answers[position]:
                changes[position] = changed
    return Plan(
        answers=answers,
        resend=resend,
        double_start=rng.random() < 0.15,
        reload_after=rng.randrange(1, len(questions)) if rng.random() < 0.3 else None,
        refresh_question=rng.randrange(len(questions)) if rng.random() < 0.2 else None,
        changes=changes,
        submit=rng.choice(["once", "once", "twice", "double-click"]),
    )


def _at_once(first: Browser, second: Browser, method: str, path: str, fields: list[tuple[str, str]]) -> Page:
    """The same form posted twice at the same instant on two connections (a double click)."""
    barrier = threading.Barrier(2, timeout=REQUEST_TIMEOUT_SECONDS)
    pages: list[Page] = []

    def post_from(browser: Browser) -> None:
        barrier.wait()
        pages.append(browser.request(method, path, fields))

    other = threading.Thread(target=post_from, args=(second,))
    other.start()
    post_from(first)
    other.join(timeout=REQUEST_TIMEOUT_SECONDS * 2)
    assert len(pages) == 2, f"the second of a double click to {path} did not finish"
    locations = {page.location for page in pages}
    assert len(locations) == 1, f"a double click to {path} went two ways: {locations}"
    return pages[0]


class SimulatedStudent:
    def __init__(self, run: StudentRun, browser: Browser, deadline: float) -> None:
        self.run = run
        self.browser = browser
        self.twin = browser.twin()
        self.deadline = deadline

    def expect(self, page: Page, pattern: re.Pattern[str] | str) -> Page:
        assert page.status == 200, f"{self.run.name}: {page.path} answered {page.status}"
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        assert regex.fullmatch(page.path), f"{self.run.name}: expected {regex.pattern}, got {page.path}"
        return page

    def join(self, join_code: str) -> Page:
        page = self.expect(self.browser.get("/join"), "/join")
        fields = form_fields(page.body, "/join")
        fields += [("class_code", join_code), ("display_name", self.run.name)]
        page = self.expect(self.browser.follow(self.browser.request("POST", "/join", fields)), "/welcome")
        assert re.search(r'class="code rejoin-code">[A-Z0-9]{6}<', page.body), "no rejoin code shown"
        return self.expect(self.browser.get("/quizzes"), "/quizzes")

    def start(self, quiz_list: Page) -> Page:
        action = f"/assignments/{self.run.assignment_id}/start"
        fields = form_fields(quiz_list.body, action)
        if self.run.plan.double_start:
            posted = _at_once(self.browser, self.twin, "POST", action, fields)
        else:
            posted = self.browser.request("POST", action, fields)
        assert posted.status == 302 and posted.location, f"start answered {posted.status}"
        match = re.fullmatch(r"/attempts/(\d+)", posted.location)
        assert match, posted.location
        self.run.attempt_id = int(match.group(1))
        return self.expect(self.browser.follow(posted), QUESTION_PATH)

    def answer(self, page: Page, position: int, answer: tuple[int, ...]) -> Page:
        assert set(answer) <= offered_answers(page.body), f"answer {answer} not offered on {page.path}"
        fields = form_fields(page.body, page.path) + [("answer", str(i)) for i in answer]
        assert self.run.attempt_id is not None
        habit = self.run.plan.resend.get(position)
        sent = SentAnswer(self.run.attempt_id, position, answer, next(_order))
        self.run.sent.append(sent)
        if habit == "double-click":
            self.run.sent.append(SentAnswer(sent.attempt_id, position, answer, next(_order)))
            posted = _at_once(self.browser, self.twin, "POST", page.path, fields)
        else:
            posted = self.browser.request("POST", page.path, fields)
            if habit == "resend":  # Back, then the same form again
                self.run.sent.append(SentAnswer(sent.attempt_id, position, answer, next(_order)))
                again = self.browser.request("POST", page.path, fields)
                assert again.location == posted.location, (posted.location, again.location)
        assert posted.status == 302, f"{self.run.name}: answer to {page.path} answered {posted.status}"
        return self.browser.follow(posted)

    def submit(self, page: Page) -> Page:
        action = submit_action(page.body)
        assert action == f"/attempts/{self.run.attempt_id}/submit", f"no submit form on {page.path}"
        fields = form_fields(page.body, action)
        how = self.run.plan.submit
        if how == "double-click":
            posted = _at_once(self.browser, self.twin, "POST", action, fields)
            self.run.submit_posts += 2
        else:
            posted = self.browser.request("POST", action, fields)
            self.run.first_submit_answered_at = datetime.now(UTC)
            self.run.submit_posts += 1
            if how == "twice":
                again = self.browser.request("POST", action, fields)
                self.run.submit_posts += 1
                assert again.status == 302 and again.location == posted.location
        assert posted.status == 302, f"submit answered {posted.status}"
        return self.expect(self.browser.follow(posted), RESULTS_PATH)

    def take_quiz(self, join_code: str) -> None:
        plan = self.run.plan
        page = self.start(self.join(join_code))
        answered = 0
        refreshed = reloaded = False
        changes = dict(plan.changes)
        while True:
            self.run.pages += 1
            assert self.run.pages <= MAX_PAGES_PER_STUDENT, f"{self.run.name} is going round in circles"
            assert time.monotonic() < self.deadline, f"{self.run.name} ran out of time at {page.path}"
            assert page.status == 200, f"{self.run.name}: {page.path} answered {page.status}"
            if not reloaded and plan.reload_after is not None and answered >= plan.reload_after:
                # Reload mid-quiz: the attempt's own address sends the student where they were.
                reloaded = True
                page = self.browser.get(f"/attempts/{self.run.attempt_id}")
                continue
            if question := QUESTION_PATH.fullmatch(page.path):
                position = int(question.group(2)) - 1
                if not refreshed and plan.refresh_question == position:
                    refreshed = True
                    page = self.expect(self.browser.get(page.path), page.path)
                if (
                    position in changes
                    and self.run.feedback_mode == FEEDBACK_TEST
                    and answered >= len(plan.answers)
                ):
                    page = self.answer(page, position, changes.pop(position))
                else:
                    page = self.answer(page, position, plan.answers[position])
                    answered += 1
            elif FEEDBACK_PATH.fullmatch(page.path):
                following = re.search(r'href="(/attempts/\d+/questions/\d+)">Next question<', page.body)
                if following:
                    page = self.browser.get(following.group(1))
                else:
                    break
            elif REVIEW_PATH.fullmatch(page.path):
                if changes:  # the review page links every question: change one answer
                    link = f"/attempts/{self.run.attempt_id}/questions/{next(iter(changes)) + 1}"
                    assert f'href="{link}"' in page.body, f"no link to {link} on the review page"
                    page = self.browser.get(link)
                else:
                    break
            else:
                raise AssertionError(f"{self.run.name}: unexpected page {page.path}")
        assert answered == len(plan.answers), f"{self.run.name} answered {answered} of {len(plan.answers)}"
        results = self.submit(page)
        assert "Question" in results.body

    def close(self) -> None:
        self.run.retries = self.browser.retries + self.twin.retries
        self.browser.close()
        self.twin.close()


# --- The test -------------------------------------------------------------------------------


def _set_up_classes(database_url: str, tmp_path: Path) -> list[tuple[str, int, list[Question], str]]:
    """Five classes of one teacher, each with the sample article's quiz assigned (seeds differ)."""
    app = create_app(make_config(database_url, tmp_path / "setup"))
    classes = []
    with app.app_context():
        teacher = make_teacher()
        version = import_sample()
        for index in range(CLASSES):
            mode = FEEDBACK_TEST if index in TEST_MODE_CLASSES else FEEDBACK_PRACTICE
            school_class = make_class(teacher, f"Load class {index + 1}")
            assignment = make_assignment(school_class, version, feedback_mode=mode, seed=SEED + index)
            questions = [Question.from_dict(data) for data in assignment.quiz.questions]
            classes.append((school_class.join_code, assignment.id, questions, mode))
        db.session.remove()
        db.engine.dispose()
    return classes


def _expected_answers(runs: list[StudentRun]) -> dict[tuple[int, int], tuple[int, ...]]:
    """Per (attempt, position): the first answer sent in practice, the last one in a test."""
    expected: dict[tuple[int, int], tuple[int, ...]] = {}
    for run in runs:
        for sent in sorted(run.sent, key=lambda s: s.order):
            key = (sent.attempt_id, sent.position)
            if run.feedback_mode == FEEDBACK_TEST or key not in expected:
                expected[key] = sent.answer
    return expected


def test_no_answer_is_lost_or_counted_twice(
    gunicorn_server: GunicornServer, load_database_url: str, tmp_path: Path
) -> None:
    classes = _set_up_classes(load_database_url, tmp_path)
    rng = random.Random(SEED)
    log: list[Exchange] = []
    runs = []
    for class_index, (_code, assignment_id, questions, mode) in enumerate(classes):
        for number in range(STUDENTS_PER_CLASS):
            plan = make_plan(questions, mode == FEEDBACK_TEST, random.Random(rng.random()))
            name = f"Student {class_index + 1}-{number + 1:02d}"
            runs.append(StudentRun(name, class_index, assignment_id, questions, mode, plan))

    started = time.monotonic()
    deadline = started + DEADLINE_SECONDS

    def take_part(run: StudentRun) -> None:
        student = SimulatedStudent(run, Browser(gunicorn_server, run.name, log, {}), deadline)
        try:
            student.take_quiz(classes[run.class_index][0])
        except Exception:  # noqa: BLE001 - reported for every student below, with its traceback
            run.error = traceback.format_exc(limit=4)
        finally:
            student.close()

    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        for _ in pool.map(take_part, runs, timeout=DEADLINE_SECONDS + REQUEST_TIMEOUT_SECONDS):
            pass
    elapsed = time.monotonic() - started
    gunicorn_server.stop()  # flushes the logs, and nothing can change the database any more

    # The server: no 5xx (no unexpected status at all), nothing alarming in its log.
    statuses = Counter(exchange.status for exchange in log)
    server_errors = [e for e in log if e.status >= 500]
    assert not server_errors, f"{len(server_errors)} requests answered with 5xx: {server_errors[:10]}"
    unexpected = [e for e in log if e.status not in EXPECTED_STATUSES]
    assert not unexpected, f"unexpected statuses: {unexpected[:10]}"
    assert not gunicorn_server.log_problems(), "\n".join(gunicorn_server.log_problems()[:40])
    failures = [f"{run.name}:\n{run.error}" for run in runs if run.error]
    assert not failures, f"{len(failures)} of {len(runs)} students failed:\n" + "\n".join(failures[:5])
    print(
        f"\n{len(runs)} students, {len(log)} requests in {elapsed:.1f} s "
        f"({len(log) / elapsed:.0f}/s); statuses {dict(statuses)}; "
        f"keep-alive resends after a worker restart: {sum(run.retries for run in runs)}"
    )

    expected = _expected_answers(runs)
    assert len(expected) == sum(len(run.questions) for run in runs)  # every question was answered
    app = create_app(make_config(load_database_url, tmp_path / "check"))
    with app.app_context():
        students = {s.id: s.display_name for s in db.session.scalars(select(Student))}
        assert sorted(students.values()) == sorted(run.name for run in runs)

        attempts = {a.id: a for a in db.session.scalars(select(Attempt))}
        by_run = {run.name: run for run in runs}
        # One attempt per student, even after a double click on Start, and it is the one they used.
        assert len(attempts) == len(runs)
        for attempt in attempts.values():
            run = by_run[students[attempt.student_id]]
            assert attempt.id == run.attempt_id and attempt.number == 1
            assert attempt.assignment_id == run.assignment_id

        # Every answer sent is stored exactly once: one row per (attempt, question) answered.
        responses = db.session.scalars(select(Response)).all()
        pairs = select(Response.attempt_id, Response.position).distinct().subquery()
        distinct_pairs = db.session.execute(select(func.count()).select_from(pairs)).scalar_one()
        assert len(responses) == distinct_pairs == len(expected)
        stored = {(r.attempt_id, r.position): r for r in responses}
        assert set(stored) == set(expected)
        wrong_answers = [
            (key, tuple(stored[key].answer), answer)
            for key, answer in expected.items()
            if tuple(stored[key].answer) != answer
        ]
        assert not wrong_answers, f"stored answers differ from the ones sent: {wrong_answers[:10]}"

        # Every score equals the one recomputed from the stored responses with app.domain.scoring.
        quizzes = {
            a.id: [Question.from_dict(q) for q in a.quiz.questions]
            for a in db.session.scalars(select(Assignment))
        }
        per_attempt: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for response in responses:
            question = quizzes[attempts[response.attempt_id].assignment_id][response.position]
            score = score_answer(question, tuple(response.answer)).score
            assert response.score == pytest.approx(score, abs=1e-9)
            assert response.skill == question.skill
            per_attempt[response.attempt_id][question.skill] += score
        for attempt in attempts.values():
            sums = per_attempt[attempt.id]
            assert attempt.score == pytest.approx(sum(sums.values()), abs=1e-9), attempt.id
            assert attempt.sources_score == pytest.approx(sums["sources"], abs=1e-9)
            assert attempt.claims_score == pytest.approx(sums["claims"], abs=1e-9)
            assert attempt.framing_score == pytest.approx(sums["framing"], abs=1e-9)
            assert attempt.max_score == len(quizzes[attempt.assignment_id])

        # Every attempt is submitted, once: a second submit did not move the time it was handed in.
        for attempt in attempts.values():
            run = by_run[students[attempt.student_id]]
            assert attempt.submitted_at is not None, run.name
            assert run.submit_posts >= 1
            if run.first_submit_answered_at is not None:
                assert attempt.submitted_at <= run.first_submit_answered_at, run.name
        db.session.remove()
        db.engine.dispose()

    # The habits the test is about really happened.
    plans = [run.plan for run in runs]
    assert sum(p.double_start for p in plans) > 10
    assert sum(p.reload_after is not None for p in plans) > 30
    assert sum(run.submit_posts > 1 for run in runs) > 50
    assert sum(len(run.sent) > len(run.questions) for run in runs) > 50
    assert sum(bool(run.plan.changes) for run in runs if run.feedback_mode == FEEDBACK_TEST) > 10
