#!/usr/bin/env python
"""Train the learned trap model, or judge it on authors it never saw.

    pip install -e '.[train]'
    python scripts/train_trap_model.py train      # writes thoughtwork/nlp/model/trap_model.npz
    python scripts/train_trap_model.py evaluate   # author-held-out figures and a learning curve

Training data: every `corpus/thoughts/*.jsonl` (one author a file) and our own labelled sets
(`tests/data/distortions_dev.jsonl` and holdout..holdout7, as the author "team"). holdout8 and
holdout9 are never trained on: they are scored as they are.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

from thoughtwork.nlp import training
from thoughtwork.nlp.trap_model import MODEL_PATH

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "thoughts"
DATA = ROOT / "tests" / "data"
TEAM_SETS = ["distortions_dev.jsonl"] + [f"distortions_holdout{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7)]
UNSEEN_SETS = ["distortions_holdout8.jsonl", "distortions_holdout9.jsonl"]
INNER_GROUPS = 4
"""Inside each author-held-out fold, thresholds are calibrated on this many pooled author folds
of the training authors only, so the held-out author never touches a threshold."""


def corpus_examples() -> list[training.Example]:
    examples = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        examples += training.read_examples(path)
    for name in TEAM_SETS:
        examples += training.read_examples(DATA / name, author="team")
    return training.deduplicated(examples)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(CORPUS.glob("*.jsonl")) + [DATA / name for name in TEAM_SETS]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def train_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    data = training.featurise(corpus_examples())
    model = training.train(data, args.c)
    meta = {
        "examples": len(data.examples),
        "authors": len(set(data.authors)),
        "corpus_sha256_16": fingerprint(),
        "c": args.c,
        "beta": training.BETA,
    }
    training.save(model, MODEL_PATH, MODEL_PATH.with_name("top_words.md"), meta)
    print(f"trained on {meta['examples']} thoughts by {meta['authors']} authors in {time.perf_counter() - started:.0f} s")
    print(f"{len(model.index)} features -> {MODEL_PATH.relative_to(ROOT)}")
    for label, threshold, keep in zip(model.labels, model.thresholds, model.keeps):
        shown = "never" if threshold > 1 else f"{threshold:.3f}"
        if label == training.BALANCED:
            print(f"  {label:<22} withdraws every suggestion from {shown}")
        else:
            print(f"  {label:<22} adds from {shown}, keeps a rule's match from {keep:.2f}")
    return 0


def held_out(data: training.Featurised, c: float, share: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Model-alone and combined verdicts for every example, each from a model (and thresholds)
    that never saw its author. `share` of each training author's data is used."""
    model_alone = np.zeros(data.gold.shape, dtype=np.int8)
    together = np.zeros(data.gold.shape, dtype=np.int8)
    for _held, train, test in training.author_folds(data.authors):
        part = data.subset(train)
        if share < 1:
            part = part.subset(training.sample_authors(part, share))
        model = training.train(part, c, groups=INNER_GROUPS)
        test_data = data.subset(test)
        model_alone[test] = training.model_alone(model, test_data)
        together[test] = training.combined(model, test_data)
    return model_alone, together


def table(name: str, gold: np.ndarray, finders: dict[str, np.ndarray]) -> None:
    scores = {finder: training.score(gold, predicted) for finder, predicted in finders.items()}
    print(f"\n{name}: {len(gold)} thoughts, {next(iter(scores.values())).balanced} balanced")
    header = f"{'trap':<22}" + "".join(f"{finder + ' P/R/F1':>22}" for finder in finders) + f"{'support':>9}"
    print(header)
    for label in training.LABELS:
        row = f"{label:<22}"
        for s in scores.values():
            ls = s.labels[label]
            row += f"{ls.precision:>8.2f}{ls.recall:>7.2f}{ls.f1:>7.2f}"
        row += f"{next(iter(scores.values())).labels[label].support:>9}"
        print(row)
    for finder, s in scores.items():
        print(
            f"  {finder:<9} macro-F1 {s.macro_f1:.3f}   false alarms {s.false_alarms}/{s.balanced}"
            f" ({s.false_alarm_rate:.1%})   distorted with no trap found {s.no_trap_found:.1%}"
        )


def evaluate_command(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    data = training.featurise(corpus_examples())
    helpers = [i for i, a in enumerate(data.authors) if a != "team"]
    print(f"{len(data.examples)} thoughts by {len(set(data.authors))} authors; each author scored by a model trained on the others")
    model_alone, together = held_out(data, args.c)
    per_author = {}
    for author in sorted(set(data.authors)):
        idx = [i for i, a in enumerate(data.authors) if a == author]
        rules = training.score(data.gold[idx], data.rules[idx]).macro_f1
        both = training.score(data.gold[idx], together[idx])
        per_author[author] = (len(idx), rules, training.score(data.gold[idx], model_alone[idx]).macro_f1, both.macro_f1, both.false_alarms, both.balanced)
    print(f"\n{'held-out author':<16}{'thoughts':>9}{'rules':>8}{'model':>8}{'combined':>10}{'false alarms':>15}")
    for author, (n, rules, model, both, fa, bal) in per_author.items():
        print(f"{author:<16}{n:>9}{rules:>8.3f}{model:>8.3f}{both:>10.3f}{f'{fa}/{bal}':>15}")
    gold = data.gold[helpers]
    table(
        "all helper authors, each held out (rules were never tuned on them)",
        gold,
        {"rules": data.rules[helpers], "model": model_alone[helpers], "combined": together[helpers]},
    )
    if args.curve:
        print("\nlearning curve (combined macro-F1 over held-out helper authors, by share of each training author's data):")
        for share in (0.25, 0.5, 1.0):
            _alone, both = held_out(data, args.c, share) if share < 1 else (model_alone, together)
            s = training.score(gold, both[helpers])
            print(f"  {share:>4.0%}: macro-F1 {s.macro_f1:.3f}, false alarms {s.false_alarms}/{s.balanced}")
    final = training.train(data, args.c, groups=None if args.full else INNER_GROUPS)
    for name in UNSEEN_SETS:
        unseen = training.featurise(training.read_examples(DATA / name, author="unseen"))
        table(
            f"{name} (never trained on; model trained on every corpus author)",
            unseen.gold,
            {
                "rules": unseen.rules,
                "model": training.model_alone(final, unseen),
                "combined": training.combined(final, unseen),
            },
        )
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train on the whole corpus and write the shipped model")
    evaluate = commands.add_parser("evaluate", help="author-held-out figures, the learning curve, holdout8/9")
    evaluate.add_argument("--curve", action="store_true", help="also train on 25%% and 50%% of each author (slower)")
    evaluate.add_argument("--full", action="store_true", help="calibrate the final model leave-one-author-out, as `train` does")
    for command in (train, evaluate):
        command.add_argument("--c", type=float, default=training.C, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    return {"train": train_command, "evaluate": evaluate_command}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
