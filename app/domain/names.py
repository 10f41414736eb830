"""Students' display names: what is kept of a typed name, and when two names are the same.

A name is shown to classmates and teachers, so characters that hide or reorder text
(zero-width spaces, right-to-left overrides, escape sequences) are dropped.  Two names are the
same when they read the same: compatibility look-alikes (full-width letters, ligatures) are
folded by NFKC and case is ignored.
"""

from __future__ import annotations

import unicodedata

# Unicode categories that are never visible in a name: controls, format characters (zero-width
# joiners, bidi overrides), unassigned, private use and surrogates.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})


def clean_display_name(typed: str) -> str:
    """The typed name without invisible or control characters, with single spaces, trimmed."""
    composed = unicodedata.normalize("NFC", typed)
    kept = "".join(
        " " if char.isspace() else char
        for char in composed
        if char.isspace() or unicodedata.category(char) not in _DROPPED_CATEGORIES
    )
    return " ".join(kept.split())


def name_key(display_name: str) -> str:
    """What two names are compared by: look-alikes folded (NFKC), case ignored, spaces single."""
    folded = unicodedata.normalize("NFKC", clean_display_name(display_name)).casefold()
    return " ".join(unicodedata.normalize("NFKC", folded).split())


def freed_key(student_id: int) -> str:
    """The key of a removed or merged-away student: unique, and never equal to a real name's key."""
    return f"~{student_id}"
