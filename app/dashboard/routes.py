"""The teacher's class dashboard, item analysis and heatmaps, and a student's own progress page.

All pages are read-only GETs: sorting and navigation are links with query
strings, so everything works without JavaScript.
"""

from __future__ import annotations

from typing import Any, cast

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from app.auth.access import refuse_unless_teacher, signed_in_teacher
from app.dashboard.svg import Bar, bar_chart, percent_chart
from app.domain import statistics as stats
from app.domain.article import SKILL_NAMES, SKILLS
from app.domain.generate import KIND_TITLES
from app.models import Assignment, utcnow
from app.security import SignedInStudent, current_student
from app.services import classes, dashboard, quizzes

bp = Blueprint("dashboard", __name__, template_folder="templates")
# The student's page lives outside /teacher, where the dashboard blueprint is mounted.
progress_bp = Blueprint("progress", __name__, template_folder="templates")

# ?missing=zero: averages count missing work as 0% (kept in every link of the page).
MISSING_ZERO = "zero"


@bp.context_processor
@progress_bp.context_processor
def _dashboard_names() -> dict[str, Any]:
    # Only on this module's pages, so the names never shadow another blueprint's.
    return {"skill_names": SKILL_NAMES, "kind_names": KIND_TITLES, "skills": SKILLS}


# --- Charts ----------------------------------------------------------------------------------


def _percent_text(value: float | None) -> str:
    return "no score yet" if value is None else f"{value:.0f}%"


def skills_chart(chart_id: str, title: str, skills: dict[str, float | None]) -> Markup:
    bars = [Bar(SKILL_NAMES[skill], skills.get(skill), _percent_text(skills.get(skill))) for skill in SKILLS]
    return percent_chart(chart_id, title, "Percent of the points available for each skill.", bars)


