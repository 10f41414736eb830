"""Who may do what: every route of the URL map, for six kinds of visitor.

TABLE below lists every endpoint and method with the outcome for each visitor.  A
route added to the app without an entry here fails ``test_every_route_is_in_the_table``,
so nobody can add a page without deciding who may use it.  CSRF is off here (see
test_csrf.py for tokens).

Every response is also checked for a strict Content-Security-Policy, for inline script,
event handlers and inline styles (which that policy would block), and, for visitors who
must not see them, for the names of the class and its students.

This module only reads, so its GET checks share one world (``shared_world``); the
POST half of the table runs in test_access_post.py, each route starting from the
world as built, because a successful POST (archive, remove, reset a code) changes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.security.support import (
    ANONYMOUS,
    CLASS_NAME,
    CLASSMATE,
    CLASSMATE_NAME,
    JOIN,
    LOGIN,
    OTHER_TEACHER,
    OUTSIDER,
    POST_FORMS,
    ROLES,
    STUDENT,
    STUDENT_NAME,
    TEACHER,
    Outcome,
    Redirect,
    World,
    build_path,
    csp_problems,
    describe_response,
    endpoints_and_methods,
    inspect_html,
    is_html,
    outcome_matches,
    url_arguments,
)


@dataclass(frozen=True)
class Expect:
    """The outcome for each visitor, and which world objects fill the URL."""

    anonymous: Outcome
    student: Outcome
    classmate: Outcome
    outsider: Outcome
    teacher: Outcome
    other_teacher: Outcome
    arguments: dict[str, str] = field(default_factory=dict)  # URL argument -> World attribute
    values: dict[str, Any] = field(default_factory=dict)  # URL argument -> literal value

    def outcome(self, role: str) -> Outcome:
        return getattr(self, role)


def everyone(outcome: Outcome, **options: Any) -> Expect:
    return Expect(outcome, outcome, outcome, outcome, outcome, outcome, **options)


def teachers_only(own: Outcome, other: Outcome, **options: Any) -> Expect:
    """Teacher pages: visitors are sent to log in, students refused, another teacher's class is 404."""
    return Expect(LOGIN, 403, 403, 403, own, other, **options)


def students_only(owner: Outcome, classmate: Outcome, outsider: Outcome, **options: Any) -> Expect:
    """Student pages: visitors are sent to /join, teachers refused, other students' work is 404."""
    return Expect(JOIN, owner, classmate, outsider, 403, 403, **options)


FINISHED = {"attempt_id": "finished_attempt_id"}
HOME = Redirect("/quizzes")

