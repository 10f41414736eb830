"""Article files built to cost a server as much work as possible, each under the 1 MB limit.

Shared by the in-process security test and the load test that uploads them under gunicorn.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import yaml

WORD = "word"


def _article(paragraphs: list[str], annotations: list[str]) -> bytes:
    lines = ["id: hostile", "title: Hostile", "text: |"]
    for paragraph in paragraphs:
        lines += ["  " + paragraph, ""]
    return ("\n".join(lines + annotations) + "\n").encode()


def one_word_text_with_ambiguous_claims() -> bytes:
    """195,000 copies of one word and 300 claims quoting it: every quote occurs everywhere."""
    claims = ["claims:"] + ["  - quote: word\n    status: hedged"] * 300
    return _article([" ".join([WORD] * 195_000)], claims)


def one_word_text_with_far_occurrences() -> bytes:
    """The same text, and claims that ask for occurrences far into it."""
    claims = ["claims:"] + [
        f"  - quote: word\n    occurrence: {190_000 - i}\n    status: hedged" for i in range(300)
    ]
    return _article([" ".join([WORD] * 195_000)], claims)


def valid_with_chosen_occurrences() -> bytes:
    """A valid file (it is stored): paragraphs of one word, claims naming their occurrence."""
    claims = ["claims:"] + [
        f"  - quote: word\n    occurrence: {i % 200 + 1}\n    status: hedged" for i in range(490)
    ]
    return _article([" ".join([WORD] * 1000)] * 185, claims)


def unknown_keys(count: int) -> bytes:
    lines = [
        "id: keys",
        "title: Keys",
        "text: Hello there.",
        "claims:",
        "  - quote: Hello",
        "    status: hedged",
    ]
    lines += [f"k{i}: 1" for i in range(count)]
    return ("\n".join(lines) + "\n").encode()


def ninety_thousand_unknown_keys() -> bytes:
    return unknown_keys(90_000)


def too_many_annotations() -> bytes:
    claims = ["claims:"] + [f"  - quote: w{i}\n    status: hedged" for i in range(600)]
    return _article([" ".join(f"w{i}" for i in range(600))], claims)


HOSTILE = {
    "ambiguous quotes": one_word_text_with_ambiguous_claims,
    "far occurrences": one_word_text_with_far_occurrences,
    "valid, chosen occurrences": valid_with_chosen_occurrences,
    "90,000 unknown keys": ninety_thousand_unknown_keys,
    "600 annotations": too_many_annotations,
}


def ordinary_megabyte() -> bytes:
    """About 1 MB of an ordinary article (varied words, no annotations): the yardstick below."""
    words = [f"w{i % 997}" for i in range(120)]
    return _article([" ".join(words)] * 2000, [])


def plain_parse_seconds(clock: Callable[[], float] = time.perf_counter) -> float:
    """What a plain ``yaml.safe_load`` of 1 MB of article costs on this machine now (best of two):
    about 0.5 s on an idle 2-core machine.  Upload bounds are multiples of it, so a shared, busy
    CI machine slows the bound with the work instead of failing a fixed number of seconds.  Timed
    with ``clock``: elapsed time, or ``time.process_time`` where the upload runs in this process."""
    reference = ordinary_megabyte()
    runs = []
    for _ in range(2):
        started = clock()
        yaml.safe_load(reference)
        runs.append(clock() - started)
    return min(runs)
