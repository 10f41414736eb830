"""A quiz page and an answer over HTTP, against a bare Flask "hello" served by the same gunicorn.

    python bench/http_bench.py [--database sqlite|postgresql|both] [--duration 10] [--rounds 2]
                               [--warmup 2] [--connections 50] [--processes 2] [--quick]
                               [--postgres-url URL] [--output bench/results-http.json]

One gunicorn (gunicorn.conf.py: gthread workers, 2 threads each; here 2 workers) serves
bench/wsgi_bench.py: Sourcewise, with a bare Flask app at /hello beside it.  A load
generator in separate processes keeps 50 keep-alive connections busy (http.client, one
thread per connection) for a warm-up, then a measured time, on each of these in turn:

- hello:  GET /hello (no database, no session, no template);
- raw:    GET /bench/raw by the same students, a WSGI route of bench/wsgi_bench.py's own beside
          Flask: the session cookie checked, one statement, a fixed 9 KB body (not a target: the
          most a question page on a path beside Flask could reach);
- signed_in: GET /bench/signed-in by signed-in students, a route of bench/wsgi_bench.py's own
          that only checks the student is signed in: what every student page costs before its
          own work (not a target: the ceiling any such page could reach);
- page:   GET /attempts/<id>/questions/1 by signed-in students (the question page: the session
          and student loaded, the attempt and its quiz read, the article and question rendered);
- answer: POST /attempts/<id>/questions/<n> with the page's CSRF token and an answer, each to a
          question not answered yet, so every POST stores a new response and rescores the attempt.

It reports requests per second and p50/p99 latency for each, the ratios page/hello and
answer/hello, and the CPU time per request of gunicorn's processes and of the load generator's
(they share the cores).  Targets: page >= 0.5x hello, answer >= 0.3x hello, p99 < 100 ms.

Students, attempts and their session cookies are made beforehand through the services and the
app's own sign-in (/rejoin) in this process, so only the measured requests reach gunicorn
while the clock runs.  The database is a new SQLite file, or a new schema of the PostgreSQL
database (dropped afterwards).  gunicorn runs with --max-requests 0: a worker restart every
2,000 requests (as gunicorn.conf.py sets for a school) would cost the fast hello route far more
than the app's pages and flatter the ratios.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import multiprocessing
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_OUTPUT = ROOT / "bench" / "results-http.json"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2
USER_AGENT = "sourcewise-http-bench"  # the same at sign-in and in the load: sessions stay as they are
ASSIGNMENTS = 12  # attempts per signed-in student (the sample quiz has 12 questions: 144 answers)
WARMUP_SECONDS = 2.0  # per route and round, not measured: connections opened, caches filled
TARGETS = {"page_vs_hello": 0.5, "answer_vs_hello": 0.3, "p99_ms": 100.0}
LOG_PROBLEMS = re.compile(r"Traceback|\[ERROR\]|\[CRITICAL\]|WORKER TIMEOUT")
SIGNED_IN_FLOOR = "/bench/signed-in"  # served by bench/wsgi_bench.py only, never by the app
RAW_CEILING = "/bench/raw"  # the same: a page path beside Flask, a ceiling (see bench/README.md)
EXPECTED_STATUS = {"hello": 200, "raw": 200, "signed_in": 200, "page": 200, "answer": 302}


# --- The load generator (runs in its own processes) -----------------------------------------


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]


@dataclass
class ConnectionFigures:
    latencies: list[float] = field(default_factory=list)  # seconds, of requests in the window
    statuses: Counter[int] = field(default_factory=Counter)  # in the window
    sent: int = 0  # all requests answered, warm-up included
    answered_by_status: Counter[int] = field(default_factory=Counter)  # warm-up included
    connection_errors: int = 0
    exhausted: bool = False  # ran out of requests before the end


def _drive_connection(
    host: str,
    port: int,
    next_request: Callable[[], Request | None],
    measure_from: float,
    until: float,
    figures: ConnectionFigures,
) -> None:
    """One keep-alive connection: a request, its whole response, the next request, until ``until``."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    while True:
        request = next_request()
        if request is None:
            figures.exhausted = True
            break
        started = time.monotonic()
        if started >= until:
            break
        try:
            connection.request(request.method, request.path, body=request.body, headers=request.headers)
            response = connection.getresponse()
            response.read()
        except (http.client.HTTPException, OSError):
            figures.connection_errors += 1
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            continue
        finished = time.monotonic()
        figures.sent += 1
        figures.answered_by_status[response.status] += 1
        if started >= measure_from and finished <= until:
            figures.latencies.append(finished - started)
            figures.statuses[response.status] += 1
    connection.close()


