"""The student side: join a class, take quizzes one question at a time, see feedback and results.

Quiz URLs number questions from 1, as the page does ("Question 3 of 12"); the
services count positions from 0.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar, cast

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from app.domain.confidence import CONFIDENCE_LEVELS
from app.extensions import limiter
from app.models import FEEDBACK_TEST, Student, utcnow
from app.security import SignedInStudent, current_student
from app.services import classes, quizzes
from app.services.classes import ClassError, NameTakenError
from app.services.quizzes import AttemptView, QuizError, SavedAnswer
from app.student.forms import ActionForm, JoinForm, RejoinForm

bp = Blueprint("student", __name__, template_folder="templates")

View = TypeVar("View", bound=Callable[..., ResponseReturnValue])

# Set in the session by /join so /welcome shows the new rejoin code once.
SHOW_REJOIN_CODE = "show_rejoin_code"
# Set by /join and /rejoin (in ``g``) when the class or rejoin code was wrong: only those tries
# count towards the per-address guessing limit.
WRONG_CODE = "wrong_code"
RATE_LIMITED_MESSAGE = (
    "Too many tries from this network in a short time. Wait a minute, then press the button again: "
    "what you typed is still here."
)


def _config_limit(key: str) -> Callable[[], str]:
    return lambda: str(current_app.config[key])


def _typed_class_code() -> str:
    """The class code of a join or rejoin POST, as compared (limits are counted per class code)."""
    from app.domain.codes import normalise_code

    typed = request.form.get("class_code", "")
    # An empty key makes flask-limiter skip the limit: the per-address ones still apply.
    return normalise_code(typed[:20]) if typed.strip() else ""


def _wrong_code(_response: Response) -> bool:
    return bool(g.get(WRONG_CODE, False))


# Shared by /join and /rejoin (one count for both), POSTs only.  Wrong codes per address count
# only failed tries (deduct_when); the other two count every try, per address and per class code.
_wrong_codes_per_address = limiter.shared_limit(
    _config_limit("JOIN_WRONG_CODE_LIMIT"), scope="join-wrong-code", methods=["POST"], deduct_when=_wrong_code
)
_tries_per_address = limiter.shared_limit(
    _config_limit("JOIN_ADDRESS_LIMIT"), scope="join-address", methods=["POST"]
)
_tries_per_class = limiter.shared_limit(
    _config_limit("JOIN_CLASS_LIMIT"), scope="join-class", key_func=_typed_class_code, methods=["POST"]
)


def _join_limits(view: View) -> View:
    """Guessing codes is slow; a whole class joining at once from one school address is not refused."""
    return cast(View, _wrong_codes_per_address(_tries_per_address(_tries_per_class(view))))


def student_required(view: View) -> View:
    """Students only: anonymous visitors are sent to /join, teachers are refused."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        if current_student() is not None:
            return view(*args, **kwargs)
        if current_user.is_authenticated:
            abort(403)
        flash("Join your class (or rejoin it with your rejoin code) to see your quizzes.", "info")
        return redirect(url_for("student.join"))

    return cast(View, wrapped)


def _student() -> SignedInStudent:
    return cast(SignedInStudent, current_student())


# --- Joining ------------------------------------------------------------------------------


def _class_error_field(error: ClassError, form: JoinForm | RejoinForm) -> Any:
    """The form field a ClassError is about (``error.field``), so its message is shown next to it."""
    return form[error.field or "class_code"]


def _sign_in(student: Student) -> None:
    """A new session for ``student``: until the browser closes on shared computers; with 1:1
    devices, remembered for at most STUDENT_REMEMBER_DAYS days."""
    session.clear()
    if student.school_class.one_to_one_devices:
        days = timedelta(days=int(current_app.config.get("STUDENT_REMEMBER_DAYS", 30)))
        session.permanent = True
        login_user(student, remember=True, duration=days)
    else:
        session.permanent = False
        login_user(student, remember=False)


