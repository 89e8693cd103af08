"""Training and judging the learned trap model (needs scikit-learn: `pip install -e '.[train]'`).

The corpus is JSON lines of `{"text", "labels", "author", ...}` (see `corpus/README.md`). Every
measurement here splits by author, never by sentence: a model is always scored on the writing of
people whose words it never saw, which is what a new user's thoughts are.

`scripts/train_trap_model.py` is the command-line face of this module.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from thoughtwork.models import DistortionId
from thoughtwork.nlp.evaluate import LabelScore, Report
from thoughtwork.nlp.trap_model import LinearModel, rule_features
from thoughtwork.text import first_of_each_text

LABELS: tuple[str, ...] = tuple(d.value for d in DistortionId)
BALANCED = "balanced"
"""The model's last column: the thought carries no trap at all. When the model is sure of that,
it withdraws every suggestion, the rules' too (see `trap_model`)."""
MODEL_LABELS: tuple[str, ...] = (*LABELS, BALANCED)

FALSE_ALARM_TARGET = 0.08
"""The balanced-statement veto is set so that at most this share of balanced thoughts (out of
fold) still gets a trap: below the one in ten the product allows, with room for new voices."""

MIN_AUTHORS_PER_FEATURE = 2
"""A feature is kept only if at least this many authors used it: a word one writer favours
('lowkey', one persona's pet phrase) must not become a sign of a trap."""

C = 16.0
"""Inverse L2 strength of each logistic regression (chosen on author-held-out folds)."""

BETA = 0.75
"""Thresholds maximise F-beta with beta 0.75 (precision weighs more than recall): a false alarm
costs a person more than a miss. On author-held-out folds 0.5 cost 0.065 macro-F1 for 1 point
fewer false alarms, which the balanced veto already holds under its target."""

THRESHOLD_GRID = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # 0.30 .. 0.95
NEVER = 1.01
"""A threshold no probability reaches: the model adds nothing for that trap."""


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    author: str


def read_examples(path: Path, author: str | None = None) -> list[Example]:
    """One file's labelled thoughts; `author` names them all when the lines do not."""
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        labels = frozenset(item.get("labels", []))
        unknown = labels - set(LABELS)
        if unknown:
            raise ValueError(f"{path}:{number}: unknown label(s) {sorted(unknown)}")
        who = author or item.get("author")
        if not who:
            raise ValueError(f"{path}:{number}: no author")
        examples.append(Example(item["text"], labels, who))
    return examples


def deduplicated(examples: Iterable[Example]) -> list[Example]:
    """The first of each text (case and spacing aside), so no text sits on both sides of a
    split by writer."""
    return first_of_each_text(examples)


# --- reading the texts once ----------------------------------------------------------------


@dataclass
class Featurised:
    """What the pipeline reads in each example: its features, and the traps the rules found."""

    examples: list[Example]
    features: list[list[str]]  # distinct feature strings per example
    rules: np.ndarray  # (examples, labels) 0/1: the rules' verdicts
    gold: np.ndarray  # (examples, labels) 0/1

    def subset(self, indices: Sequence[int]) -> Featurised:
        idx = list(indices)
        return Featurised(
            [self.examples[i] for i in idx], [self.features[i] for i in idx], self.rules[idx], self.gold[idx]
        )

    @property
    def targets(self) -> np.ndarray:
        """What the model learns: every trap, and `balanced` (no trap at all)."""
        return np.hstack([self.gold, (self.gold.sum(axis=1, keepdims=True) == 0).astype(np.int8)])

    @property
    def authors(self) -> list[str]:
        return [example.author for example in self.examples]


