"""Fuzzing the article validator (validate_article, what the CLI and the upload form call) with
the real question files, damaged the way files get damaged: bytes flipped, lines deleted,
duplicated, swapped or re-indented, YAML syntax dropped in, the file cut short.

Whatever it is given, it returns a ValidationResult (an article, or problems with a line
and a message) and never raises.  tests/unit/test_validation.py fuzzes with random text
and random article-shaped trees; starting from real files reaches far deeper into the
checks, because most of each mutated file is still a valid article.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.article import Vocabulary
from app.domain.validation import ValidationResult, validate_article
from app.domain.vocabulary import load_vocabulary
from tests.conftest import QUESTIONS_DIR

ARTICLES = sorted(path for path in QUESTIONS_DIR.glob("*.yaml") if path.name != "vocabulary.yaml")
SOURCES = {path.name: path.read_bytes() for path in ARTICLES}

# Pieces of YAML (and of broken files) that change how everything after them is read.
TOKENS = [
    b"&a ", b"*a", b"<<: *a\n", b"!!python/object/apply:os.system ", b"!!binary ", b"!!set ", b"!custom ",
    b"{", b"}", b"[", b"]", b": ", b"- ", b"? ", b"|", b">-", b"#", b"'", b'"', b"\\", b"\t", b"\r",
    b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"---\n", b"...\n", b"%YAML 1.1\n", b"~", b"null",
    b"yes", b"0x1F", b".nan", b"2015-11-13", b"1e309", b"-" * 3, b" " * 7, b"\n" * 3, b"quote", b"id: x\n",
]  # fmt: skip


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    loaded, problems = load_vocabulary((QUESTIONS_DIR / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert loaded is not None, problems
    return loaded


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SOURCES)))
    data = SOURCES[name]
    for _ in range(draw(st.integers(1, 6))):
        lines = data.split(b"\n")
        kind = draw(
            st.sampled_from(["flip", "delete", "duplicate", "swap", "indent", "insert", "truncate", "repeat"])
        )
        line = draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "flip" and data:
            position = draw(st.integers(0, len(data) - 1))
            data = data[:position] + bytes([draw(st.integers(0, 255))]) + data[position + 1 :]
        elif kind == "delete":
            data = b"\n".join(lines[:line] + lines[line + 1 :])
        elif kind == "duplicate":
            data = b"\n".join(lines[: line + 1] + lines[line:])
        elif kind == "swap":
            other = draw(st.integers(0, max(0, len(lines) - 1)))
            lines[line], lines[other] = lines[other], lines[line]
            data = b"\n".join(lines)
        elif kind == "indent":
            shift = draw(st.integers(-4, 4))
            lines[line] = b" " * shift + lines[line] if shift >= 0 else lines[line][-shift:]
            data = b"\n".join(lines)
        elif kind == "insert":
            position = draw(st.integers(0, len(data)))
            data = data[:position] + draw(st.sampled_from(TOKENS)) + data[position:]
        elif kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "repeat":  # a block of lines copied many times (a paste gone wrong)
            end = min(len(lines), line + draw(st.integers(1, 12)))
            data = b"\n".join(lines[:end] + lines[line:end] * draw(st.integers(2, 30)) + lines[end:])
    return name, data


def check(result: ValidationResult, name: str, data: bytes) -> None:
    assert isinstance(result, ValidationResult)
    assert result.path == name
    assert result.ok == (result.article is not None)
    # YAML also breaks lines at \r, U+0085, U+2028 and U+2029 (as str.splitlines does).  A syntax
    # error at the very end of a file is reported on the line after the last one (libyaml's
    # end-of-file mark); the upload page lists such problems above the file.
    lines = max(data.count(b"\n") + 1, len(data.decode("utf-8", errors="replace").splitlines()))
    last_line = lines + 1
    for problem in result.problems:
        assert isinstance(problem.message, str) and problem.message.strip()
        assert 1 <= problem.line <= last_line, (problem.line, last_line, str(problem))
        assert str(problem).startswith(f"{name}:{problem.line}: ")


def test_the_real_files_are_valid(vocabulary: Vocabulary) -> None:
    """The starting points are valid, so every problem found below comes from a mutation."""
    assert len(SOURCES) >= 3
    for name, data in SOURCES.items():
        assert validate_article(data, name, vocabulary).ok, name


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged=damaged_files())
def test_damaged_real_files_never_raise(damaged: tuple[str, bytes], vocabulary: Vocabulary) -> None:
    name, data = damaged
    # CPU time, not elapsed time: the bound is on the work a file can cause, and a machine busy with
    # other work stretched one run's elapsed time past it (the same file then passed).
    started = time.process_time()
    result = validate_article(data, name, vocabulary)
    assert time.process_time() - started < 3, "validation must stay quick whatever the file"
    check(result, name, data)
    # The same bytes as text (what a str caller passes) are checked the same way.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    check(validate_article(text, name, vocabulary), name, data)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_random_lines_spliced_into_real_files_never_raise(
    data: st.DataObject, vocabulary: Vocabulary
) -> None:
    """Lines from one article pasted into another: keys in the wrong section, quotes from elsewhere."""
    target, donor = data.draw(st.sampled_from(ARTICLES)), data.draw(st.sampled_from(ARTICLES))
    lines = target.read_bytes().split(b"\n")
    donor_lines = donor.read_bytes().split(b"\n")
    start = data.draw(st.integers(0, len(donor_lines) - 1))
    piece = donor_lines[start : start + data.draw(st.integers(1, 20))]
    at = data.draw(st.integers(0, len(lines)))
    mixed = b"\n".join(lines[:at] + piece + lines[at:])
    check(validate_article(mixed, target.name, vocabulary), target.name, mixed)
