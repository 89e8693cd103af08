"""A small learned reader for self-harm and suicide language, beside the phrase list.

The phrase list (`detection.py`) reads the ways of saying it that someone wrote down; people
who never saw it say it in many more ways ("everyone would be lighter without me", "I keep
looking at the bridge"). This is one logistic regression over the words of a text, trained by
`scripts/train_safety_model.py` on `corpus/safety` (texts by blind writers, with hard
negatives: the same words in ordinary meaning) and `corpus/thoughts` (ordinary thoughts), and
shipped as `safety_model.npz`. It reads with numpy alone, no spaCy: it runs before the language
pipeline has loaded and on every save of a draft.

What it reads (`features`): each word's lower-case form cut to a cheap stem, its letter
trigrams (so "evryone" and pidgin spellings share most of a word), the stem pair it closes, and
a mark when it stands after a negation in its clause ("I don't want to die" reads "n:die").
These are the trap model's features (`thoughtwork.nlp.features`) over a tokeniser of its own.

Three things keep a short everyday sentence from swinging on one word: below `MIN_WORDS` words
the model does not speak at all (the phrase list still does); a text's weights are divided by
the square root of at least `EVIDENCE_FLOOR` features (not just its own count); and a verdict
must stand without the word that weighs most for it (`SafetyModel.standing`), so no single word
carries an alarm alone. A verdict is explained by
the words that weigh most towards it (`Reading.words`), so a person can be told why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from thoughtwork.nlp.features import token_parts, word_features
from thoughtwork.text import mask_controls

MODEL_PATH = Path(__file__).resolve().parent / "safety_model.npz"

MIN_WORDS = 4
"""Fewest words the model reads a verdict from: on fewer, a bag of words turns on any one of
them. Short direct phrases ("kill myself", "suicidal") are the phrase list's to catch."""

EVIDENCE_FLOOR = 24
"""A text's feature weights are averaged as if it had at least this many features (about four
words' worth): a short sentence does not get the full push of each of its few words, so one
word in a short everyday sentence ("hurt", "die", "end") cannot decide it alone."""

MAX_REASON_WORDS = 4
"""Most words shown as the reason for a verdict: the few that weigh most, not a list."""

NOT_SHOWN = frozenset(
    "a an the to into onto of in on at for with by from about my our your his her their its "
    "is are was were be been being am it this these those and or n't 's 'm 're 'd 'll 've".split()
)
"""Words read but never shown as the reason: they hold a sentence together and tell a person
nothing on their own."""

