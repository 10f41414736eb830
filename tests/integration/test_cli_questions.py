"""`flask questions validate | preview | import` on real files and a real database."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from app.extensions import db
from app.models import ArticleVersion, Response
from app.services import quizzes
from tests import factories
from tests.conftest import QUESTIONS_DIR

SAMPLE = QUESTIONS_DIR / "raqqa-assault-2015.yaml"


def test_validate_the_questions_folder_exits_0(runner) -> None:
    result = runner.invoke(args=["questions", "validate", str(QUESTIONS_DIR)])
    assert result.exit_code == 0, result.output
    assert "0 with errors" in result.output


def test_validate_reports_every_error_with_file_and_line_and_exits_1(runner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken-one\n"
        "title: A headline\n"
        "text: |\n"
        "  The mayor said the bridge will reopen.\n"
        "sources:\n"
        "  - id: mayor\n"
        "    name: The mayor\n"
        "    type: named_offical\n"
        "    mentions:\n"
        "      - qoute: The mayor said\n"
    )
    result = runner.invoke(args=["questions", "validate", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:8: " in result.output and "named_official" in result.output
    assert f"{broken}:10: " in result.output and "did you mean 'quote'" in result.output


def test_audit_of_the_questions_folder_finds_nothing(runner) -> None:
    result = runner.invoke(args=["questions", "audit", str(QUESTIONS_DIR), "--seeds", "50"])
    assert result.exit_code == 0, result.output
    assert "0 finding(s)" in result.output
    # Each file's quiz profile, for the teacher to weigh: not a finding.
    assert "raqqa-assault-2015.yaml: quizzes have 12 of the 12 questions asked for" in result.output


def test_audit_points_at_the_lines_that_break_each_rule(runner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: audit-me\n"  # line 1
        'title: "Storm Hits the Coast"\n'
        "text: |\n"
        "  A storm hit the coast on Monday, and the damage was large for the town and the farms.\n"
        "framing:\n"  # line 5
        "  - quote: damage was large\n"
        "    technique: exaggeration_minimisation\n"
        "questions:\n"
        "  - type: choice\n"  # line 9: the answer is in the prompt
        "    skill: framing\n"
        "    prompt: Which words say the damage was large?\n"
        "    choices: [damage was large, on Monday, the coast]\n"
        "    answer: damage was large\n"
        "  - type: multiple\n"  # line 14: the note names choice positions
        "    skill: claims\n"
        "    prompt: Which are facts?\n"
        "    choices: [A storm hit, It was Monday, The town was happy]\n"
        "    answer: [A storm hit, It was Monday]\n"
        "    note: The first two are facts.\n"
        "  - type: choice\n"  # line 20: a wrong choice too close to the right one
        "    skill: sources\n"
        "    prompt: A mayor who speaks for the town is...\n"
        "    choices: [A named official, A named person, A document or data]\n"
        "    answer: A named official\n"
        "  - type: select\n"  # lines 25 and 30: two of your questions on the same words
        "    skill: framing\n"
        "    prompt: Select the exaggeration.\n"
        "    paragraph: 1\n"
        "    answers: [{quote: was large}]\n"
        "  - type: select\n"
        "    skill: framing\n"
        "    prompt: Select the word that makes it sound big.\n"
        "    paragraph: 1\n"
        "    answers: [{quote: large}]\n"
    )
    result = runner.invoke(args=["questions", "audit", str(broken), "--seeds", "5"])
    assert result.exit_code == 1, result.output
    assert f"{broken}:9: " in result.output and "contains the right answer" in result.output
    assert f"{broken}:14: " in result.output and '"The first two"' in result.output
    assert f"{broken}:20: " in result.output and "too close" in result.output
    assert f"{broken}:30: " in result.output and "same words" in result.output


def test_preview_json_lists_questions_with_their_answers(runner) -> None:
    result = runner.invoke(args=["questions", "preview", str(SAMPLE), "--seed", "3", "--json"])
    assert result.exit_code == 0, result.output
    questions = json.loads(result.output)
    assert len(questions) == 12
    assert {q["skill"] for q in questions} == {"sources", "claims", "framing"}
    for question in questions:
        assert {"kind", "skill", "prompt", "answer", "explanation"} <= set(question)
        assert ("choices" in question) or ("words" in question)
        assert question["answer"]


def test_preview_is_the_same_for_a_seed_and_all_shows_more(runner) -> None:
    first = runner.invoke(args=["questions", "preview", str(SAMPLE), "--seed", "5"]).output
    again = runner.invoke(args=["questions", "preview", str(SAMPLE), "--seed", "5"]).output
    every = runner.invoke(args=["questions", "preview", str(SAMPLE), "--all", "--json"]).output
    assert first == again
    assert len(json.loads(every)) > 12


def test_reimporting_a_changed_file_makes_a_new_version_and_keeps_old_attempts(
    app: Flask, runner, tmp_path: Path
) -> None:
    copy = tmp_path / "raqqa.yaml"
    shutil.copy(SAMPLE, copy)
    assert runner.invoke(args=["questions", "import", str(copy)]).exit_code == 0
    unchanged = runner.invoke(args=["questions", "import", str(copy)])
    assert "unchanged" in unchanged.output

    with app.app_context():
        version = db.session.scalars(select(ArticleVersion)).one()
        school_class = factories.make_class()
        student = factories.make_student(school_class)
        assignment = factories.make_assignment(school_class, version)
        attempt = quizzes.start_attempt(student, assignment)
        first_question = quizzes.questions_of(assignment.quiz)[0]
        right = [str(i) for i in (first_question.answer or [first_question.gold[0][0]])]
        quizzes.record_answer(attempt, 0, right)
        frozen = assignment.quiz.questions

    copy.write_text(copy.read_text().replace("level: ages 14-16", "level: ages 15-16", 1))
    result = runner.invoke(args=["questions", "import", str(copy)])
    assert result.exit_code == 0, result.output
    assert "version 2 (updated)" in result.output

    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ArticleVersion)) == 2
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1
        assignment = db.session.merge(assignment)
        assert assignment.quiz.questions == frozen
        assert assignment.quiz.article_version.number == 1


def test_import_reports_files_with_errors_and_stores_the_rest(app: Flask, runner, tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "good.yaml")
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: x\ntext: hello\n")
    result = runner.invoke(args=["questions", "import", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.yaml:" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ArticleVersion)) == 1


def test_preview_says_where_the_student_sees_a_choice_questions_words_marked(runner) -> None:
    # A stem quoting a fragment ("has gathered 340 signatures") is read beside the words the page
    # marks in the article; the preview, read without that page, says which paragraph they are in.
    output = runner.invoke(args=["questions", "preview", str(SAMPLE), "--all"]).output
    questions = output.split("\n\n")
    asked_of_words = [q for q in questions if "Who does the article say this comes from" in q]
    assert asked_of_words
    assert all(
        re.search(r"\(marked for the student in (paragraph \d+|the headline)\)", q) for q in asked_of_words
    )
