"""`trap_model`: a learned thinking-trap reader beside the rules.

A linear model (one logistic regression per trap, and one for "balanced") over the features of
`thoughtwork.nlp.features` and the rules' verdicts, trained by `scripts/train_trap_model.py` on
the corpus in `corpus/` and shipped in this package (`model/trap_model.npz`), so nothing is
downloaded. It runs after `distortion_matcher`: a rule's match stands unless the model, which
knows the rule fired, gives it less than that trap's keep threshold; the model adds a trap the
rules missed when it passes that trap's threshold; a thought it is sure is balanced gets no
suggestion at all. The thresholds are set by the training script for precision: a false alarm
costs a person more than a miss. An added trap carries the words that weigh most for it, so a
person always sees why. `model/top_words.md` lists the heaviest words of every trap for review.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from thoughtwork.nlp.components import DECLINED_KEY, DISTORTIONS_KEY, Hit, word_end, word_forms, word_start
from thoughtwork.nlp.features import is_word, token_parts, word_features

MODEL_PATH = Path(__file__).resolve().parent / "model" / "trap_model.npz"

RULE_PREFIX = "r:"
"""A rule's verdict as a feature of the model ('r:fortune_telling'), owned by the rule's first word."""

DECLINED_PREFIX = "x:"
"""A rule that matched words but stood aside for their context ('x:mind_reading' in 'I don't
think he hates me'), owned by the first matched word."""

BALANCED = "balanced"
"""The model's column for 'no trap at all'; past its threshold every suggestion is withdrawn."""

MIN_WORDS = 3
"""Fewest words the model adds a trap to: on two words a normalised bag of words swings to
certainty on any one of them ('A walk.' read as a should statement)."""

MAX_EVIDENCE_WORDS = 3
"""Most words shown as the reason for a model's trap: the few that weigh most, not a list."""


NOT_SHOWN = frozenset(
    "a an the to into onto of in on at for with by from about my our your his her their its "
    "is are was were be been being am it this these those".split()
)
"""Words never shown as the reason for a model's trap, though the model reads them: articles,
prepositions, possessives and forms of 'be' weigh in only through the words around them, and a
person shown 'the' or 'into' as why learns nothing. (Words that can carry a trap on their own,
such as 'but', 'so', 'because', 'me', 'they', 'every', stay.)"""


@dataclass(frozen=True)
class LinearModel:
    """The shipped weights: one column per trap, one row per feature."""

    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, labels), float32
    bias: np.ndarray  # (labels,)
    thresholds: np.ndarray  # (labels,): the lowest probability at which a trap is added
    keeps: np.ndarray  # (labels,): the lowest probability at which a rule's match of it stays
    _own_rows: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    """(word, lemma) -> the rows of the word's own features, filled as words are first seen."""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            features = data["features"].tolist()
            return cls(
                labels=tuple(data["labels"].tolist()),
                index={feature: row for row, feature in enumerate(features)},
                weights=np.ascontiguousarray(data["weights"], dtype=np.float32),
                bias=data["bias"].astype(np.float64),
                thresholds=data["thresholds"].astype(np.float64),
                keeps=data["keeps"].astype(np.float64),
            )

    def rows(self, lower: list[str], lemma: list[str], extra: dict[int, list[str]]) -> tuple[list[int], list[int]]:
        """The distinct known features of a thought (rows of `weights`) and the token each belongs
        to: the features of `token_features`, and `extra` ones (the rules' verdicts) by token."""
        index = self.index
        own_rows = self._own_rows
        rows: list[int] = []
        owners: list[int] = []
        seen: set[int] = set()
        for token, word, base, in_context in token_parts(lower, lemma):
            found = own_rows.get((word, base)) if word is not None else ()
            if found is None:
                found = own_rows[(word, base)] = tuple(
                    row for row in (index.get(f) for f in word_features(word, base)) if row is not None
                )
            for row in found:
                if row not in seen:
                    seen.add(row)
                    rows.append(row)
                    owners.append(token)
            for feature in in_context:
                row = index.get(feature)
                if row is not None and row not in seen:
                    seen.add(row)
                    rows.append(row)
                    owners.append(token)
        for token, features in extra.items():
            for row in (index.get(f) for f in features):
                if row is not None and row not in seen:
                    seen.add(row)
                    rows.append(row)
                    owners.append(token)
        return rows, owners

    def probabilities(self, rows: list[int]) -> np.ndarray:
        """Each trap's probability for a thought with these features (binary, L2-normalised, as trained)."""
        if not rows:
            return 1.0 / (1.0 + np.exp(-self.bias))
        logits = self.bias + self.weights[rows].sum(axis=0, dtype=np.float64) / math.sqrt(len(rows))
        return 1.0 / (1.0 + np.exp(-logits))

    def heaviest_tokens(
        self, rows: list[int], owners: list[int], label: int, words: list[str]
    ) -> list[int]:
        """The tokens whose features weigh most towards trap `label`, heaviest first (only those
        that push towards it, at least a third as heavy as the heaviest, and not a word that
        only holds a sentence together: see `NOT_SHOWN`). `words` are the lower-case tokens."""
        weight_by_token = np.bincount(owners, weights=self.weights[rows, label], minlength=len(words))
        order = [t for t in np.argsort(-weight_by_token) if weight_by_token[t] > 0 and words[t] not in NOT_SHOWN]
        if not order:
            return []
        floor = weight_by_token[order[0]] / 3
        return [int(t) for t in order[:MAX_EVIDENCE_WORDS] if weight_by_token[t] >= floor]


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel:
    """The model shipped in the package, loaded once per process."""
    return LinearModel.load()


