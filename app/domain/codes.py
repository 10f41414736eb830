"""Join and rejoin codes: short, easy to read aloud and to type on a phone."""

from __future__ import annotations

import random

# No look-alikes: no 0/O, no 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def generate_code(rng: random.Random) -> str:
    """A random code; pass ``random.SystemRandom()`` for codes that must not be guessable."""
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a student typed, as a code: upper case, without spaces or dashes."""
    return "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")


def is_valid_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)
