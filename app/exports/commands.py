"""``flask --app app export scores|responses|gradebook`` and ``flask --app app demo``."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import IO

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from app.models import utcnow
from app.services import demo, exports

export_cli = AppGroup("export", help="Write scores, responses or a Canvas gradebook as CSV.")

_HELP = {
    exports.SCORES: "One row per student per assignment: status, times, score, percent by skill.",
    exports.RESPONSES: "One row per answer: question, kind, skill, the answer given, its score, confidence.",
    exports.GRADEBOOK: "The kept percent per student and assignment, in the layout Canvas imports.",
}


def _export_command(kind: str) -> click.Command:
    @click.option("--class", "class_code", metavar="CODE", help="Only the class with this join code.")
    @click.option(
        "--output",
        type=click.Path(dir_okay=False, writable=True),
        help="Write to FILE instead of standard output.",
    )
    @click.option("--excel", is_flag=True, help="Start with a byte order mark, so Excel reads UTF-8.")
    @click.option(
        "--missing-zero", is_flag=True, help="Missing work (due date passed, nothing handed in) counts as 0%."
    )
    def command(class_code: str | None, output: str | None, excel: bool, missing_zero: bool) -> None:
        if class_code is None:
            scope = exports.Scope()  # every class, of every teacher
        else:
            try:
                scope = exports.Scope(class_id=exports.class_by_code(class_code).id)
            except exports.ExportError as exc:
                raise click.ClickException(str(exc)) from exc
        chunks = exports.export_chunks(kind, scope, now=utcnow(), excel=excel, missing_as_zero=missing_zero)
        # Bytes, not text: standard output's own encoding may not be UTF-8.  A file is written
        # atomically, so a failed export never leaves half a file behind.
        with click.open_file(output or "-", "wb", atomic=output is not None) as stream:
            written = _write_utf8(chunks, stream)
        if output is not None:
            click.echo(f"Wrote the {kind} export to {output} ({written} bytes).", err=True)

    command.__doc__ = _HELP[kind]
    return export_cli.command(kind)(command)


def _write_utf8(chunks: Iterable[str], stream: IO[bytes]) -> int:
    written = 0
    for chunk in chunks:
        written += stream.write(chunk.encode("utf-8"))
    stream.flush()
    return written


for _kind in exports.KINDS:
    _export_command(_kind)


@click.command("demo")
@with_appcontext
@click.option("--students", default=24, show_default=True, type=click.IntRange(1, 5000), help="Class size.")
@click.option(
    "--assignments",
    default=6,
    show_default=True,
    type=click.IntRange(1, 200),
    help="Quizzes set, a few days apart, cycling through the imported articles.",
)
@click.option("--seed", type=int, help="Makes the same answers again (default: a random seed, printed).")
@click.option("--force", is_flag=True, help="Run even in production (SOURCEWISE_ENV=production).")
def demo_command(students: int, assignments: int, seed: int | None, force: bool) -> None:
    """Create a demo teacher and class whose simulated students have answered quizzes."""
    if current_app.config.get("SOURCEWISE_ENV") == "production" and not force:
        raise click.ClickException(
            "This is a production server (SOURCEWISE_ENV=production): a demo would add a teacher account "
            "with a printed password and made-up students to the school's database. Nothing was created. "
            "Use --force if that is really what you want."
        )
    if seed is None:
        seed = secrets.randbelow(1_000_000)
    try:
        result = demo.create_demo(students=students, assignments=assignments, seed=seed, now=utcnow())
    except demo.DemoError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"Demo class “{result.class_name}”: {result.students} students, {result.assignments} assignments, "
        f"{result.attempts} attempts, {result.responses} answers (seed {result.seed})."
    )
    click.echo(f"Class join code: {result.join_code}")
    click.echo(f"Teacher login:   {result.teacher_email}")
    click.echo(f"Password:        {result.password}")
    if not result.teacher_created:
        click.echo("(The demo teacher existed already: it has this new password now.)")
