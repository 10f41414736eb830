"""One upload must not occupy a server: the validator's work per file is bounded (annotations,
occurrences looked for, problems reported) and a stored version is parsed once, so previews
and assigning never validate it again."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.domain.safe_yaml import MAX_NODES
from app.domain.validation import MAX_ANNOTATIONS, MAX_PROBLEMS
from app.extensions import db
from app.models import ArticleVersion
from tests.factories import login_teacher, make_teacher
from tests.security.hostile_articles import (
    HOSTILE,
    ninety_thousand_unknown_keys,
    plain_parse_seconds,
    too_many_annotations,
    unknown_keys,
    valid_with_chosen_occurrences,
)

# The bound for one upload was 2 s on an idle machine (before the change these took 25 to
# 72 s): four plain parses of 1 MB of article there, and measured that way, in the same run.  The
# test client handles the upload in this process, so both are timed in this process's CPU time:
# the other test processes beside it then slow neither.
PLAIN_PARSES_PER_UPLOAD = 4.0
CLOCK = time.process_time
MB = 1024 * 1024
# An upload does the same work every time, so a try can only be slower than that work when the
# machine is (a virtual machine's CPU time still runs while the host lends its core elsewhere: one
# CI run measured 4.4 parses for an upload that costs 1.2 here).  The cost is the cheapest of a
# few tries, each against a yardstick timed just before it, as timeit does.
TRIES = 3


def cheapest_cost_in_plain_parses(action: Callable[[int], None]) -> float:
    """What ``action(try_number)`` costs in plain parses of 1 MB: the cheapest of up to TRIES tries."""
    ratios = []
    for attempt in range(TRIES):
        yardstick = plain_parse_seconds(CLOCK)
        started = CLOCK()
        action(attempt)
        ratios.append((CLOCK() - started) / yardstick)
        if ratios[-1] <= PLAIN_PARSES_PER_UPLOAD:
            break
    return min(ratios)


@pytest.fixture
def teacher_client(app: Flask, client: FlaskClient) -> FlaskClient:
    with app.app_context():
        teacher = make_teacher()
        login_teacher(client, teacher.email)
    return client


def _upload(client: FlaskClient, data: bytes, name: str = "hostile.yaml") -> Any:
    return client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_upload_costs_at_most_four_plain_parses_of_a_megabyte(
    teacher_client: FlaskClient, name: str
) -> None:
    data = HOSTILE[name]()
    assert len(data) <= 1_000_000
    responses = []

    def upload(attempt: int) -> None:
        # A comment makes each try a new version, so a valid file is stored every time.
        responses.append(_upload(teacher_client, f"# try {attempt}\n".encode() + data))

    cost = cheapest_cost_in_plain_parses(upload)
    assert cost <= PLAIN_PARSES_PER_UPLOAD, f"{name}: {cost:.1f} plain parses of 1 MB"
    for response in responses:
        assert response.status_code in (200, 302)
        # The page of problems stays small whatever the file holds.
        assert len(response.data) < 2 * MB


def test_a_file_of_ninety_thousand_keys_is_refused_before_its_tree_is_built(
    teacher_client: FlaskClient,
) -> None:
    page = _upload(teacher_client, ninety_thousand_unknown_keys()).get_data(as_text=True)
    assert f"more than {MAX_NODES:,} keys, list items and texts" in page
    assert "unknown key" not in page


def test_a_file_with_thousands_of_problems_shows_the_first_ones_and_a_count(
    teacher_client: FlaskClient,
) -> None:
    page = _upload(teacher_client, unknown_keys(5_000)).get_data(as_text=True)
    # Each shown problem appears twice: in the list at the top and beside its line.
    assert page.count("unknown key") == 2 * MAX_PROBLEMS
    assert f"and {5_000 - MAX_PROBLEMS} more problems" in page


def test_too_many_annotations_are_refused_before_any_quote_is_searched(teacher_client: FlaskClient) -> None:
    page = _upload(teacher_client, too_many_annotations()).get_data(as_text=True)
    assert f"at most {MAX_ANNOTATIONS} are allowed" in page
    assert "is not in the text" not in page  # no quote was looked for


def test_a_stored_hostile_version_previews_fast_and_is_parsed_once(
    app: Flask, teacher_client: FlaskClient
) -> None:
    response = _upload(teacher_client, valid_with_chosen_occurrences())
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        version_id = db.session.scalar(select(ArticleVersion.id).order_by(ArticleVersion.id.desc()))

    def preview(attempt: int) -> None:
        page = teacher_client.get(f"/teacher/library/versions/{version_id}/preview?seed={attempt}")
        assert page.status_code == 200

    for _ in range(3):
        cost = cheapest_cost_in_plain_parses(preview)
        assert cost <= PLAIN_PARSES_PER_UPLOAD, f"preview: {cost:.1f} plain parses of 1 MB"


def test_a_preview_does_not_validate_a_stored_version_again(
    app: Flask, teacher_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import content

    assert _upload(teacher_client, valid_with_chosen_occurrences()).status_code == 302
    with app.app_context():
        version_id = db.session.scalar(select(ArticleVersion.id).order_by(ArticleVersion.id.desc()))
    assert teacher_client.get(f"/teacher/library/versions/{version_id}/preview").status_code == 200
    calls: list[str] = []
    original = content.validate_article

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(content, "validate_article", counting)
    for seed in (1, 2, 3):
        assert (
            teacher_client.get(f"/teacher/library/versions/{version_id}/preview?seed={seed}").status_code
            == 200
        )
    assert calls == []


def test_an_over_long_file_name_is_a_form_error(teacher_client: FlaskClient) -> None:
    response = _upload(teacher_client, b"id: x\n", name="a" * 300 + ".yaml")
    assert response.status_code == 200
    assert "rename the file to at most 255" in response.get_data(as_text=True)
