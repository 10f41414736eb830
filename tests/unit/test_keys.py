import secrets

import pytest

from app.domain.keys import MIN_BITS, estimated_bits, weak_key_reason


@pytest.mark.parametrize(
    "key",
    [
        "a" * 24,
        "a" * 64,
        "changemechangemechangeme",
        "changemechangemechangemechangeme",
        "abcdefghijabcdefghijabcdefghijabcdefghij",
        "0123456789" * 4,
        "short-but-random-Zx9",
    ],
)
def test_weak_keys_are_refused_with_a_reason(key: str) -> None:
    reason = weak_key_reason(key)
    assert reason is not None and reason


@pytest.mark.parametrize("make", [lambda: secrets.token_hex(32), lambda: secrets.token_urlsafe(32)])
def test_generated_keys_are_accepted(make) -> None:  # type: ignore[no-untyped-def]
    for _ in range(50):
        key = make()
        assert weak_key_reason(key) is None, key
        assert estimated_bits(key) >= MIN_BITS
