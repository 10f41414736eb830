"""Whether a secret key is strong enough to sign a school's sessions in production.

A key is judged by what an attacker could guess: its length, how many different characters it
uses, and whether it is a short piece repeated ("changemechangeme...").
"""

from __future__ import annotations

import math
import string

MIN_LENGTH = 32
MIN_DISTINCT = 10
MIN_BITS = 128

_CLASSES = (string.ascii_lowercase, string.ascii_uppercase, string.digits)


def estimated_bits(key: str) -> float:
    """Bits if each character were drawn at random from the character classes the key uses."""
    alphabet = sum(len(chars) for chars in _CLASSES if any(c in chars for c in key))
    if any(not any(c in chars for chars in _CLASSES) for c in key):
        alphabet += 32  # punctuation and the rest
    return len(key) * math.log2(alphabet) if alphabet > 1 else 0.0


def _is_repetition(key: str) -> bool:
    """True when the key is a shorter piece said again and again ("abcabcabc")."""
    return len(key) > 1 and (key + key).find(key, 1) < len(key)


def weak_key_reason(key: str) -> str | None:
    """Why ``key`` is too weak for production, or None when it is strong enough."""
    if len(key) < MIN_LENGTH:
        return f"it has {len(key)} characters; use at least {MIN_LENGTH}"
    if len(set(key)) < MIN_DISTINCT:
        return f"it uses only {len(set(key))} different characters; a random key uses many more"
    if _is_repetition(key):
        return "it is a short piece repeated; use a random value"
    if estimated_bits(key) < MIN_BITS:
        bits = estimated_bits(key)
        return f"it is too easy to guess (about {bits:.0f} bits; at least {MIN_BITS} are needed)"
    return None