def _decimal(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def item_charts(analysis: dashboard.AssignmentAnalysis) -> tuple[Markup, Markup]:
    facility_bars = [
        Bar(
            f"Q{item.number}",
            item.facility,
            _decimal(item.facility),
            "review" if item.facility is not None and item.facility < stats.FACILITY_REVIEW else "",
        )
        for item in analysis.items
    ]
    discrimination_bars = [
        Bar(
            f"Q{item.number}",
            item.discrimination,
            _decimal(item.discrimination),
            "review"
            if item.discrimination is not None and item.discrimination < stats.DISCRIMINATION_REVIEW
            else "",
        )
        for item in analysis.items
    ]
    facility = bar_chart(
        "facility-chart",
        "Facility of each question",
        "Mean score of each question from 0 to 1; below 0.3 (the dashed line) is flagged for review.",
        facility_bars,
        minimum=0.0,
        maximum=1.0,
        reference=stats.FACILITY_REVIEW,
        reference_label="0.3 review line",
        scale_labels=((0.0, "0"), (0.5, "0.5"), (1.0, "1")),
    )
    discrimination = bar_chart(
        "discrimination-chart",
        "Discrimination index of each question",
        "Correlation from -1 to 1 of each question with the rest of the quiz; below 0.2 "
        "(the dashed line) is flagged for review; n/a when it cannot be computed.",
        discrimination_bars,
        minimum=-1.0,
        maximum=1.0,
        reference=stats.DISCRIMINATION_REVIEW,
        reference_label="0.2 review line",
        scale_labels=((-1.0, "-1"), (0.0, "0"), (1.0, "1")),
    )
    return facility, discrimination


def choice_chart(item: stats.ItemStatistics) -> Markup:
    answered = item.answered
    bars = [
        Bar(
            f"{chr(65 + index) if index < 26 else index + 1}. {choice}",
            100.0 * count / answered if answered else None,
            f"{count} of {answered}" + (", right" if index in item.question.answer else ""),
        )
        for index, (choice, count) in enumerate(zip(item.question.choices, item.choice_counts, strict=True))
    ]
    return percent_chart(
        "choices-chart",
        f"How the answers to question {item.number} spread over the choices",
        "Share of the students who answered that picked each choice.",
        bars,
    )


def progress_chart(progress: dashboard.Progress) -> Markup:
    bars = [Bar(row.assignment.title, row.percent, _percent_text(row.percent)) for row in progress.submitted]
    return percent_chart(
        "history-chart", "Kept score of each submitted quiz", "The best submitted score of each quiz.", bars
    )


# --- Teacher pages ---------------------------------------------------------------------------


@bp.before_request
def only_teachers() -> Response | None:
    """Every page of this blueprint is a teacher's, guarded here as in app/teacher and app/exports."""
    return refuse_unless_teacher()


@bp.get("/classes/<int:class_id>/dashboard")
def class_dashboard(class_id: int) -> str:
    school_class = classes.class_for_teacher(signed_in_teacher(), class_id)
    board = dashboard.class_dashboard(
        school_class,
        utcnow(),
        request.args.get("sort"),
        request.args.get("dir") == "desc",
        missing_as_zero=request.args.get("missing") == MISSING_ZERO,
    )
    return render_template(
        "dashboard/class.html",
        board=board,
        skills_svg=skills_chart("class-skills-chart", "Class score by skill", board.class_skills),
    )


@bp.get("/classes/<int:class_id>/dashboard/students/<int:student_id>")
def student(class_id: int, student_id: int) -> str:
    school_class = classes.class_for_teacher(signed_in_teacher(), class_id)
    progress = dashboard.student_progress(dashboard.student_of_class(school_class, student_id), utcnow())
    title = f"Score by skill: {progress.student.display_name}"
    return render_template(
        "dashboard/progress.html",
        progress=progress,
        school_class=school_class,
        for_teacher=True,
        skills_svg=skills_chart("skills-chart", title, progress.skills),
        history_svg=progress_chart(progress),
    )


@bp.get("/assignments/<int:assignment_id>/statistics")
def assignment(assignment_id: int) -> str:
    target = _own_assignment(assignment_id)
    analysis = dashboard.assignment_analysis(target)
    facility_svg, discrimination_svg = item_charts(analysis)
    return render_template(
        "dashboard/assignment.html",
        analysis=analysis,
        facility_svg=facility_svg,
        discrimination_svg=discrimination_svg,
    )


@bp.get("/assignments/<int:assignment_id>/statistics/questions/<int:number>")
def question(assignment_id: int, number: int) -> str:
    target = _own_assignment(assignment_id)
    analysis = dashboard.assignment_analysis(target)
    item = dashboard.question_at(analysis, number)
    return render_template(
        "dashboard/question.html",
        analysis=analysis,
        item=item,
        heat=analysis.heatmaps.get(item.position),
        groups=analysis.extra_groups.get(item.position, []),
        confusions=analysis.confusions.get(item.position, []),
        choices_svg=choice_chart(item) if item.question.choices else None,
    )


def _own_assignment(assignment_id: int) -> Assignment:
    """One of the signed-in teacher's assignments; 404 for anyone else's or an id out of range."""
    if not 0 < assignment_id <= dashboard.MAX_ROW_ID:
        abort(404)
    return quizzes.assignment_for_teacher(signed_in_teacher(), assignment_id)


@bp.get("/assignments/<int:assignment_id>/quiz")
def quiz(assignment_id: int) -> str:
    """The quiz the class gets (article, questions, keys); ?attempt=ID shows one attempt's order."""
    target = _own_assignment(assignment_id)
    attempt_id = request.args.get("attempt", type=int)
    return render_template("dashboard/quiz.html", quiz=dashboard.class_quiz(target, attempt_id))


@bp.post("/assignments/<int:assignment_id>/quiz/redraw")
def redraw_quiz(assignment_id: int) -> Response:
    target = _own_assignment(assignment_id)
    try:
        quizzes.draw_another_quiz(target)
    except quizzes.QuizError as error:
        flash(str(error), "error")
    else:
        flash("The class now gets another quiz from the same article. It is shown below.", "success")
    return redirect(url_for("dashboard.quiz", assignment_id=assignment_id))


@bp.get("/assignments/<int:assignment_id>/print")
def print_quiz(assignment_id: int) -> str:
    """The class's quiz on paper: no answers, a line for the name, room to mark words."""
    target = _own_assignment(assignment_id)
    return render_template("dashboard/print_quiz.html", quiz=dashboard.class_quiz(target), key=False)


@bp.get("/assignments/<int:assignment_id>/print/key")
def print_key(assignment_id: int) -> str:
    """The answer key of the printed quiz, kept apart from the students' copy."""
    target = _own_assignment(assignment_id)
    return render_template("dashboard/print_key.html", quiz=dashboard.class_quiz(target), key=True)


@bp.get("/attempts/<int:attempt_id>")
def attempt(attempt_id: int) -> str:
    """One student's attempt: each question with their answer, the key and the score."""
    found = dashboard.attempt_for_teacher(signed_in_teacher(), attempt_id)
    return render_template("dashboard/attempt.html", review=dashboard.attempt_review(found, utcnow()))


# --- The student's own page ------------------------------------------------------------------


@progress_bp.before_request
def only_students() -> Response | None:
    """Visitors are sent to /join; a signed-in teacher is refused."""
    if not current_user.is_authenticated:
        return redirect(url_for("student.join"))
    if current_student() is None:
        abort(403)
    return None


@progress_bp.get("/progress")
def mine() -> Response | str:
    """A signed-in student's own history and skills; nobody else's, and not for teachers."""
    progress = dashboard.own_progress(cast(SignedInStudent, current_student()).id, utcnow())
    return render_template(
        "dashboard/progress.html",
        progress=progress,
        school_class=None,
        for_teacher=False,
        skills_svg=skills_chart("skills-chart", "My score by skill", progress.skills),
        history_svg=progress_chart(progress),
    )
