"""The teacher's pages: classes and rosters, the library (upload, preview) and assignments."""

from __future__ import annotations

import random
from pathlib import PurePosixPath
from zoneinfo import available_timezones

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from app.auth.access import refuse_unless_teacher, signed_in_teacher
from app.auth.forms import flash_form_errors, show_problem
from app.domain.article import SKILLS
from app.domain.generate import KIND_TITLES, all_questions, build_quiz
from app.models import Assignment, SchoolClass, Student
from app.services import classes, content, quizzes, times
from app.teacher import presenters
from app.teacher.forms import (
    ATTEMPTS_LABELS,
    FEEDBACK_LABELS,
    LATE_LABELS,
    AssignForm,
    ClassNameForm,
    ClassSettingsForm,
    ConfirmForm,
    EditAssignmentForm,
    ExtensionForm,
    MergeStudentForm,
    RemoveStudentForm,
    StudentNameForm,
    UploadForm,
)

bp = Blueprint("teacher", __name__, template_folder="templates")

MAX_SEED = 2**31 - 1
UPLOAD_MESSAGES = {
    "new": "new article",
    "updated": "new version {version}",
    "unchanged": "unchanged (the library already has this exact file as version {version})",
}


@bp.before_request
def only_teachers() -> Response | None:
    return refuse_unless_teacher()


def _own_class(class_id: int) -> SchoolClass:
    return classes.class_for_teacher(signed_in_teacher(), class_id)


def _own_student(class_id: int, student_id: int) -> tuple[SchoolClass, Student]:
    school_class = _own_class(class_id)
    return school_class, classes.student_in_class(school_class, student_id)


# --- Classes ----------------------------------------------------------------------------------


@bp.route("/classes", methods=["GET", "POST"], endpoint="classes")
def class_list() -> Response | str:
    teacher = signed_in_teacher()
    form = ClassNameForm()
    if form.validate_on_submit():
        try:
            school_class = classes.create_class(teacher, form.name.data or "")
        except classes.ClassError as exc:
            show_problem(form, "name", str(exc))
        else:
            flash(
                f"Class “{school_class.name}” created. Its join code is {school_class.join_code}.", "success"
            )
            return redirect(url_for("teacher.class_page", class_id=school_class.id))
    else:
        flash_form_errors(form)
    summaries = classes.classes_of(teacher)
    return render_template(
        "teacher/classes.html",
        form=form,
        active=[s for s in summaries if not s.school_class.archived],
        archived=[s for s in summaries if s.school_class.archived],
    )


def _zone_choices() -> list[SelectChoice]:
    """The server's default first, then every IANA area/city zone (and UTC) by name."""
    default = str(current_app.config.get("DEFAULT_TIME_ZONE", "UTC"))
    zones = sorted(name for name in available_timezones() if "/" in name or name == "UTC")
    return [SelectChoice("", f"The server's time zone ({default})"), *(SelectChoice(z, z) for z in zones)]


def _settings_form(school_class: SchoolClass, formdata: bool = False) -> ClassSettingsForm:
    if formdata:
        form = ClassSettingsForm()
    else:
        form = ClassSettingsForm(
            formdata=None,
            one_to_one_devices=school_class.one_to_one_devices,
            time_zone=school_class.time_zone,
        )
    form.time_zone.choices = _zone_choices()
    return form


def _render_class(
    school_class: SchoolClass,
    rename_form: ClassNameForm | None = None,
    settings_form: ClassSettingsForm | None = None,
) -> str:
    if rename_form is None:
        rename_form = ClassNameForm(formdata=None, name=school_class.name)
    return render_template(
        "teacher/class.html",
        overview=classes.class_overview(school_class),
        school_class=school_class,
        rename_form=rename_form,
        settings_form=settings_form or _settings_form(school_class),
        join_url=url_for("student.join", _external=True),
        attempts_labels=ATTEMPTS_LABELS,
        feedback_labels=FEEDBACK_LABELS,
        late_labels=LATE_LABELS,
    )


@bp.get("/classes/<int:class_id>")
def class_page(class_id: int) -> str:
    return _render_class(_own_class(class_id))


