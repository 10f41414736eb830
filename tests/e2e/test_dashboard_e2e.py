"""The class dashboard in real Chromium, on demo data (issue 4, "What it must show").

The demo service makes a teacher and a class whose simulated students have worked on a few
assignments; the test logs in as that teacher with the password the demo prints, and checks that
the dashboard, an assignment's item analysis and a select-words heatmap render with their SVG
charts and the tables next to them, pass axe-core and fit a 360 px screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.models import Assignment, utcnow
from app.services import quizzes
from app.services.demo import create_demo

DEMO_STUDENTS = 8
DEMO_ASSIGNMENTS = 3
DEMO_SEED = 2024
SKILLS = ("Sources", "Claims", "Framing")


@pytest.fixture(scope="module")
def demo(live_app: Flask) -> dict[str, Any]:
    """The demo class, as `flask demo --students 8 --assignments 3 --seed 2024` would make it."""
    with live_app.app_context():
        result = create_demo(
            students=DEMO_STUDENTS, assignments=DEMO_ASSIGNMENTS, seed=DEMO_SEED, now=utcnow()
        )
        assignments = db.session.scalars(
            select(Assignment).where(Assignment.class_id == result.class_id).order_by(Assignment.id)
        ).all()
        first = assignments[0]
        questions = quizzes.questions_of(first.quiz)
        select_number = next(n for n, q in enumerate(questions, start=1) if q.type == "select")
        choice_number = next(n for n, q in enumerate(questions, start=1) if q.type == "choice")
        return {
            "email": result.teacher_email,
            "password": result.password,
            "class_id": result.class_id,
            "class_name": result.class_name,
            "titles": [a.title for a in assignments],
            "assignment_id": first.id,
            "question_count": len(questions),
            "select_number": select_number,
            "choice_number": choice_number,
        }


@pytest.fixture(scope="module")
def teacher(new_visitor: Callable[..., Any], demo: dict[str, Any]) -> Any:
    visitor = new_visitor("the demo teacher")
    page = visitor.page
    page.goto("/login")
    page.get_by_label("Email").fill(demo["email"])
    page.get_by_label("Password").fill(demo["password"])
    page.get_by_role("button", name="Log in").click()
    expect(page, "the demo teacher's printed password must log in").to_have_url(
        re.compile(r"/teacher/classes$")
    )
    return visitor


def _expect_charts(page: Any, count: int) -> None:
    """Server-drawn SVG charts, each named by its <title> and described by its <desc>."""
    charts = page.locator("figure.chart-figure svg[role=img]")
    expect(charts, f"{count} SVG chart(s) expected on {page.url}").to_have_count(count)
    for index in range(count):
        chart = charts.nth(index)
        expect(chart.locator("title")).not_to_be_empty()
        expect(chart.locator("desc")).not_to_be_empty()
        expect(chart.locator("rect.chart-bar").first, "a chart must draw at least one bar").to_be_attached()
        labelled_by = (chart.get_attribute("aria-labelledby") or "").split()
        assert labelled_by, "a chart must be labelled by its title and description"
        for target in labelled_by:
            expect(page.locator(f"#{target}")).to_be_attached()


def test_class_dashboard_renders_the_gradebook_and_skill_chart_for_demo_data(
    teacher: Any,
    demo: dict[str, Any],
    axe_check: Callable[..., Any],
    screenshot: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    page = teacher.page
    page.goto(f"/teacher/classes/{demo['class_id']}")
    page.get_by_role("link", name="Scores and skills dashboard").click()
    expect(page).to_have_url(re.compile(rf"/teacher/classes/{demo['class_id']}/dashboard$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dashboard: {demo['class_name']}")

    gradebook = page.locator("table.gradebook")
    expect(gradebook.locator("tbody tr"), "one gradebook row per demo student").to_have_count(DEMO_STUDENTS)
    header = gradebook.locator("thead")
    for title in demo["titles"]:
        expect(header).to_contain_text(title)
    expect(gradebook.locator("tfoot")).to_contain_text("Class average")
    expect(
        gradebook.locator("tbody .score-cell .state").first, "each cell says its state in words"
    ).to_have_text(re.compile(r"not started|in progress|submitted|on time|late|missing"))

    _expect_charts(page, 1)
    skills_table = page.locator("table#class-skills")
    expect(skills_table, "the skill chart has a table with the same numbers").to_be_visible()
    for skill in SKILLS:
        expect(skills_table.locator("tbody tr").filter(has_text=skill)).to_contain_text(re.compile(r"\d+%|–"))

    axe_check(page, "teacher-dashboard")
    screenshot(page, "teacher-dashboard")
    assert_fits_phone(page, "teacher-dashboard")
    teacher.assert_no_browser_problems()


def test_item_analysis_and_heatmap_render_with_charts_and_tables(
    teacher: Any,
    demo: dict[str, Any],
    axe_check: Callable[..., Any],
    screenshot: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    page = teacher.page
    page.goto(f"/teacher/classes/{demo['class_id']}/dashboard")
    page.get_by_role("link", name=demo["titles"][0], exact=True).first.click()
    expect(page).to_have_url(re.compile(rf"/teacher/assignments/{demo['assignment_id']}/statistics$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Item analysis: {demo['titles'][0]}")

    _expect_charts(page, 2)  # facility and discrimination
    items = page.locator("table.items tbody tr")
    expect(items, "the table alternative lists every question").to_have_count(demo["question_count"])
    expect(items.first.locator("td").nth(2)).to_have_text(re.compile(r"^(\d\.\d\d|n/a)$"))
    axe_check(page, "teacher-item-analysis")
    screenshot(page, "teacher-item-analysis")
    assert_fits_phone(page, "teacher-item-analysis")

    page.get_by_role("link", name=f"Q{demo['select_number']} details").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        f"Question {demo['select_number']} of {demo['question_count']}"
    )
    expect(
        page.locator("p.heatmap .heat-word").first, "the heatmap shows the paragraph's words"
    ).to_be_visible()
    expect(page.locator("p.heatmap .gold-span").first, "the right answer is outlined").to_be_visible()
    axe_check(page, "teacher-question-heatmap")
    screenshot(page, "teacher-question-heatmap")
    assert_fits_phone(page, "teacher-question-heatmap")

    page.goto(f"/teacher/assignments/{demo['assignment_id']}/statistics/questions/{demo['choice_number']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        f"Question {demo['choice_number']} of {demo['question_count']}"
    )
    _expect_charts(page, 1)  # how the answers spread over the choices
    expect(
        page.locator("table.numbers").filter(has_text="Answers per choice"), "the chart's table"
    ).to_be_visible()
    axe_check(page, "teacher-question-choices")
    assert_fits_phone(page, "teacher-question-choices")
    teacher.assert_no_browser_problems()
