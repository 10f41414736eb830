"""Thin command-line commands (``flask --app app ...``) over services and the domain."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from app.domain.generate import all_questions, build_quiz
from app.domain.kinds.base import where
from app.domain.question import SELECT, Question
from app.domain.validation import collect_article_files, validate_article, validate_files

questions_cli = AppGroup("questions", help="Check, preview and import article files.")
teacher_cli = AppGroup("teacher", help="Teacher accounts: the first-start address, new accounts.")


def init_app(app: Flask) -> None:
    from app.exports.commands import demo_command, export_cli

    app.cli.add_command(questions_cli)
    app.cli.add_command(teacher_cli)
    app.cli.add_command(export_cli)
    app.cli.add_command(demo_command)
    app.cli.add_command(backup_command)


def _default_paths(paths: tuple[str, ...]) -> list[str]:
    return list(paths) or [current_app.config["QUESTIONS_DIR"]]


@questions_cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def validate_command(paths: tuple[str, ...]) -> None:
    """Check article files (default: the questions folder); print every problem as FILE:LINE: message."""
    from app.services.content import ContentError, current_vocabulary

    try:
        vocabulary = current_vocabulary()
    except ContentError as exc:
        _fail_content(exc)
    files = collect_article_files(_default_paths(paths))
    results = validate_files(files, vocabulary)
    errors = 0
    for result in results:
        for problem in result.problems:
            click.echo(str(problem), err=problem.severity == "error")
        errors += len(result.errors)
    ok = sum(1 for r in results if r.ok)
    summary = (
        f"{len(results)} file(s) checked: {ok} valid, {len(results) - ok} with errors ({errors} error(s))."
    )
    click.echo(summary, err=errors > 0)
    sys.exit(1 if errors else 0)


@questions_cli.command("draft")
@click.argument("input_file", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the YAML to this file (refused if it exists) instead of printing it.",
)
def draft_command(input_file: str, output: str | None) -> None:
    """Draft an article file from INPUT: a plain-text article (first line the headline, paragraphs
    separated by blank lines) or a web page saved from a browser.  Every suggested source, claim
    and framing span is marked suggested: true for you to review."""
    from app.domain.drafting import DraftError
    from app.services.content import ContentError
    from app.services.drafts import draft_yaml

    if output is not None and Path(output).exists():
        click.echo(f"{output} exists already; choose another file name or delete it first", err=True)
        sys.exit(1)
    try:
        text, suggestions = draft_yaml(Path(input_file).read_bytes(), input_file)
    except DraftError as exc:
        click.echo(f"{input_file}: {exc}", err=True)
        sys.exit(1)
    except ContentError as exc:
        _fail_content(exc)
    if output is None:
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
    target = output or "the file you save this as"
    click.echo(
        f"Draft written with {suggestions} suggestion(s) to review. Check each one, remove its "
        f"suggested: true, write the notes, then run: flask --app app questions validate {target}",
        err=True,
    )


@questions_cli.command("preview")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--seed", default=1, show_default=True, help="The seed a class's quiz is made with.")
@click.option("--all", "show_all", is_flag=True, help="Every question the article allows, not one quiz.")
@click.option("--json", "as_json", is_flag=True, help="Print the questions as JSON.")
def preview_command(file: str, seed: int, show_all: bool, as_json: bool) -> None:
    """Print the quiz a class would get from FILE with this seed."""
    from app.services.content import ContentError, current_vocabulary

    try:
        vocabulary = current_vocabulary()
    except ContentError as exc:
        _fail_content(exc)
    result = validate_article(Path(file).read_bytes(), file, vocabulary)
    if result.article is None:
        for problem in result.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    if show_all:
        questions = all_questions(result.article, vocabulary, random.Random(seed))
    else:
        questions = build_quiz(result.article, vocabulary, seed)
    if as_json:
        click.echo(json.dumps([preview_dict(q) for q in questions], indent=2, ensure_ascii=False))
        return
    click.echo(f"{result.article.title}\n{len(questions)} question(s), seed {seed}\n")
    for number, question in enumerate(questions, start=1):
        click.echo(format_question(number, question))


def preview_dict(question: Question) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": question.kind,
        "skill": question.skill,
        "type": question.type,
        "prompt": question.prompt,
    }
    if question.type == SELECT:
        data["words"] = list(question.words)
        data["answer"] = [
            {"start": s, "end": e, "text": t}
            for (s, e), t in zip(question.gold, question.answer_text, strict=True)
        ]
    else:
        data["choices"] = list(question.choices)
        data["answer"] = question.answer_text
    data["explanation"] = question.explanation
    return data


def format_question(number: int, question: Question) -> str:
    lines = [f"{number}. [{question.skill} / {question.kind}] {question.prompt}"]
    if question.type == SELECT:
        gold = {i for s, e in question.gold for i in range(s, e)}
        passage = question.gaps[0]
        for index, word in enumerate(question.words):
            starts = index in gold and (index - 1) not in gold
            ends = index in gold and (index + 1) not in gold
            passage += ("[" if starts else "") + word + ("]" if ends else "") + question.gaps[index + 1]
        lines.append(f"   Select in: {passage}")
    else:
        if question.focus is not None:
            # The student's page marks these words in the article; a stem quoting a fragment ("has
            # gathered 340 signatures") is read beside them, so the preview says where they are.
            lines.append(f"   (marked for the student in {where(question.focus[0])})")
        for index, choice in enumerate(question.choices):
            mark = "*" if index in question.answer else " "
            lines.append(f"   {mark} {chr(ord('a') + index)}) {choice}")
    if question.explanation:
        lines.append(f"   Explanation: {question.explanation}")
    return "\n".join(lines) + "\n"


@questions_cli.command("audit")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--seeds",
    default=50,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many quizzes (seeds 1..N) to build and check per article.",
)
def audit_command(paths: tuple[str, ...], seeds: int) -> None:
    """Check the questions and quizzes article files make; print every finding as FILE:LINE: message."""
    from app.domain.audit import audit_with_profile
    from app.services.content import ContentError, current_vocabulary

    try:
        vocabulary = current_vocabulary()
    except ContentError as exc:
        _fail_content(exc)
    results = validate_files(collect_article_files(_default_paths(paths)), vocabulary)
    findings = notes = 0
    for result in results:
        if result.article is None:
            for problem in result.errors:
                click.echo(str(problem), err=True)
            findings += len(result.errors)
            continue
        found, profile = audit_with_profile(result.article, vocabulary, seeds, result.id_line)
        for finding in found:
            click.echo(f"{result.path}:{finding.line}: {finding.message}")
            findings += 1
        # Not findings: what the quizzes look like, and what one more annotation would add.
        click.echo(f"{result.path}: {profile.describe()}")
        for note in profile.notes():
            click.echo(f"{result.path}: {note}")
            notes += 1
    click.echo(
        f"{len(results)} file(s) audited with {seeds} quiz(zes) each: "
        f"{findings} finding(s), {notes} note(s).",
        err=findings > 0,
    )
    sys.exit(1 if findings else 0)


@questions_cli.command("import")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def import_command(paths: tuple[str, ...]) -> None:
    """Validate and store article files; a changed file becomes a new version."""
    from app.services.content import ContentError, import_paths

    try:
        outcomes = import_paths(_default_paths(paths))
    except ContentError as exc:
        _fail_content(exc)
    failed = 0
    for outcome in outcomes:
        if outcome.status == "error":
            failed += 1
            for problem in outcome.problems:
                click.echo(problem, err=True)
        else:
            click.echo(f"{outcome.path}: {outcome.slug} version {outcome.version} ({outcome.status})")
    click.echo(f"{len(outcomes) - failed} article(s) imported, {failed} with errors.", err=failed > 0)
    sys.exit(1 if failed else 0)


@teacher_cli.command("setup-url")
@click.option(
    "--base-url",
    default="http://127.0.0.1:5000",
    show_default=True,
    help="The address the server is reached at.",
)
def setup_url_command(base_url: str) -> None:
    """Print the one-time address where the first teacher creates an account."""
    from app.services.accounts import setup_token, teacher_count

    base_url = base_url.rstrip("/")
    if teacher_count() > 0:
        click.echo(f"A teacher account exists already: nothing to set up. Log in at {base_url}/login")
        return
    click.echo("No teacher account yet. Open this address to create the first one:")
    click.echo(f"  {base_url}/setup?token={setup_token()}")


@teacher_cli.command("create")
@click.argument("email")
@click.option("--name", default="", help="The teacher's name, as shown in the app.")
def create_teacher_command(email: str, name: str) -> None:
    """Create a teacher account for EMAIL; the password is asked for twice, never passed as an argument."""
    from app.services.accounts import AccountError, create_teacher

    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        teacher = create_teacher(email, password, name)
    except AccountError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Teacher account created for {teacher.email}. Log in at /login.")


@click.command("backup")
@click.argument("output", required=False, type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup_command(output: str | None) -> None:
    """Back up the database to OUTPUT (default: sourcewise-DATE-TIME.sqlite or .dump here), mode 0600."""
    from datetime import UTC, datetime

    from app.extensions import db
    from app.services.backups import BackupError, back_up, default_name

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    destination = Path(output or default_name(db.engine.url.get_backend_name(), stamp))
    try:
        backup = back_up(destination)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"Backup written to {backup.path} ({backup.kind}, {backup.size} bytes, {backup.tables} tables, "
        "readable by its owner only); it opens and passed its check."
    )
    click.echo(f"To restore it: {backup.restore_hint}")


def _fail_content(exc: Exception) -> None:
    click.echo(str(exc), err=True)
    for problem in getattr(exc, "problems", []):
        click.echo(problem, err=True)
    sys.exit(1)
