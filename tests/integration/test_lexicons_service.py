"""The suggester's lexicons read from the questions folder: cached, re-read on change, refused
with a message when a file is misnamed or not text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from flask import Flask

from app.services.content import ContentError
from app.services.lexicons import current_lexicons


@pytest.fixture
def folder(app_ctx: Flask, tmp_path: Path) -> Path:
    app_ctx.config["QUESTIONS_DIR"] = str(tmp_path)
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "hedges.txt").write_text("# hedges\nmay\n", encoding="utf-8")
    return lexicons


def test_the_folders_files_are_read_and_a_change_is_picked_up(folder: Path) -> None:
    assert current_lexicons().hedges == ("may",)
    assert current_lexicons() is current_lexicons()  # cached while nothing changes
    hedges = folder / "hedges.txt"
    hedges.write_text("may\nreportedly\n", encoding="utf-8")
    later = hedges.stat().st_mtime + 5
    os.utime(hedges, (later, later))
    assert current_lexicons().hedges == ("may", "reportedly")
    (folder / "loaded_words.txt").write_text("slams\n", encoding="utf-8")
    assert current_lexicons().loaded_words == ("slams",)


def test_a_misnamed_file_or_a_file_that_is_not_text_is_refused(folder: Path) -> None:
    (folder / "hedgez.txt").write_text("may\n", encoding="utf-8")
    with pytest.raises(ContentError, match="hedgez.txt: not a lexicon"):
        current_lexicons()
    (folder / "hedgez.txt").unlink()
    (folder / "fear_words.txt").write_bytes(b"\xff\xfe\x00d")
    with pytest.raises(ContentError, match="save the file as UTF-8"):
        current_lexicons()


def test_a_missing_folder_is_a_clear_error(app_ctx: Flask, tmp_path: Path) -> None:
    app_ctx.config["QUESTIONS_DIR"] = str(tmp_path)
    with pytest.raises(ContentError, match="the lexicon folder is missing"):
        current_lexicons()


def test_the_projects_folder_parses(app_ctx: Flask) -> None:
    assert "reportedly" in current_lexicons().hedges
