"""The one bounded cache: least recently used entries go first, never everything at once."""

from __future__ import annotations

import pytest

from app.domain.cache import LRUCache


def test_a_missing_key_is_none_and_a_stored_one_comes_back() -> None:
    cache: LRUCache[str, int] = LRUCache(maxsize=2)
    assert cache.get("a") is None
    cache.put("a", 1)
    assert cache.get("a") == 1
    assert "a" in cache
    assert len(cache) == 1


def test_when_full_only_the_least_recently_used_entry_goes() -> None:
    cache: LRUCache[str, int] = LRUCache(maxsize=3)
    for number, key in enumerate("abc"):
        cache.put(key, number)
    assert cache.get("a") == 0  # "a" is now the most recently used; "b" the least
    cache.put("d", 3)
    assert "b" not in cache
    assert [cache.get(key) for key in "acd"] == [0, 2, 3]
    assert len(cache) == 3


def test_putting_a_key_again_replaces_its_value_without_growing() -> None:
    cache: LRUCache[str, int] = LRUCache(maxsize=2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    assert cache.get("a") == 10
    assert "b" not in cache
    assert len(cache) == 2


def test_clear_empties_it_and_a_size_below_one_is_refused() -> None:
    cache: LRUCache[int, str] = LRUCache(maxsize=1)
    cache.put(1, "one")
    cache.put(2, "two")
    assert 1 not in cache
    cache.clear()
    assert len(cache) == 0
    with pytest.raises(ValueError):
        LRUCache(maxsize=0)