def _note_wrong_code(error: ClassError) -> None:
    if not isinstance(error, NameTakenError):
        g.setdefault(WRONG_CODE, True)


@bp.errorhandler(429)
def too_many_tries(_error: Exception) -> ResponseReturnValue:
    """A refused join or rejoin shows the form again with what was typed and a plain message."""
    if request.endpoint == "student.join":
        form: JoinForm | RejoinForm = JoinForm()
        template = "student/join.html"
    elif request.endpoint == "student.rejoin":
        form = RejoinForm()
        template = "student/rejoin.html"
    else:
        return render_template("errors/error.html", error=_error), 429
    return render_template(template, form=form, too_many=RATE_LIMITED_MESSAGE), 429


@bp.route("/join", methods=["GET", "POST"])
@_join_limits
def join() -> ResponseReturnValue:
    form = JoinForm()
    name_taken: NameTakenError | None = None
    if form.validate_on_submit():
        try:
            student = classes.join_class(form.class_code.data or "", form.display_name.data or "")
        except ClassError as error:
            _note_wrong_code(error)
            if isinstance(error, NameTakenError):
                name_taken = error
            _class_error_field(error, form).errors.append(str(error))
        else:
            _sign_in(student)
            session[SHOW_REJOIN_CODE] = True
            return redirect(url_for("student.welcome"))
    status = 422 if any(field.errors for field in form) else 200
    return render_template("student/join.html", form=form, name_taken=name_taken), status


@bp.get("/welcome")
@student_required
def welcome() -> ResponseReturnValue:
    """The rejoin code, shown once right after joining."""
    if not session.pop(SHOW_REJOIN_CODE, False):
        return redirect(url_for("student.home"))
    response = make_response(render_template("student/welcome.html", student=_student()))
    # Not kept by the browser: Back on a shared computer must not show the code again.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/my-code")
@student_required
def my_code() -> ResponseReturnValue:
    """The signed-in student's own rejoin code, whenever they need it again."""
    response = make_response(render_template("student/my_code.html", student=_student(), form=ActionForm()))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/not-you")
@student_required
def not_you() -> ResponseReturnValue:
    """Somebody else's name on a shared computer: sign that student out, then join or rejoin."""
    return render_template("student/not_you.html", student=_student(), form=ActionForm())


@bp.route("/rejoin", methods=["GET", "POST"])
@_join_limits
def rejoin() -> ResponseReturnValue:
    form = RejoinForm()
    if request.method == "GET" and not form.class_code.data:
        # From the join page's "that name is taken" message: the class code is filled in.
        typed = request.args.get("class_code", "", type=str)[:20]
        form.class_code.data = typed if typed.isalnum() else ""
    if form.validate_on_submit():
        try:
            student = classes.rejoin_class(form.class_code.data or "", form.rejoin_code.data or "")
        except ClassError as error:
            _note_wrong_code(error)
            _class_error_field(error, form).errors.append(str(error))
        else:
            _sign_in(student)
            flash(f"Welcome back, {student.display_name}.", "success")
            return redirect(url_for("student.home"))
    status = 422 if any(field.errors for field in form) else 200
    return render_template("student/rejoin.html", form=form), status


@bp.post("/leave")
def leave() -> ResponseReturnValue:
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    # Clear first: logout_user() then records that the remember-me cookie must be deleted too.
    session.clear()
    logout_user()
    if request.form.get("then") == "join":
        flash("The other student is signed out. Join your class, or rejoin it with your rejoin code.", "info")
        return redirect(url_for("student.join"))
    flash("You have signed out. To continue later, rejoin with your class code and rejoin code.", "info")
    return redirect(url_for("student.rejoin"))


# --- The quiz list ------------------------------------------------------------------------


@bp.get("/quizzes")
@student_required
def home() -> ResponseReturnValue:
    items = quizzes.student_assignments(_student())
    return render_template("student/home.html", items=items, now=utcnow(), form=ActionForm())


