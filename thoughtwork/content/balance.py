"""Is a thought already balanced or kind ("It hurt a bit, but I went slower and it got easier")?

Such a thought gets affirmation, not disputation: no "test this prediction" question and no
reframe that argues with it. It is balanced when the trap finder (rules and learned model) finds
no trap the person kept, no word of distress or absolutes is in it (or the thought turns past
them and ends on the kind side: "I was so scared to tell him, but he listened"), and either the
words show a softening, coping or kind turn or the learned model is sure it carries no trap (its
"balanced" column, learned from thousands of statements by many writers: "Told him. He hugged
me." has no word a list would think of). A merely sad thought with no trap ("I feel low today")
is not called balanced: it gets the gentle general reframes instead. The word lists, and the
texting spellings read as written words ("thats allowed"), are in `balance.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from thoughtwork.locations import package_data
from thoughtwork.models import Analysis, DistortionStatus

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

_BARE_WORD = re.compile(r"(?<![\w'])[a-z]+(?![\w'])")
_ALTERNATIVES = re.compile(r"\(([^()]+)\)")


def _pattern(entries: list[str]) -> re.Pattern[str]:
    """One regex for a list of the file's entries: whole words, "(a|b)" for either word."""

    def one(entry: str) -> str:
        parts, last = [], 0
        for match in _ALTERNATIVES.finditer(entry):
            parts.append(re.escape(entry[last:match.start()]))
            parts.append("(?:" + "|".join(re.escape(word.strip()) for word in match.group(1).split("|")) + ")")
            last = match.end()
        parts.append(re.escape(entry[last:]))
        return "".join(parts)

    return re.compile(r"\b(?:" + "|".join(one(entry.lower()) for entry in entries) + r")\b")


@dataclass(frozen=True)
class _Words:
    signs: re.Pattern[str]
    """Words of a balanced or kind turn: easing, coping, credit, permission, perspective."""
    dark: re.Pattern[str]
    """Words a balanced statement seldom leans on; with them the turn is read as not finished."""
    sad: re.Pattern[str]
    """Words of a low mood: with one, a thought reads as balanced only if its words turn."""
    turns: re.Pattern[str]
    """Words after which a thought may turn ('but', 'still'): what follows the last one decides."""
    spellings: dict[str, str]
    """Texting spellings and the written forms they are read as ('thats' -> "that's")."""


@lru_cache(maxsize=1)
def _words() -> _Words:
    """The word lists of `balance.toml`, which a clinician can read and edit."""
    raw = tomllib.loads(package_data("content", "balance.toml").read_text(encoding="utf-8"))
    return _Words(
        _pattern(raw["signs"]), _pattern(raw["dark"]), _pattern(raw["sad"]), _pattern(raw["turns"]),
        {key.lower(): value.lower() for key, value in raw["spellings"].items()},
    )


def _turned(text: str, words: _Words) -> bool:
    """Whether the thought ends on the kind side: after its last turn word a sign follows and
    no dark word does ("I was so scared to tell him, but he listened and I feel lighter")."""
    last = None
    for last in words.turns.finditer(text):
        pass
    if last is None:
        return False
    tail = text[last.end():]
    return bool(words.signs.search(tail)) and not words.dark.search(tail)


MODEL_SURE = 0.9
"""The learned model's 'no trap' probability at which a thought with no distress words reads as
balanced without a sign word (on the blind reframe set no distorted thought without distress
words reached it; balanced ones sat at 0.86 to 1.0)."""


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, one space, and texting spellings as written ('thats')."""
    spellings = _words().spellings
    text = " ".join(text.translate(_APOSTROPHES).lower().split())
    return _BARE_WORD.sub(lambda match: spellings.get(match.group(0), match.group(0)), text)


def is_balanced(analysis: Analysis, model_probability: float | None = None) -> bool:
    """True when no trap the person kept is in the thought, no distress word either, and its
    words take a kind or balanced turn or the learned model is sure there is no trap (and
    self-harm is not mentioned)."""
    if analysis.mentions_self_harm or not analysis.text.strip():
        return False
    if any(match.status is not DistortionStatus.rejected for match in analysis.distortions):
        return False
    text = _plain(analysis.text)
    words = _words()
    if words.dark.search(text):
        return _turned(text, words)
    if words.signs.search(text):
        return True
    return model_probability is not None and model_probability >= MODEL_SURE and not words.sad.search(text)


def learned_balance(text: str) -> float | None:
    """The learned model's 'no trap' probability for a text, or None without the analyser."""
    try:
        from thoughtwork.nlp import balanced_probability
    except ImportError:
        return None
    return balanced_probability(text)


def loaded_balance(text: str) -> float | None:
    """As `learned_balance`, but only when the analyser is loaded already: the app asks on the
    main thread and must not wait for spaCy (the traps step loads it in a worker first)."""
    try:
        from thoughtwork.nlp import is_loaded
    except ImportError:
        return None
    return learned_balance(text) if is_loaded() else None
