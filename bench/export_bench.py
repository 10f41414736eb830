"""The responses CSV export against a plain SQL dump of the same rows.

    python bench/export_bench.py [--responses 100000] [--repeat 3] [--database-url URL] [--quick]
                                 [--output bench/results-export.json]

Builds a database with at least --responses answers (SQLite in a temporary folder, or a fresh
schema in the PostgreSQL database of --database-url, dropped afterwards) from `flask demo`
classes, then measures, each in a fresh Python process:

- the export: ``services.exports.export_chunks("responses", ...)`` (the code behind the download
  and ``flask export responses``) written to a file;
- the dump: the same rows (same joins, same order) read with plain SQL through the driver's
  cursor (a server-side cursor on PostgreSQL) and written with ``csv.writer``.

Times are the best of --repeat runs.  Memory is the export process's peak resident set
(``ru_maxrss``: interpreter, Flask and SQLAlchemy included) and, in a separate run, the peak of
Python allocations during the export alone (tracemalloc, which slows the run, so it is not
timed).  Targets: export at most 3x the dump's time, peak memory under 100 MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_OUTPUT = ROOT / "bench" / "results-export.json"
TARGET_RATIO = 3.0
TARGET_PEAK_MB = 100.0
STUDENTS_PER_CLASS = 150
ASSIGNMENTS_PER_CLASS = 20

# The dump reads exactly the rows the export reads, in the same order.
DUMP_SQL = """
SELECT classes.name, students.public_id, assignments.title, assignments.quiz_id, attempts.number,
       responses.position + 1, responses.answer, responses.score, responses.max_score
FROM responses
JOIN attempts ON attempts.id = responses.attempt_id
JOIN students ON students.id = attempts.student_id
JOIN assignments ON assignments.id = attempts.assignment_id
JOIN classes ON classes.id = assignments.class_id
ORDER BY classes.name, classes.id, assignments.created_at, assignments.id,
         lower(students.display_name), students.id, attempts.number, responses.position
"""


def _app(database_url: str, instance: Path) -> Any:
    from app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "INSTANCE_PATH": str(instance),
            "SECRET_KEY": "benchmark-only-secret-key-0123456789",
            "QUESTIONS_DIR": str(ROOT / "questions"),
        }
    )


# --- Building the database ------------------------------------------------------------------


@contextmanager
def database(url: str | None, folder: Path) -> Iterator[str]:
    """A SQLite file in ``folder``, or a fresh schema of the PostgreSQL database ``url``."""
    if not url:
        yield f"sqlite:///{folder / 'bench.db'}"
        return
    from sqlalchemy import create_engine, text

    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def populate(database_url: str, instance: Path, responses: int) -> dict[str, int]:
    """Demo classes until there are at least ``responses`` answers."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from app.extensions import db
    from app.models import Response, utcnow
    from app.services import demo

    # About 11 answers per student and assignment (some never start, some stop halfway).
    students = max(5, min(STUDENTS_PER_CLASS, math.ceil(responses / (ASSIGNMENTS_PER_CLASS * 11))))
    app = _app(database_url, instance)
    with app.app_context():
        upgrade()
        seed, total, classes = 0, 0, 0
        while total < responses:
            result = demo.create_demo(
                students=students, assignments=ASSIGNMENTS_PER_CLASS, seed=seed, now=utcnow()
            )
            total += result.responses
            classes += 1
            seed += 1
        stored = db.session.scalar(select(func.count()).select_from(Response)) or 0
        db.session.remove()
        db.engine.dispose()
    return {"responses": stored, "classes": classes}


# --- Measurements (each in its own process) -------------------------------------------------


def _status_mb(field: str) -> float | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    return None