@bp.post("/classes/<int:class_id>/rename")
def rename_class(class_id: int) -> Response | str:
    school_class = _own_class(class_id)
    form = ClassNameForm()
    if form.validate_on_submit():
        try:
            classes.rename_class(school_class, form.name.data or "")
        except classes.ClassError as exc:
            show_problem(form, "name", str(exc))
        else:
            flash("Class renamed.", "success")
            return redirect(url_for("teacher.class_page", class_id=class_id))
    else:
        flash_form_errors(form)
    return _render_class(school_class, rename_form=form)


@bp.post("/classes/<int:class_id>/settings")
def class_settings(class_id: int) -> Response | str:
    school_class = _own_class(class_id)
    form = _settings_form(school_class, formdata=True)
    if form.validate_on_submit():
        try:
            classes.update_settings(
                school_class, bool(form.one_to_one_devices.data), str(form.time_zone.data or "")
            )
        except classes.ClassError as exc:
            show_problem(form, "time_zone", str(exc))
        else:
            flash("Class settings saved.", "success")
            return redirect(url_for("teacher.class_page", class_id=class_id))
    else:
        flash_form_errors(form)
    return _render_class(school_class, settings_form=form)


@bp.post("/classes/<int:class_id>/archive")
def archive_class(class_id: int) -> Response:
    school_class = _own_class(class_id)
    classes.set_archived(school_class, True)
    flash(
        f"“{school_class.name}” is archived: its students cannot sign in until you unarchive it.", "success"
    )
    return redirect(url_for("teacher.class_page", class_id=class_id))


@bp.post("/classes/<int:class_id>/unarchive")
def unarchive_class(class_id: int) -> Response:
    school_class = _own_class(class_id)
    classes.set_archived(school_class, False)
    flash(f"“{school_class.name}” is active again.", "success")
    return redirect(url_for("teacher.class_page", class_id=class_id))


@bp.post("/classes/<int:class_id>/join-code")
def new_join_code(class_id: int) -> Response:
    code = classes.regenerate_join_code(_own_class(class_id))
    flash(
        f"The new join code is {code}. The old code no longer works; students already in the class stay in.",
        "success",
    )
    return redirect(url_for("teacher.class_page", class_id=class_id))


# --- Students ---------------------------------------------------------------------------------


@bp.route("/classes/<int:class_id>/students/<int:student_id>", methods=["GET", "POST"])
def student_page(class_id: int, student_id: int) -> Response | str:
    school_class, student = _own_student(class_id, student_id)
    form = StudentNameForm(name=student.display_name) if request.method == "GET" else StudentNameForm()
    if form.validate_on_submit():
        try:
            classes.rename_student(student, form.name.data or "")
        except classes.NameTakenError as exc:
            show_problem(
                form,
                "name",
                f"Another student of this class is already called “{exc.name}”. Choose another name, "
                "or, if they are the same person, merge the two students below.",
            )
        except classes.ClassError as exc:
            show_problem(form, "name", str(exc))
        else:
            flash(f"Renamed to “{student.display_name}”.", "success")
            return redirect(url_for("teacher.student_page", class_id=class_id, student_id=student_id))
    else:
        flash_form_errors(form)
    return render_template(
        "teacher/student.html",
        school_class=school_class,
        student=student,
        form=form,
    )


@bp.get("/classes/<int:class_id>/students/<int:student_id>/merge")
def choose_merge(class_id: int, student_id: int) -> Response | str:
    """Choose the student to merge into; the choice (?into=) leads to the confirmation page."""
    school_class, student = _own_student(class_id, student_id)
    into = request.args.get("into", "", type=str)
    if into.isdigit() and len(into) <= 12:
        kept = classes.student_in_class(school_class, int(into))
        return redirect(
            url_for("teacher.merge_student", class_id=class_id, student_id=student.id, into_id=kept.id)
        )
    return render_template(
        "teacher/choose_merge.html",
        school_class=school_class,
        student=student,
        others=classes.merge_candidates(student),
    )


