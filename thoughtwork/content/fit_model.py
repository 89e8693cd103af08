"""The learned fit layer: how well a reframe fits a thought, read from the thought's own words.

A bilinear scorer: the thought is a set of features (its words and word pairs, the record's
context and situation words, the traps, themes and subjects the rules read in it), the reframe is
a set of features (its id, its traps, themes, ties, technique), and the fit is the sum of one
learned weight for every (thought feature, reframe feature) pair. The per-id column makes it one
linear scorer per reframe; the trap, theme and tie columns let what is learned for one reframe
carry to another of the same kind, and to reframes a clinician adds later.

It was trained by `scripts/train_fit_model.py` on labelled thoughts (each with the reframe ids a
clinician would accept and those that must never appear) and is shipped in the package
(`model/fit_model.npz`, read with numpy alone). Its score is in the units of the rule score it
is added to (`ranking`), and it never overrides a guard: what may be offered at all is still
decided by rules (self-harm, balanced thoughts, people and situations, quotes).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from thoughtwork.content.reframes import GENERAL_PREFIX
from thoughtwork.content.words import STOPWORDS, stem
from thoughtwork.models import Reframe

MODEL_PATH = Path(__file__).resolve().parent / "model" / "fit_model.npz"

BIAS = "bias"
"""A feature every thought and every reframe has: thought-bias x reframe-id is a reframe's prior."""

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

WORD = "w:"
PAIR = "b:"
SITUATION = "s:"
"""Prefixes of the thought's word features (a word, two words in a row, a word of the situation)."""


@dataclass(frozen=True)
class ThoughtReading:
    """What the rules read in a thought, as the fit layer takes it in (plain strings, so the
    training script and the app build exactly the same features)."""

    text: str
    context: str = ""
    situation: str = ""
    traps: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    balanced: bool = False
    leanings: tuple[tuple[str, float], ...] = ()
    """The learned trap model's probability for every trap (and 'balanced'), reported or not:
    trained on some 12,000 thoughts, it says 'this sounds like a forecast' where no rule fired."""


def tokens(text: str) -> list[str]:
    """Lower-case words with straight apostrophes, in order."""
    return _TOKEN.findall(text.translate(_APOSTROPHES).lower())


def word_features(text: str, prefix_word: str = WORD, prefix_pair: str | None = PAIR) -> dict[str, str]:
    """Feature -> the words the person wrote for it ('b:he'll leav' -> "he'll leave")."""
    words = tokens(text)
    stems = [stem(w) for w in words]
    found: dict[str, str] = {}
    for word, base in zip(words, stems):
        found.setdefault(prefix_word + base, word)
    if prefix_pair is not None:
        for i in range(1, len(words)):
            found.setdefault(f"{prefix_pair}{stems[i - 1]} {stems[i]}", f"{words[i - 1]} {words[i]}")
    return found


def thought_features(reading: ThoughtReading) -> dict[str, float]:
    """Feature -> value. Words are L2-normalised together (a long thought is not louder); what the
    rules read counts one each."""
    words = word_features(reading.text)
    words.update(word_features(reading.situation, SITUATION, None))
    scale = 1.0 / math.sqrt(len(words)) if words else 0.0
    features = {feature: scale for feature in words}
    features[BIAS] = 1.0
    if reading.context:
        features["ctx:" + reading.context] = 1.0
    for trap in reading.traps:
        features["trap:" + trap] = 1.0
    for theme in reading.themes:
        features["theme:" + theme] = 1.0
    for subject in reading.subjects:
        features["about:" + subject] = 1.0
    if reading.balanced:
        features["balanced"] = 1.0
    for trap, probability in reading.leanings:
        features["p:" + trap] = probability
    return features


@lru_cache(maxsize=4096)
def _reframe_features(ident: str, traps: tuple[str, ...], themes: tuple[str, ...], ties: tuple[str, ...],
                      technique: str, affirms: bool) -> tuple[str, ...]:
    features = [BIAS, "id:" + ident, "kind:" + ident.split(".", 1)[0]]
    features += ["d:" + trap for trap in traps]
    features += ["t:" + theme for theme in themes]
    features += ["tie:" + tie for tie in ties]
    if technique:
        features.append("tech:" + technique.lower())
    if affirms:
        features.append("affirms")
    if ident.startswith(GENERAL_PREFIX):
        features.append("general")
    return tuple(features)


