"""Does a piece of text mention self-harm or suicide?

A phrase list rather than a model: it must work offline, instantly, before spaCy has loaded,
and a person should be able to read exactly what it looks for. It leans towards offering
help: the crisis screen is gentle and never blocks the record, so a false alarm costs a
moment, while a miss costs far more. It still avoids the everyday words of this app's
subject ("it hurt", "I'm afraid it will hurt me"), which carry no risk on their own.
"""

from __future__ import annotations

import re

from thoughtwork.text import mask_controls

# Each pattern runs on lower-cased text with straight apostrophes and single spaces.
_SELF = r"(?:myself|my self)"
# Only intent, not prediction: "I might hurt myself with the dilator" is a fear this app
# works with every day, not a risk.
_WANT = r"(?:want|wanna|wanted|wanting|thinking about|think about|thought about|thinking of|plan|planning|planned|urge|urges|tempted)"

_PATTERNS = [
    # Suicide, named directly.
    r"\bsuicid(?:e|al|ality)\b",
    r"\bkill(?:ing)? (?:myself|my self)\b",
    r"\bkms\b",
    r"\b(?:end|ending|take|taking) (?:my own life|my life|it all)\b",
    r"\bend everything\b",
    r"\bunalive\b",
    # Wanting to die or not to exist (but not "die of embarrassment", "dying to try").
    r"\b(?:want|wanna|wanted|wish|wished|wishing|ready|going|deserve) (?:to )?(?:just )?(?:die|be dead)\b(?! of (?:embarrassment|shame|laughter|laughing|boredom))",
    r"\bwish (?:i|i'd) (?:was|were|had) (?:dead|never been born)\b",
    r"\bwish (?:i|i'd) (?:could )?(?:disappear|not wake up|never wake up|didn't exist|did not exist)\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:don't|dont|do not|didn't|didnt) want to (?:be alive|live|exist|be here anymore|be here any more|wake up)\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive)\b",
    r"\bcan't go on\b|\bcannot go on\b|\bcant go on\b",
    r"\bnot worth living\b",
    r"\b(?:nobody|no one|noone) would (?:even )?(?:miss|notice) (?:me|if i was gone|if i were gone)\b",
    r"\bhang(?:ing)? myself\b",
    r"\bslit(?:ting)? my wrists?\b",
    r"\bjump(?:ing)? (?:off|in front of) (?:a|the) (?:bridge|building|roof|train)\b",
    r"\boverdos(?:e|ed|ing)\b",
    # Harming oneself on purpose.
    r"\bself[- ]?harm(?:ing|ed)?\b",
    r"\bself[- ]?injur(?:y|e|ing)\b",
    r"\bharm(?:ing|ed)? " + _SELF + r"\b",
    r"\bcut(?:ting)? (?:myself|my self|my wrists?|my arms?|my legs?)\b",
    r"\bburn(?:ing)? myself\b",
    r"\bstarv(?:e|ing) myself\b",
    r"\bpunish(?:ing)? myself by\b",
    r"\b" + _WANT + r" (?:to )?(?:hurt|harm|injure|hurting|harming) myself\b",
    r"\bhurt(?:ing)? myself on purpose\b",
    r"\bhurt(?:ing)? myself (?:again|deliberately)\b",
]
_COMPILED = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_NOT_WORDS = re.compile(r"[^\w'\- ]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _normalise(text: str) -> str:
    """Lower case, straight apostrophes, hyphens kept, and one space between words."""
    # An escape code ("\x1b[31m") must not glue itself to the next word ("31mkill").
    text = mask_controls(text)
    text = text.translate(_APOSTROPHES).lower()
    text = _NOT_WORDS.sub(" ", text)
    return " ".join(text.split())


def mentions_self_harm(text: str) -> bool:
    """True when the text mentions suicide, wanting to die, or harming oneself."""
    if not text or not text.strip():
        return False
    return _COMPILED.search(_normalise(text)) is not None