def featurise(examples: list[Example]) -> Featurised:
    from thoughtwork.nlp.components import results, word_forms
    from thoughtwork.nlp.features import token_features
    from thoughtwork.nlp.pipeline import prepare, rules_pipeline

    nlp = rules_pipeline()
    features, rules = [], []
    for doc in nlp.pipe(prepare(example.text) for example in examples):
        hits = results(doc)[0]
        per_token = token_features(*word_forms(doc))
        verdicts = rule_features(doc, hits).values()
        features.append(list(dict.fromkeys(f for token in (*per_token, *verdicts) for f in token)))
        found = {hit.distortion for hit in hits}
        rules.append([label in found for label in LABELS])
    gold = [[label in example.labels for label in LABELS] for example in examples]
    return Featurised(examples, features, np.array(rules, dtype=np.int8), np.array(gold, dtype=np.int8))


# --- fitting ---------------------------------------------------------------------------------


def _matrix(features: list[list[str]], index: dict[str, int]):
    """Binary rows, each L2-normalised over its known features (as `LinearModel.probabilities`)."""
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for row in features:
        known = [index[f] for f in row if f in index]
        if known:
            indices.extend(known)
            values.extend([1.0 / math.sqrt(len(known))] * len(known))
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(features), len(index)), dtype=np.float64)


def fit(data: Featurised, c: float = C) -> LinearModel:
    """One logistic regression per trap on `data`; every threshold left at NEVER (see `calibrate`)."""
    from sklearn.linear_model import LogisticRegression

    authors_by_feature: dict[str, set[str]] = {}
    for row, author in zip(data.features, data.authors):
        for feature in row:
            authors_by_feature.setdefault(feature, set()).add(author)
    vocabulary = sorted(f for f, who in authors_by_feature.items() if len(who) >= MIN_AUTHORS_PER_FEATURE)
    index = {feature: i for i, feature in enumerate(vocabulary)}
    matrix = _matrix(data.features, index)
    targets = data.targets
    weights = np.zeros((len(vocabulary), len(MODEL_LABELS)), dtype=np.float32)
    bias = np.full(len(MODEL_LABELS), -10.0)
    for label in range(len(MODEL_LABELS)):
        y = targets[:, label]
        if y.sum() < 2 or y.sum() == len(y):
            continue
        regression = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=1000)
        regression.fit(matrix, y)
        weights[:, label] = regression.coef_[0]
        bias[label] = regression.intercept_[0]
    return LinearModel(MODEL_LABELS, index, weights, bias, np.full(len(MODEL_LABELS), NEVER), np.zeros(len(MODEL_LABELS)))


def probabilities(model: LinearModel, data: Featurised) -> np.ndarray:
    """(examples, labels) probabilities, the same as the component computes one thought at a time."""
    logits = _matrix(data.features, model.index) @ model.weights.astype(np.float64) + model.bias
    return 1.0 / (1.0 + np.exp(-logits))


def with_thresholds(model: LinearModel, thresholds: np.ndarray, keeps: np.ndarray) -> LinearModel:
    return LinearModel(model.labels, model.index, model.weights, model.bias, thresholds, keeps)


def author_folds(authors: Sequence[str]) -> list[tuple[str, list[int], list[int]]]:
    """(held-out author, train indices, test indices): one fold per author."""
    folds = []
    for held in sorted(set(authors)):
        test = [i for i, a in enumerate(authors) if a == held]
        train = [i for i, a in enumerate(authors) if a != held]
        folds.append((held, train, test))
    return folds


def out_of_fold(data: Featurised, c: float = C, groups: int | None = None) -> np.ndarray:
    """Each example's probabilities from a model that never saw its author's words. With `groups`,
    authors are pooled into that many folds (fewer fits; still never split an author)."""
    authors = data.authors
    if groups:
        names = sorted(set(authors))
        pooled = {name: f"g{i % groups}" for i, name in enumerate(names)}
        authors = [pooled[a] for a in authors]
    result = np.zeros((len(data.examples), len(MODEL_LABELS)))
    for _held, train, test in author_folds(authors):
        model = fit(data.subset(train), c)
        result[test] = probabilities(model, data.subset(test))
    return result


