"""A word list as a trie matches what the longest-first alternation it replaced matched."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thoughtwork.export.word_trie import trie_pattern

_WORDS = st.lists(st.text(alphabet="abAB. \u00df\u0130", min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="abAB. \u00df\u0130x", max_size=16), st.booleans())
def test_a_trie_finds_what_the_alternation_finds(words: list[str], text: str, ignore_case: bool) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    alternation = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)), flags)
    trie = re.compile(trie_pattern(words, ignore_case=ignore_case), flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]


def test_a_trie_is_one_group_that_takes_a_quantifier() -> None:
    pattern = re.compile(trie_pattern(["st", "street", "rd"]) + "?!")
    assert pattern.fullmatch("street!") and pattern.fullmatch("!") and not pattern.fullmatch("stre!")
    assert trie_pattern([]) == "(?!)"