def _batches_from(queue: deque[list[Request]]) -> Callable[[], Request | None]:
    """Requests of one batch after the other, each batch taken from a queue other connections share."""
    pending: list[Request] = []

    def next_request() -> Request | None:
        if not pending:
            try:
                pending.extend(reversed(queue.popleft()))  # deque.popleft is thread-safe
            except IndexError:
                return None
        return pending.pop()

    return next_request


def _generator_process(
    host: str,
    port: int,
    fixed: list[Request],
    batches: list[list[Request]],
    connections: int,
    times: tuple[float, float, float],
    results: Any,
) -> None:
    """One load-generator process: a thread per connection, all starting at the same moment.

    Each connection sends its own request of ``fixed`` over and over; or, without ``fixed``, takes
    batches from a queue the process's connections share, so a connection that is served faster
    than the others (a keep-alive connection stays with the worker that accepted it) never runs
    out while the others still have work.
    """
    start_at, warmup, duration = times
    queue = deque(batches)
    sources = (
        [(lambda r=r: r) for r in fixed] if fixed else [_batches_from(queue) for _ in range(connections)]
    )
    figures = [ConnectionFigures() for _ in sources]
    measure_from = start_at + warmup
    until = measure_from + duration
    threads = [
        threading.Thread(target=_drive_connection, args=(host, port, source, measure_from, until, fig))
        for source, fig in zip(sources, figures, strict=True)
    ]
    time.sleep(max(0.0, start_at - time.monotonic()))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(figures)


def generate_load(
    port: int,
    args: argparse.Namespace,
    fixed: list[Request] | None = None,
    batches: list[list[Request]] | None = None,
) -> list[ConnectionFigures]:
    """``args.connections`` connections over ``args.processes`` processes; the figures of each connection.

    Either ``fixed`` (one request per connection, sent over and over) or ``batches`` (sent once each).
    """
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = args.processes
    start_at = time.monotonic() + 1.5  # time for the processes to start (time.monotonic is system-wide)
    times = (start_at, args.warmup, args.duration)
    workers = []
    for index in range(processes):
        connections = len(range(index, args.connections, processes))
        mine_fixed = (fixed or [])[index::processes]
        mine_batches = (batches or [])[index::processes]
        worker_args = ("127.0.0.1", port, mine_fixed, mine_batches, connections, times, results)
        workers.append(context.Process(target=_generator_process, args=worker_args))
    for worker in workers:
        worker.start()
    figures: list[ConnectionFigures] = []
    for _ in workers:
        figures.extend(results.get(timeout=start_at - time.monotonic() + args.warmup + args.duration + 120))
    for worker in workers:
        worker.join(timeout=30)
    return figures


