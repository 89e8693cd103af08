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
from collections.abc import Iterator
from functools import lru_cache

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
    features: list[list[str]] = [[] for _ in lower]
    for token, word, base, in_context in token_parts(lower, lemma):
        features[token] = [*word_features(word, base), *in_context] if word is not None else in_context
    return features


def token_parts(lower: list[str], lemma: list[str]) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """For each token that has features: its index, its word and lemma (None for a mark), and the
    features it has from where it stands (the lemma pair it closes, a negated lemma). Split so
    the model can keep each word's own features (`word_features`) once instead of per thought."""
    previous = "<s>"
    negated = False
    for token, (word, base) in enumerate(zip(lower, lemma)):
        if word in _CLAUSE_END:
            negated = False
        if not is_word(word):
            if word in ("?", "!"):
                yield token, None, "", ["p:" + word]
            previous = "<s>"
            continue
        in_context = ["b:" + previous + " " + base]
        if negated:
            in_context.append("n:" + base)
        yield token, word, base, in_context
        if word in NEGATORS:
            negated = True
        elif word in _CLAUSE_END:
            negated = False
        previous = base


@lru_cache(maxsize=65536)
def word_features(word: str, base: str) -> tuple[str, ...]:
    """A word's own features wherever it stands: its lemma, and its letter trigrams if it is
    longer than three letters."""
    if len(word) <= 3:
        return ("u:" + base,)
    padded = f"<{word}>"
    return ("u:" + base, *("c:" + padded[i : i + 3] for i in range(len(padded) - 2)))
