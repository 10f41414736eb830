"""The suggester's word lists, read from ``questions/lexicons/*.txt`` and cached per process.

The cache key is every file's name and modification time, so a school's edit is picked up by
the next draft without a restart.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.cache import LRUCache
from app.domain.lexicons import LexiconError, Lexicons, parse_lexicons
from app.services.content import ContentError, questions_dir

LEXICON_FOLDER = "lexicons"
# A lexicon file is a list of words: anything bigger is a mistake, not a list.
MAX_LEXICON_BYTES = 1_000_000

_cache: LRUCache[tuple[tuple[str, float], ...], Lexicons] = LRUCache(maxsize=4)


def lexicon_folder() -> Path:
    return questions_dir() / LEXICON_FOLDER


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.is_file() and not p.name.startswith("."))


def lexicons_from_folder(folder: Path) -> Lexicons:
    """Every ``*.txt`` file of ``folder`` parsed as lexicons (no cache; raises ContentError)."""
    texts: dict[str, str] = {}
    for path in _files(folder):
        data = path.read_bytes()
        if len(data) > MAX_LEXICON_BYTES:
            raise ContentError(f"{path}: a lexicon file may have at most {MAX_LEXICON_BYTES} bytes")
        try:
            texts[path.name] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ContentError(f"{path}: save the file as UTF-8 text") from exc
    try:
        return parse_lexicons(texts)
    except LexiconError as exc:
        raise ContentError(f"{folder}/{exc}") from exc


def current_lexicons() -> Lexicons:
    """The lexicons of the questions folder, re-read when a file changes, appears or goes."""
    folder = lexicon_folder()
    if not folder.is_dir():
        raise ContentError(f"{folder}: the lexicon folder is missing")
    key = tuple((p.name, p.stat().st_mtime) for p in _files(folder))
    cached = _cache.get(key)
    if cached is None:
        cached = lexicons_from_folder(folder)
        _cache.put(key, cached)
    return cached