# endpoint -> method -> expected outcome per visitor.
TABLE: dict[str, dict[str, Expect]] = {
    "main.index": {"GET": everyone(200)},
    "main.favicon": {"GET": everyone(Redirect("/static/"))},
    "auth.setup": {"GET": everyone(LOGIN), "POST": everyone(LOGIN)},  # a teacher exists already
    "auth.login": {
        "GET": Expect(200, 200, 200, 200, Redirect("/teacher/classes"), Redirect("/teacher/classes")),
        "POST": everyone(Redirect("/teacher/classes")),  # the form carries the class's teacher's password
    },
    "auth.logout": {"POST": everyone(Redirect("/"))},
    "auth.account": {
        "GET": teachers_only(200, 200),
        "POST": teachers_only(Redirect("/account"), Redirect("/account")),  # each changes their own
    },
    "teacher.classes": {
        "GET": teachers_only(200, 200),
        "POST": teachers_only(Redirect("/teacher/classes/"), Redirect("/teacher/classes/")),
    },
    "teacher.class_page": {"GET": teachers_only(200, 404)},
    "teacher.rename_class": {"POST": teachers_only(Redirect("/teacher/classes/"), 404)},
    "teacher.archive_class": {"POST": teachers_only(Redirect("/teacher/classes/"), 404)},
    "teacher.unarchive_class": {"POST": teachers_only(Redirect("/teacher/classes/"), 404)},
    "teacher.new_join_code": {"POST": teachers_only(Redirect("/teacher/classes/"), 404)},
    "teacher.student_page": {
        "GET": teachers_only(200, 404),
        "POST": teachers_only(Redirect("/teacher/classes/"), 404),
    },
    "teacher.reset_rejoin_code": {"POST": teachers_only(Redirect("/teacher/classes/"), 404)},
    "teacher.class_settings": {"POST": teachers_only(Redirect("/teacher/classes/"), 404)},
    # Whom to merge the student into; the choice (?into=) leads to the confirmation page.
    "teacher.choose_merge": {"GET": teachers_only(200, 404)},
    # Merging the student into a classmate: a confirmation page, then the merge.
    "teacher.merge_student": {
        "GET": teachers_only(200, 404, arguments={"into_id": "classmate_id"}),
        "POST": teachers_only(Redirect("/teacher/classes/"), 404, arguments={"into_id": "classmate_id"}),
    },
    "teacher.remove_student": {
        "GET": teachers_only(200, 404),
        "POST": teachers_only(Redirect("/teacher/classes/"), 404),
    },
    # The library is shared by every teacher of the install.
    "teacher.library": {"GET": teachers_only(200, 200)},
    "teacher.upload": {"POST": teachers_only(Redirect("/teacher/library"), Redirect("/teacher/library"))},
    "teacher.preview": {"GET": teachers_only(200, 200)},
    # The editor: the version is the school's, which every teacher may open and download; a save
    # stores the teacher's own new article (each post has an id of its own).
    "editor.new_article": {"GET": teachers_only(200, 200), "POST": teachers_only(200, 200)},
    "editor.edit_version": {"GET": teachers_only(200, 200)},
    "editor.download_version": {"GET": teachers_only(200, 200)},
    "editor.check": {"POST": teachers_only(400, 400)},
    "editor.save": {
        "POST": teachers_only(Redirect("/teacher/library/versions/"), Redirect("/teacher/library/versions/"))
    },
    "editor.download": {"POST": teachers_only(200, 200)},
    # Another teacher's class is not among the form's choices: the form is shown again (200),
    # and test_assigning_to_another_teachers_class_creates_nothing checks nothing was made.
    "teacher.assign": {
        "GET": teachers_only(200, 200),
        "POST": teachers_only(Redirect("/teacher/classes/"), 200),
    },
    "teacher.edit_assignment": {
        "GET": teachers_only(200, 404),
        "POST": teachers_only(Redirect("/teacher/assignments/"), 404),
    },
    "teacher.add_extension": {"POST": teachers_only(Redirect("/teacher/assignments/"), 404)},
    "teacher.remove_extension": {"POST": teachers_only(Redirect("/teacher/assignments/"), 404)},
    "teacher.delete_assignment": {
        "GET": teachers_only(200, 404),
        "POST": teachers_only(Redirect("/teacher/classes/"), 404),
    },
    "dashboard.class_dashboard": {"GET": teachers_only(200, 404)},
    "dashboard.student": {"GET": teachers_only(200, 404)},
    "dashboard.assignment": {"GET": teachers_only(200, 404)},
    "dashboard.question": {"GET": teachers_only(200, 404)},
    "dashboard.quiz": {"GET": teachers_only(200, 404)},
    # Once a student has started, drawing another quiz is refused with a message (and a redirect).
    "dashboard.redraw_quiz": {"POST": teachers_only(Redirect("/teacher/assignments/"), 404)},
    "dashboard.print_quiz": {"GET": teachers_only(200, 404)},
    "dashboard.print_key": {"GET": teachers_only(200, 404)},
    "dashboard.attempt": {"GET": teachers_only(200, 404)},
    "exports.all_classes": {"GET": teachers_only(200, 200)},  # each sees only their own classes
    "exports.class_exports": {"GET": teachers_only(200, 404)},
    "exports.download_all": {"GET": teachers_only(200, 200)},
    "exports.download_class": {"GET": teachers_only(200, 404)},
    "progress.mine": {"GET": Expect(JOIN, 200, 200, 200, 403, 403)},
    # Joining or rejoining signs in whoever sends the form, as a student.
    "student.join": {"GET": everyone(200), "POST": everyone(Redirect("/welcome"))},
    "student.rejoin": {"GET": everyone(200), "POST": everyone(HOME)},
    "student.leave": {"POST": everyone(Redirect("/rejoin"))},
    "student.welcome": {"GET": students_only(HOME, HOME, HOME)},  # the code is shown only right after /join
    "student.home": {"GET": students_only(200, 200, 200)},
    "student.my_code": {"GET": students_only(200, 200, 200)},  # each sees only their own code
    "student.not_you": {"GET": students_only(200, 200, 200)},
    # A classmate may start the class's assignment too: it is theirs as well.
    "student.start": {"POST": students_only(Redirect("/attempts/"), Redirect("/attempts/"), 404)},
    "student.attempt": {"GET": students_only(Redirect("/attempts/"), 404, 404)},
    "student.question": {"GET": students_only(200, 404, 404, values={"number": 2})},
    "student.answer": {"POST": students_only(Redirect("/attempts/"), 404, 404, values={"number": 2})},
    "student.feedback": {"GET": students_only(200, 404, 404)},
    "student.review": {"GET": students_only(200, 404, 404)},
    "student.submit": {"POST": students_only(Redirect("/attempts/"), 404, 404)},
    "student.results": {"GET": students_only(200, 404, 404, arguments=FINISHED)},
}

# Forms meant for visitors who are not signed in yet.
ANONYMOUS_FORMS = frozenset({"auth.login", "auth.setup", "student.join", "student.rejoin"})


