"""Does a piece of text mention self-harm or suicide?

Two readers, either one enough: a phrase list a person can read (`mentions_phrase`), and a small
learned reader (`thoughtwork.safety.model`) for the many ways people say it that no list holds.
Both work offline and instantly, before spaCy has loaded. The check leans towards offering
help: the crisis screen is gentle and never blocks the record, so a false alarm costs a
moment, while a miss costs far more. It still avoids the everyday words of this app's
subject ("it hurt", "I'm afraid it will hurt me"), which carry no risk on their own.
"""

from __future__ import annotations

from collections.abc import Iterable

import re

from thoughtwork.safety.model import read
from thoughtwork.text import mask_controls

# Each pattern runs on lower-cased text with straight apostrophes and single spaces.
_SELF = r"(?:myself|my self)"
# Only intent, not prediction: "I might hurt myself with the dilator" is a fear this app
# works with every day, not a risk.
_WANT = r"(?:want|wanna|wanted|wanting|thinking about|think about|thought about|thinking of|plan|planning|planned|urge|urges|tempted)"

_GONE = r"(?:walk|walking|run|running|drive|driving|go|going|leave|leaving|disappear|disappearing|vanish|vanishing)"
"""Ways of going away, for the patterns of leaving for good."""

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
    # Said without the word: ending "it", not being here, a means, a goodbye. Found missing in a
    # blind set written by others (14 of 15 such thoughts passed unseen); each pattern is a way
    # of saying it, not one sentence, and a breakup ("end it with him") is left out.
    r"\b(?:i|to|i'll|i'd|just|of|about) (?:end|ending) it\b(?! (?:with|off with|between))",
    r"\b(?:what's|whats|what is) the point (?:of me|of my life|of living|of being alive|in living|of going on|of being here)\b",
    r"\bbetter off (?:if i (?:just )?(?:wasn't|weren't|was not|were not|was gone|were gone|wasn't here|weren't here|died|disappeared|was dead|were dead))",
    r"\b(?:relieved|happier|better) if i (?:just )?(?:disappeared|was gone|were gone|died|wasn't here|weren't here|was dead)\b",
    r"\b(?:rather|better) (?:be )?dead\b|\brather (?:just )?die\b",
    r"\b(?:don't|dont|do not|can't|cant|cannot) see (?:why|the point|a reason) (?:i should |to |in )?(?:keep going|keep living|go on|going on|carry on|carrying on|stay alive|being alive|living)\b",
    r"\bno (?:reason|point) (?:to|in|for me to) (?:keep going|keep living|carry on|stay alive)\b",
    r"\b(?:take|taking|took|swallow|swallowing|swallowed) all (?:the |my |those )?(?:pills|tablets|sleeping pills)\b",
    r"\b(?:pills|tablets) (?:saved|stashed|stockpiled|hidden)\b|\bsav(?:ed|ing) (?:up )?(?:pills|tablets)\b|\bstockpil",
    r"\b(?:hit|hitting|punch|punching|slap|slapping|scratch|scratching|bite|biting) myself\b",
    r"\b(?:take|taking|took|put|use|using) a (?:knife|blade|razor) to\b",
    r"\bi (?:still |sometimes |have |'ve )?cut(?:ting)?(?: myself)?(?= again| when| after| last| sometimes| i | to | so |$)",
    r"\bdeserve to (?:be hurt|hurt|suffer|be in pain|feel pain|be punished)\b",
    r"\b(?:hurt|pain|suffer|suffering) (?:as|like a|for) punishment\b",
    r"\blook(?:ing|ed)? (?:up|for|into) (?:ways|how) to (?:die|end it|kill|do it)\b|\blook(?:ing|ed)? up ways\b",
    r"\b(?:goodbye|farewell|suicide) (?:letters?|notes?)\b|\bletters? to (?:the kids|my kids|the children|my children|my family|everyone)\b",
    r"\blook(?:ed|ing)? (?:at|over|down from) the (?:bridge|edge|tracks|rails) again\b",
    # Going away for good, said of oneself: leaving with no return, vanishing for ever, not being
    # around much longer, sleeping and not waking. Someone else leaving ("he'll walk out and never
    # come back") is a fear of being left, not this: no other person may stand before the verb;
    # a fear of dying in one's sleep is not a wish to.
    r"\b(?:i|i'll|i'd|i'm|about|of|just)(?: (?!(?:he|she|they|he'll|she'll|they'll|he'd|she'd|they'd|he's|she's|him|her|them)\b)\S+){0,3}"
    r" " + _GONE + r"(?: (?:out|off|away))?(?: from (?:it all|everyone|everything))? and (?:never|not) (?:come|coming) back\b",
    r"\b(?:i|to|just|could) (?:disappear|disappearing|vanish|vanishing) (?:forever|for ever|for good|off the face of the earth)\b",
    r"\bi (?:won't|wont|will not|am not going to|'m not going to) be (?:around|here) (?:for )?much longer\b",
    r"\b(?:wish|wished|want|wanted|wanna|hope|hoping|like) (?:i could |i would |i'd |to )?(?:just )?"
    r"(?:sleep|fall asleep|go to sleep|drift off) and (?:not|never) wake up\b",
    # Not being, in other words (a second blind set, 9 of 12 unseen): to stop existing, to rather
    # not be here, the world easier or lighter without oneself, no point in carrying on.
    r"\b(?:stop|stopped|stopping) existing\b|\b(?:rather|prefer to|want to|wanna) not (?:be here|be alive|be around|exist|be living)\b",
    r"\b(?:easier|lighter|better|happier|simpler|relieved|calmer)(?: \S+){0,4} if i (?:just )?(?:wasn't|weren't|was not|were not)"
    r" (?:around|here|alive|there|born)\b",
    r"\bif i (?:just )?(?:didn't|did not|never|don't) make it (?:home|back)\b",
    r"\bwhat(?:'s|s| is)? the point (?:of|in) (?:carrying on|keeping going|going on|staying alive|being alive|living)\b"
    r"(?! with| doing| trying| practi[sc]ing)",
    r"\bdone with (?:life|living|it all|being alive)\b",
    # A means, pictured: into the river, in front of a train, every pill in the cabinet.
    r"\b(?:think|thinking|thought|imagine|imagining|picture|picturing|urge|want|wanted|wanna|tempted|about)(?: \S+){0,3}"
    r" (?:walk|walking|step|stepping|drive|driving|swerve|swerving|jump|jumping) (?:into|in front of|off)(?: \S+){0,2}"
    r" (?:river|sea|ocean|lake|canal|traffic|train|bus|lorry|truck|bridge|cliff|building|roof|tracks)\b",
    r"\b(?:take|taking|took|swallow|swallowing|swallowed) (?:every|each) (?:single )?(?:pill|tablet)\b",
    # Hurting oneself, in other words: cutting again, skin scratched or bitten until it bleeds.
    r"\bcutting (?:again|myself)\b|\b(?:started|start|starting) cutting\b(?! (?:down|back|out|carbs|sugar|the|my hair|hair|it|them))",
    r"\bmy (?:arms?|legs?|skin|wrists?|thighs?|hands?|stomach|face)(?: \S+){0,2} (?:until|till|til|so) (?:they|it|i)"
    r" (?:bleed|bled|bleeds|bleeding|bruise|bruised)\b",
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


def mentions_phrase(text: str) -> bool:
    """True when the text says one of the phrase list's ways of mentioning suicide, wanting to
    die, or harming oneself."""
    if not text or not text.strip():
        return False
    return _COMPILED.search(_normalise(text)) is not None


def mentions_self_harm(text: str) -> bool:
    """True when the text mentions suicide, wanting to die, or harming oneself: the phrase list
    or the learned reader (`thoughtwork.safety.model`) notices it."""
    return mentions_phrase(text) or read(text).concerning


def concerning(pieces: Iterable[str]) -> set[str]:
    """The pieces of a person's writing (each box on its own) that mention self-harm: a caller
    offers help once for each, remembering the ones already answered."""
    return {piece for piece in pieces if mentions_self_harm(piece)}
