"""Validating article files on disk: finding them under folders, reading them (bounded), and
the one check across files (an id used by two files).
"""

from __future__ import annotations

import os
from dataclasses import replace

from app.domain.article import Vocabulary
from app.domain.safe_yaml import MAX_BYTES
from app.domain.validation.article import ValidationResult, validate_article
from app.domain.validation.fields import Problem

VOCABULARY_FILE_NAMES = frozenset({"vocabulary.yaml", "vocabulary.yml"})
ARTICLE_SUFFIXES = (".yaml", ".yml")


def collect_article_files(paths: list[str]) -> list[str]:
    """The article files named by ``paths`` (files, or folders searched recursively
    for *.yaml and *.yml), without vocabulary files; sorted, each once.  A path that
    does not exist is kept so that validating it reports the fact."""
    found: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in files:
                    is_article = name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
                    if is_article and name not in VOCABULARY_FILE_NAMES:
                        found.add(os.path.join(folder, name))
        elif os.path.basename(path) not in VOCABULARY_FILE_NAMES:
            found.add(path)
    return sorted(found)


def _read(path: str) -> bytes | Problem:
    try:
        with open(path, "rb") as handle:
            # One byte over the limit is enough for the size check to refuse it.
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Problem(path, 1, "no such file or folder")
    except OSError as error:
        return Problem(path, 1, f"cannot read the file: {error.strerror or error}")


def validate_files(paths: list[str], vocabulary: Vocabulary) -> list[ValidationResult]:
    """Validate every article file under ``paths``; an id used by two files is an error
    in the second one (in the sorted order)."""
    results: list[ValidationResult] = []
    first_use: dict[str, str] = {}
    for path in collect_article_files(paths):
        data = _read(path)
        if isinstance(data, Problem):
            results.append(ValidationResult(path, None, (data,)))
            continue
        result = validate_article(data, path, vocabulary)
        article_id = result.article_id
        if article_id is not None:
            if article_id in first_use:
                duplicate = Problem(
                    path,
                    result.id_line,
                    f"id '{article_id}' is already used by {first_use[article_id]}; "
                    "give each article its own id",
                )
                problems = tuple(sorted((*result.problems, duplicate), key=lambda p: p.line))
                result = replace(result, article=None, problems=problems)
            else:
                first_use[article_id] = path
        results.append(result)
    return results
