"""Training the learned fit layer (`fit_model`) on labelled thoughts, and judging it by writer.

Each labelled thought lists reframe ids a clinician would accept and ids that must never appear.
For every thought the guards allow some reframes (`ranking.rule_fits`); the loss asks that the
accepted ones among them get most of a softmax over all of them, with a forbidden one weighing
FORBID_WEIGHT times as much in the denominator, so it is pushed down harder than one merely not
listed. The score of a (thought, reframe) pair is the rules' score times a learned factor plus the
bilinear fit; the saved weights are divided by that factor, so they add to the rule score as
they are. Fitted with L-BFGS (scipy, a training-only dependency).

Evaluation never splits a writer: each file is one writer, and a writer's figure comes from a
model that never saw any of their thoughts (`held_out_offers`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from thoughtwork.content.evaluation import Labelled
from thoughtwork.content.fit_model import BIAS, FitModel, ThoughtReading, matrix_rows, reframe_features, thought_features
from thoughtwork.models import Analysis, Reframe

FORBID_WEIGHT = 4.0
"""How much more a forbidden reframe counts against a thought than one that is merely not listed."""
L2 = 0.5
"""Weight decay on the bilinear weights. With r2 held out (trained on the other four writers),
0.5 gave 144 of its 200 thoughts a fitting top three and 0.05 about as many; stronger decay
leaves more to the rules, which do worse on writers they were not built against."""
MIN_THOUGHTS = 2
"""A word feature is learned only if at least this many training thoughts have it."""
MAX_ITERATIONS = 300
METHOD = "L-BFGS-B"


@dataclass(frozen=True)
class Read:
    """One labelled thought as the ranker reads it (spaCy's work, done once)."""

    item: Labelled
    analysis: Analysis
    balanced: bool
    faint: dict[str, float] | None


@dataclass(frozen=True)
class Example:
    read: Read
    reading: ThoughtReading
    rule: dict[str, float]
    """Reframe id -> the rules' score, for every reframe the guards allow."""


def read_labelled(item: Labelled) -> Read:
    """The analysis, balance and faint traps the app would use for this thought and situation."""
    from thoughtwork.content.balance import is_balanced, learned_balance
    from thoughtwork.content.ranking import faint_traps
    from thoughtwork.nlp import analyse
    from thoughtwork.safety import mentions_self_harm

    analysis = analyse(item.text)
    if item.situation and not analysis.mentions_self_harm and mentions_self_harm(item.situation):
        analysis = analysis.model_copy(update={"mentions_self_harm": True})
    return Read(item, analysis, is_balanced(analysis, learned_balance(item.text)), faint_traps(item.text))


def example(read: Read, library: Sequence[Reframe]) -> Example:
    from thoughtwork.content.ranking import rule_fits

    reading, fits = rule_fits(read.analysis, library, context=read.item.context, situation=read.item.situation,
                              balanced=read.balanced, faint=read.faint)
    return Example(read, reading, {reframe.id: score for reframe, score in fits})


def load_writers(paths: Sequence[Path], library: Sequence[Reframe]) -> dict[str, list[Example]]:
    """Writer (the file's stem: every file is one writer) -> their thoughts, read once."""
    from thoughtwork.content.evaluation import load

    return {path.stem: [example(read_labelled(item), library) for item in load(path)] for path in paths}


def trainable(examples: Sequence[Example]) -> list[Example]:
    """Thoughts with an accepted reframe the guards allow: nothing else can be learned from."""
    return [e for e in examples if e.read.item.accept.intersection(e.rule)]


def train(examples: Sequence[Example], library: Sequence[Reframe], l2: float = L2) -> FitModel:
    """A fit layer trained on these thoughts (from any number of writers)."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    examples = trainable(examples)
    features = [thought_features(e.reading) for e in examples]
    thought_index = _vocabulary(features)
    reframe_index = {f: i for i, f in enumerate(sorted({f for r in library for f in reframe_features(r)}))}
    x = csr_matrix(matrix_rows(features, thought_index))  # a thought has a few dozen of the features
    y = matrix_rows(({f: 1.0 for f in reframe_features(r)} for r in library), reframe_index)
    ids = {r.id: j for j, r in enumerate(library)}
    rule, allowed, accept, weight = _targets(examples, ids)
    shape = (len(thought_index), len(reframe_index))

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, factor = params[:-1].reshape(shape), math.exp(params[-1])  # the rules' weight stays positive
        scores = np.where(allowed, factor * rule + (x @ w) @ y.T, -np.inf)
        below, p_below = _softmax(scores, weight)
        above, p_above = _softmax(scores, accept)
        value = float(np.sum(below - above)) + l2 * float(np.sum(w * w))
        grad_scores = p_below - p_above
        grad_w = x.T @ (grad_scores @ y) + 2 * l2 * w
        grad_factor = factor * float(np.sum(np.where(allowed, grad_scores * rule, 0.0)))
        return value, np.append(grad_w.ravel(), grad_factor)

    start = np.zeros(shape[0] * shape[1] + 1)
    result = minimize(loss, start, jac=True, method=METHOD, options={"maxiter": MAX_ITERATIONS})
    w, factor = result.x[:-1].reshape(shape), math.exp(result.x[-1])
    return FitModel(thought_index, reframe_index, (w / factor).astype(np.float32))


def _softmax(scores: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row: log of the weighted sum of exp(score), and each pair's share of that sum."""
    masked = np.where(weight > 0, scores, -np.inf)
    top = masked.max(axis=1, keepdims=True)
    exp = np.exp(masked - top) * weight
    total = exp.sum(axis=1, keepdims=True)
    return (np.log(total) + top)[:, 0], exp / total


def _vocabulary(features: Sequence[Mapping[str, float]]) -> dict[str, int]:
    counts = Counter(f for row in features for f in row)
    kept = sorted(f for f, n in counts.items() if n >= MIN_THOUGHTS or f == BIAS)
    return {f: i for i, f in enumerate(kept)}


def _targets(examples: Sequence[Example], ids: Mapping[str, int]):
    """Rule scores, the guards' mask, accepted ids and the softmax weights, (thoughts, reframes)."""
    shape = (len(examples), len(ids))
    rule, allowed = np.zeros(shape), np.zeros(shape, dtype=bool)
    accept, weight = np.zeros(shape), np.zeros(shape)
    for row, e in enumerate(examples):
        for ident, score in e.rule.items():
            column = ids[ident]
            rule[row, column], allowed[row, column], weight[row, column] = score, True, 1.0
            if ident in e.read.item.accept:
                accept[row, column] = 1.0
            elif ident in e.read.item.forbid:
                weight[row, column] = FORBID_WEIGHT
    return rule, allowed, accept, weight


def offer_with(model: FitModel | None, library: Sequence[Reframe]) -> Callable[[Read], list[str]]:
    """The ids the app would offer for a read thought with this fit layer (None: rules alone)."""
    from thoughtwork.content.ranking import rank_reframes

    def offer(read: Read) -> list[str]:
        ranked = rank_reframes(read.analysis, library, context=read.item.context, situation=read.item.situation,
                               balanced=read.balanced, faint=read.faint, fit=model)
        return [r.reframe.id for r in ranked]

    return offer


def held_out_offers(
    writers: Mapping[str, Sequence[Example]], library: Sequence[Reframe], l2: float = L2
) -> dict[str, dict[int, list[str]]]:
    """Writer -> {line: ids offered}, each writer's offers from a layer trained on the others only."""
    offers = {}
    for held in writers:
        train_on = [e for name, examples in writers.items() if name != held for e in examples]
        offer = offer_with(train(train_on, library, l2), library)
        offers[held] = {e.read.item.line: offer(e.read) for e in writers[held]}
    return offers
