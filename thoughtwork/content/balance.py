"""Is a thought already balanced or kind ("It hurt a bit, but I went slower and it got easier")?

Such a thought gets affirmation, not disputation: no "test this prediction" question and no
reframe that argues with it. It is balanced when the trap finder (rules and learned model, which
was trained to withdraw its suggestions on balanced statements) finds no trap the person kept,
and the words show a softening, coping or kind turn. A merely sad thought with no trap ("I feel
low today") is not called balanced: it gets the gentle general reframes instead.
"""

from __future__ import annotations

import re

from thoughtwork.models import Analysis, DistortionStatus

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

_SIGNS = re.compile(
    r"\b(?:easier|better|calmer|softer|softened|relaxed|relaxing|managed|proud|glad|grateful|thankful"
    r"|lovely|kind|kindly|gentle|gently|progress|improving|improved|helped|helps|worked|enjoyed|enjoy"
    r"|less than|a (?:bit|little) (?:less|more|easier|better)|at my own pace|my own time|step by step"
    r"|(?:it's|it is|that's|that is) (?:ok|okay|alright|all right|fine|normal|allowed|understandable)"
    r"|i'm allowed|i am allowed|i can|i could|i did|i tried|i went|i breathed|i stayed|i told"
    r"|looking back|small steps?|one step|still (?:glad|proud|worth)|even though|even if)\b"
)
"""Words of a balanced or kind turn: easing, coping, credit, permission, perspective."""

_DARK = re.compile(
    r"\b(?:never|always|hopeless|useless|worthless|pathetic|disgusting|hate|ruined|ruin|failure|failed"
    r"|can't|cannot|won't|impossible|nothing|everyone|nobody|no one|broken|freak|stupid)\b"
)
"""Words a balanced statement seldom leans on; with them the turn is read as not finished."""


def _plain(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def is_balanced(analysis: Analysis) -> bool:
    """True when no trap the person kept is in the thought and its words take a kind or
    balanced turn (and self-harm is not mentioned)."""
    if analysis.mentions_self_harm or not analysis.text.strip():
        return False
    if any(match.status is not DistortionStatus.rejected for match in analysis.distortions):
        return False
    text = _plain(analysis.text)
    return bool(_SIGNS.search(text)) and not _DARK.search(text)
