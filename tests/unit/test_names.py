"""Display names: what is kept of a typed name (app.domain.names), and when two names are the same."""

from __future__ import annotations

import pytest

from app.domain.names import clean_display_name, freed_key, name_key


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Ada  ", "Ada"),
        ("Ada \t\n Lovelace", "Ada Lovelace"),
        ("A\u200bda", "Ada"),  # zero-width space
        ("A\u200c\u200dda\ufeff", "Ada"),  # zero-width (non-)joiners, byte order mark
        ("\u202eadA\u202c", "adA"),  # right-to-left override and its end
        ("\u2066Ada\u2069", "Ada"),  # bidi isolates
        ("Ada\x1b[31m", "Ada[31m"),  # the escape character goes, the visible rest stays
        ("Ada\x00\x07\x7f", "Ada"),  # NUL, bell, delete
        ("Ada\u00a0B.", "Ada B."),  # a no-break space is a space
        ("Ada\ue000", "Ada"),  # private use
        ("Chloe\u0301", "Chloé"),  # composed (NFC) as it is stored
        ("李娜", "李娜"),
        ("Zoë 😀", "Zoë 😀"),
        ("\u200b \u200d", ""),
    ],
)
def test_clean_display_name(typed: str, kept: str) -> None:
    assert clean_display_name(typed) == kept


def test_clean_display_name_keeps_look_alikes_as_typed() -> None:
    """Only comparing folds look-alikes; the shown name stays what the student typed."""
    assert clean_display_name("Ａｄａ") == "Ａｄａ"


@pytest.mark.parametrize(
    "same",
    ["Ada", "ada", "ADA", " Ada ", "Ａｄａ", "A\u200bda", "\u202eAda", "Ada\u00a0"],
)
def test_names_that_read_the_same_have_one_key(same: str) -> None:
    assert name_key(same) == name_key("Ada")


@pytest.mark.parametrize(
    ("one", "other"),
    [("ﬁona", "fiona"), ("Ada  B.", "ada b."), ("STRASSE", "straße"), ("Chloe\u0301", "Chloé")],
)
def test_compatibility_and_case_forms_compare_equal(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Ada", "Ada B."), ("Ana", "Anna"), ("Chloe", "Chloé")])
def test_different_names_have_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_freed_keys_are_unique_and_start_with_a_tilde() -> None:
    """app.services.classes refuses names whose key starts with "~", so no name takes a freed key."""
    assert freed_key(12) == "~12"
    assert freed_key(12) != freed_key(13)
    assert name_key("～12").startswith("~")  # a full-width tilde folds to "~" too