def summarise(figures: list[ConnectionFigures], duration: float, expected_status: int) -> dict[str, Any]:
    latencies = sorted(latency for fig in figures for latency in fig.latencies)
    statuses: Counter[int] = Counter()
    for fig in figures:
        statuses.update(fig.statuses)
    count = len(latencies)

    def percentile(share: float) -> float:
        if not latencies:
            return math.nan
        return latencies[min(count - 1, math.ceil(share * count) - 1)] * 1000

    return {
        "requests": count,
        "requests_per_second": round(count / duration, 1),
        "p50_ms": round(percentile(0.50), 2),
        "p99_ms": round(percentile(0.99), 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else math.nan,
        "unexpected_statuses": {str(s): n for s, n in statuses.items() if s != expected_status},
        "connection_errors": sum(fig.connection_errors for fig in figures),
        "connections_out_of_requests": sum(fig.exhausted for fig in figures),
    }


@dataclass
class CpuSeconds:
    server: float = 0.0
    load: float = 0.0


def _process_tree_cpu_seconds(root: int) -> float:
    """User and system CPU time of a process and its children (gunicorn's master and workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        pid, parent = int(entry.name), int(fields[1])
        if pid == root or parent == root:
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


@contextmanager
def cpu_split(server: int, into: CpuSeconds) -> Any:
    """Adds the CPU time the server's processes and the (finished) load generators used meanwhile."""
    import resource

    server_before = _process_tree_cpu_seconds(server)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    yield
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    into.server += _process_tree_cpu_seconds(server) - server_before
    into.load += (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)


# --- The database, the server and the students ----------------------------------------------


@contextmanager
def fresh_database(kind: str, folder: Path, postgres_url: str) -> Any:
    """A new SQLite file, or a new schema of the PostgreSQL database (dropped at the end)."""
    from bench.export_bench import database  # the same helper as the export benchmark

    with database(postgres_url if kind == "postgresql" else None, folder) as url:
        yield url


def _app(database_url: str, instance: Path, secret_key: str) -> Any:
    from app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "INSTANCE_PATH": str(instance),
            "SECRET_KEY": secret_key,
            "QUESTIONS_DIR": str(ROOT / "questions"),
            "RATELIMIT_ENABLED": False,  # sign-ins below come from one address, hundreds at once
        }
    )


@contextmanager
def gunicorn(database_url: str, instance: Path, secret_key: str, log: Path) -> Any:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=secret_key,
        SOURCEWISE_ENV="development",
        SOURCEWISE_INSTANCE=str(instance),
        SOURCEWISE_QUESTIONS=str(ROOT / "questions"),
    )
    env.pop("RATELIMIT_ENABLED", None)  # the server keeps its production default
    env["SOURCEWISE_ALLOW_PER_WORKER_LIMITS"] = "1"  # counted per worker: no Redis in a benchmark
    command = [
        str(GUNICORN),
        "-c",
        "gunicorn.conf.py",
        "-w",
        str(WORKERS),
        "-b",
        "127.0.0.1:0",
        "--max-requests",
        "0",
        "--no-control-socket",
        "bench.wsgi_bench:application",
    ]
    with log.open("wb") as errors:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        port = _wait_for_port(process, log)
        yield port, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_port(process: subprocess.Popen[bytes], log: Path) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        text = log.read_text()
        match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", text)
        if match and text.count("Booting worker") >= WORKERS:
            port = int(match.group(1))
            for _ in range(100):  # the workers import the app after booting
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                    connection.request("GET", "/join")
                    if connection.getresponse().status == 200:
                        return port
                except OSError:
                    pass
                time.sleep(0.2)
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{text}")
        time.sleep(0.1)
    raise SystemExit(f"gunicorn did not start:\n{log.read_text()}")


@dataclass
class SignedInStudent:
    cookie: str
    csrf_token: str
    attempts: list[int]  # one per assignment, in order


