"""Content words of a text, reduced to rough stems, for matching a thought with a reframe.

A small suffix-stripper rather than spaCy: ranking runs every time a thought is analysed, and
loading a pipeline (about 1.5 s here) to compare a few words would cost more than it gives.
Both sides go through the same function, so a rough stem matches as well as a perfect one.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've
    if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off
    on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
    should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those through to too under until up
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
    which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
    your yours yourself yourselves will just also even still yet really much many get got go going
    gone like make made say said see seen thing things something anything everything nothing one
    ever way well lot lots know think thought feel feeling felt maybe might must want time
    every always never someone anyone everyone sometimes now else today little next bit back
    """.split()
)
"""Common words that say nothing about what a thought is about (plus a few CBT-generic ones)."""

# "broken" is deliberately not folded into "break": a broken body and taking a break are
# different things, and matching them offered a reframe about rest for "I'm broken".
_IRREGULAR = {
    "felt": "feel", "hurts": "hurt", "hurting": "hurt",
    "worse": "bad", "worst": "bad", "painful": "pain", "painfully": "pain", "tighter": "tight",
    "tightness": "tight", "tightly": "tight", "women": "woman", "men": "man", "people": "person",
    "bodies": "body", "vaginal": "vagina", "vaginas": "vagina", "sexual": "sex", "sexually": "sex",
    "scared": "scare", "scary": "scare", "afraid": "fear", "fears": "fear", "feared": "fear",
    "frightened": "fear", "terrified": "fear", "doctors": "doctor", "gp": "doctor",
    "practise": "practic", "practised": "practic", "practising": "practic", "practices": "practic",
}

_SUFFIXES = ("ingly", "fully", "ness", "ings", "ing", "edly", "ed", "ies", "es", "ly", "ful", "s")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A rough stem: 'hurting' and 'hurts' -> 'hurt', 'dilators' -> 'dilator', 'tensed' -> 'tens'."""
    word = word.lower().replace("\u2019", "'")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            base = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if suffix in ("ing", "ed", "ings", "edly") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]
            word = base
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def content_words(text: str) -> dict[str, str]:
    """Stem -> the first word in `text` that has it, for every word that is not a stopword."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if word in STOPWORDS or len(word) < 3:
            continue
        found.setdefault(stem(word), word)
    return found


@lru_cache(maxsize=1024)
def stems_of(text: str) -> frozenset[str]:
    """The content-word stems of a text (cached: reframe texts are ranked again and again)."""
    return frozenset(content_words(text))
