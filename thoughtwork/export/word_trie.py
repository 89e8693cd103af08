"""A list of words as one regular expression that tries each letter once: a trie.

Python's `re` tries the branches of `street|st|stra\u00dfe|...` one after another at every position,
so a pattern holding a hundred and fifty street types or four hundred month names spent most of
its time failing on the first letter of each. The same words as a trie (`st(?:r(?:eet|a\u00dfe))?...`)
fail once per letter. It matches the same words, and where several match at one place it tries
the longest first, as the longest-first alternations it replaces did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key of a node's "a word ends here" entry (no letter is the empty string)


def trie_pattern(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A non-capturing group matching exactly `words` (a space in a word is a space).
    With `ignore_case`, for a pattern compiled with re.IGNORECASE, words differing only in case
    share their letters."""
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(_key(char, ignore_case), {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return "(?:" + _source(root) + ")"


def _key(char: str, ignore_case: bool) -> str:
    if not ignore_case:
        return char
    lower = char.lower()
    # A letter whose lower case is two ("\u0130" -> "i\u0307") keeps its own form.
    return lower if len(lower) == 1 and lower.upper() == char.upper() else char


def _source(node: dict) -> str:
    """The regex for the words below `node`: longer words first, then a word ending here."""
    branches = [re.escape(char) + _source(child) for char, child in sorted(node.items()) if char != _END]
    ends_here = _END in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else _group(branches[0])
    return body + "?" if ends_here else body


def _group(branch: str) -> str:
    return branch if len(branch) == 1 else "(?:" + branch + ")"
