"""Every benchmark in one run, with the headline figures in bench/results.json.

    python bench/run.py [--quick] [--database sqlite|postgresql|both] [--postgres-url URL]
                        [--output bench/results.json]

Runs, each in its own process, one after the other (so they never compete for the cores):

1. bench/http_bench.py: a quiz page and an answer POST against a bare "hello", in one gunicorn;
2. bench/validate_bench.py: `questions validate` on 500 generated articles against yaml.safe_load;
3. bench/export_bench.py: the responses CSV export against a plain SQL dump (SQLite, and
   PostgreSQL too with --database postgresql or both);
4. bench/assist_bench.py: the suggester's recall and precision against the teachers' annotations
   of the articles in questions/, and its seconds per article (under the key ``assist``).

Where a benchmark runs on both databases, the headline figure is the worse of the two (the lower
ratio, the higher latency or memory); each database's own figures are kept beside it.  `--quick`
(shorter measurements, smaller data) runs everything in under two minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results_file import DEFAULT_RESULTS, merge_results  # noqa: E402

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HEADLINE_KEYS = (
    "page_vs_hello",
    "answer_vs_hello",
    "answer_p99_ms",
    "validate_vs_safe_load",
    "export_vs_sql_dump",
    "export_peak_mb",
)


def _run(script: str, arguments: list[str], output: Path) -> dict[str, Any]:
    """Run one benchmark script in a fresh interpreter; its figures come back through --output."""
    command = [sys.executable, str(ROOT / "bench" / script), *arguments, "--output", str(output)]
    print(f"\n$ {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    print(f"({script}: {time.perf_counter() - started:.0f} s)", flush=True)
    figures: dict[str, Any] = json.loads(output.read_text())
    return figures


def run_all(quick: bool, database: str, postgres_url: str) -> dict[str, Any]:
    databases = ["sqlite", "postgresql"] if database == "both" else [database]
    with tempfile.TemporaryDirectory(prefix="sourcewise-bench-") as folder:
        work = Path(folder)
        http = _run(
            "http_bench.py",
            ["--database", database, "--postgres-url", postgres_url, *(["--quick"] if quick else [])],
            work / "http.json",
        )
        validate = _run("validate_bench.py", ["--repeat", "1"] if quick else [], work / "validate.json")
        assist = _run("assist_bench.py", ["--repeat", "1"] if quick else [], work / "assist.json")
        exports: dict[str, dict[str, Any]] = {}
        for kind in databases:
            url = ["--database-url", postgres_url] if kind == "postgresql" else []
            exports[kind] = _run(
                "export_bench.py", [*url, *(["--quick"] if quick else [])], work / f"{kind}.json"
            )

    figures: dict[str, Any] = {key: value for key, value in http.items() if key != "machine"}
    figures.update({key: value for key, value in validate.items() if key != "machine"})
    figures.update(
        export_vs_sql_dump=max(e["export_vs_sql_dump"] for e in exports.values()),
        export_peak_mb=max(e["export_peak_mb"] for e in exports.values()),
        export={kind: {k: v for k, v in e.items() if k != "machine"} for kind, e in exports.items()},
        assist=assist["assist"],
    )
    targets = {
        "page_vs_hello": figures["page_vs_hello"] >= 0.5,
        "answer_vs_hello": figures["answer_vs_hello"] >= 0.3,
        "answer_p99_ms": figures["answer_p99_ms"] < 100,
        "page_p99_ms": figures["page_p99_ms"] < 100,
        "validate_vs_safe_load": figures["validate_vs_safe_load"] <= 3,
        "export_vs_sql_dump": figures["export_vs_sql_dump"] <= 3,
        "export_peak_mb": figures["export_peak_mb"] < 100,
        **{f"assist_{name}": met for name, met in assist["assist"]["targets_met"].items()},
    }
    figures.update(targets_met=targets, run={"quick": quick, "databases": databases})
    return figures


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs, smaller data: under two minutes")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument("--output", type=Path, default=DEFAULT_RESULTS)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    figures = run_all(args.quick, args.database, args.postgres_url)
    args.output.unlink(missing_ok=True)  # a fresh file: no figure left over from an earlier run
    merge_results(figures, args.output)
    print(f"\nAll benchmarks in {time.perf_counter() - started:.0f} s. Headline figures:")
    for key in HEADLINE_KEYS:
        print(f"  {key:<24}{figures[key]}")
    missed = [key for key, met in figures["targets_met"].items() if not met]
    print("Targets missed: " + (", ".join(missed) if missed else "none"))
    print(f"Written to {args.output}")
    return figures


if __name__ == "__main__":
    main()