class TrapModel:
    """Adds the traps the rules missed and the model is confident of, with the words behind them."""

    def __init__(self, nlp: Language, name: str, model: LinearModel | None = None) -> None:
        self.name = name
        self.model = model or shipped_model()
        self.label_index = {label: i for i, label in enumerate(self.model.labels)}

    def __call__(self, doc: Doc) -> Doc:
        hits: list[Hit] = list(doc.user_data.get(DISTORTIONS_KEY) or ())
        found = self.find(doc, hits)
        if found != hits:
            doc.user_data[DISTORTIONS_KEY] = found
        return doc

    def rows(self, doc: Doc, hits: list[Hit]) -> tuple[list[int], list[int]]:
        """The model's rows for a doc and the token each belongs to."""
        return self.model.rows(*word_forms(doc), rule_features(doc, hits))

    def probabilities(self, doc: Doc) -> dict[str, float]:
        """Every column's probability for a processed doc, as the model reads it (for tests)."""
        rules = [hit for hit in doc.user_data.get(DISTORTIONS_KEY) or () if hit.source == "rule"]
        rows, _owners = self.rows(doc, rules)
        return dict(zip(self.model.labels, self.model.probabilities(rows).tolist()))

    def find(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """The rules' hits and the traps the model adds, or none when the model is sure the
        thought is balanced."""
        model = self.model
        rows, owners = self.rows(doc, hits)
        if not rows:
            return hits
        probabilities = model.probabilities(rows)
        balanced = self.label_index.get(BALANCED)
        if balanced is not None and probabilities[balanced] >= model.thresholds[balanced]:
            return []
        index = self.label_index
        hits = [hit for hit in hits if probabilities[index[hit.distortion]] >= model.keeps[index[hit.distortion]]]
        already = {hit.distortion for hit in hits}
        if sum(1 for word in word_forms(doc)[0] if is_word(word)) < MIN_WORDS:
            return hits  # too few words to read a trap from without a rule ('A walk.')
        added = []
        for label, probability in enumerate(probabilities):
            distortion = model.labels[label]
            if label == balanced or probability < model.thresholds[label] or distortion in already:
                continue
            tokens = model.heaviest_tokens(rows, owners, label, word_forms(doc)[0])
            if not tokens:
                continue  # nothing in the words to show as the reason: not offered
            ends = [doc[word_end(doc, t)] for t in sorted(tokens)]
            spans = tuple((doc[word_start(doc, t)].idx, end.idx + len(end)) for t, end in zip(sorted(tokens), ends))
            added.append(Hit(distortion, float(probability), spans, ("model",), "model"))
        if not added:
            return hits
        return sorted([*hits, *added], key=lambda hit: (-hit.score, hit.distortion))


def rule_features(doc: Doc, hits: list[Hit]) -> dict[int, list[str]]:
    """The rules' verdicts as features, by the token that owns them: each of `hits` on the first
    word of its evidence, each match their context switched off on its first word. Training and
    the component both read them here, so the model sees at run time what it was trained on."""
    extra: dict[int, list[str]] = {}
    for hit in hits:
        token = _token_at(doc, hit.spans[0][0]) if hit.spans else 0
        extra.setdefault(token, []).append(RULE_PREFIX + hit.distortion)
    for distortion, token in sorted((doc.user_data.get(DECLINED_KEY) or {}).items()):
        extra.setdefault(token, []).append(DECLINED_PREFIX + distortion)
    return extra


def _token_at(doc: Doc, char: int) -> int:
    """The token that holds character `char` of the doc's text (a hit's spans start on a token)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc) - 1


@Language.factory("trap_model")
def make_trap_model(nlp: Language, name: str) -> TrapModel:
    """The learned trap reader; put it after `distortion_matcher`, whose matches it keeps."""
    return TrapModel(nlp, name)