def actor(endpoint: str) -> str:
    """Who sends this POST form for real: the teacher or student it is for, else a visitor."""
    if endpoint in ANONYMOUS_FORMS:
        return ANONYMOUS
    expect = TABLE[endpoint]["POST"]
    refused = (403, 404, LOGIN, JOIN)
    return next((role for role in (TEACHER, STUDENT) if expect.outcome(role) not in refused), ANONYMOUS)


CASES = sorted((endpoint, method) for endpoint, methods in TABLE.items() for method in methods)
GET_CASES = [case for case in CASES if case[1] == "GET"]
POST_CASES = [case for case in CASES if case[1] == "POST"]

# Names only the class's teacher (and, for their own name, the student) may ever see.
HIDDEN_FROM: dict[str, tuple[str, ...]] = {
    OTHER_TEACHER: (CLASS_NAME, STUDENT_NAME, CLASSMATE_NAME),
    OUTSIDER: (CLASS_NAME, STUDENT_NAME, CLASSMATE_NAME),
    CLASSMATE: (STUDENT_NAME,),
}


def path_for(app: Flask, world: World, endpoint: str, expect: Expect, **overrides: Any) -> str:
    arguments = url_arguments(world)
    arguments.update({name: getattr(world, attribute) for name, attribute in expect.arguments.items()})
    arguments.update(expect.values)
    arguments.update(overrides)
    return build_path(app, endpoint, arguments)


def test_every_route_is_in_the_table(shared_app: Flask) -> None:
    in_app = set(endpoints_and_methods(shared_app))
    in_table = set(CASES)
    assert not in_app - in_table, (
        f"routes with no entry in TABLE (decide who may use them): {in_app - in_table}"
    )
    assert not in_table - in_app, f"TABLE entries the app no longer has: {in_table - in_app}"


def test_every_post_route_has_a_plausible_form(shared_app: Flask) -> None:
    posts = {endpoint for endpoint, method in endpoints_and_methods(shared_app) if method == "POST"}
    assert posts == set(POST_FORMS), posts ^ set(POST_FORMS)


def check_response(
    role: str, expect: Expect, response: TestResponse, failures: list[str], label: str
) -> None:
    """The expected outcome, a strict CSP, no leak of other people's names, no inline script."""
    expected = expect.outcome(role)
    if not outcome_matches(expected, response):
        failures.append(f"{label} as {role}: expected {expected}, got {describe_response(response)}")
    for problem in csp_problems(response):
        failures.append(f"{label} as {role}: {problem}")
    if response.status_code == 200:
        body = response.get_data(as_text=True)
        for secret in HIDDEN_FROM.get(role, ()):
            if secret in body:
                failures.append(f"{label} as {role}: the page shows {secret!r}")
        if is_html(response):
            for problem in inspect_html(body).active:
                failures.append(f"{label} as {role}: {problem}")


@pytest.mark.parametrize(("endpoint", "method"), GET_CASES)
def test_get(
    shared_app: Flask, shared_world: World, signed_in: dict[str, FlaskClient], endpoint: str, method: str
) -> None:
    expect = TABLE[endpoint][method]
    path = path_for(shared_app, shared_world, endpoint, expect)
    failures: list[str] = []
    for role in ROLES:
        check_response(role, expect, signed_in[role].get(path), failures, f"GET {path}")
    assert not failures, "\n".join(failures)


def test_ids_that_do_not_exist_are_not_found(
    shared_app: Flask, shared_world: World, signed_in: dict[str, FlaskClient]
) -> None:
    """Every numeric URL argument, set to an id nobody has, gives 404 to the visitor allowed in."""
    checked = 0
    for endpoint, method in GET_CASES:
        expect = TABLE[endpoint][method]
        [rule] = [r for r in shared_app.url_map.iter_rules() if r.endpoint == endpoint]
        for argument in sorted(rule.arguments - {"kind"}):
            role = TEACHER if expect.teacher == 200 else STUDENT
            path = path_for(shared_app, shared_world, endpoint, expect, **{argument: 987_654})
            response = signed_in[role].get(path)
            assert response.status_code == 404, (path, role, response.status_code)
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize("number", [0, 999])
def test_question_numbers_out_of_range_are_not_found(
    shared_app: Flask, shared_world: World, signed_in: dict[str, FlaskClient], number: int
) -> None:
    for endpoint, role in (
        ("student.question", STUDENT),
        ("student.feedback", STUDENT),
        ("dashboard.question", TEACHER),
    ):
        path = build_path(shared_app, endpoint, url_arguments(shared_world) | {"number": number})
        assert signed_in[role].get(path).status_code == 404, path


def test_anonymous_visitors_of_teacher_pages_come_back_after_login(
    shared_app: Flask, shared_world: World
) -> None:
    response = shared_app.test_client().get(f"/teacher/classes/{shared_world.class_id}")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")
