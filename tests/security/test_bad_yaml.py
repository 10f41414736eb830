"""Hostile article files: through the upload form (CSRF on, as in production) and straight
through validate_article.  Each is refused with a message that says what to fix; none
runs code, eats memory, crashes the request or stores anything.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.domain.article import Vocabulary
from app.domain.validation import ValidationResult, validate_article
from app.domain.vocabulary import load_vocabulary
from app.extensions import db
from app.models import ArticleVersion
from tests.conftest import QUESTIONS_DIR
from tests.security.support import TEACHER, csp_problems, csrf_token, inspect_html

MB = 1024 * 1024
VOCABULARY = QUESTIONS_DIR / "vocabulary.yaml"


def billion_laughs(levels: int = 9) -> bytes:
    """Each level lists the previous one nine times: 9**9 strings from under 1 kB of YAML."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def hostile_files(marker: Path) -> dict[str, tuple[bytes, str]]:
    """name -> (file contents, words the refusal must contain)."""
    return {
        "os.system": (
            f'id: x\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n'.encode(),
            "tags that construct objects are not allowed",
        ),
        "subprocess": (
            f"id: !!python/object/apply:subprocess.check_output [[touch, {marker}]]\n".encode(),
            "tags that construct objects are not allowed",
        ),
        "python name": (b"id: !!python/name:os.system\n", "tags that construct objects are not allowed"),
        "verbatim tag": (
            f'id: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]\n'.encode(),
            "tags that construct objects are not allowed",
        ),
        "billion laughs": (billion_laughs(), "anchors and aliases"),
        "merge key bomb": (b"base: &b {x: 1}\nid: {<<: *b}\n", "anchors and aliases"),
        "binary": (os.urandom(4000) + b"\x00", "binary data"),
        "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200), "binary data"),
        "latin-1": ("id: café\ntitle: x\n".encode("latin-1"), "not UTF-8"),
        "utf-16": ("id: x\ntitle: y\n".encode("utf-16"), "binary data"),
        "10,000 nested lists": (b"[" * 10_000 + b"]" * 10_000, "nested more than"),
        "10,000 nested mappings": (b"{a: " * 10_000 + b"1" + b"}" * 10_000, "nested more than"),
        "10,000 nested block lists": (b"- " * 10_000 + b"x\n", "nested more than"),
        "over 1 MB": (
            b"id: big\ntitle: x\ntext: |\n" + b"  many words here\n" * 70_000,
            "over the 1 MB limit",
        ),
        "two documents": (b"id: a\n---\nid: b\n", "only one YAML document"),
        "a list": (b"- a\n- b\n", "must be a mapping"),
        "empty": (b"", "the file is empty"),
        "unclosed": (b"id: x\ntitle: [unclosed\n", "line"),
    }


CASES = sorted(hostile_files(Path("/nonexistent")))


@pytest.fixture(scope="module")
def shared_overrides() -> dict[str, Any]:
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def teacher(signed_in: dict[str, FlaskClient]) -> FlaskClient:
    """The class's teacher of the module's world, signed in with CSRF on, as in production."""
    return signed_in[TEACHER]


def version_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ArticleVersion)) or 0


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    loaded, problems = load_vocabulary(VOCABULARY.read_bytes(), str(VOCABULARY))
    assert loaded is not None, problems
    return loaded


@pytest.mark.parametrize("case", CASES)
def test_validate_article_refuses_hostile_files(case: str, vocabulary: Vocabulary, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    data, message = hostile_files(marker)[case]
    started = time.process_time()  # the work the file causes, whatever else the machine runs
    result = validate_article(data, "hostile.yaml", vocabulary)
    assert time.process_time() - started < 2
    assert isinstance(result, ValidationResult)
    assert not result.ok and result.article is None
    assert any(message in problem.message for problem in result.errors), [str(p) for p in result.errors]
    assert all(problem.line >= 1 for problem in result.problems)
    assert not marker.exists()


@pytest.mark.parametrize("case", CASES)
def test_upload_refuses_hostile_files_with_a_clear_message(
    shared_app: Flask, teacher: FlaskClient, case: str, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    data, message = hostile_files(marker)[case]
    versions = version_count(shared_app)
    form = {"file": (io.BytesIO(data), "article.yaml"), "csrf_token": csrf_token(teacher, "/teacher/library")}
    response = teacher.post("/teacher/library/upload", data=form)
    assert response.status_code == 200, response.status_code
    page = inspect_html(response.get_data(as_text=True))
    assert "was not imported" in page.text
    assert message in " ".join(page.text.split())
    assert not page.active
    assert version_count(shared_app) == versions
    assert not marker.exists()


class HugeUpload(io.RawIOBase):
    """A multipart body with a file of ``size`` bytes, made as it is read: never held in memory."""

    BOUNDARY = "sourcewise-boundary"

    def __init__(self, size: int, csrf: str) -> None:
        self.head = (
            f'--{self.BOUNDARY}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{csrf}\r\n'
            f'--{self.BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="huge.yaml"\r\n'
            "Content-Type: application/x-yaml\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{self.BOUNDARY}--\r\n".encode()
        self.body_end = len(self.head) + size
        self.length = self.body_end + len(self.tail)
        self.position = 0  # how far the app read

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:  # the test client measures the body by seeking to its end
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.length}[whence]
        self.position = base + offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: Any) -> int:
        start = self.position
        end = min(self.length, start + len(buffer))
        # The three parts overlapping [start, end): the head, the file's bytes, the tail.
        head = self.head[start : min(end, len(self.head))] if start < len(self.head) else b""
        filler = max(0, min(end, self.body_end) - max(start, len(self.head)))
        tail = self.tail[max(0, start - self.body_end) : max(0, end - self.body_end)]
        chunk = head + b"a" * filler + tail
        buffer[: len(chunk)] = chunk
        self.position = end
        return len(chunk)


def huge_upload(client: FlaskClient, stream: HugeUpload, *, declare_length: bool) -> Any:
    # Without a declared length (chunked), the server (gunicorn) marks the input as terminated.
    chunked = {"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True}
    return client.post(
        "/teacher/library/upload",
        input_stream=stream,
        content_type=f"multipart/form-data; boundary={HugeUpload.BOUNDARY}",
        environ_overrides={} if declare_length else chunked,
    )


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "chunked"])
def test_a_50_mb_upload_gets_a_friendly_413(
    shared_app: Flask, teacher: FlaskClient, declare_length: bool
) -> None:
    versions = version_count(shared_app)
    stream = HugeUpload(50 * MB, csrf_token(teacher, "/teacher/library"))
    response = huge_upload(teacher, stream, declare_length=declare_length)
    assert response.status_code == 413
    body = response.get_data(as_text=True)
    assert "That file is too large" in body
    assert not csp_problems(response)
    # Refused from the declared length, or once the limit was passed: never read to the end.
    assert stream.position <= shared_app.config["MAX_CONTENT_LENGTH"] + MB
    assert version_count(shared_app) == versions
    # The teacher is still signed in and can carry on.
    assert teacher.get("/teacher/library").status_code == 200