@bp.route("/classes/<int:class_id>/students/<int:student_id>/merge/<int:into_id>", methods=["GET", "POST"])
def merge_student(class_id: int, student_id: int, into_id: int) -> Response | str:
    """Merge this student into another of the class: a confirmation page, then the merge."""
    school_class, student = _own_student(class_id, student_id)
    kept = classes.student_in_class(school_class, into_id)
    form = MergeStudentForm()
    if form.validate_on_submit():
        name = student.display_name
        try:
            moved = classes.merge_students(kept, student)
        except classes.ClassError as exc:
            flash(str(exc), "error")
            return redirect(url_for("teacher.student_page", class_id=class_id, student_id=student_id))
        flash(f"{name} is merged into {kept.display_name}: {moved} attempt(s) moved.", "success")
        return redirect(url_for("teacher.student_page", class_id=class_id, student_id=kept.id))
    return render_template(
        "teacher/merge_student.html", school_class=school_class, student=student, kept=kept, form=form
    )


@bp.post("/classes/<int:class_id>/students/<int:student_id>/rejoin-code")
def reset_rejoin_code(class_id: int, student_id: int) -> Response:
    _, student = _own_student(class_id, student_id)
    code = classes.reset_rejoin_code(student)
    flash(f"{student.display_name}'s new rejoin code is {code}. The old one no longer works.", "success")
    return redirect(url_for("teacher.student_page", class_id=class_id, student_id=student_id))


@bp.route("/classes/<int:class_id>/students/<int:student_id>/remove", methods=["GET", "POST"])
def remove_student(class_id: int, student_id: int) -> Response | str:
    school_class, student = _own_student(class_id, student_id)
    form = RemoveStudentForm()
    if form.validate_on_submit():
        classes.remove_student(student, delete_attempts=bool(form.delete_attempts.data))
        kept = (
            "and their past answers"
            if form.delete_attempts.data
            else "(their past answers stay in the scores)"
        )
        flash(f"{student.display_name} is removed from {school_class.name} {kept}.", "success")
        return redirect(url_for("teacher.class_page", class_id=class_id))
    return render_template(
        "teacher/remove_student.html", school_class=school_class, student=student, form=form
    )


# --- Library ----------------------------------------------------------------------------------


def _render_library(form: UploadForm) -> str:
    return render_template(
        "teacher/library.html",
        versions=content.latest_versions(signed_in_teacher()),
        form=form,
        skills=SKILLS,
    )


@bp.get("/library")
def library() -> str:
    return _render_library(UploadForm())


MAX_FILENAME = 255  # ArticleVersion.source_name


