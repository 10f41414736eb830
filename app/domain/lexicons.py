"""The word lists the suggester reads: one entry per line, in plain text files a school may edit.

The files live in ``questions/lexicons/`` (see the README there); each file is one list, named
after the file (``hedges.txt`` is :attr:`Lexicons.hedges`).  An entry is a word or a phrase of
general English news; lines starting with ``#`` and blank lines are ignored, as is anything
after `` #`` on a line.  Entries are compared without regard to case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

# The longest entry: a lexicon holds words and short phrases, not sentences.
MAX_ENTRY_WORDS = 8


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Lexicons:
    """Every list, lower-cased, in file order without repeats.

    - ``hedges``: words that show a claim is not confirmed ("reportedly", "may", "set to");
    - ``reporting_verbs``: verbs of saying that attribute words to a source ("said", "told");
    - ``attribution_phrases``: phrases before a source ("according to", "in the words of");
    - ``official_titles``: roles of people who speak for a public office ("minister", "mayor");
    - ``person_nouns``: people described but not named ("resident", "fighter", "witness");
    - ``anonymous_cues``: phrases that withhold a name ("who asked not to be named", "a source");
    - ``vague_sources``: sources too unclear to check ("experts", "critics", "some people");
    - ``document_sources``: written records and numbers ("report", "study", "figures", "data");
    - ``news_outlets``: news organisations and the words that name one ("Reuters", "newspaper");
    - ``organisations``: words that name a group ("council", "ministry", "company", "police");
    - ``loaded_words``: emotive words where plainer ones would do ("slams", "horror", "chaos");
    - ``intensifiers``: intensifiers and absolutes ("always", "never", "every", "crisis");
    - ``fear_words``: words that make the reader afraid ("threat", "invasion", "deadly");
    - ``false_dilemma``: phrases that leave only one way ("the only solution", "no alternative");
    - ``flag_waving``: phrases that appeal to "us" or the nation ("our country", "the nation's").
    """

    hedges: tuple[str, ...] = ()
    reporting_verbs: tuple[str, ...] = ()
    attribution_phrases: tuple[str, ...] = ()
    official_titles: tuple[str, ...] = ()
    person_nouns: tuple[str, ...] = ()
    anonymous_cues: tuple[str, ...] = ()
    vague_sources: tuple[str, ...] = ()
    document_sources: tuple[str, ...] = ()
    news_outlets: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    loaded_words: tuple[str, ...] = ()
    intensifiers: tuple[str, ...] = ()
    fear_words: tuple[str, ...] = ()
    false_dilemma: tuple[str, ...] = ()
    flag_waving: tuple[str, ...] = ()


LEXICON_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Lexicons))


def lexicon_name(file_name: str) -> str:
    """``hedges.txt`` -> ``hedges``; the name of the list a file holds."""
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    return base[: -len(".txt")] if base.lower().endswith(".txt") else base


def parse_entries(text: str, file_name: str = "lexicon") -> tuple[str, ...]:
    """The entries of one file: one per line, lower-cased, comments and repeats dropped."""
    entries: dict[str, None] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        entry = " ".join(line.lower().split())
        if len(entry.split()) > MAX_ENTRY_WORDS:
            raise LexiconError(
                f"{file_name}:{number}: an entry is a word or a short phrase of at most "
                f"{MAX_ENTRY_WORDS} words, one per line"
            )
        entries[entry] = None
    return tuple(entries)


def parse_lexicons(texts: Mapping[str, str]) -> Lexicons:
    """The lexicons from file name -> file text (``hedges.txt`` or ``hedges``).

    A file whose name is not one of :data:`LEXICON_NAMES` is refused with a message that lists
    them (a misnamed file would otherwise be silently ignored); a list with no file is empty."""
    values: dict[str, tuple[str, ...]] = {}
    for file_name, text in texts.items():
        name = lexicon_name(file_name)
        if name not in LEXICON_NAMES:
            raise LexiconError(
                f"{file_name}: not a lexicon the suggester reads; name the file one of "
                + ", ".join(f"{n}.txt" for n in LEXICON_NAMES)
            )
        values[name] = parse_entries(text, file_name)
    return Lexicons(**values)
