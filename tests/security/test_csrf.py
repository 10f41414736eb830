"""CSRF: with tokens on (as in production), every POST route of the URL map refuses a request
without a valid token (400), changes nothing in the database, and accepts the same
request with the page's token.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.extensions import db
from app.models import Teacher
from app.services import accounts
from tests.security.support import (
    ANONYMOUS,
    POST_FORMS,
    STUDENT,
    TEACHER,
    World,
    csrf_token,
    describe_response,
    endpoints_and_methods,
    outcome_matches,
    restore_snapshot,
    table_snapshot,
)
from tests.security.test_access_matrix import TABLE, actor, path_for

Clients = dict[str, FlaskClient]

# A page showing a form (so a token) to each kind of visitor.
TOKEN_PAGES = {ANONYMOUS: "/join", STUDENT: "/quizzes", TEACHER: "/teacher/classes"}
# What each kind of visitor can still open while signed in.
SIGNED_IN_PAGES = {STUDENT: "/quizzes", TEACHER: "/teacher/classes"}


@pytest.fixture(scope="module")
def shared_overrides() -> dict[str, Any]:
    return {"WTF_CSRF_ENABLED": True}


POST_ROUTES = sorted(endpoint for endpoint, methods in TABLE.items() if "POST" in methods)


def test_every_post_route_of_the_app_is_checked(shared_app: Flask) -> None:
    assert {e for e, method in endpoints_and_methods(shared_app) if method == "POST"} == set(POST_ROUTES)


@pytest.mark.parametrize("endpoint", POST_ROUTES)
def test_a_post_without_a_valid_token_is_refused_and_changes_nothing(
    shared_app: Flask, restored_world: World, fresh_clients: Clients, endpoint: str
) -> None:
    role = actor(endpoint)
    client = fresh_clients[role]
    path = path_for(shared_app, restored_world, endpoint, TABLE[endpoint]["POST"])
    with shared_app.app_context():
        before = table_snapshot()

    # Someone else's session's token is no better than none: tokens are bound to the session.
    stranger_token = csrf_token(shared_app.test_client(), "/join")
    for token in (None, "", "forged-token", stranger_token):
        data = POST_FORMS[endpoint](restored_world)
        if token is not None:
            data["csrf_token"] = token
        response = client.post(path, data=data)
        assert response.status_code == 400, (endpoint, role, token, describe_response(response))
        assert "reload it and try again" in response.get_data(as_text=True)

    with shared_app.app_context():
        assert table_snapshot() == before
    if role in SIGNED_IN_PAGES:  # a refused sign-out (or anything else) did not sign anyone out
        assert client.get(SIGNED_IN_PAGES[role]).status_code == 200

    # The same form with the page's own token goes through as the access matrix says.
    data = POST_FORMS[endpoint](restored_world)
    data["csrf_token"] = csrf_token(client, TOKEN_PAGES[role])
    response = client.post(path, data=data)
    expected = TABLE[endpoint]["POST"].outcome(role)
    assert outcome_matches(expected, response), (endpoint, role, expected, describe_response(response))


def test_first_setup_without_a_token_creates_no_teacher(shared_app: Flask, restored_world: World) -> None:
    with shared_app.app_context():
        restore_snapshot({table.name: [] for table in db.metadata.sorted_tables})
        shared_app.extensions.pop("sourcewise.setup_done", None)  # nobody has set up this install
        path = f"/setup?token={accounts.setup_token()}"
    client = shared_app.test_client()
    form = POST_FORMS["auth.setup"](restored_world)
    assert client.post(path, data=form).status_code == 400
    with shared_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Teacher)) == 0
    response = client.post(path, data=form | {"csrf_token": csrf_token(client, path)})
    assert response.status_code == 302
    with shared_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Teacher)) == 1