def _reset_peak() -> bool:
    """Start the peak resident set from now (Linux: "5" to clear_refs resets VmHWM).

    Otherwise the peak would include what happened before the export, such as the
    32 MB scrypt needs while the app imports (accounts hashes a dummy password).
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_mb() -> float:
    peak = _status_mb("VmHWM")
    if peak is None:  # not Linux: the peak since the process started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return peak


def measure_export(database_url: str, instance: Path, sink: Path, trace: bool) -> dict[str, Any]:
    from app.models import utcnow
    from app.services import exports

    app = _app(database_url, instance)
    with app.app_context():
        # Connect and load the app's code first, so the figures are the export's own.
        from app.extensions import db

        db.session.execute(db.select(db.literal(1)))
        reset = _reset_peak()
        baseline = _status_mb("VmRSS") or 0.0
        if trace:
            import tracemalloc

            tracemalloc.start()
        start = time.perf_counter()
        with open(sink, "w", encoding="utf-8", newline="") as handle:
            for chunk in exports.export_chunks(exports.RESPONSES, exports.Scope(), now=utcnow()):
                handle.write(chunk)
        seconds = time.perf_counter() - start
        figures: dict[str, Any] = {
            "seconds": seconds,
            "rss_before_mb": baseline,
            "peak_rss_mb": _peak_mb(),
            "peak_reset": reset,
        }
        if trace:
            figures["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
    return figures


def measure_dump(database_url: str, sink: Path) -> dict[str, Any]:
    from sqlalchemy import create_engine

    engine = create_engine(database_url)
    connection = engine.raw_connection()  # the driver's own connection: no SQLAlchemy in the loop
    reset = _reset_peak()
    start = time.perf_counter()
    if engine.dialect.name == "postgresql":
        cursor = connection.cursor(name="dump")  # server-side, like the export
        cursor.itersize = 1000
    else:
        cursor = connection.cursor()
    cursor.execute(DUMP_SQL)
    with open(sink, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([column[0] for column in cursor.description])
        writer.writerows(cursor)
    seconds = time.perf_counter() - start
    cursor.close()
    connection.close()
    return {"seconds": seconds, "peak_rss_mb": _peak_mb(), "peak_reset": reset}


def _run_child(mode: str, database_url: str, instance: Path, sink: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", mode, "--database-url", database_url,
               "--instance", str(instance), "--sink", str(sink)]  # fmt: skip
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- Main -----------------------------------------------------------------------------------


def main() -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--responses", type=int, default=100_000, help="answers in the database (at least)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite, temporary)")
    parser.add_argument("--quick", action="store_true", help="10,000 answers, one run each")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the JSON figures")
    parser.add_argument("--child", choices=["export", "export-trace", "dump"], help=argparse.SUPPRESS)
    parser.add_argument("--instance", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sink", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        if args.child == "dump":
            figures = measure_dump(args.database_url, args.sink)
        else:
            trace = args.child == "export-trace"
            figures = measure_export(args.database_url, args.instance, args.sink, trace)
        print(json.dumps(figures))
        return figures

    if args.quick:
        args.responses, args.repeat = 10_000, 1
    with tempfile.TemporaryDirectory(prefix="sourcewise-bench-") as folder:
        work = Path(folder)
        instance = work / "instance"
        with database(args.database_url, work) as url:
            started = time.perf_counter()
            built = populate(url, instance, args.responses)
            print(f"Database: {built['responses']} answers in {built['classes']} demo classes "
                  f"({time.perf_counter() - started:.1f} s to build)")  # fmt: skip
            exports_runs, dumps = [], []
            for _ in range(args.repeat):  # alternated, so both see the same cache conditions
                exports_runs.append(_run_child("export", url, instance, work / "export.csv"))
                dumps.append(_run_child("dump", url, instance, work / "dump.csv"))
            traced = _run_child("export-trace", url, instance, work / "traced.csv")
            export_bytes = (work / "export.csv").stat().st_size
            dump_bytes = (work / "dump.csv").stat().st_size
    export_seconds = min(run["seconds"] for run in exports_runs)
    dump_seconds = min(run["seconds"] for run in dumps)
    peak = max(run["peak_rss_mb"] for run in exports_runs)
    from bench.results_file import machine

    results: dict[str, Any] = {
        "database": "postgresql" if args.database_url else "sqlite",
        "responses": built["responses"],
        "export_seconds": round(export_seconds, 3),
        "sql_dump_seconds": round(dump_seconds, 3),
        "export_vs_sql_dump": round(export_seconds / dump_seconds, 2),
        "export_peak_mb": round(peak, 1),
        "export_rss_before_export_mb": round(max(run["rss_before_mb"] for run in exports_runs), 1),
        "peak_measured_during_export_only": all(run["peak_reset"] for run in exports_runs),
        "export_python_allocations_peak_mb": round(traced["tracemalloc_peak_mb"], 2),
        "sql_dump_peak_mb": round(max(run["peak_rss_mb"] for run in dumps), 1),
        "export_csv_bytes": export_bytes,
        "sql_dump_csv_bytes": dump_bytes,
        "export_runs_seconds": [round(run["seconds"], 3) for run in exports_runs],
        "sql_dump_runs_seconds": [round(run["seconds"], 3) for run in dumps],
        "targets": {"export_vs_sql_dump": TARGET_RATIO, "export_peak_mb": TARGET_PEAK_MB},
        "machine": machine(),
    }
    ratio_ok = results["export_vs_sql_dump"] <= TARGET_RATIO
    memory_ok = results["export_peak_mb"] < TARGET_PEAK_MB
    print(f"Export of {results['responses']} answers: {export_seconds:.2f} s; "
          f"SQL dump of the same rows: {dump_seconds:.2f} s; ratio {results['export_vs_sql_dump']}x "
          f"(target <= {TARGET_RATIO}x: {'met' if ratio_ok else 'MISSED'})")  # fmt: skip
    print(f"Export peak memory: {results['export_peak_mb']} MB resident for the whole process "
          f"({results['export_rss_before_export_mb']} MB before the export started; "
          f"{results['export_python_allocations_peak_mb']} MB of Python allocations during it) "
          f"(target < {TARGET_PEAK_MB:.0f} MB: {'met' if memory_ok else 'MISSED'})")  # fmt: skip
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"Figures written to {args.output}")
    return results


if __name__ == "__main__":
    os.environ.setdefault("RATELIMIT_ENABLED", "0")
    main()