def reframe_features(reframe: Reframe) -> tuple[str, ...]:
    """What a reframe is, as the fit layer reads it: its id and kind, traps, themes, ties, technique."""
    from thoughtwork.content.ranking import reframe_ties

    return _reframe_features(
        reframe.id,
        tuple(sorted(d.value for d in reframe.distortions)),
        tuple(sorted(t.value for t in reframe.themes)),
        tuple(sorted(s.value for s in reframe_ties(reframe))),
        reframe.technique or "",
        reframe.affirms,
    )


@dataclass(frozen=True)
class FitModel:
    """The shipped weights: one row per thought feature, one column per reframe feature, already
    in rule-score units."""

    thought_index: dict[str, int]
    reframe_index: dict[str, int]
    weights: np.ndarray  # (thought features, reframe features), float32

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> FitModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                thought_index={f: i for i, f in enumerate(data["thought_features"].tolist())},
                reframe_index={f: i for i, f in enumerate(data["reframe_features"].tolist())},
                weights=np.ascontiguousarray(data["weights"], dtype=np.float32),
            )

    def save(self, path: Path, meta: dict[str, str] | None = None) -> None:
        """Written to a temp file and moved into place, so a reader never sees half a model."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(
            temp,
            thought_features=np.array(sorted(self.thought_index, key=self.thought_index.get)),
            reframe_features=np.array(sorted(self.reframe_index, key=self.reframe_index.get)),
            weights=self.weights.astype(np.float32),
            meta=np.array(sorted(f"{k}={v}" for k, v in (meta or {}).items())),
        )
        temp.replace(path)

    def thought_vector(self, features: dict[str, float]) -> np.ndarray:
        """The thought's row of reframe-feature weights: what each reframe feature is worth here."""
        rows = [(self.thought_index[f], v) for f, v in features.items() if f in self.thought_index]
        if not rows:
            return np.zeros(len(self.reframe_index), dtype=np.float64)
        index, values = zip(*rows)
        return np.asarray(values, dtype=np.float64) @ self.weights[list(index)].astype(np.float64)

    def reframe_columns(self, reframe: Reframe) -> list[int]:
        return [self.reframe_index[f] for f in reframe_features(reframe) if f in self.reframe_index]

    def scores(self, features: dict[str, float], reframes: Sequence[Reframe]) -> dict[str, float]:
        """Reframe id -> its learned fit for a thought with these features."""
        vector = self.thought_vector(features)
        return {r.id: float(vector[self.reframe_columns(r)].sum()) for r in reframes}

    def evidence(self, reading: ThoughtReading, reframe: Reframe, count: int = 2) -> list[str]:
        """The person's own words (from the thought, never the situation) that weigh most
        towards this reframe, heaviest first: only words that push towards it, and never a word
        that only holds a sentence together ('the'), which would tell the person nothing."""
        columns = self.reframe_columns(reframe)
        if not columns:
            return []
        weighed = []
        for feature, written in word_features(reading.text).items():
            row = self.thought_index.get(feature)
            if row is not None and any(w not in STOPWORDS for w in written.split()):
                weight = float(self.weights[row, columns].sum())
                if weight > 0:
                    weighed.append((-weight, written))
        chosen: list[str] = []
        for _weight, written in sorted(weighed):
            # 'doctor' and 'the doctor' are one reason, not two
            if len(chosen) < count and not any(f" {written} " in f" {c} " or f" {c} " in f" {written} " for c in chosen):
                chosen.append(written)
        return chosen


@lru_cache(maxsize=1)
def shipped_fit_model() -> FitModel | None:
    """The model shipped in the package, loaded once per process (None if it is missing)."""
    if not MODEL_PATH.exists():
        return None
    return FitModel.load()


def matrix_rows(readings: Iterable[dict[str, float]], index: dict[str, int]) -> np.ndarray:
    """Dense (thoughts, features) rows for training and evaluation."""
    readings = list(readings)
    out = np.zeros((len(readings), len(index)), dtype=np.float64)
    for row, features in enumerate(readings):
        for feature, value in features.items():
            column = index.get(feature)
            if column is not None:
                out[row, column] = value
    return out
