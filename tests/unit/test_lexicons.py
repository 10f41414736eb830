"""Lexicon files: one entry a line, comments, case, repeats, and refusals with a clear message."""

from __future__ import annotations

import pytest

from app.domain.lexicons import LEXICON_NAMES, LexiconError, Lexicons, parse_lexicons


def test_one_entry_a_line_lower_cased_without_comments_blank_lines_or_repeats() -> None:
    text = "# Hedges a school uses\n\nReportedly\nset   to   # a phrase, spaces folded\nMAY\nmay\n   \n"
    assert parse_lexicons({"hedges.txt": text}).hedges == ("reportedly", "set to", "may")


def test_names_with_or_without_txt_and_missing_files_give_empty_lists() -> None:
    lexicons = parse_lexicons({"loaded_words": "slams\n", "lexicons/fear_words.txt": "deadly\n"})
    assert lexicons.loaded_words == ("slams",)
    assert lexicons.fear_words == ("deadly",)
    assert lexicons.hedges == ()


def test_a_file_with_an_unknown_name_is_refused_with_the_names_that_work() -> None:
    with pytest.raises(LexiconError) as error:
        parse_lexicons({"hedgez.txt": "may\n"})
    assert "hedgez.txt" in str(error.value)
    assert "hedges.txt" in str(error.value)


def test_a_sentence_is_not_an_entry() -> None:
    with pytest.raises(LexiconError, match=r"hedges.txt:2: an entry is a word or a short phrase"):
        parse_lexicons({"hedges.txt": "may\nthis line is a whole sentence and not a word of a list at all\n"})


def test_every_list_has_a_file_name() -> None:
    assert set(LEXICON_NAMES) == set(Lexicons.__dataclass_fields__)