class Classroom:
    """A class with ASSIGNMENTS quizzes, and signed-in students whose attempts are all open."""

    def __init__(self, app: Any) -> None:
        from app.models import FEEDBACK_PRACTICE
        from app.services import accounts, classes, content, quizzes

        self.app = app
        with app.app_context():
            teacher = accounts.create_teacher("bench@school.example", secrets.token_hex(16))
            school_class = classes.create_class(teacher, "Benchmark class")
            [outcome] = content.import_paths([str(ROOT / "questions" / "raqqa-assault-2015.yaml")])
            assert outcome.status != "error", outcome.problems
            [version] = content.latest_versions()
            self.join_code = school_class.join_code
            assignments = [
                quizzes.assign_quiz(school_class, version, feedback_mode=FEEDBACK_PRACTICE, seed=seed)
                for seed in range(ASSIGNMENTS)
            ]
            self.assignments = [assignment.id for assignment in assignments]
            # A right answer to every question of every quiz: any valid answer stores a response.
            self.answers: dict[int, list[list[str]]] = {
                assignment.id: [_right_answer(q) for q in quizzes.questions_of(assignment.quiz)]
                for assignment in assignments
            }
        self.client = app.test_client()
        self.client.environ_base["HTTP_USER_AGENT"] = USER_AGENT
        self.made = 0

    def sign_in_students(self, count: int) -> list[SignedInStudent]:
        from app.extensions import db
        from app.models import Assignment
        from app.services import classes, quizzes

        made = []
        with self.app.app_context():
            for _ in range(count):
                self.made += 1
                student = classes.join_class(self.join_code, f"Bench student {self.made}")
                attempts = [
                    quizzes.start_attempt(student, db.session.get_one(Assignment, assignment_id)).id
                    for assignment_id in self.assignments
                ]
                made.append((student.rejoin_code, attempts))
            db.session.remove()
        # Outside the app context: each test-client request then gets its own, as in a server.
        return [self._sign_in(rejoin_code, attempts) for rejoin_code, attempts in made]

    def _sign_in(self, rejoin_code: str, attempts: list[int]) -> SignedInStudent:
        """Sign in through /rejoin as a browser would, and keep the session cookie and CSRF token."""
        client = self.client
        client.delete_cookie("session")
        client.delete_cookie("remember_token")
        page = client.get("/rejoin").get_data(as_text=True)
        token = _csrf_token(page)
        response = client.post(
            "/rejoin", data={"csrf_token": token, "class_code": self.join_code, "rejoin_code": rejoin_code}
        )
        assert response.status_code == 302, response.status_code
        page = client.get(f"/attempts/{attempts[0]}/questions/1")
        assert page.status_code == 200, page.status_code
        cookie = client.get_cookie("session")
        assert cookie is not None
        return SignedInStudent(f"session={cookie.value}", _csrf_token(page.get_data(as_text=True)), attempts)

    def answer_batches(self, student: SignedInStudent) -> list[list[Request]]:
        """For each of the student's attempts, a POST answering each of its questions."""
        batches = []
        for assignment_id, attempt_id in zip(self.assignments, student.attempts, strict=True):
            batch = []
            for number, values in enumerate(self.answers[assignment_id], start=1):
                fields = [("csrf_token", student.csrf_token)] + [("answer", value) for value in values]
                path = f"/attempts/{attempt_id}/questions/{number}"
                batch.append(
                    Request("POST", path, urlencode(fields).encode(), _headers(student.cookie, form=True))
                )
            batches.append(batch)
        return batches

    @property
    def answers_per_student(self) -> int:
        return sum(len(answers) for answers in self.answers.values())

    def stored_responses(self) -> int:
        from sqlalchemy import func, select

        from app.extensions import db
        from app.models import Response

        with self.app.app_context():
            return db.session.scalar(select(func.count()).select_from(Response)) or 0


def _right_answer(question: Any) -> list[str]:
    from app.domain.question import SELECT

    if question.type == SELECT:
        return [str(i) for start, end in question.gold for i in range(start, end)]
    return [str(i) for i in question.answer]


def _csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def _headers(cookie: str | None = None, form: bool = False) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html"}
    if cookie:
        headers["Cookie"] = cookie
    if form:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return headers


# --- One database ---------------------------------------------------------------------------