@bp.post("/assignments/<int:assignment_id>/start")
@student_required
def start(assignment_id: int) -> ResponseReturnValue:
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    assignment = quizzes.assignment_for_student(_student(), assignment_id)
    try:
        attempt = quizzes.start_attempt(_student(), assignment)
    except QuizError as error:
        flash(str(error), "error")
        return redirect(url_for("student.home"))
    return redirect(url_for("student.attempt", attempt_id=attempt.id))


# --- Taking a quiz ------------------------------------------------------------------------


def _question_url(view: AttemptView | SavedAnswer, position: int) -> str:
    return url_for("student.question", attempt_id=view.attempt_id, number=position + 1)


def _position(view: AttemptView | SavedAnswer, number: int) -> int:
    if not 1 <= number <= view.total:
        abort(404)
    return number - 1


@bp.get("/attempts/<int:attempt_id>")
@student_required
def attempt(attempt_id: int) -> ResponseReturnValue:
    """Resume: the first unanswered question, else the review page, else the results."""
    view = quizzes.student_attempt_view(_student(), attempt_id)
    if view.attempt.submitted:
        return redirect(url_for("student.results", attempt_id=attempt_id))
    position = view.first_unanswered()
    if position is None:
        return redirect(url_for("student.review", attempt_id=attempt_id))
    return redirect(_question_url(view, position))


def _render_question(view: AttemptView, position: int, error: str | None = None) -> ResponseReturnValue:
    answer = view.answer_of(position)
    confidence = view.confidence_of(position)
    if error is not None:
        # Keep what the student ticked, as far as it can be read, so they can correct it.
        answer = [int(v) for v in request.form.getlist("answer") if v.isdigit() and len(v) < 10]
        sent = request.form.get("confidence")
        confidence = sent if sent in CONFIDENCE_LEVELS else None
    return (
        render_template(
            "student/question.html",
            view=view,
            position=position,
            question=view.questions[position],
            answer=answer,
            confidence=confidence,
            error=error,
        ),
        422 if error else 200,
    )


@bp.get("/attempts/<int:attempt_id>/questions/<int:number>")
@student_required
def question(attempt_id: int, number: int) -> ResponseReturnValue:
    view = quizzes.student_attempt_view(_student(), attempt_id)
    position = _position(view, number)
    if view.attempt.submitted:
        return redirect(url_for("student.feedback", attempt_id=attempt_id, number=number))
    if view.practice and position in view.responses:
        # In practice an answer is final once its feedback was shown.
        return redirect(url_for("student.feedback", attempt_id=attempt_id, number=number))
    return _render_question(view, position)


# In a test, the buttons that move to another question (Previous, Next, Review) belong to the
# answer form: what is ticked is saved first, so moving on never drops an answer silently.
MOVES = ("previous", "next", "review")
# The feedback page opens at the verdict, so on a phone the student lands on it, not the article.
VERDICT_ANCHOR = "verdict"


def _wants_json() -> bool:
    """The quiz script sends answers in the background and asks for JSON; a plain form gets HTML."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _move(view: AttemptView | SavedAnswer, position: int, move: str) -> str:
    """Where a test's Previous, Next or Review button leads from ``position``."""
    if move == "previous" and position > 0:
        return _question_url(view, position - 1)
    if move == "next" and position + 1 < view.total:
        return _question_url(view, position + 1)
    return url_for("student.review", attempt_id=view.attempt_id)


def _after_answer(view: AttemptView | SavedAnswer, position: int, move: str | None) -> str:
    """The page to show once an answer is saved (or skipped in a test)."""
    if view.submitted:
        return url_for("student.results", attempt_id=view.attempt_id)
    if view.practice:
        return url_for(
            "student.feedback", attempt_id=view.attempt_id, number=position + 1, _anchor=VERDICT_ANCHOR
        )
    if move is not None:
        return _move(view, position, move)
    following = view.next_unanswered(position)
    if following is None:
        return url_for("student.review", attempt_id=view.attempt_id)
    return _question_url(view, following)


