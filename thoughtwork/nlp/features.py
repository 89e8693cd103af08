"""The words a learned trap model reads in a thought: one list of feature strings per token.

Training (`scripts/train_trap_model.py`) and the `trap_model` component both call `token_features`,
so the model sees at run time exactly what it was trained on. Every feature belongs to one token
(a bigram to its second word), which is how a model's verdict is traced back to the words that
weigh most for it.

The features are deliberately broad, not the rule lexicons: a lemma, the lemma pair it closes,
and the word's letter trigrams, so a typo ("allways", "evrything") or a grammar slip ("it not go
in") still shares most of its features with the usual spelling.
"""

from __future__ import annotations

import re

NEGATORS = frozenset(["not", "n't", "nt", "never", "no", "nobody", "nothing", "cannot", "cant", "dont", "wont"])
"""Words after which, up to the clause's end, a word is read as negated ('not my fault')."""

_WORD = re.compile(r"[a-z0-9']")
_CLAUSE_END = frozenset([".", ",", ";", ":", "!", "?", "\u2014", "(", ")", "but", "and", "so", "because"])


def is_word(text: str) -> bool:
    """Whether a token is a word (letters, digits or an apostrophe), not punctuation or space."""
    return bool(_WORD.search(text))


def token_features(lower: list[str], lemma: list[str]) -> list[list[str]]:
    """The feature strings of each token of a thought (lower-case forms and lemmas, as
    `thoughtwork.nlp.components.word_forms` gives them). Punctuation other than '?' and '!'
    has none of its own but ends a clause."""
    features: list[list[str]] = []
    previous = "<s>"
    negated = False
    for word, base in zip(lower, lemma):
        if word in _CLAUSE_END:
            negated = False
        if not is_word(word):
            features.append(["p:" + word] if word in ("?", "!") else [])
            previous = "<s>"
            continue
        own = ["u:" + base, "b:" + previous + " " + base]
        if negated:
            own.append("n:" + base)
        if len(word) > 3:
            padded = f"<{word}>"
            own.extend("c:" + padded[i : i + 3] for i in range(len(padded) - 2))
        features.append(own)
        if word in NEGATORS:
            negated = True
        elif word in _CLAUSE_END:
            negated = False
        previous = base
    return features