_TOKEN = re.compile(r"\w+(?:'\w+)*|[^\w\s]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_CLITICS = ("n't", "'m", "'re", "'s", "'ll", "'d", "'ve")
_NEGATION_STEMS = {"ca": "can", "wo": "will", "sha": "shall"}


class Token(NamedTuple):
    """A word or mark of the text: its lower-case form and where it stands in the original."""

    lower: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words and marks of a text, lower-cased, contractions split as spaCy splits them
    ("don't" -> "do", "n't"), with offsets into the original text."""
    # Masking and the apostrophe table both keep the length, so offsets stay true.
    clean = mask_controls(text).translate(_APOSTROPHES)
    found: list[Token] = []
    for match in _TOKEN.finditer(clean):
        found.extend(_split_clitic(match.group().lower(), match.start()))
    return found


def _split_clitic(word: str, start: int) -> list[Token]:
    """A contraction as two tokens ("i'm" -> "i", "'m"); any other word as itself."""
    end = start + len(word)
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic):
            cut = end - len(clitic)
            head = word[: -len(clitic)]
            if clitic == "n't":
                head = _NEGATION_STEMS.get(head, head)
            return [Token(head, start, cut), Token(clitic, cut, end)]
    return [Token(word, start, end)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A cheap stem: common English endings cut ("cutting" -> "cut", "pills" -> "pill",
    "wanted" -> "want", "dying" -> "die"), so the forms of a word share its weight. Not a
    lemmatizer: it only has to cut the same word the same way in training and at run time."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ying") and len(word) <= 5:
        return word[:-4] + "ie"  # dying, lying, tying
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"  # tried, cried, worried
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return _undouble(word[: -len(suffix)])
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ly") and len(word) > 5:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _undouble(base: str) -> str:
    """'cutt' -> 'cut', 'plann' -> 'plan', but 'kill' and 'fall' keep their double l."""
    if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "lsaeiou":
        return base[:-1]
    return base


def features(text: str) -> list[tuple[int, list[str]]]:
    """(token index, feature strings) for each token of a text that has features: the trap
    model's, and the stem triple a word closes ("t:want to die" against "t:to die of")."""
    found = tokens(text)
    lower = [token.lower for token in found]
    stems = [stem(word) for word in lower]
    result = []
    before: tuple[int, str, str] = (-9, "", "")  # the last word's index, its stem, and the one before
    for token, word, base, in_context in token_parts(lower, stems):
        own = list(word_features(word, base)) if word is not None else []
        if word is not None:
            if before[0] == token - 1 and before[2]:
                in_context = [*in_context, f"t:{before[2]} {before[1]} {base}"]
            before = (token, base, before[1] if before[0] == token - 1 else "")
        result.append((token, own + in_context))
    return result


def word_count(text: str) -> int:
    """How many words (not marks) a text has."""
    return sum(1 for token in tokens(text) if any(char.isalnum() for char in token.lower))


class Reading(NamedTuple):
    """The model's reading of one text."""

    probability: float
    concerning: bool
    words: tuple[str, ...]
    """The words (as written) that weigh most towards concern, heaviest first; empty unless
    `concerning`."""


@dataclass(frozen=True)
class SafetyModel:
    """The shipped weights: one per feature, a bias, and the probability from which it speaks."""

    index: dict[str, int]
    weights: np.ndarray  # (features,), float32
    bias: float
    threshold: float
    min_words: int = MIN_WORDS
    evidence_floor: int = EVIDENCE_FLOOR

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SafetyModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                index={feature: row for row, feature in enumerate(data["features"].tolist())},
                weights=np.ascontiguousarray(data["weights"], dtype=np.float32),
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                min_words=int(data["min_words"]),
                evidence_floor=int(data["evidence_floor"]),
            )

    def rows(self, text: str) -> tuple[list[int], list[int]]:
        """The distinct known features of a text (rows of `weights`) and the token each belongs to."""
        index = self.index
        rows: list[int] = []
        owners: list[int] = []
        seen: set[int] = set()
        for token, strings in features(text):
            for feature in strings:
                row = index.get(feature)
                if row is not None and row not in seen:
                    seen.add(row)
                    rows.append(row)
                    owners.append(token)
        return rows, owners

    def probability_of_rows(self, rows: list[int]) -> float:
        """The probability of concern for a text with these feature rows (binary features,
        averaged over at least `evidence_floor` of them, as trained)."""
        total = float(self.weights[rows].sum(dtype=np.float64)) if rows else 0.0
        logit = self.bias + total / math.sqrt(max(len(rows), self.evidence_floor))
        return 1.0 / (1.0 + math.exp(-logit))

    def standing(self, rows: list[int], owners: list[int]) -> float:
        """The probability of concern that stands without any one word: the lower of the text's
        own and the text's without the word that weighs most towards concern. One word of an
        everyday sentence ("forever", "easier") cannot raise an alarm alone; a veiled text is
        concerning in more than one of its words ("keep looking at the bridge")."""
        whole = self.probability_of_rows(rows)
        if not rows:
            return whole
        by_token = np.bincount(owners, weights=self.weights[rows])
        heaviest = int(np.argmax(by_token))
        if by_token[heaviest] <= 0:
            return whole
        rest = [row for row, owner in zip(rows, owners) if owner != heaviest]
        return min(whole, self.probability_of_rows(rest))

    def read(self, text: str) -> Reading:
        """Whether the text reads as concerning, how likely, and the words behind it."""
        if not text or word_count(text) < self.min_words:
            return Reading(0.0, False, ())
        rows, owners = self.rows(text)
        probability = self.standing(rows, owners)
        if probability < self.threshold:
            return Reading(probability, False, ())
        return Reading(probability, True, self.reasons(text, rows, owners))

    def reasons(self, text: str, rows: list[int], owners: list[int]) -> tuple[str, ...]:
        """The words of `text` whose features push most towards concern, heaviest first (at
        least a third as heavy as the heaviest; never a word in `NOT_SHOWN`)."""
        found = tokens(text)
        if not rows:
            return ()
        by_token = np.bincount(owners, weights=self.weights[rows], minlength=len(found))
        order = [t for t in np.argsort(-by_token) if by_token[t] > 0 and found[t].lower not in NOT_SHOWN]
        if not order:
            return ()
        floor = by_token[order[0]] / 3
        chosen = [int(t) for t in order[:MAX_REASON_WORDS] if by_token[t] >= floor]
        return tuple(text[found[t].start : found[t].end] for t in chosen)


@lru_cache(maxsize=1)
def shipped_model() -> SafetyModel:
    """The model shipped in the package, loaded once per process."""
    return SafetyModel.load()


def read(text: str) -> Reading:
    """The shipped model's reading of a text."""
    return shipped_model().read(text)
