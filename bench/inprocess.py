"""The question page and the answer POST in one process, without HTTP: CPU time per request.

    python bench/inprocess.py [--database sqlite|postgresql] [--requests 300] [--profile page|answer] [--wall]

Builds the same classroom as bench/http_bench.py (a class, 12 assignments of the sample quiz,
signed-in students), then times ``app.test_client()`` requests: GET /attempts/<id>/questions/1
and POSTs answering new questions.  Prints the best of three runs in milliseconds of process CPU
time per request (the database server's own work on PostgreSQL is not in it), and the number of
SQL statements each request runs.  With --profile it prints cProfile's top functions for one kind.
With --wall it measures elapsed time instead of CPU time: on PostgreSQL that includes the server's
work and the round trips, which CPU time leaves out.
This is what guided the changes recorded in bench/README.md; the HTTP benchmark is the measure.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SORT = __import__("os").environ.get("PROFILE_SORT", "cumulative")
LINES = int(__import__("os").environ.get("PROFILE_LINES", "45"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.http_bench import (  # noqa: E402
    DEFAULT_POSTGRES_URL,
    Classroom,
    _app,
    _headers,
    fresh_database,
)


def _statement_counter(app: Any) -> Callable[[], int]:
    from sqlalchemy import event

    from app.extensions import db

    count = [0]
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *_args: count.__setitem__(0, count[0] + 1))
    return lambda: count[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", choices=["page", "answer"])
    parser.add_argument("--wall", action="store_true", help="elapsed time, not the process's CPU time")
    args = parser.parse_args(argv)
    from flask_migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="sourcewise-inprocess-") as folder:
        work = Path(folder)
        with fresh_database(args.database, work, args.postgres_url) as url:
            app = _app(url, work / "instance", "x" * 64)
            with app.app_context():
                upgrade()
            classroom = Classroom(app)
            statements = _statement_counter(app)
            [reader] = classroom.sign_in_students(1)
            writers_needed = 4 * args.requests // classroom.answers_per_student + 2
            writers = classroom.sign_in_students(writers_needed)
            posts = [r for w in writers for batch in classroom.answer_batches(w) for r in batch]
            client = app.test_client(use_cookies=False)  # each request carries its own cookie
            # Signed in with the limits off (many sign-ins from one address, as in http_bench.py);
            # measured with them on, as the server runs.
            from app.extensions import limiter

            limiter.enabled = True

            def page() -> None:
                response = client.get(
                    f"/attempts/{reader.attempts[0]}/questions/1", headers=_headers(reader.cookie)
                )
                assert response.status_code == 200, response.status_code

            def answer() -> None:
                request = posts.pop()
                response = client.post(request.path, data=request.body, headers=request.headers)
                assert response.status_code == 302, response.status_code

            for name, call in (("page", page), ("answer", answer)):
                call()  # warm: templates compiled, caches filled
                before = statements()
                call()
                per_request = statements() - before
                runs = []
                clock = time.perf_counter if args.wall else time.process_time
                for _ in range(3):
                    started = clock()
                    for _ in range(args.requests):
                        call()
                    runs.append((clock() - started) / args.requests * 1000)
                measure = "elapsed" if args.wall else "CPU"
                print(
                    f"{args.database} {name:<6} {min(runs):6.3f} ms {measure} a request (runs: "
                    + ", ".join(f"{r:.3f}" for r in runs)
                    + f"), {per_request} SQL statements",
                    flush=True,
                )
                if args.profile == name:
                    profiler = cProfile.Profile()
                    profiler.enable()
                    for _ in range(args.requests):
                        call()
                    profiler.disable()
                    pstats.Stats(profiler).sort_stats(SORT).print_stats(LINES)
            with app.app_context():
                from app.extensions import db

                db.session.remove()
                db.engine.dispose()


if __name__ == "__main__":
    main()