def _go(url: str, *, saved: bool) -> ResponseReturnValue:
    if _wants_json():
        return {"saved": saved, "next": url}
    return redirect(url)


@bp.post("/attempts/<int:attempt_id>/questions/<int:number>")
@student_required
def answer(attempt_id: int, number: int) -> ResponseReturnValue:
    """Save one answer, then Post/Redirect/Get: a reload never sends it again.

    With ``Accept: application/json`` (the quiz script) the answer is the same, but the reply is
    JSON: ``{"saved": true, "next": url}``, or ``{"saved": false, "error": message}`` (422) for an
    answer to correct, or ``{"saved": false, "next": url}`` when the quiz can take no more answers.
    """
    # No form object: CSRFProtect (app-wide) refused a POST without a valid token before this view.
    attempt = quizzes.attempt_for_student(_student(), attempt_id)
    position = number - 1
    values = request.form.getlist("answer")
    move = request.form.get("go")
    if move not in MOVES or attempt.assignment.feedback_mode != FEEDBACK_TEST:
        move = None
    if move is not None and not values:
        # Previous, Next or Review with nothing ticked: go there, as a link would.
        view = quizzes.attempt_view(attempt)
        return _go(_after_answer(view, _position(view, number), move), saved=False)
    try:
        saved = quizzes.save_answer(attempt, position, values, request.form.get("confidence"))
    except QuizError as error:
        # Read again: the attempt may have been handed in since (another tab, the due date).
        view = quizzes.student_attempt_view(_student(), attempt_id)
        if view.attempt.submitted:
            flash(str(error), "error")
            return _go(url_for("student.results", attempt_id=attempt_id), saved=False)
        if _wants_json():
            _position(view, number)
            return {"saved": False, "error": str(error)}, 422
        return _render_question(view, _position(view, number), error=str(error))
    # What the answer's transaction read decides the next page: nothing is read again.
    return _go(_after_answer(saved, position, move), saved=True)


@bp.get("/attempts/<int:attempt_id>/questions/<int:number>/feedback")
@student_required
def feedback(attempt_id: int, number: int) -> ResponseReturnValue:
    view = quizzes.student_attempt_view(_student(), attempt_id)
    position = _position(view, number)
    # In a test, feedback waits until the whole quiz is submitted.
    shown = view.attempt.submitted or (view.practice and position in view.responses)
    if not shown:
        return redirect(_question_url(view, position))
    return render_template(
        "student/feedback.html",
        view=view,
        position=position,
        question=view.questions[position],
        result=view.result(position),
        response=view.responses.get(position),
        next_position=None if view.attempt.submitted else view.first_unanswered(),
        form=ActionForm(),
    )


@bp.get("/attempts/<int:attempt_id>/review")
@student_required
def review(attempt_id: int) -> ResponseReturnValue:
    view = quizzes.student_attempt_view(_student(), attempt_id)
    if view.attempt.submitted:
        return redirect(url_for("student.results", attempt_id=attempt_id))
    return render_template("student/review.html", view=view, form=ActionForm())


@bp.post("/attempts/<int:attempt_id>/submit")
@student_required
def submit(attempt_id: int) -> ResponseReturnValue:
    attempt = quizzes.attempt_for_student(_student(), attempt_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    quizzes.submit_attempt(attempt)
    return redirect(url_for("student.results", attempt_id=attempt_id))


@bp.get("/attempts/<int:attempt_id>/results")
@student_required
def results(attempt_id: int) -> ResponseReturnValue:
    view = quizzes.student_attempt_view(_student(), attempt_id)
    if not view.attempt.submitted:
        return redirect(url_for("student.review", attempt_id=attempt_id))
    return render_template("student/results.html", view=view, form=ActionForm())