def calibrate(probs: np.ndarray, data: Featurised, beta: float = BETA) -> tuple[np.ndarray, np.ndarray]:
    """Thresholds from out-of-fold probabilities. Per trap, a pair: the probability below which
    the model withdraws a rule's match (the model knows the rule fired, so a low probability
    means that rule is usually wrong in such words) and the one above which it adds the trap,
    chosen together for the best F-beta (0 and NEVER, the rules alone, unless a pair beats them).
    Then the lowest veto on `balanced` that keeps false alarms within FALSE_ALARM_TARGET."""
    traps = len(LABELS)
    thresholds = np.full(len(MODEL_LABELS), NEVER)
    keeps = np.zeros(len(MODEL_LABELS))
    for label in range(traps):
        gold, rule, p = data.gold[:, label], data.rules[:, label], probs[:, label]
        best = _f_beta(gold, rule, beta)
        for keep in KEEP_GRID:
            kept = rule & (p >= keep)
            for add in (*THRESHOLD_GRID, NEVER):
                score = _f_beta(gold, np.maximum(kept, p >= add), beta)
                if score > best + 1e-9:
                    best = score
                    thresholds[label], keeps[label] = add, keep
    thresholds[traps] = _veto(probs, data, thresholds, keeps)
    return thresholds, keeps


KEEP_GRID = tuple(round(0.05 * i, 2) for i in range(9))  # 0 (always keep) .. 0.40


def verdicts(rules: np.ndarray, probs: np.ndarray, thresholds: np.ndarray, keeps: np.ndarray) -> np.ndarray:
    """Rules-then-model: a rule's match stands unless the model finds it unlikely, the model
    adds what passes its threshold, and a thought the model is sure is balanced gets nothing."""
    traps = len(LABELS)
    verdict = np.maximum(rules & (probs[:, :traps] >= keeps[:traps]), probs[:, :traps] >= thresholds[:traps]).astype(np.int8)
    verdict[probs[:, traps] >= thresholds[traps]] = 0
    return verdict


VETO_GRID = (*(round(0.5 + 0.02 * i, 2) for i in range(25)), NEVER)  # 0.50 .. 0.98, never


def _veto(probs: np.ndarray, data: Featurised, thresholds: np.ndarray, keeps: np.ndarray) -> float:
    """The `balanced` threshold: of those that keep false alarms within the target, the one with
    the best macro-F1; if none does, the one with the fewest false alarms."""
    best: tuple[bool, float, float] | None = None
    chosen = NEVER
    for veto in VETO_GRID:
        trial = thresholds.copy()
        trial[len(LABELS)] = veto
        verdict = verdicts(data.rules, probs, trial, keeps)
        scores = score(data.gold, verdict)
        rate = scores.false_alarms / max(1, scores.balanced)
        key = (rate <= FALSE_ALARM_TARGET, scores.macro_f1 if rate <= FALSE_ALARM_TARGET else -rate, veto)
        if best is None or key > best:
            best, chosen = key, veto
    return chosen


def _f_beta(gold: np.ndarray, predicted: np.ndarray, beta: float) -> float:
    tp = int(np.sum((gold == 1) & (predicted == 1)))
    fp = int(np.sum((gold == 0) & (predicted == 1)))
    fn = int(np.sum((gold == 1) & (predicted == 0)))
    b2 = beta * beta
    denominator = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / denominator if denominator else 0.0


def train(data: Featurised, c: float = C, groups: int | None = None) -> LinearModel:
    """The model to ship: fitted on all of `data`, thresholds calibrated on author-held-out folds."""
    thresholds, keeps = calibrate(out_of_fold(data, c, groups), data)
    return with_thresholds(fit(data, c), thresholds, keeps)


def combined(model: LinearModel, data: Featurised) -> np.ndarray:
    """Rules-then-model verdicts (see `verdicts`)."""
    return verdicts(data.rules, probabilities(model, data), model.thresholds, model.keeps)