def _upload_name(filename: str | None) -> str:
    """Only the file's own name, whatever path a browser sent (some send C:\\fakepath\\...)."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    return name or "upload.yaml"


@bp.post("/library/upload")
def upload() -> Response | str:
    form = UploadForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return _render_library(form)
    storage = form.file.data
    data = storage.read()
    filename = _upload_name(storage.filename)
    if len(filename) > MAX_FILENAME:
        show_problem(
            form,
            "file",
            f"The file name has {len(filename)} characters; rename the file to at most {MAX_FILENAME}.",
        )
        return _render_library(form)
    try:
        outcome, result = content.import_upload(data, filename, signed_in_teacher())
    except content.ContentError as exc:
        # The vocabulary file itself is broken: nothing a teacher's upload can fix.
        show_problem(form, "file", f"The library cannot check files right now: {exc}")
        return _render_library(form)
    if outcome.status == "error":
        lines, unplaced = presenters.numbered_lines(presenters.decode_for_display(data), result.problems)
        flash(f"{filename} was not imported: fix the problems below and upload it again.", "error")
        return render_template(
            "teacher/upload_problems.html",
            filename=filename,
            problems=result.problems,
            errors=result.errors,
            lines=lines,
            unplaced=unplaced,
            form=UploadForm(formdata=None),
        )
    title = result.article.title if result.article is not None else filename
    message = UPLOAD_MESSAGES[outcome.status].format(version=outcome.version)
    flash(f"{filename}: “{title}”, {message}.", "success")
    if result.warnings:
        flash(f"{len(result.warnings)} warning(s): " + " ".join(str(w) for w in result.warnings), "info")
    return redirect(url_for("teacher.library"))


@bp.get("/library/versions/<int:version_id>/preview")
def preview(version_id: int) -> str:
    version = content.version_for_teacher(signed_in_teacher(), version_id)
    seed = request.args.get("seed", default=1, type=int)
    if seed is None or not 0 <= seed <= MAX_SEED:
        seed = 1
    show_all = request.args.get("all") == "1"
    try:
        article = content.parse_version(version)
        vocabulary = content.current_vocabulary()
    except content.ContentError as exc:
        return render_template(
            "teacher/preview.html", version=version, problem=exc, seed=seed, show_all=show_all
        )
    if show_all:
        questions = all_questions(article, vocabulary, random.Random(seed))
    else:
        questions = build_quiz(article, vocabulary, seed)
    return render_template(
        "teacher/preview.html",
        version=version,
        article=article,
        questions=questions,
        kind_titles=KIND_TITLES,
        seed=seed,
        show_all=show_all,
        problem=None,
    )


# --- Assignments ------------------------------------------------------------------------------


def _zones_hint(open_classes: list[SchoolClass], chosen: int | None) -> str:
    """Which time zone the due date is typed in: the chosen class's, or each class's."""
    chosen_class = next((c for c in open_classes if c.id == chosen), None)
    zones = {c.id: times.zone_name(c) for c in open_classes}
    if chosen_class is not None and len(set(zones.values())) > 1:
        return f"Optional. Type it in the class's time zone, {zones[chosen_class.id]}."
    if len(set(zones.values())) <= 1:
        zone = next(iter(zones.values()), times.default_zone_name())
        return f"Optional. Type it in the class's time zone, {zone}."
    listed = "; ".join(f"{c.name}: {zones[c.id]}" for c in open_classes)
    return f"Optional. Type it in the chosen class's time zone ({listed})."


@bp.route("/assign", methods=["GET", "POST"])
def assign() -> Response | str:
    teacher = signed_in_teacher()
    open_classes = classes.open_classes_of(teacher)
    versions = content.latest_versions(teacher)
    form = AssignForm()
    form.class_id.choices = [SelectChoice(c.id, c.name) for c in open_classes]
    form.version_id.choices = [SelectChoice(v.id, f"{v.title} (version {v.number})") for v in versions]
    if request.method == "GET":
        form.class_id.data = request.args.get("class_id", type=int)
        form.version_id.data = request.args.get("version_id", type=int)
    if request.method == "POST" and not (open_classes and versions):
        flash("Create a class and import an article first; then you can assign its quiz.", "error")
    elif form.validate_on_submit():
        school_class = classes.class_for_teacher(teacher, form.class_id.data)
        version = next(v for v in versions if v.id == form.version_id.data)
        try:
            assignment = quizzes.assign_quiz(
                school_class,
                version,
                title=form.title.data or "",
                due_at=times.to_utc(school_class, form.due_at.data),
                attempts_policy=form.attempts_policy.data,
                feedback_mode=form.feedback_mode.data,
                late_policy=form.late_policy.data,
                answers_shown=form.answers_shown.data,
                ask_confidence=bool(form.ask_confidence.data),
                kinds_off=form.kinds_off.data or [],
                refuse_past_due=True,
            )
        except (quizzes.QuizError, content.ContentError) as exc:
            show_problem(form, getattr(exc, "field", None) or "version_id", str(exc))
        else:
            flash(f"“{assignment.title}” is assigned to {school_class.name}.", "success")
            return redirect(url_for("teacher.class_page", class_id=school_class.id))
    else:
        flash_form_errors(form)
    return render_template(
        "teacher/assign.html",
        form=form,
        open_classes=open_classes,
        versions=versions,
        due_hint=_zones_hint(
            open_classes, form.class_id.data if isinstance(form.class_id.data, int) else None
        ),
    )


def _own_assignment(assignment_id: int) -> Assignment:
    return quizzes.assignment_for_teacher(signed_in_teacher(), assignment_id)


def _extension_form(assignment: Assignment, formdata: bool = True) -> ExtensionForm:
    form = ExtensionForm() if formdata else ExtensionForm(formdata=None)
    students = quizzes.current_students(assignment.school_class)
    form.student_id.choices = [SelectChoice(student.id, student.display_name) for student in students]
    return form


def _render_settings(
    assignment: Assignment,
    form: EditAssignmentForm | None = None,
    extension_form: ExtensionForm | None = None,
) -> str:
    school_class = assignment.school_class
    if form is None:
        form = EditAssignmentForm(
            formdata=None,
            title=assignment.title,
            due_at=times.to_local(school_class, assignment.due_at),
            late_policy=assignment.late_policy,
            attempts_policy=assignment.attempts_policy,
            feedback_mode=assignment.feedback_mode,
            answers_shown=assignment.answers_shown,
            ask_confidence=assignment.ask_confidence,
            kinds_off=list(assignment.kinds_off or []),
        )
    return render_template(
        "teacher/edit_assignment.html",
        assignment=assignment,
        school_class=school_class,
        form=form,
        extension_form=extension_form or _extension_form(assignment, formdata=False),
        extensions=quizzes.extensions_of(assignment),
        work=quizzes.work_of(assignment),
        zone=times.zone_name(school_class),
        remove_form=ConfirmForm(formdata=None),
    )


@bp.route("/assignments/<int:assignment_id>/edit", methods=["GET", "POST"])
def edit_assignment(assignment_id: int) -> Response | str | tuple[str, int]:
    assignment = _own_assignment(assignment_id)
    if request.method == "GET":
        return _render_settings(assignment)
    form = EditAssignmentForm()
    if form.validate_on_submit():
        try:
            quizzes.update_assignment(
                assignment,
                title=form.title.data or "",
                due_at=times.to_utc(assignment.school_class, form.due_at.data),
                attempts_policy=form.attempts_policy.data or "",
                feedback_mode=form.feedback_mode.data or "",
                late_policy=form.late_policy.data or "",
                answers_shown=form.answers_shown.data or "",
                ask_confidence=bool(form.ask_confidence.data),
                kinds_off=form.kinds_off.data or [],
                refuse_past_due=True,
            )
        except quizzes.QuizError as exc:
            show_problem(form, exc.field, str(exc))
        else:
            flash(f"Settings of “{assignment.title}” saved.", "success")
            return redirect(url_for("teacher.edit_assignment", assignment_id=assignment_id))
    else:
        flash_form_errors(form)
    return _render_settings(assignment, form=form), 422


@bp.post("/assignments/<int:assignment_id>/extensions")
def add_extension(assignment_id: int) -> Response | tuple[str, int]:
    assignment = _own_assignment(assignment_id)
    form = _extension_form(assignment)
    if form.validate_on_submit():
        school_class = assignment.school_class
        student = classes.student_in_class(school_class, form.student_id.data)
        try:
            quizzes.set_extension(
                assignment,
                student,
                due_at=times.to_utc(school_class, form.extension_due_at.data),
                extra_attempts=form.extra_attempts.data or 0,
            )
        except quizzes.QuizError as exc:
            show_problem(form, "extension_due_at" if exc.field == "due_at" else exc.field, str(exc))
        else:
            flash(f"Extension for {student.display_name} saved.", "success")
            return redirect(
                url_for("teacher.edit_assignment", assignment_id=assignment_id, _anchor="extensions")
            )
    else:
        flash_form_errors(form)
    return _render_settings(assignment, extension_form=form), 422


@bp.post("/assignments/<int:assignment_id>/extensions/<int:extension_id>/remove")
def remove_extension(assignment_id: int, extension_id: int) -> Response:
    assignment = _own_assignment(assignment_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    student = quizzes.remove_extension(assignment, extension_id)
    flash(f"{student.display_name}'s extension is removed: the class's due date applies again.", "success")
    return redirect(url_for("teacher.edit_assignment", assignment_id=assignment_id, _anchor="extensions"))


@bp.route("/assignments/<int:assignment_id>/delete", methods=["GET", "POST"])
def delete_assignment(assignment_id: int) -> Response | str:
    assignment = _own_assignment(assignment_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        class_id, title = assignment.class_id, assignment.title
        quizzes.delete_assignment(assignment)
        flash(f"“{title}” is deleted, with its answers and scores.", "success")
        return redirect(url_for("teacher.class_page", class_id=class_id))
    return render_template(
        "teacher/delete_assignment.html",
        assignment=assignment,
        school_class=assignment.school_class,
        work=quizzes.work_of(assignment),
        form=form,
    )