def bench_database(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    """hello, page and answer in turn, ``args.rounds`` times, on one database and one gunicorn."""
    from flask_migrate import upgrade

    secret_key = secrets.token_hex(32)
    connections = args.connections
    rounds: list[dict[str, list[ConnectionFigures]]] = []
    cpu: dict[str, CpuSeconds] = {name: CpuSeconds() for name in EXPECTED_STATUS}
    answers_accepted = 0
    with tempfile.TemporaryDirectory(prefix="sourcewise-http-bench-") as folder:
        work = Path(folder)
        with fresh_database(kind, work, args.postgres_url) as url:
            app = _app(url, work / "instance", secret_key)
            with app.app_context():
                upgrade()
            classroom = Classroom(app)
            readers = classroom.sign_in_students(connections)
            hello = [Request("GET", "/hello", None, _headers())] * connections
            pages = [
                Request("GET", f"/attempts/{s.attempts[0]}/questions/1", None, _headers(s.cookie))
                for s in readers
            ]
            floor = [Request("GET", SIGNED_IN_FLOOR, None, _headers(s.cookie)) for s in readers]
            raw = [
                Request("GET", f"{RAW_CEILING}?a={s.attempts[0]}", None, _headers(s.cookie)) for s in readers
            ]
            with gunicorn(url, work / "instance", secret_key, work / "gunicorn.log") as (port, server):
                for round_number in range(1, args.rounds + 1):
                    with cpu_split(server, cpu["hello"]):
                        figures = {"hello": generate_load(port, args, fixed=hello)}
                    with cpu_split(server, cpu["raw"]):
                        figures["raw"] = generate_load(port, args, fixed=raw)
                    with cpu_split(server, cpu["signed_in"]):
                        figures["signed_in"] = generate_load(port, args, fixed=floor)
                    with cpu_split(server, cpu["page"]):
                        figures["page"] = generate_load(port, args, fixed=pages)
                    answers = _answer_batches(classroom, figures["page"], args)
                    with cpu_split(server, cpu["answer"]):
                        figures["answer"] = generate_load(port, args, batches=answers)
                    answers_accepted += sum(f.answered_by_status[302] for f in figures["answer"])
                    rounds.append(figures)
                    print(f"  {kind}: round {round_number} of {args.rounds} done", flush=True)
                log = (work / "gunicorn.log").read_text().splitlines()
                problems = [line for line in log if LOG_PROBLEMS.search(line)]
            stored = classroom.stored_responses()
            with app.app_context():
                from app.extensions import db

                db.session.remove()
                db.engine.dispose()

    everything = {name: [fig for figures in rounds for fig in figures[name]] for name in EXPECTED_STATUS}
    result: dict[str, Any] = {
        name: summarise(figs, args.duration * args.rounds, EXPECTED_STATUS[name])
        for name, figs in everything.items()
    }
    result.update(_ratios(result))
    for name, figs in everything.items():
        # Where the machine's CPU went, per request sent (warm-up included): gunicorn's processes,
        # and the load generator's, which shares the cores with them.
        sent = max(1, sum(fig.sent for fig in figs))
        result[name]["server_cpu_ms_per_request"] = round(cpu[name].server * 1000 / sent, 3)
        result[name]["load_cpu_ms_per_request"] = round(cpu[name].load * 1000 / sent, 3)
    result.update(
        # Ratios of each round on its own: how much the machine's noise moved them.
        rounds=[
            _ratios(
                {
                    name: summarise(figs, args.duration, EXPECTED_STATUS[name])
                    for name, figs in figures.items()
                }
            )
            for figures in rounds
        ],
        # Every answer POST that was answered 302 must have stored exactly one new response.
        answers_accepted=answers_accepted,
        responses_stored=stored,
        server_log_problems=problems[:20],
    )
    return result


def _ratios(result: dict[str, Any]) -> dict[str, float]:
    hello_rate = result["hello"]["requests_per_second"]
    return {
        "hello_rps": hello_rate,
        "page_rps": result["page"]["requests_per_second"],
        "answer_rps": result["answer"]["requests_per_second"],
        "page_vs_hello": round(result["page"]["requests_per_second"] / hello_rate, 3),
        # Not a target: the most any signed-in page could reach with this stack (see bench/README.md).
        "signed_in_vs_hello": round(result["signed_in"]["requests_per_second"] / hello_rate, 3),
        # Not a target: a page path beside Flask, with no rendering, could reach at most this.
        "raw_vs_hello": round(result["raw"]["requests_per_second"] / hello_rate, 3),
        "answer_vs_hello": round(result["answer"]["requests_per_second"] / hello_rate, 3),
        "page_p99_ms": result["page"]["p99_ms"],
        "answer_p99_ms": result["answer"]["p99_ms"],
    }


def _answer_batches(
    classroom: Classroom, page_figures: list[ConnectionFigures], args: argparse.Namespace
) -> list[list[Request]]:
    """Enough unanswered questions to post new answers until the end, one batch per attempt.

    An answer reads what a page reads and then writes and commits, so it has always been
    slower than the page; answers are provisioned for 2.5 times the page rate just measured
    (at least 200 a second).  A connection that still runs out is reported.
    """
    seconds = args.warmup + args.duration
    page_rate = sum(f.sent for f in page_figures) / seconds
    needed = math.ceil(max(2.5 * page_rate, 200.0) * seconds)
    students = classroom.sign_in_students(math.ceil(needed / classroom.answers_per_student))
    return [batch for student in students for batch in classroom.answer_batches(student)]


# --- Main -----------------------------------------------------------------------------------


def _worst(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The headline figures: the worse database for each (the lower ratio, the higher p99)."""
    return {
        "page_vs_hello": min(r["page_vs_hello"] for r in results.values()),
        "answer_vs_hello": min(r["answer_vs_hello"] for r in results.values()),
        "answer_p99_ms": max(r["answer_p99_ms"] for r in results.values()),
        "page_p99_ms": max(r["page_p99_ms"] for r in results.values()),
    }


def _report(kind: str, result: dict[str, Any]) -> list[str]:
    lines = [f"{kind}:"]
    for name in EXPECTED_STATUS:
        figures = result[name]
        rate, p50, p99 = figures["requests_per_second"], figures["p50_ms"], figures["p99_ms"]
        lines.append(
            f"  {name:<7}{rate:>9.1f} req/s   p50 {p50:>7.2f} ms   p99 {p99:>7.2f} ms   CPU a request: "
            f"server {figures['server_cpu_ms_per_request']:.2f} ms, "
            f"load {figures['load_cpu_ms_per_request']:.2f} ms"
        )
        for problem in ("unexpected_statuses", "connection_errors", "connections_out_of_requests"):
            if figures[problem]:
                lines.append(f"    ! {problem}: {figures[problem]}")
    page_ok = result["page_vs_hello"] >= TARGETS["page_vs_hello"]
    answer_ok = result["answer_vs_hello"] >= TARGETS["answer_vs_hello"]
    p99_ok = max(result["page_p99_ms"], result["answer_p99_ms"]) < TARGETS["p99_ms"]
    verdict = {True: "met", False: "MISSED"}
    lines.append(
        f"  page/hello {result['page_vs_hello']:.3f} (target >= 0.5: {verdict[page_ok]}); "
        f"answer/hello {result['answer_vs_hello']:.3f} (target >= 0.3: {verdict[answer_ok]}); "
        f"p99 page {result['page_p99_ms']:.1f} ms, answer {result['answer_p99_ms']:.1f} ms "
        f"(target < 100 ms: {verdict[p99_ok]})"
    )
    if len(result["rounds"]) > 1:
        spread = ", ".join(f"{r['page_vs_hello']:.3f}/{r['answer_vs_hello']:.3f}" for r in result["rounds"])
        lines.append(f"  page/hello and answer/hello round by round: {spread}")
    if result["responses_stored"] != result["answers_accepted"]:
        lines.append(
            f"  ! {result['answers_accepted']} answers were accepted but "
            f"{result['responses_stored']} responses are stored"
        )
    if result["server_log_problems"]:
        lines.append("  ! gunicorn logged errors: " + "; ".join(result["server_log_problems"][:3]))
    return lines


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds a route and round")
    parser.add_argument("--rounds", type=int, default=2, help="hello, page, answer in turn, N times")
    parser.add_argument("--warmup", type=float, default=WARMUP_SECONDS, help="unmeasured seconds first")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--processes", type=int, default=2, help="load-generator processes")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL, help="for --database postgresql")
    parser.add_argument("--quick", action="store_true", help="3 seconds a route, one round, 1 s warm-up")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.rounds, args.warmup = 3.0, 1, 1.0

    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    results: dict[str, dict[str, Any]] = {}
    for kind in kinds:
        rounds = f"{args.rounds} x {args.duration:g} s a route"
        print(f"Measuring on {kind} ({args.connections} connections, {rounds})", flush=True)
        results[kind] = bench_database(kind, args)
    from bench.results_file import machine

    figures: dict[str, Any] = {
        **_worst(results),
        "http": results,
        "http_settings": {
            "databases": kinds,
            "connections": args.connections,
            "seconds_per_route": args.duration * args.rounds,
            "rounds": args.rounds,
            "warmup_seconds": args.warmup,
            "gunicorn_workers": WORKERS,
            "load_processes": args.processes,
        },
        "http_targets": TARGETS,
        "machine": machine(),
    }
    print()
    for kind, result in results.items():
        print("\n".join(_report(kind, result)))
    if len(results) > 1:
        print(
            f"headline (the worse database): page/hello {figures['page_vs_hello']}, "
            f"answer/hello {figures['answer_vs_hello']}, answer p99 {figures['answer_p99_ms']} ms"
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"Figures written to {args.output}")
    return figures


if __name__ == "__main__":
    main()
