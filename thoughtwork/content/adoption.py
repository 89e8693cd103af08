"""Did the person keep a reframe mostly as it was offered, or make it their own?

Only a reframe kept mostly as offered counts as "you found this helpful before" next time: one
that was picked and then rewritten fully was a starting point, and the words that helped were
the person's own.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

KEPT_MOSTLY = 0.6
"""Share of the offered words, in order, that must still be there (a few words changed or added
keeps it; a sentence rewritten in the person's own words does not)."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_APOSTROPHES).lower())


def kept_share(offered: str, written: str) -> float:
    """How much of the offered text survives in what was written, 0 to 1 (word by word, in order)."""
    offered_words, written_words = _words(offered), _words(written)
    if not offered_words or not written_words:
        return 0.0
    matcher = SequenceMatcher(a=offered_words, b=written_words, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    # Kept words over the longer of the two: a short phrase pasted into a long rewrite is not "kept".
    return kept / max(len(offered_words), len(written_words))


def kept_mostly(offered: str, written: str) -> bool:
    """Whether the written balanced thought is mostly the offered reframe."""
    return kept_share(offered, written) >= KEPT_MOSTLY
