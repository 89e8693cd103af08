"""Is a thought already balanced or kind ("It hurt a bit, but I went slower and it got easier")?

Such a thought gets affirmation, not disputation: no "test this prediction" question and no
reframe that argues with it. It is balanced when the trap finder (rules and learned model) finds
no trap the person kept, no word of distress or absolutes is in it, and either the words show a
softening, coping or kind turn or the learned model is sure it carries no trap (its "balanced"
column, learned from thousands of statements by many writers: "Told him. He hugged me." has no
word a list would think of). A merely sad thought with no trap ("I feel low today") is not
called balanced: it gets the gentle general reframes instead.
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
    r"|can't|cannot|won't|impossible|nothing|everyone|nobody|no one|broken|freak|stupid|not normal"
    r"|dread|dreading|dreaded|terrified|scared|afraid|panic|panicking|too tight|awful|horrible|unbearable"
    r"|tired of|sick of|bored of|doesn't work|don't work|give up|gave up)\b"
)
"""Words a balanced statement seldom leans on; with them the turn is read as not finished."""

_SAD = re.compile(
    r"\b(?:low|sad|down|cry|crying|cried|lonely|tired|exhausted|upset|miserable|hurt|hurts|pain|painful|sore"
    r"|bad|worse|numb|empty|frustrated|angry|ashamed|embarrassed|guilty|stuck|lost|hard|difficult)\b"
)
"""Words of a low mood: with one, a thought reads as balanced only if its words turn (a sign
word), not on the model's word alone ("I feel low today" has no trap, and is not balanced)."""

MODEL_SURE = 0.9
"""The learned model's 'no trap' probability at which a thought with no distress words reads as
balanced without a sign word (on the blind reframe set no distorted thought without distress
words reached it; balanced ones sat at 0.86 to 1.0)."""


def _plain(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def is_balanced(analysis: Analysis, model_probability: float | None = None) -> bool:
    """True when no trap the person kept is in the thought, no distress word either, and its
    words take a kind or balanced turn or the learned model is sure there is no trap (and
    self-harm is not mentioned)."""
    if analysis.mentions_self_harm or not analysis.text.strip():
        return False
    if any(match.status is not DistortionStatus.rejected for match in analysis.distortions):
        return False
    text = _plain(analysis.text)
    if _DARK.search(text):
        return False
    if _SIGNS.search(text):
        return True
    return model_probability is not None and model_probability >= MODEL_SURE and not _SAD.search(text)


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