def model_alone(model: LinearModel, data: Featurised, cut: float = 0.5) -> np.ndarray:
    """The model's own verdicts at one probability for every trap (it is trained class-balanced)."""
    return (probabilities(model, data)[:, : len(LABELS)] >= cut).astype(np.int8)


# --- scoring ---------------------------------------------------------------------------------


def score(gold: np.ndarray, predicted: np.ndarray) -> Report:
    """Per-trap counts for one finder on one set (0/1 matrices), as `evaluate` reports them."""
    result = Report(labels={label: LabelScore() for label in LABELS}, examples=len(gold))
    for j, label in enumerate(LABELS):
        g, p = gold[:, j] == 1, predicted[:, j] == 1
        result.labels[label] = LabelScore(int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum()))
    balanced = gold.sum(axis=1) == 0
    result.balanced = int(balanced.sum())
    result.false_alarms = int((predicted[balanced].sum(axis=1) > 0).sum())
    result.distorted = int((~balanced).sum())
    result.missed = int((predicted[~balanced].sum(axis=1) == 0).sum())
    return result


def sample_authors(data: Featurised, share: float, seed: int = 0) -> list[int]:
    """A `share` of each author's examples (for a learning curve that keeps every voice)."""
    rng = random.Random(seed)
    authors = data.authors
    chosen = []
    for author in sorted(set(authors)):
        mine = [i for i, a in enumerate(authors) if a == author]
        rng.shuffle(mine)
        chosen.extend(mine[: max(1, round(len(mine) * share))])
    return sorted(chosen)


# --- saving ---------------------------------------------------------------------------------


def save(model: LinearModel, path: Path, top_words_path: Path | None = None, meta: dict | None = None) -> None:
    """The model as a compressed .npz (no pickles), and a Markdown list of each trap's heaviest words."""
    path.parent.mkdir(parents=True, exist_ok=True)
    features = sorted(model.index, key=model.index.__getitem__)
    # Weights too small to move a verdict are kept as they are: pruning them changed no figure
    # but made the file no smaller once compressed.
    np.savez_compressed(
        path,
        labels=np.array(model.labels),
        features=np.array(features),
        weights=model.weights.astype(np.float32),
        bias=model.bias.astype(np.float64),
        thresholds=model.thresholds.astype(np.float64),
        keeps=model.keeps.astype(np.float64),
        meta=np.array(json.dumps(meta or {}, sort_keys=True)),
    )
    if top_words_path is not None:
        top_words_path.write_text(top_words(model, features, meta or {}), encoding="utf-8")


def top_words(model: LinearModel, features: list[str], meta: dict, count: int = 25) -> str:
    """Each trap's heaviest features, readable by a reviewer: what the model leans on."""
    kinds = {"u": "word", "b": "pair", "n": "after a 'not'", "c": "letters", "p": "mark"}
    lines = [
        "# What the learned trap model leans on",
        "",
        "Made by `scripts/train_trap_model.py`; do not edit by hand. For each trap: its threshold (the",
        "lowest probability at which the model adds it beside the rules; 'never' means the rules alone",
        "decide it) and the features that push hardest towards it. `word` is a lemma, `pair` two",
        "lemmas in a row (`<s>` a clause start), `after a 'not'` a lemma in a negated clause,",
        "`letters` three letters of a word (`<` and `>` its ends).",
        "",
    ]
    if meta:
        lines += [f"Trained on {meta.get('examples', '?')} thoughts by {meta.get('authors', '?')} authors.", ""]
    for j, label in enumerate(model.labels):
        threshold = model.thresholds[j]
        shown = "never" if threshold > 1 else f"{threshold:.3f}"
        lines += [f"## {label} (threshold {shown})", ""]
        order = np.argsort(-model.weights[:, j])[:count]
        for row in order:
            kind, _, value = features[row].partition(":")
            lines.append(f"- {model.weights[row, j]:+.2f} {kinds.get(kind, kind)} `{value}`")
        lines.append("")
    return "\n".join(lines)
